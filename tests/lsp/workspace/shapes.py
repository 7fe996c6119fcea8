"""Shapes: a class with methods and a free function (LSP test fixture)."""


class Counter:
    def __init__(self, start: int) -> None:
        self.count = start

    def bump(self, step: int) -> int:
        self.count += step
        return self.count


def area(width: int, height: int) -> int:
    return width * height


def perimeter(
    width: int,
    height: int,
) -> int:
    return 2 * (width + height)


def countdown(n: int):
    yield from range(n, 0, -1)
