"""Parsing numbers in any base with `int(s, base)`; building dicts with `dict(...)`."""

from collections import defaultdict


def parse_literal(text: str) -> int:
    return int(text, 0)


def try_parse(text: str, base: int) -> str:
    try:
        return str(int(text, base))
    except ValueError as e:
        return f"error: {e}"


def settings(pairs: list[tuple[str, int]]) -> dict[str, int]:
    merged = dict(pairs, retries=3, timeout=30)
    return merged


def histogram(words: list[str]) -> dict[str, int]:
    counts: defaultdict[str, int] = defaultdict(int)
    for w in words:
        counts[w] += 1
    return dict(counts)


def by_length(words: list[str]) -> dict[int, list[str]]:
    groups: defaultdict[int, list[str]] = defaultdict(list)
    for w in words:
        groups[len(w)].append(w)
    return dict(groups)


def main() -> None:
    print([parse_literal(s) for s in ["0x1F", "0o17", "0b1010", "42", " -0x_ff ", "1_000"]])
    print(int("ff", 16), int("0xFF", 16), int("777", 8), int("zz", 36), int("1010", base=2))
    for text, base in [("0x", 16), ("12a", 10), ("08", 0), ("9", 8), ("", 2), ("0_0", 0)]:
        print(repr(text), base, try_parse(text, base))
    print(dict(a=1, b=2), dict([("x", 1.5), ("y", 2.5)]), dict(zip("pq", [3, 4])))
    print(settings([("timeout", 10), ("host", 1)]))
    palette = {"red": 1}
    print(dict(palette, green=2), palette)
    words = "the cat saw the dog and the bird".split()
    print(histogram(words))
    print(by_length(words))


if __name__ == "__main__":
    main()
