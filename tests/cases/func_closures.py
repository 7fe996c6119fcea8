"""Nested functions and closures: counters, multipliers, memo helpers."""

from typing import Callable


def make_multiplier(factor: int) -> Callable[[int], int]:
    def multiply(x: int) -> int:
        return x * factor
    return multiply


def make_counter(start: int = 0) -> Callable[[], int]:
    count = start

    def increment() -> int:
        nonlocal count
        count += 1
        return count
    return increment


def make_accumulator() -> Callable[[float], list[float]]:
    history: list[float] = []

    def add(value: float) -> list[float]:
        history.append(value)
        return history
    return add


def word_filter(min_len: int) -> Callable[[str], bool]:
    return lambda w: len(w) >= min_len


def main() -> None:
    double = make_multiplier(2)
    triple = make_multiplier(3)
    print(double(5), triple(5), [double(triple(x)) for x in range(4)])
    counter = make_counter()
    other = make_counter(100)
    print(counter(), counter(), other(), counter())
    acc = make_accumulator()
    acc(1.5)
    acc(-2.0)
    print(acc(0.25))
    long_words = word_filter(5)
    print([w for w in ["tiny", "enormous", "small", "big"] if long_words(w)])


if __name__ == "__main__":
    main()
