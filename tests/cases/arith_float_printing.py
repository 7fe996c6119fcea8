"""How CPython prints floats: shortest repr, exponents, integral floats."""

import math


def harmonic(n: int) -> float:
    total = 0.0
    for k in range(1, n + 1):
        total += 1 / k
    return total


def scale(values: list[float], factor: float) -> list[float]:
    return [v * factor for v in values]


def main() -> None:
    print(1.0, 0.1 + 0.2, 1e-05, 0.0001, 1e16, 1e15, 123456789.0)
    print(2.5e-10, 1.5e300 * 10, -0.0, 100.0 / 3)
    print(harmonic(1), harmonic(10))
    print(scale([1.0, 2.5, -3.0], 0.1))
    print(float(10 ** 16), float(2 ** 53), 1 / 8, 3.0 * 2)
    print(math.pi, math.e, math.sqrt(2))
    print(math.inf, -math.inf, math.isnan(math.nan))
    print(str(0.1), repr(0.30000000000000004), 5e-324 > 0)
    total = 0.0
    for _ in range(10):
        total += 0.1
    print(total, total == 1.0, math.isclose(total, 1.0))
    print(float(7), 7 / 1, 1e22, 1e21, 12345678901234567890.0)


if __name__ == "__main__":
    main()
