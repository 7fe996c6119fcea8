"""A particle system storing coordinates in array.array buffers, as numeric code does."""

import array
from array import array as make_array


class Particles:
    DAMPING = 0.5

    def __init__(self, xs: list[float], speeds: list[float]) -> None:
        self.xs = array.array("d", xs)
        self.vs = make_array("d", speeds)
        self.hits = make_array("q", [0] * len(xs))

    def step(self, width: float) -> None:
        for i in range(len(self.xs)):
            x = self.xs[i] + self.vs[i]
            if x < 0.0 or x > width:
                self.vs[i] = -self.vs[i] * self.DAMPING
                self.hits[i] += 1
                x = min(max(x, 0.0), width)
            self.xs[i] = x

    def energy(self) -> float:
        return sum(v * v for v in self.vs) / 2


def histogram(values: "array.array[float]", buckets: int, width: float) -> list[int]:
    counts = [0] * buckets
    for v in values:
        counts[min(int(v / width * buckets), buckets - 1)] += 1
    return counts


def main() -> None:
    p = Particles([1.0, 5.0, 9.5], [2.0, -3.0, 1.5])
    for _ in range(4):
        p.step(10.0)
    print(list(p.xs), list(p.vs))
    print(list(p.hits), sum(p.hits), round(p.energy(), 4))
    print(histogram(p.xs, 4, 10.0), len(p.xs), p.xs[-1])
    ids = make_array("q")
    for k in range(3):
        ids.append(k * k)
    print(list(ids), max(ids), sorted(ids, reverse=True))


if __name__ == "__main__":
    main()
