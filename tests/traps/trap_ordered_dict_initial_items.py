"""`OrderedDict(pairs)` once translated to an empty dict: its items were dropped."""

from collections import OrderedDict


def ranking(pairs: list[tuple[str, int]]) -> dict[str, int]:
    ordered = OrderedDict(pairs)
    ordered["last"] = 0
    return dict(ordered)


def main() -> None:
    print(ranking([("gold", 3), ("silver", 2)]))


if __name__ == "__main__":
    main()
