"""`item in items` and `v in range(...)`: the needle's own name must not be captured by the
name the translation gives each element it compares."""


def has(items: list[str], item: str) -> bool:
    return item in items


def in_window(v: int, lo: int, hi: int) -> bool:
    return v in range(lo, hi)


if __name__ == "__main__":
    print(has(["oak", "elm"], "ash"), has(["oak", "elm"], "elm"), has([], "x"))
    print(in_window(5, 0, 3), in_window(2, 0, 3), in_window(-1, -4, 0))
