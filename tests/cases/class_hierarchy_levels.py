"""A three-level hierarchy: values typed as the middle class call the methods and read
the fields it adds, whichever subclass they hold."""


class Node:
    def __init__(self, name: str) -> None:
        self.name = name
        self.visits = 0

    def visit(self) -> int:
        self.visits += 1
        return self.visits


class Worker(Node):
    def __init__(self, name: str, rate: float) -> None:
        super().__init__(name)
        self.rate = rate
        self.log: list[str] = []

    def work(self, hours: int) -> float:
        return self.rate * hours

    def note(self, text: str) -> None:
        self.log.append(f"{self.name}: {text}")


class Idle(Worker):
    def work(self, hours: int) -> float:
        return 0.0


class Overtime(Worker):
    def work(self, hours: int) -> float:
        if hours > 8:
            raise ValueError(f"{self.name} cannot work {hours} hours")
        return self.rate * hours * 1.5


def payroll(workers: list[Worker], hours: int) -> list[str]:
    out = []
    for w in workers:
        try:
            out.append(f"{w.name} {w.work(hours):.1f} at {w.rate}")
        except ValueError as err:
            out.append(f"refused: {err}")
    return out


def main() -> None:
    workers: list[Worker] = [Worker("ann", 10.0), Idle("bob", 12.0), Overtime("cy", 8.0)]
    nodes: list[Node] = [Node("root"), Idle("dan", 1.0)]
    for hours in (4, 9):
        print(payroll(workers, hours))
    for w in workers:
        w.rate += 0.5
    workers[1].rate = 3.0
    print(payroll(workers, 2))
    workers[0].note("started")
    workers[2].note("late")
    for n in nodes:
        n.visit()
    print([w.log for w in workers], nodes[1].visit(), [n.visits for n in nodes])


if __name__ == "__main__":
    main()
