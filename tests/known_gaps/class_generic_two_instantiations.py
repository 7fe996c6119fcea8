"""A generic class the module uses with two type arguments (`Pair[int]`, `Pair[str]`):
one monomorphic struct cannot hold both (PRT510)."""

from typing import Generic, TypeVar

T = TypeVar("T")


class Pair(Generic[T]):
    def __init__(self, first: T, second: T) -> None:
        self.first = first
        self.second = second

    def swapped(self) -> "Pair[T]":
        return Pair(self.second, self.first)

    def describe(self) -> str:
        return f"({self.first!r}, {self.second!r})"


if __name__ == "__main__":
    print(Pair(1, 2).swapped().describe())
    print(Pair("a", "b").swapped().describe())
