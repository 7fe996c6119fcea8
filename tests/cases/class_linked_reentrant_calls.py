"""Linked nodes whose methods pass their own fields to methods that change the node."""

from typing import Optional


class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.step = 3
        self.rate = 1.5
        self.next: Optional["Node"] = None
        self.log: list[int] = []

    def absorb(self, amount: int) -> int:
        self.value += amount
        self.log.append(amount)
        return self.value

    def halve(self) -> None:
        self.value //= 2
        self.step = self.step * 2 - self.value % 3
        self.rate *= self.rate
        self.rate /= self.step

    def feed_self(self) -> int:
        return self.absorb(self.step)

    def replay(self) -> int:
        for i in range(len(self.log)):
            self.absorb(self.log[i])
        return len(self.log)

    def feed_next(self) -> int:
        if self.next is not None:
            return self.next.absorb(self.value) + self.absorb(self.next.value)
        return 0


def relay(first: Node, rounds: int) -> list[int]:
    out = []
    for _ in range(rounds):
        out.append(first.feed_self())
        out.append(first.feed_next())
        first.halve()
    return out


if __name__ == "__main__":
    a = Node(10)
    b = Node(4)
    a.next = b
    b.next = a
    print(relay(a, 3), a.log, b.log)
    print(a.value, a.step, round(a.rate, 6), b.feed_next(), b.value)
    print(b.replay(), b.value, b.log)
