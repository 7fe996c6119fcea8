"""A module-level optional object that functions rebind with `global`, lists of subclass
objects passed as iterables of the base, and a node bound in a loop and read after it."""

from typing import Iterable, Optional


class Ledger:
    def __init__(self) -> None:
        self.entries: list[str] = []

    def record(self, item: "Item") -> None:
        self.entries.append(item.describe())


ledger: Optional[Ledger] = None


class Item:
    def __init__(self, name: str) -> None:
        self.name = name
        self.next: Optional["Item"] = None

    def describe(self) -> str:
        return self.name


class Tool(Item):
    def describe(self) -> str:
        return f"tool {self.name}"


def note(item: Item) -> None:
    global ledger
    if ledger is None:
        ledger = Ledger()
    ledger.record(item)


def total_length(items: Iterable[Item]) -> int:
    return sum(len(item.describe()) for item in items)


def build(n: int) -> int:
    global ledger
    ledger = Ledger()
    tools: list[Tool] = []
    for i in range(n):
        last = Tool(f"t{i}")
        tools.append(last)
        note(last)
    print(last.name, total_length(tools))
    return len(ledger.entries)


if __name__ == "__main__":
    note(Item("first"))
    assert ledger is not None
    print(ledger.entries)
    print(build(3))
    assert ledger is not None
    print(ledger.entries)
