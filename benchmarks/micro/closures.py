"""Closures: functions that capture variables, passed to other functions."""

from collections.abc import Callable


def make_adder(k: int) -> Callable[[int], int]:
    def add(x: int) -> int:
        return x + k

    return add


def apply_all(fs: list[Callable[[int], int]], n: int) -> int:
    total = 0
    for i in range(n):
        for f in fs:
            total += f(i) % 7
    return total


if __name__ == "__main__":
    adders = [make_adder(k) for k in range(5)]
    print(apply_all(adders, 100000))
