"""An incremental prime generator and windows over a generator."""

from typing import Iterator


def primes() -> Iterator[int]:
    found: list[int] = []
    candidate = 2
    while True:
        is_prime = True
        for p in found:
            if p * p > candidate:
                break
            if candidate % p == 0:
                is_prime = False
                break
        if is_prime:
            found.append(candidate)
            yield candidate
        candidate += 1


def pairwise_gaps(it: Iterator[int], count: int) -> list[int]:
    gaps = []
    prev = next(it)
    for value in it:
        gaps.append(value - prev)
        prev = value
        if len(gaps) == count:
            break
    return gaps


def twin_primes(limit: int) -> list[tuple[int, int]]:
    result = []
    prev = -10
    for p in primes():
        if p > limit:
            break
        if p - prev == 2:
            result.append((prev, p))
        prev = p
    return result


def main() -> None:
    gen = primes()
    print([next(gen) for _ in range(10)])
    print(pairwise_gaps(primes(), 15))
    print(twin_primes(100))
    hundredth = 0
    for index, p in enumerate(primes(), start=1):
        if index == 100:
            hundredth = p
            break
    print(hundredth)


if __name__ == "__main__":
    main()
