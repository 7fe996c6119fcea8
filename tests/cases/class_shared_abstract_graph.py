"""An abstract base whose subclasses link to each other, kept in lists and removed by identity."""

from abc import abstractmethod
from typing import Optional


class Weight:
    def __init__(self, value: int, name: str) -> None:
        self.value = value
        self.name = name

    @classmethod
    def lighter(cls, a: "Weight", b: "Weight") -> bool:
        return a.value < b.value

    @classmethod
    def lightest(cls, a: "Weight", b: "Weight") -> "Weight":
        if cls.lighter(a, b):
            return a
        return b

    def __str__(self) -> str:
        return f"{self.name}({self.value})"


class Link:
    def __init__(self, weight: Weight) -> None:
        self.weight = weight
        self.partner: Optional["Link"] = None

    @abstractmethod
    def cost(self) -> int:
        raise NotImplementedError

    def describe(self) -> str:
        return f"{self.weight} costs {self.cost()}"


class Fixed(Link):
    def cost(self) -> int:
        return self.weight.value


class Doubled(Link):
    def cost(self) -> int:
        base = self.weight.value * 2
        if self.partner is not None:
            base += self.partner.weight.value
        return base


if __name__ == "__main__":
    heavy = Weight(5, "heavy")
    light = Weight(2, "light")
    a = Fixed(heavy)
    b = Doubled(light)
    c = Doubled(Weight.lightest(heavy, light))
    b.partner = a
    c.partner = b
    links: list[Link] = [a, b, c, b]
    print([link.describe() for link in links])
    links.remove(b)
    print([link.cost() for link in links], b in links, links.index(c), links.count(b))
    print(Weight.lightest(heavy, light), Weight.lighter(light, heavy))
