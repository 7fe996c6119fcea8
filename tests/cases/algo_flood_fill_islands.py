"""Counting islands with iterative DFS and sizing them; flood fill on a char grid."""

GRID = [
    "11000110",
    "11000100",
    "00100000",
    "00011011",
    "10000011",
]


def islands(grid: list[str]) -> list[int]:
    rows, cols = len(grid), len(grid[0])
    seen = [[False] * cols for _ in range(rows)]
    sizes = []
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] != "1" or seen[r][c]:
                continue
            size = 0
            stack = [(r, c)]
            seen[r][c] = True
            while stack:
                cr, cc = stack.pop()
                size += 1
                for nr, nc in ((cr + 1, cc), (cr - 1, cc), (cr, cc + 1), (cr, cc - 1)):
                    if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == "1" and not seen[nr][nc]:
                        seen[nr][nc] = True
                        stack.append((nr, nc))
            sizes.append(size)
    return sizes


def flood(grid: list[list[str]], r: int, c: int, new: str) -> int:
    old = grid[r][c]
    if old == new:
        return 0
    grid[r][c] = new
    filled = 1
    for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
        if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] == old:
            filled += flood(grid, nr, nc, new)
    return filled


def main() -> None:
    sizes = islands(GRID)
    print(len(sizes), sizes, max(sizes), sorted(sizes, reverse=True))
    canvas = [list(row) for row in GRID]
    print(flood(canvas, 2, 0, "~"), flood(canvas, 0, 0, "#"), flood(canvas, 0, 0, "#"))
    for row in canvas:
        print("".join(row))


if __name__ == "__main__":
    main()
