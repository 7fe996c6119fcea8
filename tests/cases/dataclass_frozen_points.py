"""Frozen dataclasses are hashable: used as dict keys and in sets."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    x: int
    y: int

    def manhattan(self) -> int:
        return abs(self.x) + abs(self.y)

    def moved(self, dx: int, dy: int) -> "Point":
        return Point(self.x + dx, self.y + dy)


def walk(start: Point, moves: str) -> list[Point]:
    deltas = {"U": (0, 1), "D": (0, -1), "L": (-1, 0), "R": (1, 0)}
    path = [start]
    for m in moves:
        dx, dy = deltas[m]
        path.append(path[-1].moved(dx, dy))
    return path


def main() -> None:
    path = walk(Point(0, 0), "RRUULDDDL")
    print(path[-1], len(path))
    visits: dict[Point, int] = {}
    for p in path:
        visits[p] = visits.get(p, 0) + 1
    print([p for p, n in visits.items() if n > 1])
    print(len(set(path)), max(path, key=lambda p: p.manhattan()))
    print(Point(1, 2) == Point(1, 2), Point(1, 2) in set(path), Point(9, 9) in visits)


if __name__ == "__main__":
    main()
