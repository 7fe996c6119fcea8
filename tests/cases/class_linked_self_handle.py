"""Linked nodes whose methods hand out, link and pass on `self` (Python shares the node)."""

from typing import Optional


class Cell:
    def __init__(self, label: str, weight: int) -> None:
        self.label = label
        self.weight = weight
        self.after: Optional["Cell"] = None

    def append_to(self, chain: Optional["Cell"]) -> "Cell":
        self.after = None
        if chain is None:
            return self
        last = chain
        nxt = last.after
        while nxt is not None:
            last = nxt
            nxt = last.after
        last.after = self
        return chain

    def heavier(self, other: "Cell") -> "Cell":
        if other.weight > self.weight:
            return other
        return self

    def bump(self) -> "Cell":
        self.weight += 10
        return self

    def pair_with(self, other: "Cell") -> int:
        return combined(self, other)


def combined(a: Cell, b: Cell) -> int:
    return a.weight + b.weight


def labels(chain: Optional[Cell]) -> list[str]:
    out = []
    cur = chain
    while cur is not None:
        out.append(f"{cur.label}:{cur.weight}")
        cur = cur.after
    return out


if __name__ == "__main__":
    a = Cell("a", 3)
    b = Cell("b", 7)
    c = Cell("c", 5)
    chain = a.append_to(None)
    chain = b.append_to(chain)
    chain = c.append_to(chain)
    print(labels(chain))
    big = a.heavier(b).heavier(c)
    big.weight += 1
    print(big.label, b.weight, labels(chain))
    same = c.bump().bump()
    print(same.weight, c.weight, same.pair_with(a))
    print(labels(Cell("d", 1).append_to(chain)), labels(c.after))
