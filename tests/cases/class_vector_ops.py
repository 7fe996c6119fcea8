"""A 2-D vector class with __eq__, __add__, __mul__, __abs__, __str__ and __repr__."""

import math


class Vector:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def __add__(self, other: "Vector") -> "Vector":
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other: "Vector") -> "Vector":
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k: float) -> "Vector":
        return Vector(self.x * k, self.y * k)

    def __abs__(self) -> float:
        return math.hypot(self.x, self.y)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Vector):
            return NotImplemented
        return self.x == other.x and self.y == other.y

    def dot(self, other: "Vector") -> float:
        return self.x * other.x + self.y * other.y

    def __str__(self) -> str:
        return f"({self.x}, {self.y})"

    def __repr__(self) -> str:
        return f"Vector({self.x!r}, {self.y!r})"


def main() -> None:
    a = Vector(3.0, 4.0)
    b = Vector(-1.0, 0.5)
    print(a + b, a - b, a * 2, abs(a))
    print(repr(a), [a, b], str(b))
    print(a == Vector(3.0, 4.0), a == b, a != b, a.dot(b))
    total = Vector(0.0, 0.0)
    for v in [a, b, Vector(1.0, 1.0)]:
        total = total + v
    print(total, round(abs(total), 4))


if __name__ == "__main__":
    main()
