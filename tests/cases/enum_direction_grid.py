"""Enum members carrying tuple values; turning and moving a robot on a grid."""

from enum import Enum


class Direction(Enum):
    NORTH = (0, 1)
    EAST = (1, 0)
    SOUTH = (0, -1)
    WEST = (-1, 0)

    def turn_right(self) -> "Direction":
        order = list(Direction)
        return order[(order.index(self) + 1) % 4]

    def turn_left(self) -> "Direction":
        order = list(Direction)
        return order[(order.index(self) - 1) % 4]


def run(commands: str) -> tuple[int, int, Direction]:
    x, y = 0, 0
    facing = Direction.NORTH
    for cmd in commands:
        if cmd == "R":
            facing = facing.turn_right()
        elif cmd == "L":
            facing = facing.turn_left()
        elif cmd == "F":
            dx, dy = facing.value
            x, y = x + dx, y + dy
    return x, y, facing


def main() -> None:
    for commands in ["FFRFF", "LLFF", "RRRRF", "FLFLFLFL", ""]:
        x, y, facing = run(commands)
        print(repr(commands), (x, y), facing.name)
    print(Direction.EAST.value, Direction((0, -1)), Direction.WEST.turn_right().name)


if __name__ == "__main__":
    main()
