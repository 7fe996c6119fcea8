"""Nested helper functions that read enclosing variables (a tiny CSV summarizer)."""


def summarize(rows: list[list[str]], column: int) -> dict[str, float]:
    def value(row: list[str]) -> float:
        return float(row[column])

    def valid(row: list[str]) -> bool:
        return len(row) > column and row[column].replace(".", "", 1).isdigit()

    numbers = [value(r) for r in rows if valid(r)]
    if not numbers:
        return {}
    return {
        "count": float(len(numbers)),
        "min": min(numbers),
        "max": max(numbers),
        "mean": round(sum(numbers) / len(numbers), 3),
    }


def outer_total(values: list[int]) -> int:
    total = 0

    def add(v: int) -> None:
        nonlocal total
        total += v

    for v in values:
        add(v)
    return total


def main() -> None:
    rows = [["a", "1.5"], ["b", "x"], ["c", "4"], ["d"], ["e", "2.25"]]
    print(summarize(rows, 1))
    print(summarize(rows, 5))
    print(outer_total([1, 2, 3, 4]), outer_total([]))


if __name__ == "__main__":
    main()
