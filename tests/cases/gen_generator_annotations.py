"""Generator[...] annotations, yield from, and generators returning values."""

from typing import Generator, Iterator


def countdown(n: int) -> Generator[int, None, None]:
    while n > 0:
        yield n
        n -= 1


def flatten(nested: list[list[int]]) -> Iterator[int]:
    for inner in nested:
        yield from inner


def running_average(values: list[float]) -> Generator[float, None, None]:
    total = 0.0
    for i, v in enumerate(values, start=1):
        total += v
        yield total / i


def chunked(values: list[int], size: int) -> Iterator[list[int]]:
    chunk: list[int] = []
    for v in values:
        chunk.append(v)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def main() -> None:
    print(list(countdown(5)), list(countdown(0)))
    print(list(flatten([[1, 2], [], [3], [4, 5, 6]])))
    print([round(a, 3) for a in running_average([3.0, 5.0, 10.0, 0.5])])
    for chunk in chunked(list(range(11)), 4):
        print(chunk)
    total = 0
    for n in countdown(100):
        total += n
    print(total, max(countdown(7)), sorted(countdown(4)))


if __name__ == "__main__":
    main()
