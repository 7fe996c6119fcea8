"""List comprehensions: nested, with conditions, flattening and matrices."""


def flatten(matrix: list[list[int]]) -> list[int]:
    return [x for row in matrix for x in row]


def pythagorean_triples(limit: int) -> list[tuple[int, int, int]]:
    return [
        (a, b, c)
        for a in range(1, limit)
        for b in range(a, limit)
        for c in range(b, limit)
        if a * a + b * b == c * c
    ]


def main() -> None:
    matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    print(flatten(matrix))
    print([[row[i] for row in matrix] for i in range(3)])
    print([x * x for x in range(10) if x % 2 == 0])
    print(["even" if x % 2 == 0 else "odd" for x in range(5)])
    print(pythagorean_triples(21))
    print([(i, j) for i in range(3) for j in range(i)])
    words = ["apple", "Banana", "cherry", "kiwi"]
    print([w.upper() for w in words if len(w) > 4 if w[0].islower()])
    print([[c for c in w if c in "aeiou"] for w in words])
    print([x for x in [3, -1, 0, 8, -5] if x > 0] or [0])


if __name__ == "__main__":
    main()
