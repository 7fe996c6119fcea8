"""lambda with map, filter, sorted and key functions stored in a dict."""

from typing import Callable

OPERATIONS: dict[str, Callable[[int, int], int]] = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "floordiv": lambda a, b: a // b,
}


def apply_all(a: int, b: int) -> dict[str, int]:
    return {name: op(a, b) for name, op in OPERATIONS.items()}


def main() -> None:
    numbers = [7, -3, 12, 0, 5, -8]
    print(list(map(lambda x: x * 2, numbers)))
    print(list(filter(lambda x: x > 0, numbers)))
    print(list(map(str, numbers)), list(map(abs, numbers)))
    print(list(filter(None, [0, 1, "", "a", None, 2])))
    print(sorted(numbers, key=lambda x: (x % 3, -x)))
    print(apply_all(17, -5))
    square: Callable[[int], int] = lambda n: n * n
    print(square(9), list(map(square, range(5))))
    words = ["delta", "Alpha", "charlie", "Bravo"]
    print(sorted(words, key=lambda w: w.lower()), max(words, key=lambda w: w[-1]))
    print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])))
    total = sum(map(int, "1 2 3 4".split()))
    print(total, list(map(len, words)))


if __name__ == "__main__":
    main()
