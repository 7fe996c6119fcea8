"""Loop targets: Copy items rebound in the body, whole-pair targets used as values,
a nested comprehension whose inner range uses the outer target."""


def checksum(values: list[int]) -> int:
    total = 0
    for i, v in enumerate(reversed(values)):
        if i % 2 == 0:
            v *= 3
            if v > 20:
                v -= 7
        total += v
    for w in values:
        w += 1
        total += w
    return total


def pair_counts(tokens: list[str]) -> dict[tuple[str, str], int]:
    seen: dict[tuple[str, str], int] = {}
    for pair in zip(tokens, tokens[1:]):
        seen[pair] = seen.get(pair, 0) + 1
    return seen


def expand(counts: list[tuple[str, int]]) -> list[str]:
    return [name for name, k in counts for _ in range(k)]


def main() -> None:
    print(checksum([4, 9, 2, 7, 5]), checksum([]), checksum([11]))
    counts = pair_counts(["a", "b", "a", "b", "c", "a", "b"])
    print(sorted(counts.items()))
    labelled = [(i, pair) for i, pair in enumerate(zip([1, 2, 3], ["x", "y", "z"]))]
    print(labelled)
    print(expand([("x", 2), ("y", 0), ("z", 3)]))
    print((7).bit_length(), (-9).bit_length(), (255).bit_length())


if __name__ == "__main__":
    main()
