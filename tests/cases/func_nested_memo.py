"""Memoised and recursive nested functions that read (and change) the enclosing
function's variables; raising calls inside comprehensions and all()/any()."""

from functools import lru_cache


def count_paths(grid: list[str]) -> int:
    rows, cols = len(grid), len(grid[0])

    @lru_cache(maxsize=None)
    def paths(r: int, c: int) -> int:
        if r >= rows or c >= cols or grid[r][c] == "#":
            return 0
        if r == rows - 1 and c == cols - 1:
            return 1
        return paths(r + 1, c) + paths(r, c + 1)

    return paths(0, 0)


def decodings(digits: str) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    out: list[str] = []

    def walk(i: int, prefix: str) -> None:
        if i == len(digits):
            out.append(prefix)
            return
        for width in (1, 2):
            piece = digits[i:i + width]
            if len(piece) == width and piece[0] != "0" and 1 <= int(piece) <= 26:
                walk(i + width, prefix + letters[int(piece) - 1])

    walk(0, "")
    return out


def parse_digit(text: str) -> int:
    if not text.isdigit():
        raise ValueError(f"not a digit: {text!r}")
    return int(text)


def parse_all(parts: list[str]) -> list[int]:
    return [parse_digit(p) * 2 for p in parts]


def all_small(parts: list[str]) -> bool:
    return all(parse_digit(p) < 5 for p in parts)


def main() -> None:
    print(count_paths(["...", ".#.", "..."]), count_paths(["." * 8] * 8))
    print(decodings("226"), decodings("1012"), decodings("30"))
    print(parse_all(["1", "7"]), all_small(["1", "2"]), all_small(["9", "x"]))
    try:
        print(parse_all(["3", "x"]))
    except ValueError as err:
        print("error:", err)
    try:
        print(all_small(["1", "x"]))
    except ValueError as err:
        print("error:", err)


if __name__ == "__main__":
    main()
