"""A function returns values its annotation rejects (mypy: "Incompatible return value
type"): a `tuple[int, ...] | None` from a function declared `-> tuple[int, int]`. The
2-tuples convert; returning None or another length has no translation (PRT317)."""


def widest_gap(values: list[int]) -> tuple[int, int]:
    best = None
    gap = -1
    for i in range(len(values) - 1):
        if values[i + 1] - values[i] > gap:
            gap = values[i + 1] - values[i]
            best = tuple(sorted([values[i + 1], values[i]]))
    return best


def as_pair(items: list[str]) -> tuple[str, str]:
    return tuple(items)


if __name__ == "__main__":
    print(widest_gap([1, 4, 5, 11, 12]))
    print(widest_gap([10, 3, 8]))
    print(as_pair(["left", "right"]))
