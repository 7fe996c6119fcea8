from enum import IntEnum


class Level(IntEnum):
    OFF = 0
    LOW = 1


class Shelf:
    def __init__(self, books: int) -> None:
        self.books = books

    def __len__(self) -> int:
        return self.books


class SmallShelf(Shelf):
    def __init__(self, books: int) -> None:
        super().__init__(books)


def describe(level: Level, shelf: SmallShelf) -> str:
    power = "powered" if level else "unpowered"
    stock = "stocked" if shelf else "bare"
    return f"{power} {stock}"


if __name__ == "__main__":
    print(describe(Level.OFF, SmallShelf(0)))
    print(describe(Level.LOW, SmallShelf(2)))
