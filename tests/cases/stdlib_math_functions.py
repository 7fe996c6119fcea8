"""math module: sqrt, floor/ceil, gcd/lcm, isqrt, hypot, factorial, comb, trig, log."""

import math


def circle_stats(radius: float) -> tuple[float, float]:
    return math.pi * radius ** 2, 2 * math.pi * radius


def is_perfect_square(n: int) -> bool:
    if n < 0:
        return False
    root = math.isqrt(n)
    return root * root == n


def main() -> None:
    area, circumference = circle_stats(2.0)
    print(round(area, 4), round(circumference, 4))
    print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(-2.5), math.floor(7.9), math.ceil(7.1))
    print(math.trunc(-3.7), math.fabs(-4), math.copysign(3, -0.0), math.fmod(-7, 3))
    print(math.gcd(84, 36), math.lcm(4, 6), math.isqrt(99), math.factorial(10), math.comb(10, 3), math.perm(5, 2))
    print([n for n in range(50) if is_perfect_square(n)])
    print(math.hypot(5, 12), math.dist((0, 0), (3, 4)))
    print(round(math.sin(math.pi / 6), 10), round(math.cos(0.0), 3), math.degrees(math.pi), math.radians(180))
    print(math.log(math.e), math.log10(1000), math.log2(1024), math.log(8, 2), math.exp(0))
    print(math.pow(2, 10), math.inf > 10 ** 18, math.isfinite(1e308), math.isinf(-math.inf))
    print(sum([0.1] * 10), math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]))


if __name__ == "__main__":
    main()
