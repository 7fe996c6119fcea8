"""Validating a Sudoku board: rows, columns and 3x3 boxes, reporting the first conflict."""

from typing import Optional

BOARD = [
    "53..7....",
    "6..195...",
    ".98....6.",
    "8...6...3",
    "4..8.3..1",
    "7...2...6",
    ".6....28.",
    "...419..5",
    "....8..79",
]


def first_conflict(board: list[str]) -> Optional[tuple[str, int, str]]:
    for i in range(9):
        row_seen: set[str] = set()
        col_seen: set[str] = set()
        box_seen: set[str] = set()
        for j in range(9):
            r = board[i][j]
            c = board[j][i]
            b = board[3 * (i // 3) + j // 3][3 * (i % 3) + j % 3]
            if r != "." and r in row_seen:
                return ("row", i, r)
            if c != "." and c in col_seen:
                return ("column", i, c)
            if b != "." and b in box_seen:
                return ("box", i, b)
            row_seen.add(r)
            col_seen.add(c)
            box_seen.add(b)
    return None


def candidates(board: list[str], r: int, c: int) -> list[int]:
    used = set(board[r]) | {board[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {board[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [d for d in range(1, 10) if str(d) not in used]


def main() -> None:
    print(first_conflict(BOARD))
    broken = BOARD.copy()
    broken[0] = "83..7...."
    print(first_conflict(broken))
    broken2 = BOARD.copy()
    broken2[1] = "6..195..5"
    print(first_conflict(broken2))
    print(candidates(BOARD, 0, 2), candidates(BOARD, 4, 4), candidates(BOARD, 8, 0))


if __name__ == "__main__":
    main()
