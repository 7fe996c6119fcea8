class Ticket:
    def __init__(self, number: int) -> None:
        self.number = number


def issue(log: list[int], number: int) -> Ticket:
    log.append(number)
    return Ticket(number)


def run(queue: list[int]) -> list[str]:
    log: list[int] = []
    out: list[str] = []
    if isinstance(queue.pop(), int):
        out.append("popped")
    if issue(log, 7):
        out.append("issued")
    out.append(f"{len(queue)} left, log {log}")
    return out


if __name__ == "__main__":
    print(run([1, 2, 3]))
