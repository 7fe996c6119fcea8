"""Sets of small ints: primes, perfect squares, and their printed forms."""


def primes_below(n: int) -> set[int]:
    candidates = set(range(2, n))
    for p in range(2, int(n ** 0.5) + 1):
        if p in candidates:
            candidates -= set(range(p * p, n, p))
    return candidates


def squares_below(n: int) -> set[int]:
    result = set()
    k = 0
    while k * k < n:
        result.add(k * k)
        k += 1
    return result


def main() -> None:
    primes = primes_below(50)
    squares = squares_below(50)
    print(sorted(primes))
    print(sorted(squares), squares_below(10))
    print(sorted(primes | squares)[:10], primes & squares, len(primes ^ squares))
    odd_primes = {p for p in primes if p % 2 == 1}
    print(odd_primes == primes - {2}, max(primes), min(squares), sum(squares))
    remaining = set(squares)
    while remaining:
        smallest = min(remaining)
        remaining.discard(smallest)
        if smallest > 10:
            break
    print(sorted(remaining))
    print(set([3, 3, 2]), {n % 5 for n in range(20)}, set("aaa") == {"a"})


if __name__ == "__main__":
    main()
