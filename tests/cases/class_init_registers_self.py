"""Jobs register themselves with a module-level board when they are built."""

from typing import Final, Optional


class Board:
    def __init__(self) -> None:
        self.first: Optional["Job"] = None
        self.slots: list[Optional["Job"]] = [None] * 4
        self.made = 0


BOARD: Final = Board()


class Job:
    def __init__(self, slot: int, cost: int) -> None:
        self.slot = slot
        self.cost = cost
        self.next = BOARD.first
        BOARD.first = self
        BOARD.slots[slot] = self
        BOARD.made += 1

    def run(self) -> int:
        return self.cost


class Rush(Job):
    def __init__(self, slot: int) -> None:
        Job.__init__(self, slot, 7)

    def run(self) -> int:
        return self.cost * 2


class Idle(Job):
    pass


def total() -> int:
    out = 0
    job = BOARD.first
    while job is not None:
        out += job.run()
        job = job.next
    return out


if __name__ == "__main__":
    Job(0, 3)
    Rush(1)
    Idle(2, 5)
    print(total(), BOARD.made)
    found = BOARD.slots[1]
    if found is not None:
        found.cost = 1
    print(total(), [s.run() if s is not None else -1 for s in BOARD.slots])
