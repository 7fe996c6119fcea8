"""Factorials and binomials past i64: products that grow in loops and through recursion."""

import math


def factorial(n: int) -> int:
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result


def factorial_rec(n: int) -> int:
    return 1 if n <= 1 else n * factorial_rec(n - 1)


def binomial(n: int, k: int) -> int:
    return factorial(n) // (factorial(k) * factorial(n - k))


def digit_sum(n: int) -> int:
    total = 0
    for ch in str(n):
        total += int(ch)
    return total


def trailing_zeros(n: int) -> int:
    count = 0
    while n % 10 == 0 and n > 0:
        n //= 10
        count += 1
    return count


if __name__ == "__main__":
    for n in [0, 1, 5, 20, 21, 25, 30]:
        print(n, factorial(n))
    print(factorial_rec(40) == factorial(40))
    print(binomial(60, 30))
    print(digit_sum(factorial(100)))
    print(trailing_zeros(factorial(50)))
    print(math.factorial(22))
    big = factorial(34)
    print(f"{big:,}")
    print(f"[{factorial(23):>30}]")
    print(big > 10**38, big < 2**128, big % 1_000_007)
    print(str(factorial(26))[:10], len(str(factorial(200))))
