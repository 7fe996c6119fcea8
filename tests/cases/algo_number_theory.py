"""Number puzzles: digit manipulation, Collatz lengths, perfect numbers, base conversion."""


def reverse_int(n: int) -> int:
    sign = -1 if n < 0 else 1
    n = abs(n)
    result = 0
    while n:
        result = result * 10 + n % 10
        n //= 10
    return sign * result


def collatz_length(n: int) -> int:
    steps = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def divisors_sum(n: int) -> int:
    total = 1 if n > 1 else 0
    d = 2
    while d * d <= n:
        if n % d == 0:
            total += d
            if d != n // d:
                total += n // d
        d += 1
    return total


def to_base(n: int, base: int) -> str:
    if n == 0:
        return "0"
    digits = []
    negative = n < 0
    n = abs(n)
    while n > 0:
        n, r = divmod(n, base)
        digits.append("0123456789ABCDEF"[r])
    return ("-" if negative else "") + "".join(reversed(digits))


def is_armstrong(n: int) -> bool:
    digits = str(n)
    total = 0
    for d in digits:
        total += int(d) ** len(digits)
    return total == n


def main() -> None:
    print([reverse_int(n) for n in [123, -456, 1200, 0, 7]])
    best = max(range(1, 30), key=collatz_length)
    print(best, collatz_length(best), [collatz_length(n) for n in range(1, 10)])
    print([n for n in range(2, 10000) if divisors_sum(n) == n])
    print(to_base(255, 2), to_base(255, 16), to_base(-31, 8), to_base(0, 3))
    print([n for n in range(1, 1000) if is_armstrong(n)])


if __name__ == "__main__":
    main()
