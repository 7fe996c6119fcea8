"""Module-level range constants: each loop over one starts again from its first value."""

from typing import Final

WIDTH: Final = 4
COLUMNS: Final = range(WIDTH)
EVENS: Final = range(0, 10, 2)
COUNTDOWN = range(5, 0, -1)


def grid_sum(rows: int) -> int:
    total = 0
    for r in range(rows):
        for c in COLUMNS:
            total += r * WIDTH + c
    return total


def pairs() -> list[tuple[int, int]]:
    out = []
    for a in EVENS:
        for b in EVENS:
            if a < b and (a + b) % 4 == 0:
                out.append((a, b))
    return out


class Ticker:
    def __init__(self) -> None:
        self.ticks: list[int] = []

    def run(self, times: int) -> int:
        for _ in range(times):
            for t in COUNTDOWN:
                self.ticks.append(t)
        return len(self.ticks)


if __name__ == "__main__":
    print(grid_sum(3), grid_sum(1))
    print(pairs())
    ticker = Ticker()
    print(ticker.run(2), ticker.ticks)
    print(len(COLUMNS), len(EVENS), 4 in EVENS, 5 in EVENS, list(COUNTDOWN))
    print(sum(EVENS), max(COLUMNS), [c * c for c in COLUMNS])
