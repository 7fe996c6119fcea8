"""MBPP-style geometry: triangle area (Heron), prism volume, polygon perimeter, point in circle."""

import math


def heron_area(a: float, b: float, c: float) -> float:
    if a + b <= c or a + c <= b or b + c <= a:
        return 0.0
    s = (a + b + c) / 2
    return math.sqrt(s * (s - a) * (s - b) * (s - c))


def prism_volume(base: float, height: float, length: float) -> float:
    return base * height * length / 2


def polygon_perimeter(points: list[tuple[float, float]]) -> float:
    total = 0.0
    for i in range(len(points)):
        x1, y1 = points[i]
        x2, y2 = points[(i + 1) % len(points)]
        total += math.hypot(x2 - x1, y2 - y1)
    return total


def shoelace_area(points: list[tuple[float, float]]) -> float:
    s = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        s += x1 * y2 - x2 * y1
    return abs(s) / 2


def main() -> None:
    print(heron_area(3, 4, 5), round(heron_area(7, 8, 9), 4), heron_area(1, 2, 3))
    print(prism_volume(10, 8, 6), prism_volume(3, 2, 2), prism_volume(1, 2, 1))
    square = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)]
    tri = [(0.0, 0.0), (4.0, 0.0), (0.0, 3.0)]
    print(polygon_perimeter(square), polygon_perimeter(tri), shoelace_area(square), shoelace_area(tri))
    inside = [p for p in [(0.5, 0.5), (1.0, 1.0), (0.0, 1.0), (-0.8, 0.7)] if math.dist(p, (0.0, 0.0)) <= 1.0]
    print(inside)


if __name__ == "__main__":
    main()
