"""len/sum/min/max/any/all over lists, running totals and dedup preserving order."""


def running_total(values: list[int]) -> list[int]:
    totals = []
    acc = 0
    for v in values:
        acc += v
        totals.append(acc)
    return totals


def dedupe(values: list[int]) -> list[int]:
    seen: set[int] = set()
    result = []
    for v in values:
        if v not in seen:
            seen.add(v)
            result.append(v)
    return result


def span(values: list[float]) -> float:
    return max(values) - min(values)


def main() -> None:
    sales = [120, 80, 80, 200, 0, 45, 120]
    print(running_total(sales))
    print(dedupe(sales), len(sales), len(dedupe(sales)))
    print(sum(sales), sum(sales) / len(sales), sum([0.1] * 3), sum([], 10))
    print(span([2.5, -1.0, 7.25]), min(sales), max(sales))
    print(any(s > 150 for s in sales), all(s > 0 for s in sales), any([]), all([]))
    print(sales.count(80), 200 in sales, 999 not in sales)
    print(list(reversed(sales)), list(enumerate(sales[:3], start=1)))
    pairs = list(zip(sales, sales[1:]))
    print([b - a for a, b in pairs])


if __name__ == "__main__":
    main()
