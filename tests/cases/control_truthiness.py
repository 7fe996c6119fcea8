"""Truthiness of numbers, strings and containers, and/or/not short-circuit values."""

from typing import Optional


def describe(value: list[int]) -> str:
    if not value:
        return "empty"
    return f"{len(value)} items"


def first_non_empty(a: str, b: str, c: str) -> str:
    return a or b or c or "default"


def safe_ratio(num: int, den: int) -> float:
    return den != 0 and num / den or 0.0


def pick(name: Optional[str]) -> str:
    return name or "anonymous"


def main() -> None:
    print(describe([]), describe([1, 2, 3]))
    print(first_non_empty("", "", "x"), first_non_empty("", "", ""), first_non_empty("a", "b", "c"))
    print(safe_ratio(1, 4), safe_ratio(3, 0))
    print(pick(None), pick(""), pick("ada"))
    print(bool([]), bool([0]), bool({}), bool({"k": 0}), bool(set()), bool(0.0), bool(" "))
    print(0 or 5, 3 and 4, 0 and 9, "" or "fallback", not 0, not "text")
    counts = {"a": 0, "b": 2}
    for key in ["a", "b", "c"]:
        if counts.get(key):
            print(key, "positive")
        elif key in counts:
            print(key, "zero")
        else:
            print(key, "missing")
    items = [0, 1, "", "x", [], [0], None]
    print([bool(item) for item in items])


if __name__ == "__main__":
    main()
