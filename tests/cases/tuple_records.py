"""Tuples as lightweight records: sorting, comparison, dict keys and zip."""

from typing import Tuple

Point = Tuple[int, int]


def neighbors(p: Point) -> list[Point]:
    x, y = p
    return [(x + dx, y + dy) for dx, dy in ((0, 1), (1, 0), (0, -1), (-1, 0))]


def bounding_box(points: list[Point]) -> tuple[Point, Point]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys)), (max(xs), max(ys))


def main() -> None:
    points: list[Point] = [(3, 1), (-2, 5), (3, -1), (0, 0)]
    print(sorted(points), max(points), min(points, key=lambda p: abs(p[0]) + abs(p[1])))
    print(neighbors((0, 0)))
    print(bounding_box(points))
    labels = {(0, 0): "origin", (3, 1): "A"}
    for p in points:
        print(p, labels.get(p, "?"))
    names = ["x", "y", "z"]
    scores = [1.5, 2.0, -0.5]
    pairs = list(zip(names, scores))
    print(pairs, dict(pairs))
    unzipped_names, unzipped_scores = zip(*pairs)
    print(unzipped_names, unzipped_scores)
    print((1, 2) < (1, 2, 0), (2,) > (1, 99), (1, 2) == (1, 2), (0, 1).index(1), (5, 5, 6).count(5))


if __name__ == "__main__":
    main()
