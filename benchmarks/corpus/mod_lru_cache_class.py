"""An LRU cache class built on a dict (insertion order) with hit/miss statistics."""

from typing import Optional


class LRUCache:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.data: dict[str, int] = {}
        self.hits = 0
        self.misses = 0
        self.evicted: list[str] = []

    def get(self, key: str) -> Optional[int]:
        if key not in self.data:
            self.misses += 1
            return None
        value = self.data.pop(key)
        self.data[key] = value
        self.hits += 1
        return value

    def put(self, key: str, value: int) -> None:
        if key in self.data:
            del self.data[key]
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            del self.data[oldest]
            self.evicted.append(oldest)
        self.data[key] = value

    def hit_rate(self) -> float:
        total = self.hits + self.misses
        return self.hits / total if total else 0.0

    def __repr__(self) -> str:
        return f"LRUCache({self.capacity}, {list(self.data.items())})"


def main() -> None:
    cache = LRUCache(3)
    for key, value in [("a", 1), ("b", 2), ("c", 3)]:
        cache.put(key, value)
    print(cache.get("a"), cache.get("z"))
    cache.put("d", 4)
    print(cache)
    print(cache.get("b"), cache.get("c"))
    cache.put("a", 10)
    cache.put("e", 5)
    print(cache, cache.evicted)
    print(f"hits={cache.hits} misses={cache.misses} rate={cache.hit_rate():.3f}")


if __name__ == "__main__":
    main()
