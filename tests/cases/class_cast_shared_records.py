"""Steps linked in a chain, each changing its own kind of record through `cast()`."""

from typing import Optional, cast


class Record:
    pass


class Tally(Record):
    def __init__(self) -> None:
        self.count = 0


class Trail(Record):
    def __init__(self, name: str) -> None:
        self.name = name
        self.seen: list[str] = []


class Step:
    def __init__(self, record: Record) -> None:
        self.record = record
        self.next: Optional["Step"] = None

    def act(self, record: Record) -> str:
        raise NotImplementedError

    def run(self) -> str:
        return self.act(self.record)


class Count(Step):
    def act(self, record: Record) -> str:
        tally = cast(Tally, record)
        tally.count += 1
        return f"count={tally.count}"


class Follow(Step):
    def act(self, record: Record) -> str:
        trail = cast(Trail, record)
        trail.seen.append(trail.name.upper())
        return "/".join(trail.seen)


def run_chain(first: Optional[Step], rounds: int) -> list[str]:
    out = []
    for _ in range(rounds):
        step = first
        while step is not None:
            out.append(step.run())
            step = step.next
    return out


if __name__ == "__main__":
    shared = Tally()
    a = Count(shared)
    b = Follow(Trail("b"))
    c = Count(shared)
    a.next = b
    b.next = c
    print(run_chain(a, 2))
    print(shared.count, cast(Trail, b.record).seen)
    plain = Step(Record())
    try:
        plain.run()
    except NotImplementedError:
        print("a plain step has no action")
