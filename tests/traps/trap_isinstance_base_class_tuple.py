class Shape:
    def __init__(self, sides: int) -> None:
        self.sides = sides


class Square(Shape):
    def __init__(self) -> None:
        super().__init__(4)


def classify(sq: Square, pair: tuple[int, int], table: dict[str, int]) -> list[bool]:
    return [
        isinstance(sq, (int, Shape)),
        isinstance(sq, object),
        isinstance(pair, tuple),
        isinstance(table, dict),
    ]


if __name__ == "__main__":
    print(classify(Square(), (1, 2), {"a": 1}))
