"""A list comprehension of closures (each captures its own value), applied in a loop, plus a
list display mixing a named function and a lambda."""

from collections.abc import Callable


def scaler(factor: int) -> Callable[[int], int]:
    def scale(x: int) -> int:
        return x * factor

    return scale


def double(x: int) -> int:
    return 2 * x


def run(fs: list[Callable[[int], int]], values: list[int]) -> list[int]:
    return [f(v) for f in fs for v in values]


if __name__ == "__main__":
    scalers = [scaler(k) for k in range(1, 4)]
    print(run(scalers, [1, 10]))
    mixed: list[Callable[[int], int]] = [double, lambda x: x - 1]
    print(run(mixed, [5]))
    shifted = [scaler(k) for k in (100, 200) if k > 150]
    print([f(1) for f in shifted])
