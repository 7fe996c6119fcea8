"""typing.cast (same type and Optional to its value), calling a class through an alias
(`text = str`), and a function declared `-> object` whose returns agree on one type."""

from typing import Optional, cast

text = str
number = int


class Slot:
    def __init__(self, label: str) -> None:
        self.label = label


def filled(slots: list[Optional[Slot]], i: int) -> Slot:
    slot = slots[i]
    return cast(Slot, slot)


def describe(n: int) -> str:
    return text(n) + "/" + text(number("4") * n) + "/" + text(n * 0.5)


def run(n: int) -> object:
    if n > 2:
        return n * 10
    return n


if __name__ == "__main__":
    slots: list[Optional[Slot]] = [Slot("a"), None, Slot("c")]
    print(filled(slots, 2).label, filled(slots, 0).label)
    print(describe(3), describe(-1))
    print(run(3), run(1), run(7) == 70)
    run(0)
