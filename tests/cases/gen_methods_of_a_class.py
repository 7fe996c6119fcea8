"""Generator methods: `__iter__` and a named one, each working on the object's own data."""

from collections.abc import Iterator


class Bag:
    def __init__(self, items: list[int]) -> None:
        self.items = items
        self.scale = 2

    def __iter__(self) -> Iterator[int]:
        for x in self.items:
            yield x * self.scale

    def evens(self) -> Iterator[int]:
        for x in self.items:
            if x % 2 == 0:
                yield x


if __name__ == "__main__":
    b = Bag([1, 2, 3, 4])
    print(list(b))
    print(list(b.evens()))
    print(sum(b))
