"""A dataclass tree of linked nodes: in-order traversal as a recursive generator (`__iter__`
with `yield from`), `__len__` from it (so an empty-looking node is still true only by
length), a property that walks the children, and another dataclass that holds a node."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass
class Leafy:
    value: int
    low: Leafy | None = None
    high: Leafy | None = None

    def __iter__(self) -> Iterator[int]:
        if self.low:
            yield from self.low
        yield self.value
        if self.high:
            yield from self.high

    def __len__(self) -> int:
        return sum(1 for _ in self)

    @property
    def depth(self) -> int:
        below = [child.depth for child in (self.low, self.high) if child]
        return 1 + max(below, default=0)


@dataclass
class Forest:
    top: Leafy

    def __iter__(self) -> Iterator[int]:
        return iter(self.top)

    def total(self) -> int:
        return sum(self.top)

    def describe(self) -> str:
        return f"{len(self.top)} values, depth {self.top.depth}: {list(self.top)}"


def grow(values: list[int]) -> Forest:
    top = Leafy(values[0])
    for v in values[1:]:
        node = top
        while True:
            if v < node.value:
                if node.low is None:
                    node.low = Leafy(v)
                    break
                node = node.low
            else:
                if node.high is None:
                    node.high = Leafy(v)
                    break
                node = node.high
    return Forest(top)


if __name__ == "__main__":
    single = Leafy(5)
    print(list(single), len(single), single.depth)
    single.high = Leafy(9)
    print(tuple(single), len(single), single.depth)
    forest = grow([50, 30, 70, 20, 40, 60, 80, 35])
    print(forest.describe())
    print(forest.total(), list(forest)[-3:])
    print(forest.top.low.depth if forest.top.low else 0)
