"""divmod-based time formatting with tuple returns and nested tuple unpacking."""


def split_seconds(total: int) -> tuple[int, int, int, int]:
    minutes, seconds = divmod(total, 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    return days, hours, minutes, seconds


def humanize(total: int) -> str:
    days, hours, minutes, seconds = split_seconds(total)
    parts = []
    for value, unit in ((days, "d"), (hours, "h"), (minutes, "m"), (seconds, "s")):
        if value:
            parts.append(f"{value}{unit}")
    return " ".join(parts) or "0s"


def main() -> None:
    for total in [0, 59, 61, 3600, 3661, 90061, 1_000_000]:
        print(total, split_seconds(total), humanize(total))
    durations = [(1, 30), (0, 45), (2, 15)]
    total_minutes = sum(h * 60 + m for h, m in durations)
    print(divmod(total_minutes, 60))
    (d, h, m, s) = split_seconds(123456)
    print(f"{d:02d}:{h:02d}:{m:02d}:{s:02d}")


if __name__ == "__main__":
    main()
