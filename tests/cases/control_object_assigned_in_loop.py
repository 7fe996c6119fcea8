"""An object assigned only inside a loop and used after it (a path the checker cannot rule
out leaves it unassigned): changed through methods and fields after the loop."""


class Counter:
    def __init__(self, start: int) -> None:
        self.value = start
        self.steps: list[int] = []

    def bump(self, by: int) -> None:
        self.value += by
        self.steps.append(by)


def last_counter(count: int) -> Counter:
    for i in range(count):
        counter = Counter(i * 10)
        counter.bump(i)
    if count == 0:
        return Counter(-1)
    counter.bump(100)
    counter.value *= 2
    counter.value = counter.value + 1
    return counter


if __name__ == "__main__":
    c = last_counter(3)
    print(c.value, c.steps)
    print(last_counter(0).value)
