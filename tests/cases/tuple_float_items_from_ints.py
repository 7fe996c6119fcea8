"""Tuple displays with int items where a tuple of floats is wanted (return, annotation, argument)."""

from typing import Tuple

Colour = Tuple[float, float, float]


def shade(level: int) -> Colour:
    if level > 3:
        return (0, 0, 0)
    return (1.5, level, 2)


def mix(a: Colour, b: Colour) -> Colour:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def bounds() -> tuple[float, int]:
    return (1, 2)


if __name__ == "__main__":
    print(shade(1), shade(5), bounds())
    base: Colour = (0, 0, 1)
    print(mix(base, (1, 2, 3)))
    print(mix((1, 1, 1), shade(2)))
