"""Loops over fixed-size tuples whose targets skip items with an ignored star (`*_`)."""

Row = tuple[str, str, int, int, int]


def last_total(rows: list[Row]) -> int:
    return sum(size for *_, size in rows)


def first_and_last(rows: list[Row]) -> list[str]:
    out = []
    for name, *_, size in rows:
        out.append(f"{name}={size}")
    return out


def middle(rows: list[tuple[int, int, int]]) -> list[int]:
    return [b for _a, *_rest, c in rows for b in (c,)]


if __name__ == "__main__":
    rows: list[Row] = [("a", "GET", 200, 3, 120), ("b", "POST", 500, 1, 40)]
    print(last_total(rows))
    print(first_and_last(rows))
    print(middle([(1, 2, 3), (4, 5, 6)]))
    for *_, code, _n, _s in rows:
        print(code)
