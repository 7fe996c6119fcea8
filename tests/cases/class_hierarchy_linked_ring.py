"""Workers of several kinds linked in a ring; each kind overrides `step`."""

from typing import Optional


class Worker:
    def __init__(self, name: str, load: int) -> None:
        self.name = name
        self.load = load
        self.peer: Optional["Worker"] = None

    def step(self) -> int:
        self.load += 1
        return self.load

    def handoff(self) -> "Worker":
        if self.peer is None:
            return self
        return self.peer

    def describe(self) -> str:
        return f"{self.name}:{self.load}"


class Lazy(Worker):
    def step(self) -> int:
        return self.load


class Eager(Worker):
    def __init__(self, name: str, load: int, boost: int) -> None:
        super().__init__(name, load)
        self.boost = boost

    def step(self) -> int:
        self.load += self.boost
        if self.peer is not None:
            self.peer.load += 1
        return self.load


def ring(workers: list[Worker]) -> None:
    for i in range(len(workers)):
        workers[i].peer = workers[(i + 1) % len(workers)]


if __name__ == "__main__":
    a = Worker("a", 1)
    b = Lazy("b", 5)
    c = Eager("c", 2, 3)
    crew: list[Worker] = [a, b, c]
    ring(crew)
    cur: Worker = a
    total = 0
    for _ in range(7):
        total += cur.step()
        cur = cur.handoff()
    print(total, [w.describe() for w in crew], cur.name)
    c.boost = 10
    print(c.step(), a.load, b.handoff().name)
