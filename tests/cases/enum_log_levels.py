"""IntEnum log levels compared numerically; filtering log records by level."""

from enum import IntEnum


class Level(IntEnum):
    DEBUG = 10
    INFO = 20
    WARNING = 30
    ERROR = 40


RECORDS = [
    (Level.INFO, "server started"),
    (Level.DEBUG, "config loaded"),
    (Level.WARNING, "disk at 85%"),
    (Level.ERROR, "request failed"),
    (Level.INFO, "request served"),
]


def filter_records(min_level: Level) -> list[str]:
    return [f"[{level.name}] {msg}" for level, msg in RECORDS if level >= min_level]


def parse_level(name: str) -> Level:
    return Level[name.upper()]


def main() -> None:
    for line in filter_records(Level.WARNING):
        print(line)
    print(len(filter_records(Level.DEBUG)), len(filter_records(parse_level("info"))))
    print(Level.ERROR > Level.INFO, Level.DEBUG < 15, int(Level.WARNING), Level.INFO + 5)
    worst = max(level for level, _ in RECORDS)
    print(worst.name, worst.value)
    counts = {level.name: 0 for level in Level}
    for level, _ in RECORDS:
        counts[level.name] += 1
    print(counts)


if __name__ == "__main__":
    main()
