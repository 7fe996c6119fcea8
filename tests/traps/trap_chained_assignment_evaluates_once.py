import math

calls: list[int] = []


def f(x: int) -> int:
    calls.append(x)
    return x * 2


class P:
    def __init__(self, i: float) -> None:
        self.x = x = math.sin(i)
        self.y = x * 2


def run() -> None:
    a = b = f(3)
    xs = [0, 0]
    xs[0] = c = f(4)
    print(a, b, c, xs, calls)
    p = P(1.0)
    print(round(p.x, 6), round(p.y, 6))


if __name__ == "__main__":
    run()
