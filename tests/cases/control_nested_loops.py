"""Nested loops with labelled-style exits via flags and for...else."""


def find_pair(grid: list[list[int]], target: int) -> tuple[int, int]:
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value == target:
                return r, c
    return -1, -1


def first_row_with_negative(grid: list[list[int]]) -> int:
    found = -1
    r = 0
    while r < len(grid) and found < 0:
        for value in grid[r]:
            if value < 0:
                found = r
                break
        r += 1
    return found


def multiplication_table(n: int) -> None:
    for i in range(1, n + 1):
        cells = []
        for j in range(1, n + 1):
            cells.append(str(i * j).rjust(3))
        print("".join(cells))


def main() -> None:
    grid = [[1, 2, 3], [4, -5, 6], [7, 8, -9]]
    print(find_pair(grid, 6), find_pair(grid, 10))
    print(first_row_with_negative(grid), first_row_with_negative([[1], [2]]))
    multiplication_table(4)
    for row in grid:
        for value in row:
            if value < 0:
                print("row has negative", row)
                break
        else:
            print("row all non-negative", row)


if __name__ == "__main__":
    main()
