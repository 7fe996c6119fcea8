"""Comprehension variables do not leak; closures over outer variables inside comps."""


def scaled(values: list[int], factor: int) -> list[int]:
    return [v * factor for v in values]


def offsets(base: int) -> dict[str, int]:
    names = ["a", "b", "c"]
    return {name: base + i for i, name in enumerate(names)}


def main() -> None:
    x = 100
    squares = [x * x for x in range(4)]
    print(squares, x)
    print(scaled([1, 2, 3], 10), offsets(5))
    grid = [[(i, j) for j in range(2)] for i in range(2)]
    print(grid)
    letters = "abc"
    pairs = [a + b for a in letters for b in letters if a != b]
    print(pairs, len(pairs))
    limit = 3
    small = [n for n in range(10) if n < limit]
    print(small)
    empty: list[tuple[str, int]] = []
    print(sum([n for n in range(5)]), [k for k, _ in empty], {k: v for k, v in empty})


if __name__ == "__main__":
    main()
