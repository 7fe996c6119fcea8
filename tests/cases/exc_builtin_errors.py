"""Catching KeyError, IndexError, ZeroDivisionError and TypeError-free lookups."""


def safe_divide(a: int, b: int) -> float | None:
    try:
        return a / b
    except ZeroDivisionError:
        return None


def lookup(table: dict[str, int], key: str) -> int:
    try:
        return table[key]
    except KeyError:
        return -1


def nth(values: list[int], index: int) -> str:
    try:
        return str(values[index])
    except IndexError as err:
        return f"IndexError: {err}"


def average(values: list[int]) -> float:
    try:
        return sum(values) / len(values)
    except ZeroDivisionError as err:
        print("ZeroDivisionError:", err)
        return 0.0


def main() -> None:
    print(safe_divide(7, 2), safe_divide(1, 0), safe_divide(-9, 3))
    table = {"a": 1, "b": 2}
    print(lookup(table, "a"), lookup(table, "z"))
    values = [10, 20, 30]
    print(nth(values, 1), nth(values, -1), nth(values, 3), nth(values, -4))
    print(average([1, 2, 4]), average([]))
    try:
        print(10 // 0)
    except ZeroDivisionError as err:
        print("caught:", err)
    try:
        {"x": 1}["y"]
    except KeyError as err:
        print("missing key", err)
    try:
        [].pop()
    except IndexError as err:
        print("pop:", err)


if __name__ == "__main__":
    main()
