"""Instances: creating objects, reading and updating attributes, calling methods."""


class Particle:
    def __init__(self, x: float, v: float) -> None:
        self.x = x
        self.v = v

    def step(self, dt: float) -> None:
        self.x += self.v * dt
        if self.x < 0.0 or self.x > 100.0:
            self.v = -self.v

    def energy(self) -> float:
        return 0.5 * self.v * self.v


def simulate(count: int, steps: int) -> float:
    particles = [Particle(float(i % 100), float(i % 7) - 3.0) for i in range(count)]
    for _ in range(steps):
        for p in particles:
            p.step(0.1)
    return sum(p.energy() for p in particles) + particles[0].x


if __name__ == "__main__":
    print(round(simulate(2000, 200), 6))
