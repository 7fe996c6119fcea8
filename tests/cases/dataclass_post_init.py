"""__post_init__ validation and derived fields; field(init=False), class-level constants."""

from dataclasses import dataclass, field


@dataclass
class Temperature:
    celsius: float
    fahrenheit: float = field(init=False)

    def __post_init__(self) -> None:
        if self.celsius < -273.15:
            raise ValueError(f"below absolute zero: {self.celsius}")
        self.fahrenheit = round(self.celsius * 9 / 5 + 32, 2)


@dataclass
class Range:
    low: int
    high: int

    def __post_init__(self) -> None:
        if self.low > self.high:
            self.low, self.high = self.high, self.low

    def __contains__(self, value: int) -> bool:
        return self.low <= value <= self.high

    def length(self) -> int:
        return self.high - self.low


def main() -> None:
    for c in [0.0, 100.0, -40.0, 36.6]:
        print(Temperature(c))
    try:
        Temperature(-300.0)
    except ValueError as err:
        print("error:", err)
    r = Range(10, 3)
    print(r, r.length(), 5 in r, 11 in r, 3 in r)
    print([Range(a, b) for a, b in [(1, 2), (5, -5)]])


if __name__ == "__main__":
    main()
