"""Backtracking: N-Queens solutions and subset sums."""


def solve_queens(n: int) -> list[list[int]]:
    solutions: list[list[int]] = []
    cols: list[int] = []

    def safe(col: int) -> bool:
        row = len(cols)
        for r, c in enumerate(cols):
            if c == col or abs(c - col) == row - r:
                return False
        return True

    def place() -> None:
        if len(cols) == n:
            solutions.append(cols.copy())
            return
        for col in range(n):
            if safe(col):
                cols.append(col)
                place()
                cols.pop()

    place()
    return solutions


def subset_sums(values: list[int], target: int) -> list[list[int]]:
    found = []
    chosen: list[int] = []

    def backtrack(start: int, remaining: int) -> None:
        if remaining == 0:
            found.append(list(chosen))
            return
        for i in range(start, len(values)):
            if values[i] > remaining:
                break
            chosen.append(values[i])
            backtrack(i + 1, remaining - values[i])
            chosen.pop()

    backtrack(0, target)
    return found


def main() -> None:
    print([len(solve_queens(n)) for n in range(1, 9)])
    first = solve_queens(6)[0]
    print(first)
    for col in first:
        print(" ".join("Q" if c == col else "." for c in range(6)))
    print(subset_sums([1, 2, 3, 4, 5, 6], 7))


if __name__ == "__main__":
    main()
