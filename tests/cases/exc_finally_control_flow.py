"""try/finally left by return, break, continue and errors: the finally runs once on each path."""


class Meter:
    def __init__(self) -> None:
        self.depth = 0
        self.log: list[str] = []

    def weigh(self, item: int) -> int:
        if item < 0:
            raise ValueError(f"negative weight {item}")
        return item * 3

    def nested_total(self, items: list[int]) -> int:
        self.depth = self.depth + 1
        try:
            weights = [self.weigh(i) for i in items]
            if not weights:
                return 0
            return sum(weights) + self.depth
        finally:
            self.depth = self.depth - 1
            self.log.append(f"left at depth {self.depth}")


def scan(values: list[int], log: list[str]) -> int:
    seen = 0
    for v in values:
        try:
            if v == 0:
                continue
            if v > 50:
                break
            seen += v
        finally:
            log.append(f"after {v}")
    return seen


def nested_exits(rows: list[list[int]]) -> list[str]:
    out: list[str] = []
    for row in rows:
        try:
            for x in row:
                try:
                    if x < 0:
                        break
                    if x == 0:
                        continue
                    out.append(f"x={x}")
                finally:
                    out.append("inner")
            if len(row) > 2:
                continue
            out.append("short row")
        finally:
            out.append("outer")
    return out


def first_even(values: list[int], log: list[str]) -> int:
    i = 0
    while True:
        try:
            if values[i] % 2 == 0:
                return values[i]
            i += 1
        finally:
            log.append(f"looked at {i}")


def parse_or_default(text: str, log: list[str]) -> int:
    try:
        return int(text)
    except ValueError:
        log.append("bad")
        return -1
    finally:
        log.append("done " + text)


def overridden(flag: bool) -> str:
    try:
        if flag:
            raise KeyError("lost")
        return "from try"
    finally:
        if flag:
            return "from finally"


if __name__ == "__main__":
    meter = Meter()
    print(meter.nested_total([1, 2, 3]), meter.nested_total([]), meter.depth)
    try:
        meter.nested_total([4, -5])
    except ValueError as err:
        print("error:", err, "depth", meter.depth)
    print(meter.log)
    log: list[str] = []
    print(scan([3, 0, 4, 99, 7], log), log)
    print(nested_exits([[1, 0, 2], [5, -1, 6], [0]]))
    trail: list[str] = []
    print(first_even([5, 7, 8, 9], trail), trail)
    notes: list[str] = []
    print(parse_or_default("12", notes), parse_or_default("x", notes), notes)
    print(overridden(False), overridden(True))
