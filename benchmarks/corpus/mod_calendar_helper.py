"""Calendar arithmetic without the datetime module: leap years, day of week, month grids."""

MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    return 29 if month == 2 and is_leap(year) else MONTH_DAYS[month - 1]


def weekday(year: int, month: int, day: int) -> int:
    """Zeller's congruence, converted so that Monday == 0."""
    if month < 3:
        month += 12
        year -= 1
    k, j = year % 100, year // 100
    h = (day + 13 * (month + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return (h + 5) % 7


def day_of_year(year: int, month: int, day: int) -> int:
    return sum(days_in_month(year, m) for m in range(1, month)) + day


def month_grid(year: int, month: int) -> list[str]:
    lines = [" ".join(d[:2] for d in WEEKDAYS)]
    cells = ["  "] * weekday(year, month, 1)
    cells += [f"{d:>2}" for d in range(1, days_in_month(year, month) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]).rstrip())
    return lines


def main() -> None:
    print([y for y in [1900, 2000, 2023, 2024, 2100] if is_leap(y)])
    for date in [(2024, 2, 29), (2000, 1, 1), (1969, 7, 20), (2023, 12, 25)]:
        print(date, WEEKDAYS[weekday(*date)], day_of_year(*date))
    for line in month_grid(2024, 2):
        print(line)
    fridays = [m for m in range(1, 13) if weekday(2026, m, 13) == 4]
    print("Friday 13th in 2026:", fridays)


if __name__ == "__main__":
    main()
