"""Higher-order functions that take Callable parameters: compose, retry-free pipelines."""

from typing import Callable


def apply_twice(f: Callable[[int], int], x: int) -> int:
    return f(f(x))


def compose(f: Callable[[int], int], g: Callable[[int], int]) -> Callable[[int], int]:
    return lambda x: f(g(x))


def pipeline(value: str, steps: list[Callable[[str], str]]) -> str:
    for step in steps:
        value = step(value)
    return value


def fold(values: list[int], combine: Callable[[int, int], int], initial: int) -> int:
    acc = initial
    for v in values:
        acc = combine(acc, v)
    return acc


def count_where(values: list[int], pred: Callable[[int], bool]) -> int:
    return sum(1 for v in values if pred(v))


def increment(x: int) -> int:
    return x + 1


def main() -> None:
    print(apply_twice(increment, 5), apply_twice(lambda x: x * x, 3))
    inc_then_double = compose(lambda x: x * 2, increment)
    double_then_inc = compose(increment, lambda x: x * 2)
    print(inc_then_double(5), double_then_inc(5))
    print(pipeline("  Hello World  ", [str.strip, str.lower, lambda s: s.replace(" ", "-")]))
    data = [3, 1, 4, 1, 5, 9, 2, 6]
    print(fold(data, lambda a, b: a + b, 0), fold(data, max, data[0]), fold(data, lambda a, b: a * 10 + b, 0))
    print(count_where(data, lambda v: v % 2 == 0), count_where(data, lambda v: v > 100))


if __name__ == "__main__":
    main()
