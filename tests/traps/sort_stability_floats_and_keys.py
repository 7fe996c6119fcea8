"""Where a sort's stability or its key calls can be observed, they stay Python's: equal
floats that print differently (`-0.0`, `0.0`) keep their order, NaN does not reorder the
rest differently, a key with a side effect is called once per item even for one item, and
float keys keep a stable order."""


def zeros(xs: list[float]) -> list[float]:
    return sorted(xs)


def zeros_reversed(xs: list[float]) -> list[float]:
    xs.sort(reverse=True)
    return xs


def noisy_key(word: str) -> int:
    print("key", word)
    return len(word)


def by_noisy_key(words: list[str]) -> list[str]:
    return sorted(words, key=noisy_key)


def by_float_key(pairs: list[tuple[str, float]]) -> list[str]:
    ranked = sorted(pairs, key=lambda p: p[1])
    return [name for name, _ in ranked]


def by_tuple_key(pairs: list[tuple[str, float]]) -> list[str]:
    ranked = sorted(pairs, key=lambda p: (p[1], p[0]), reverse=True)
    return [name for name, _ in ranked]


if __name__ == "__main__":
    print(zeros([0.0, -0.0, 1.5, -0.0, 0.0, -2.0]))
    print(zeros_reversed([-0.0, 0.0, 3.0, 0.0, -0.0]))
    print(by_noisy_key(["only"]))
    print(by_noisy_key(["ccc", "a", "bb"]))
    print(by_float_key([("a", 0.0), ("b", -0.0), ("c", -1.0), ("d", 0.0)]))
    print(by_tuple_key([("a", 0.0), ("b", -0.0), ("c", -1.0), ("a", -0.0)]))
