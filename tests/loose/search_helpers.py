"""Loosely typed helpers, as real code often has: bare `list`/`dict`, an unannotated def."""


def find_first(items: list, target: int) -> int:
    for index, item in enumerate(items):
        if item == target:
            return index
    return -1


def count_words(words: list) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def scale(values, factor):
    return [v * factor for v in values]


def largest(table: dict) -> str:
    best = ""
    for key in table:
        if best == "" or table[key] > table[best]:
            best = key
    return best


if __name__ == "__main__":
    print(find_first([4, 8, 15, 16], 15), find_first([4, 8], 3))
    counts = count_words(["a", "b", "a", "c", "a"])
    print(counts)
    print(largest(counts))
    print(scale([1.5, 2.0, 4.25], 2.0))
