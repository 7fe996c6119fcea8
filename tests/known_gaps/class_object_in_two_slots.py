"""An object of a plain class placed twice in one list, then changed through one slot:
Python shows the change through the other (one object). The translation would hold two
copies, so the change is reported (PRT350)."""


class Counter:
    def __init__(self, start: int) -> None:
        self.value = start


def twice(start: int) -> tuple[int, int]:
    c = Counter(start)
    pair = [c, c]
    pair[0].value += 5
    return pair[1].value, c.value


if __name__ == "__main__":
    print(twice(1))
