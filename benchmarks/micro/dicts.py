"""Dicts: counting, lookups and updates."""


def word_counts(n: int) -> int:
    counts: dict[int, int] = {}
    for i in range(n):
        key = (i * 31) % 5003
        counts[key] = counts.get(key, 0) + 1
    return len(counts) + max(counts.values())


def lookups(n: int) -> int:
    table = {i: i * i for i in range(1000)}
    total = 0
    for i in range(n):
        total += table[i % 1000]
    return total


if __name__ == "__main__":
    print(word_counts(400000))
    print(lookups(400000))
