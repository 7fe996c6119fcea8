"""Standard-library functions imported by name (`from heapq import heappush`): mypy names
some of them after their C modules (`_heapq`, `_bisect`, `_struct`)."""

from bisect import bisect, insort
from heapq import heapify, heappop, heappush
from random import randint, seed, shuffle
from struct import calcsize, pack, unpack
from sys import stderr, stdout
from time import perf_counter


def push_all(heap: list[int], items: list[int]) -> None:
    for item in items:
        heappush(heap, item)


def ranked(scores: list[int]) -> list[int]:
    ladder: list[int] = []
    for s in scores:
        insort(ladder, s)
    return [bisect(ladder, s) for s in scores]


def main() -> None:
    start = perf_counter()
    heap = [9, 4, 7]
    heapify(heap)
    push_all(heap, [1, 8, 2])
    print(heap, [heappop(heap) for _ in range(3)], heap)
    print(ranked([50, 20, 90, 20, 70]))
    seed(99)
    rolls = [randint(1, 20) for _ in range(6)]
    shuffle(rolls)
    print(rolls, file=stdout)
    print("debug: rolled", len(rolls), file=stderr)
    record = pack("<hI", -3, 70000)
    print(record, calcsize("<hI"), unpack("<hI", record))
    stdout.write(f"elapsed ok: {perf_counter() - start >= 0}\n")


if __name__ == "__main__":
    main()
