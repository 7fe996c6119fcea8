"""Big and small ints side by side: i64 counters and indexes next to arbitrary-precision
products, conversions back to small values, comparisons and containers."""


def product(values: list[int]) -> int:
    result = 1
    for v in values:
        result *= v
    return result


def collatz_peak(n: int) -> int:
    peak = n
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        peak = max(peak, n)
    return peak


def last_digits(n: int, count: int) -> int:
    modulus: int = 10**count
    return n % modulus


def describe(n: int) -> str:
    sign = "negative" if n < 0 else "non-negative"
    return f"{sign} with {len(str(abs(n)))} digits"


def powers_of(base: int, limit: int) -> list[int]:
    out = []
    for k in range(limit):
        out.append(base**k)
    return out


if __name__ == "__main__":
    values = list(range(1, 31))
    big = product(values)
    small = sum(values)
    print(big, small, big // small, big % small)
    print(big > small, small < big, big == product(values), big != small)
    print(-big, abs(-big), -big // 7, -big % 7)
    print(collatz_peak(27), collatz_peak(77031))
    print(last_digits(big, 12), last_digits(product([7] * 40), 5))
    print(describe(big), "|", describe(-big * big), "|", describe(small))
    ps = powers_of(3, 45)
    print(ps[-1], len(ps), ps[40] > ps[39] * 2, ps[2])
    print([p % 1000 for p in ps[38:]])
    index = last_digits(big, 1) + 2
    print(values[index], big if big else 0, "yes" if big - big else "no")
    print(float(big), big / 3, 2**100 * 0.5)
    print(max(big, small), min(big, -big), round(big / 10**30, 3))
