"""Lists held in a field and changed through an index: remove, append, pop, sort on self.rows[i]."""


class Board:
    def __init__(self, size: int) -> None:
        self.rows: list[list[int]] = [list(range(size)) for _ in range(size)]

    def strike(self, i: int, v: int) -> bool:
        if v in self.rows[i]:
            self.rows[i].remove(v)
            return True
        return False

    def add(self, i: int, v: int) -> None:
        self.rows[i].append(v)
        self.rows[i].sort(reverse=True)

    def take_last(self, i: int) -> int:
        return self.rows[-1 - i].pop()


if __name__ == "__main__":
    board = Board(3)
    print(board.strike(0, 1), board.strike(0, 1), board.strike(2, 0))
    board.add(1, 7)
    print(board.take_last(0), board.rows)
