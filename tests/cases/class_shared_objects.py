"""Objects fetched from containers are shared with them: changes made through a local
name show in the container; stack-style calls whose arguments change the receiver."""

from dataclasses import dataclass, field


@dataclass
class Slot:
    label: str
    count: int = 0
    tags: list[str] = field(default_factory=list)


class Board:
    def __init__(self) -> None:
        self.slots: dict[str, Slot] = {}
        self.order: list[Slot] = []
        self.history: list[str] = []

    def add(self, label: str) -> None:
        slot = Slot(label)
        self.slots[label] = slot
        self.order.append(Slot(label + "*"))

    def bump(self, label: str, by: int) -> bool:
        slot = self.slots.get(label)
        if slot is None:
            self.history.append(f"miss {label}")
            return False
        slot.count += by
        slot.tags.append(f"+{by}")
        self.history.append(f"bump {label}")
        return True

    def touch_first(self) -> None:
        first = self.order[0]
        first.count += 10
        self.record(first.count)

    def record(self, value: int) -> None:
        self.history.append(f"value {value}")


class Scale:
    def __init__(self, factor: int) -> None:
        self.factor = factor

    def __call__(self, x: int) -> int:
        return x * self.factor


def evaluate(program: list[str]) -> list[int]:
    stack: list[int] = []
    for op in program:
        if op == "+":
            stack.append(stack.pop() + stack.pop())
        elif op == "*":
            stack.append(stack.pop() * stack.pop())
        elif op == "dup":
            stack.append(stack[-1])
        elif op == "sink":
            stack.insert(0, stack.pop())
        else:
            stack.append(int(op))
    return stack


def main() -> None:
    board = Board()
    for name in ["a", "b"]:
        board.add(name)
    print(board.bump("a", 2), board.bump("a", 3), board.bump("z", 1))
    board.touch_first()
    board.touch_first()
    print(board.slots["a"].count, board.slots["a"].tags, board.slots["b"].count)
    print(board.order[0].count, board.history)
    grid = [[1, 2], [3]]
    row = grid[1]
    row.append(4)
    print(grid)
    triple = Scale(3)
    print(triple(5), [triple(x) for x in range(3)])
    print(evaluate(["2", "3", "+", "4", "*", "dup", "1", "sink", "+"]))


if __name__ == "__main__":
    main()
