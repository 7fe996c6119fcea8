"""A defaultdict whose factory returns something other than its type's empty value: the
translation once inserted 0 for `defaultdict(lambda: 100)`; the dict now keeps the factory."""

from collections import defaultdict


def balances(moves: list[tuple[str, int]]) -> dict[str, int]:
    accounts: defaultdict[str, int] = defaultdict(lambda: 100)
    for name, amount in moves:
        accounts[name] += amount
    return dict(accounts)


def main() -> None:
    print(balances([("ann", 5), ("bob", -20), ("ann", 1)]))


if __name__ == "__main__":
    main()
