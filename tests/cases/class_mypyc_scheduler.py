"""A task scheduler written the way mypyc users write classes: __slots__, Final
constants, native ints, a mypyc decorator and explicit super() calls."""

from typing import Final

from mypy_extensions import i32, i64, mypyc_attr

MAX_ROUNDS: Final = 4
STATES: Final[list[str]] = ["waiting", "running", "done"]


@mypyc_attr(allow_interpreted_subclasses=True)
class Task:
    __slots__ = ("name", "cost", "done")

    DEFAULT_COST: Final = 3
    KINDS: Final[tuple[str, ...]] = ("idle", "work", "io")
    PREFIX = "task"

    def __init__(self, name: str, cost: i64) -> None:
        super(Task, self).__init__()
        self.name = name
        self.cost = cost
        self.done: i32 = 0

    def step(self) -> i64:
        self.done += 1
        return self.cost * self.DEFAULT_COST

    def describe(self) -> str:
        return f"{self.PREFIX} {self.name} cost {self.cost} kind {Task.KINDS[0]}"


class IoTask(Task):
    __slots__ = ("device",)

    PREFIX = "io-task"

    def __init__(self, name: str, cost: i64, device: str) -> None:
        super().__init__(name, cost)
        self.device = device

    def step(self) -> i64:
        self.done += 1
        return self.cost + len(self.device) + Task.DEFAULT_COST

    def describe(self) -> str:
        return f"{self.PREFIX} {self.name} on {self.device} ({self.KINDS[2]})"


def run(tasks: list[Task], rounds: i64) -> i64:
    total: i64 = 0
    for _ in range(rounds):
        for task in tasks:
            total += task.step()
    return total


def checksum(values: list[i64]) -> i32:
    acc: i32 = 0
    for v in values:
        acc = acc * 31 + i32(v % 1000)
    return acc


def main() -> None:
    tasks: list[Task] = [Task("parse", 2), IoTask("read", 5, "disk"), Task("emit", 1)]
    for task in tasks:
        print(task.describe())
    print(run(tasks, MAX_ROUNDS))
    print([t.done for t in tasks], STATES[1], Task.DEFAULT_COST, len(Task.KINDS))
    print(checksum([12, 345, 6789]), i64(7) * 6)


if __name__ == "__main__":
    main()
