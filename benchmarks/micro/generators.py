"""Generators: a pipeline of generator functions and a generator expression."""

from collections.abc import Iterator


def naturals(limit: int) -> Iterator[int]:
    n = 0
    while n < limit:
        yield n
        n += 1


def evens(items: Iterator[int]) -> Iterator[int]:
    for item in items:
        if item % 2 == 0:
            yield item


def pipeline(limit: int) -> int:
    return sum(x * x % 1000 for x in evens(naturals(limit)))


if __name__ == "__main__":
    print(pipeline(400000))
