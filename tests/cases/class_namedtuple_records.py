"""Named tuples: immutable records that also behave like tuples."""

from typing import NamedTuple


class Point(NamedTuple):
    x: int
    y: int = 0

    def manhattan(self) -> int:
        return abs(self.x) + abs(self.y)

    def shifted(self, dx: int, dy: int) -> "Point":
        return Point(self.x + dx, self.y + dy)


class Item(NamedTuple):
    name: str
    price: float
    tags: list[str]


Span = NamedTuple("Span", [("start", int), ("end", int)])


def total(items: list[Item]) -> float:
    return sum(item.price for item in items)


def farthest(points: list[Point]) -> Point:
    best = points[0]
    for p in points:
        if p.manhattan() > best.manhattan():
            best = p
    return best


def main() -> None:
    p = Point(1, 2)
    q = Point(x=3, y=-4)
    r = Point(5)
    a, b = p
    print(a, b, p[0], q[1], q[-1], len(q))
    print(p, q, r)
    print(repr(r), str(r))
    print(p == Point(1, 2), p != q, p < q, q <= p, Point(1, 3) > p)
    print(q.manhattan(), p.shifted(10, 20))
    seen: dict[Point, str] = {p: "start", q: "end"}
    print(seen[Point(1, 2)], Point(3, -4) in seen, len(seen))
    points = [q, r, p, Point(1, 1)]
    print(sorted(points))
    print(max(points), min(points), farthest(points))
    print(p._replace(y=7), p)
    items = [Item("pen", 1.5, ["office"]), Item("ink", 2.25, [])]
    print(items)
    print(total(items), items[0].name, items[1][1])
    name, price, tags = items[0]
    print(name, price, tags)
    print(items[0] == Item("pen", 1.5, ["office"]), items[0] < items[1])
    for x, y in points:
        print(x * y, end=" ")
    print()
    for i, (label, cost, _) in enumerate(items):
        print(i, label, cost)
    spans = [Span(3, 9), Span(start=1, end=2)]
    print(spans, sorted(spans)[0].end, spans[0][1] - spans[0].start)


if __name__ == "__main__":
    main()
