"""@dataclass(order=True) compares fields as tuples; sorting tasks by priority."""

from dataclasses import dataclass


@dataclass(order=True)
class Task:
    priority: int
    name: str
    estimate: float = 1.0


def schedule(tasks: list[Task], budget: float) -> list[str]:
    chosen = []
    spent = 0.0
    for task in sorted(tasks):
        if spent + task.estimate > budget:
            continue
        chosen.append(task.name)
        spent += task.estimate
    return chosen


def main() -> None:
    tasks = [
        Task(2, "write docs", 3.0),
        Task(1, "fix bug", 2.5),
        Task(3, "refactor"),
        Task(1, "add test", 0.5),
        Task(2, "review", 1.5),
    ]
    for t in sorted(tasks):
        print(t)
    print(Task(1, "a") < Task(1, "b"), Task(2, "a") > Task(1, "z"), Task(1, "x") == Task(1, "x", 1.0))
    print(min(tasks), max(tasks).name)
    print(schedule(tasks, 4.0), schedule(tasks, 100.0))
    print(sorted(tasks, key=lambda t: t.estimate, reverse=True)[0])


if __name__ == "__main__":
    main()
