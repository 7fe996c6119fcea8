"""One object stored in two containers: a change made through one shows through the other
(a translation that copies the object into each container prints the old values)."""


class Task:
    def __init__(self, name: str, cost: int) -> None:
        self.name = name
        self.cost = cost
        self.deps: list[str] = []

    def bump(self, extra: int) -> None:
        self.cost += extra


class Planner:
    def __init__(self) -> None:
        self.ordered: list[Task] = []
        self.by_name: dict[str, Task] = {}

    def add(self, name: str, cost: int) -> None:
        task = Task(name, cost)
        self.ordered.append(task)
        self.by_name[name] = task

    def link(self) -> None:
        for task in self.ordered:
            for other in self.ordered:
                if other.cost < task.cost:
                    task.deps.append(other.name)

    def total(self) -> int:
        return sum(self.by_name[t.name].cost for t in self.ordered)


if __name__ == "__main__":
    planner = Planner()
    for name, cost in [("fetch", 3), ("build", 5), ("test", 4)]:
        planner.add(name, cost)
    planner.link()
    planner.ordered[0].cost = 10
    planner.by_name["build"].bump(2)
    print(planner.by_name["fetch"].cost, planner.ordered[1].cost, planner.total())
    print(planner.by_name["build"].deps, planner.by_name["test"].deps)
