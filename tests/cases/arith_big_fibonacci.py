"""Fibonacci numbers and powers of two past i64: sums of a loop's own values, `**`."""


def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_list(n: int) -> list[int]:
    seq = [0, 1]
    while len(seq) < n:
        seq.append(seq[-1] + seq[-2])
    return seq[:n]


def fib_rec(n: int) -> int:
    if n < 2:
        return n
    return fib_rec(n - 1) + fib_rec(n - 2)


def fib_memo(n: int, memo: dict[int, int]) -> int:
    if n in memo:
        return memo[n]
    value = n if n < 2 else fib_memo(n - 1, memo) + fib_memo(n - 2, memo)
    memo[n] = value
    return value


def power_of_two(k: int) -> int:
    value: int = 2**k
    return value


def count_digits(n: int) -> int:
    digits = 0
    while n:
        n //= 10
        digits += 1
    return digits


if __name__ == "__main__":
    print(fib(10), fib(90), fib(93), fib(100))
    print(fib_list(100)[-3:])
    print(fib_rec(20))
    cache: dict[int, int] = {}
    print(fib_memo(150, cache), len(cache), cache[93] == fib(93))
    print(power_of_two(62), power_of_two(63), power_of_two(100))
    print(2**100, -(2**64), 3**40 + 1)
    print(count_digits(fib(300)), count_digits(power_of_two(1000)))
    print(fib(100) % 1_000_000_007, fib(100) // fib(99), fib(100) / fib(99))
    total = sum(fib_list(120))
    print(total, max(fib_list(95)), total - fib(121) + 1)
    print(f"{power_of_two(70):x} {fib(100):_}")
