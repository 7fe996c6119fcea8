"""A class whose few untranslatable methods cost those methods only."""


class Stats:
    """Running statistics over a list of readings."""

    LIMIT = 100

    def __init__(self, values: list[int]) -> None:
        self.values = values

    def total(self) -> int:
        return sum(self.values)

    def add_all(self, *more: int) -> None:  # untranslated
        self.values.extend(more)

    def mean(self) -> float:
        return self.total() / len(self.values)

    def __enter__(self) -> "Stats":  # untranslated
        return self

    def __exit__(self, kind: object, value: object, tb: object) -> None:  # untranslated
        print("closed")

    def add(self, value: int) -> None:
        if value > self.LIMIT:
            raise ValueError(f"{value} is over the limit")
        self.values.append(value)

    def describe(self) -> str:
        return f"{len(self.values)} values, mean {self.mean():.2f}"


def summary(stats: Stats) -> str:
    return f"total {stats.total()}: {stats.describe()}"


def main() -> None:
    stats = Stats([3, 4, 8])
    print(stats.total(), stats.mean())
    stats.add(9)
    print(summary(stats))
    try:
        stats.add(500)
    except ValueError as err:
        print("rejected:", err)
    print(stats.describe())


if __name__ == "__main__":
    main()
