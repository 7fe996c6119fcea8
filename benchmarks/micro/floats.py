"""Float arithmetic: a numerical integration and a Newton iteration."""

import math


def integrate(steps: int) -> float:
    h = 1.0 / steps
    total = 0.0
    for i in range(steps):
        x = (i + 0.5) * h
        total += 4.0 / (1.0 + x * x)
    return total * h


def newton_roots(count: int) -> float:
    acc = 0.0
    for k in range(1, count):
        x = float(k)
        for _ in range(20):
            x = x - (x * x - k) / (2.0 * x)
        acc += x - math.sqrt(k)
    return acc


if __name__ == "__main__":
    print(round(integrate(1000000), 9))
    print(round(newton_roots(20000), 6))
