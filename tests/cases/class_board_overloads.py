"""A puzzle board: @overload-typed accessors, tuple repetition and class constants."""

from typing import Literal, overload


class Board:
    EMPTY = 0
    SIZES: tuple[int, ...] = (3, 4)
    NEIGHBOURS = [(0, 1), (1, 0), (0, -1), (-1, 0)]

    def __init__(self, size: int) -> None:
        self.size = size
        self.cells: list[tuple[int, ...]] = [(Board.EMPTY,) * size] * size
        self.marks = [(0, 0)] * 2

    @overload
    def count(self, what: Literal["filled"]) -> int: ...
    @overload
    def count(self, what: Literal["empty"]) -> int: ...
    def count(self, what: str) -> int:
        filled = sum(1 for row in self.cells for c in row if c != self.EMPTY)
        return filled if what == "filled" else self.size * self.size - filled

    @overload
    def cell(self, row: int) -> tuple[int, ...]: ...
    @overload
    def cell(self, row: int, col: int) -> tuple[int, ...]: ...
    def cell(self, row: int, col: int = -1) -> tuple[int, ...]:
        if col < 0:
            return self.cells[row]
        return (self.cells[row][col],)

    def place(self, row: int, col: int, value: int) -> None:
        cells = list(self.cells[row])
        cells[col] = value
        self.cells[row] = tuple(cells)

    def neighbours(self, row: int, col: int) -> list[tuple[int, int]]:
        out = []
        for dr, dc in self.NEIGHBOURS:
            r, c = row + dr, col + dc
            if 0 <= r < self.size and 0 <= c < self.size:
                out.append((r, c))
        return out


@overload
def first_free(board: Board) -> int: ...
@overload
def first_free(board: Board, start: int) -> int: ...
def first_free(board: Board, start: int = 0) -> int:
    for r in range(start, board.size):
        if all(c == Board.EMPTY for c in board.cells[r]):
            return r
    return -1


def main() -> None:
    board = Board(Board.SIZES[0])
    print(board.cells, board.marks)
    board.place(1, 1, 7)
    board.place(0, 2, 5)
    print(board.cells)
    print(board.count("filled"), board.count("empty"))
    print(board.cell(1), board.cell(0, 2))
    print(board.neighbours(0, 0), len(board.neighbours(1, 1)))
    print(first_free(board), first_free(board, 2), first_free(Board(2), 5))
    print((1, 2) * 2, 3 * ("ab",), len(Board.NEIGHBOURS * 2))


if __name__ == "__main__":
    main()
