"""Breadth-first search on a grid maze: shortest path length and the path itself."""

from collections import deque

MAZE = [
    "S.#.....",
    ".##.###.",
    "....#...",
    "##.##.#.",
    "...#..#E",
]


def find(grid: list[str], ch: str) -> tuple[int, int]:
    for r, row in enumerate(grid):
        c = row.find(ch)
        if c != -1:
            return r, c
    return -1, -1


def shortest_path(grid: list[str]) -> list[tuple[int, int]]:
    start, goal = find(grid, "S"), find(grid, "E")
    prev: dict[tuple[int, int], tuple[int, int]] = {}
    queue = deque([start])
    seen = {start}
    while queue:
        r, c = queue.popleft()
        if (r, c) == goal:
            path = [goal]
            while path[-1] != start:
                path.append(prev[path[-1]])
            return path[::-1]
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] != "#":
                if (nr, nc) not in seen:
                    seen.add((nr, nc))
                    prev[(nr, nc)] = (r, c)
                    queue.append((nr, nc))
    return []


def main() -> None:
    path = shortest_path(MAZE)
    print(len(path) - 1, path[:4], path[-1])
    rows = [list(row) for row in MAZE]
    for r, c in path[1:-1]:
        rows[r][c] = "*"
    for row in rows:
        print("".join(row))
    print(shortest_path(["S#E"]), len(shortest_path(["SE"])))


if __name__ == "__main__":
    main()
