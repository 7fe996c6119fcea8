"""Generator utilities: sliding windows, batching, interleaving and an infinite id allocator."""

from typing import Generator, Iterable, Iterator


def windows(values: list[int], size: int) -> Iterator[tuple[int, ...]]:
    for i in range(len(values) - size + 1):
        yield tuple(values[i:i + size])


def batches(items: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def interleave(a: list[int], b: list[int]) -> Generator[int, None, None]:
    for i in range(max(len(a), len(b))):
        if i < len(a):
            yield a[i]
        if i < len(b):
            yield b[i]


def id_allocator(prefix: str, start: int = 1) -> Iterator[str]:
    n = start
    while True:
        yield f"{prefix}-{n:04d}"
        n += 1


def main() -> None:
    temps = [12, 14, 13, 17, 21, 20, 18]
    print([round(sum(w) / len(w), 2) for w in windows(temps, 3)])
    print(max(windows(temps, 2), key=lambda w: w[1] - w[0]), list(windows([1], 2)))
    print(list(batches("abcdefg", 3)), list(batches([], 2)))
    print(list(interleave([1, 3, 5, 7], [2, 4])))
    ids = id_allocator("ORD", 98)
    print([next(ids) for _ in range(4)])
    for new_id in ids:
        if new_id.endswith("05"):
            print("stopped at", new_id)
            break


if __name__ == "__main__":
    main()
