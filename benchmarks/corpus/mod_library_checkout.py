"""A library system: members borrow and return books, with limits, holds queues and fines."""

from collections import deque
from dataclasses import dataclass, field

MAX_LOANS = 2
FINE_PER_DAY = 25


@dataclass
class Member:
    name: str
    loans: dict[str, int] = field(default_factory=dict)
    fines: int = 0


class Library:
    def __init__(self, titles: list[str]) -> None:
        self.available = set(titles)
        self.holds: dict[str, deque[str]] = {t: deque() for t in titles}
        self.members: dict[str, Member] = {}

    def member(self, name: str) -> Member:
        if name not in self.members:
            self.members[name] = Member(name)
        return self.members[name]

    def borrow(self, name: str, title: str, day: int) -> str:
        m = self.member(name)
        if len(m.loans) >= MAX_LOANS:
            return f"{name}: loan limit reached"
        if title not in self.available:
            if name not in self.holds[title]:
                self.holds[title].append(name)
            return f"{name}: on hold for {title!r} (position {self.holds[title].index(name) + 1})"
        self.available.discard(title)
        m.loans[title] = day + 14
        return f"{name}: borrowed {title!r}, due day {day + 14}"

    def give_back(self, name: str, title: str, day: int) -> str:
        m = self.member(name)
        due = m.loans.pop(title)
        late = max(0, day - due)
        m.fines += late * FINE_PER_DAY
        msg = f"{name}: returned {title!r}" + (f", {late} days late" if late else "")
        self.available.add(title)
        if self.holds[title]:
            nxt = self.holds[title].popleft()
            msg += " | " + self.borrow(nxt, title, day)
        return msg


def main() -> None:
    lib = Library(["Dune", "Emma", "Ulysses"])
    events = [
        ("borrow", "ann", "Dune", 1), ("borrow", "bo", "Dune", 2), ("borrow", "cy", "Dune", 3),
        ("borrow", "ann", "Emma", 4), ("borrow", "ann", "Ulysses", 5), ("return", "ann", "Dune", 20),
        ("return", "bo", "Dune", 30), ("return", "ann", "Emma", 18),
    ]
    for kind, who, title, day in events:
        if kind == "borrow":
            print(lib.borrow(who, title, day))
        else:
            print(lib.give_back(who, title, day))
    for m in lib.members.values():
        print(m)
    print(sorted(lib.available), {t: list(q) for t, q in lib.holds.items()})


if __name__ == "__main__":
    main()
