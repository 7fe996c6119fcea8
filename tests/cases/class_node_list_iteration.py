"""Loops over a node's list of nodes whose bodies change the node and grow the list."""

from typing import Optional


class Task:
    def __init__(self, name: str, cost: int) -> None:
        self.name = name
        self.cost = cost
        self.owner: Optional["Crew"] = None


class Crew:
    def __init__(self) -> None:
        self.tasks: list[Task] = []
        self.spent = 0
        self.lead: Optional[Task] = None

    def take(self, task: Task) -> None:
        task.owner = self
        self.tasks.append(task)

    def work(self) -> int:
        for task in self.tasks:
            self.spent += task.cost
            if task.cost > 4 and len(self.tasks) < 5:
                self.take(Task(task.name + "'", task.cost - 3))
            if task.cost == 1:
                break
        else:
            self.lead = self.tasks[0]
        return self.spent

    def names(self) -> list[str]:
        out = []
        for task in self.tasks:
            if task.owner is self:
                out.append(task.name)
        return out


if __name__ == "__main__":
    crew = Crew()
    for name, cost in [("dig", 7), ("haul", 2), ("rest", 1)]:
        crew.take(Task(name, cost))
    print(crew.work(), crew.names(), crew.lead is None)
    other = Crew()
    other.take(Task("solo", 9))
    print(other.work(), other.names(), other.lead is not None)
