"""Single inheritance with method overriding and super().__init__."""

import math


class Shape:
    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        return 0.0

    def perimeter(self) -> float:
        return 0.0

    def describe(self) -> str:
        return f"{self.name}: area={self.area():.2f} perimeter={self.perimeter():.2f}"


class Rectangle(Shape):
    def __init__(self, width: float, height: float) -> None:
        super().__init__("rectangle")
        self.width = width
        self.height = height

    def area(self) -> float:
        return self.width * self.height

    def perimeter(self) -> float:
        return 2 * (self.width + self.height)


class Square(Rectangle):
    def __init__(self, side: float) -> None:
        super().__init__(side, side)
        self.name = "square"


class Circle(Shape):
    def __init__(self, radius: float) -> None:
        super().__init__("circle")
        self.radius = radius

    def area(self) -> float:
        return math.pi * self.radius ** 2

    def perimeter(self) -> float:
        return 2 * math.pi * self.radius


def main() -> None:
    shapes: list[Shape] = [Rectangle(3, 4.5), Square(2), Circle(1.5), Shape("point")]
    for shape in shapes:
        print(shape.describe())
    largest = max(shapes, key=lambda s: s.area())
    print("largest:", largest.name)
    print(isinstance(shapes[1], Rectangle), isinstance(shapes[2], Rectangle))
    print(sum(s.area() for s in shapes if isinstance(s, Rectangle)))


if __name__ == "__main__":
    main()
