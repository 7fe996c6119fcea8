"""Module-level constant objects (LazyLock statics) compared with ==, passed, and used in asserts."""

from typing import Final


class Vec2:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Vec2):
            return False
        return self.x == other.x and self.y == other.y

    def swapped(self) -> "Vec2":
        return Vec2(self.y, self.x)


ORIGIN: Final = Vec2(0, 0)
DIAGONAL: Final = Vec2(1, 1)
LABELS: Final = ["north", "south"]

assert DIAGONAL.swapped() == DIAGONAL
assert Vec2(2, 1).swapped() != DIAGONAL


def at_origin(v: Vec2) -> bool:
    return v == ORIGIN or ORIGIN == v


if __name__ == "__main__":
    print(at_origin(Vec2(0, 0)), at_origin(DIAGONAL), DIAGONAL.swapped() == DIAGONAL)
    print(len(LABELS), LABELS[1], LABELS == ["north", "south"], ORIGIN.x + DIAGONAL.y)
