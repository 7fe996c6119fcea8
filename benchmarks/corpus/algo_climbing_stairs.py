"""Counting DP: climbing stairs, decode ways for digit strings, unique grid paths with obstacles."""


def climb_stairs(n: int, steps: tuple[int, ...] = (1, 2)) -> int:
    ways = [0] * (n + 1)
    ways[0] = 1
    for i in range(1, n + 1):
        ways[i] = sum(ways[i - s] for s in steps if s <= i)
    return ways[n]


def decode_ways(s: str) -> int:
    if not s:
        return 0
    prev2, prev1 = 1, 0 if s[0] == "0" else 1
    for i in range(1, len(s)):
        current = 0
        if s[i] != "0":
            current += prev1
        if 10 <= int(s[i - 1:i + 1]) <= 26:
            current += prev2
        prev2, prev1 = prev1, current
    return prev1


def paths_with_obstacles(grid: list[list[int]]) -> int:
    cols = len(grid[0])
    row = [0] * cols
    row[0] = 1
    for r in grid:
        for c in range(cols):
            if r[c] == 1:
                row[c] = 0
            elif c > 0:
                row[c] += row[c - 1]
    return row[-1]


def main() -> None:
    print([climb_stairs(n) for n in range(10)], climb_stairs(30), climb_stairs(10, (1, 3, 5)))
    for s in ["12", "226", "06", "11106", "", "2611055971756562"]:
        print(repr(s), decode_ways(s))
    print(paths_with_obstacles([[0, 0, 0], [0, 1, 0], [0, 0, 0]]), paths_with_obstacles([[0, 1], [0, 0]]), paths_with_obstacles([[1]]))


if __name__ == "__main__":
    main()
