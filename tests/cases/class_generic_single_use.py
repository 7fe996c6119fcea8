"""A generic class (`Generic[T]`) that the module uses with one type argument: `T` is that
type throughout the class."""

from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class EmptyError(Exception):
    pass


class Ring(Generic[V]):
    def __init__(self, capacity: int) -> None:
        self.items: list[V] = []
        self.capacity = capacity

    def push(self, item: V) -> V | None:
        self.items.append(item)
        if len(self.items) > self.capacity:
            return self.items.pop(0)
        return None

    def newest(self) -> V:
        if not self.items:
            raise EmptyError("ring is empty")
        return self.items[-1]

    def __contains__(self, item: V) -> bool:
        return item in self.items

    def __len__(self) -> int:
        return len(self.items)

    def __str__(self) -> str:
        return "Ring(" + str(self.items) + ")"


class Tagged(Generic[K, V]):
    def __init__(self, key: K, value: V) -> None:
        self.key = key
        self.value = value

    def swapped_key(self, key: K) -> K:
        old = self.key
        self.key = key
        return old

    def describe(self) -> str:
        return f"{self.key!r} -> {self.value!r}"


if __name__ == "__main__":
    ring: Ring[str] = Ring(2)
    try:
        ring.newest()
    except EmptyError as e:
        print("error:", e)
    for word in ["ash", "birch", "cedar", "dogwood"]:
        print(word, "evicts", ring.push(word))
    print(ring, len(ring), "cedar" in ring, "ash" in ring, ring.newest())
    tag: Tagged[int, list[float]] = Tagged(7, [0.5, 2.0])
    print(tag.swapped_key(9), tag.describe())
