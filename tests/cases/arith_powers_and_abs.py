"""Exponentiation, abs, divmod and integer/float mixing."""

BASE = 3
LIMIT = 10


def int_powers(base: int, count: int) -> list[int]:
    result = []
    for exponent in range(count):
        result.append(base ** exponent)
    return result


def mod_pow(base: int, exponent: int, modulus: int) -> int:
    result = 1
    base = base % modulus
    while exponent > 0:
        if exponent % 2 == 1:
            result = result * base % modulus
        exponent //= 2
        base = base * base % modulus
    return result


def distance(x1: int, y1: int, x2: int, y2: int) -> int:
    return abs(x1 - x2) + abs(y1 - y2)


def digits_sum(n: int) -> int:
    n = abs(n)
    total = 0
    while n:
        n, digit = divmod(n, 10)
        total += digit
    return total


def main() -> None:
    print(int_powers(BASE, LIMIT))
    print(2 ** 62, (-2) ** 3, -(2 ** 4))
    print(2 ** -1, 10 ** -2, 4 ** 0.5)
    print(mod_pow(7, 128, 13), mod_pow(2, 100, 1_000_000_007))
    print(distance(-3, 4, 5, -2), distance(0, 0, 0, 0))
    print(abs(-3.25), abs(0), abs(-0.0))
    for n in [0, 7, -1234, 99999]:
        print(n, digits_sum(n))
    print(7 / 2, -7 / 2, 6 / 3, 1 / 3)
    print(3 * 1.5, 10 - 0.5, 2 + True)


if __name__ == "__main__":
    main()
