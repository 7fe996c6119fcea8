"""@overload'ed methods and operators whose implementation takes a union of two classes:
each call matches one overload (Money + Money, Money + Rate), as mypy decides."""

from typing import Union, overload


class Rate:
    def __init__(self, percent: float) -> None:
        self.percent = percent

    def cents_of(self, base: int) -> int:
        return round(base * self.percent / 100)


class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def cents_of(self, base: int) -> int:
        return self.cents

    @overload
    def __add__(self, other: "Money") -> "Money": ...
    @overload
    def __add__(self, other: Rate) -> "Money": ...
    def __add__(self, other: Union["Money", Rate]) -> "Money":
        return Money(self.cents + other.cents_of(self.cents))

    @overload
    def share(self, other: "Money") -> float: ...
    @overload
    def share(self, other: Rate) -> float: ...
    def share(self, other: Union["Money", Rate]) -> float:
        return other.cents_of(self.cents) / self.cents

    def __repr__(self) -> str:
        return f"Money({self.cents})"


def total(items: list[Money], tip: Rate) -> Money:
    result = Money(0)
    for item in items:
        result = result + item
    return result + tip


if __name__ == "__main__":
    print(total([Money(150), Money(275)], Rate(10)))
    print(Money(50) + Rate(2.5), (Money(1) + Money(2)) + Money(3))
    print(Money(200).share(Money(50)), Money(200).share(Rate(25)))
