"""Cleaning a dataset with comprehensions: parse, validate, transform, group."""

RAW = [
    "alice,34,engineering",
    "bob,,sales",
    "carol,29,engineering",
    "dave,41,marketing",
    "erin,notanumber,sales",
    "frank,23,sales",
]


def parse(lines: list[str]) -> list[tuple[str, int, str]]:
    rows = [line.split(",") for line in lines]
    return [(name, int(age), dept) for name, age, dept in rows if age.isdigit()]


def main() -> None:
    people = parse(RAW)
    print(people)
    departments = sorted({dept for _, _, dept in people})
    print(departments)
    by_dept = {d: [name for name, _, dept in people if dept == d] for d in departments}
    print(by_dept)
    avg_age = {d: sum(a for _, a, dept in people if dept == d) / len(by_dept[d]) for d in departments}
    print(avg_age)
    print([name.title() for name, age, _ in people if 25 <= age <= 40])
    matrix = [[(r * c) % 5 for c in range(4)] for r in range(3)]
    print(matrix, [max(row) for row in matrix], [sum(col) for col in zip(*matrix)])


if __name__ == "__main__":
    main()
