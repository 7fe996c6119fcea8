"""Tic-tac-toe: board rendering, winner detection and a perfect-play minimax evaluator."""

from typing import Optional

LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


def winner(board: str) -> Optional[str]:
    for a, b, c in LINES:
        if board[a] != "." and board[a] == board[b] == board[c]:
            return board[a]
    return None


def render(board: str) -> str:
    rows = [" | ".join(board[r * 3:r * 3 + 3]) for r in range(3)]
    return "\n---------\n".join(rows)


def minimax(board: str, player: str) -> int:
    win = winner(board)
    if win is not None:
        return 1 if win == "X" else -1
    if "." not in board:
        return 0
    scores = []
    for i, cell in enumerate(board):
        if cell == ".":
            nxt = board[:i] + player + board[i + 1:]
            scores.append(minimax(nxt, "O" if player == "X" else "X"))
    return max(scores) if player == "X" else min(scores)


def best_move(board: str, player: str) -> int:
    best_index = -1
    best_score = -2 if player == "X" else 2
    for i, cell in enumerate(board):
        if cell != ".":
            continue
        score = minimax(board[:i] + player + board[i + 1:], "O" if player == "X" else "X")
        if (player == "X" and score > best_score) or (player == "O" and score < best_score):
            best_index, best_score = i, score
    return best_index


def main() -> None:
    boards = ["XXXOO....", "XO.XO.X..", "XOXOXOOXO", "XO..O....", "........."]
    for b in boards:
        print(repr(b), winner(b))
    print(render("XO..O...X"))
    print(best_move("XO..O....", "X"), best_move("XX.OO....", "O"), best_move("XX.OO....", "X"))
    print(minimax("XO..O....", "X"), minimax("X........", "O"))


if __name__ == "__main__":
    main()
