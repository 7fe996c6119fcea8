"""Infinite generators consumed with break, next(), and a take() helper."""

from typing import Iterator


def fibonacci() -> Iterator[int]:
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n: int, it: Iterator[int]) -> list[int]:
    result: list[int] = []
    for value in it:
        if len(result) >= n:
            break
        result.append(value)
    return result


def first_above(limit: int) -> int:
    for value in fibonacci():
        if value > limit:
            return value
    return -1


def main() -> None:
    print(take(12, fibonacci()))
    print(first_above(1000), first_above(0))
    gen = fibonacci()
    print(next(gen), next(gen), next(gen), next(gen))
    even_sum = 0
    for f in fibonacci():
        if f > 4_000_000:
            break
        if f % 2 == 0:
            even_sum += f
    print(even_sum)


if __name__ == "__main__":
    main()
