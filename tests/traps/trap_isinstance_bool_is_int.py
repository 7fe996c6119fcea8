from enum import IntEnum


class Level(IntEnum):
    LOW = 1
    HIGH = 2


def numeric_flags(flag: bool, level: Level) -> list[bool]:
    return [isinstance(flag, int), isinstance(level, int), isinstance(flag, (str, int))]


if __name__ == "__main__":
    print(numeric_flags(True, Level.HIGH))
