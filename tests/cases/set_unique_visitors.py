"""Tracking unique visitors per day with set[str]; output sorted to stay deterministic."""


def visitors_by_day(log: list[tuple[str, str]]) -> dict[str, set[str]]:
    days: dict[str, set[str]] = {}
    for day, user in log:
        days.setdefault(day, set()).add(user)
    return days


def returning(days: dict[str, set[str]], first: str, second: str) -> list[str]:
    return sorted(days[first] & days[second])


def main() -> None:
    log = [
        ("mon", "ann"), ("mon", "bo"), ("mon", "ann"), ("tue", "cy"),
        ("tue", "ann"), ("wed", "bo"), ("wed", "dee"), ("wed", "cy"), ("tue", "bo"),
    ]
    days = visitors_by_day(log)
    for day, users in days.items():
        print(day, len(users), sorted(users))
    print(returning(days, "mon", "tue"), returning(days, "mon", "wed"))
    everyone: set[str] = set()
    for users in days.values():
        everyone |= users
    print(sorted(everyone), len(everyone))
    only_once = sorted(u for u in everyone if sum(1 for s in days.values() if u in s) == 1)
    print(only_once)
    print(sorted(days["wed"] - days["mon"]), sorted(days["mon"] ^ days["wed"]))
    print(all(days["mon"] <= everyone for _ in range(1)), "zed" in everyone)


if __name__ == "__main__":
    main()
