"""sorted() and list.sort() with key= and reverse=, stability, min/max with key."""

Record = tuple[str, int, float]


def by_score(records: list[Record]) -> list[Record]:
    return sorted(records, key=lambda r: r[2], reverse=True)


def by_age_then_name(records: list[Record]) -> list[Record]:
    return sorted(records, key=lambda r: (r[1], r[0]))


def main() -> None:
    records: list[Record] = [
        ("mia", 31, 88.5),
        ("leo", 25, 92.0),
        ("ana", 31, 75.25),
        ("bob", 25, 92.0),
    ]
    for r in by_score(records):
        print(r)
    print([name for name, _, _ in by_age_then_name(records)])
    words = ["banana", "Apple", "cherry", "date", "Fig"]
    print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
    numbers = [5, -2, 9, 0, -7, 3]
    numbers.sort()
    print(numbers)
    numbers.sort(key=abs)
    print(numbers)
    numbers.sort(reverse=True)
    print(numbers)
    print(min(numbers), max(numbers), min(words, key=len), max(records, key=lambda r: r[1]))
    print(sorted("portalis"), sorted([3.5, 1, 2.25]), sorted([[2, 1], [1, 9], [1, 2]]))
    print(sorted([True, False, True]), max("abc", "abd"), min([4, 2, 8], default=0), max([], default=-1))


if __name__ == "__main__":
    main()
