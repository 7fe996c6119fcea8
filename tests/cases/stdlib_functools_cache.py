"""functools.lru_cache and cache for memoized recursion; functools.reduce."""

import functools
from functools import cache, lru_cache


@lru_cache(maxsize=None)
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@cache
def grid_paths(rows: int, cols: int) -> int:
    if rows == 1 or cols == 1:
        return 1
    return grid_paths(rows - 1, cols) + grid_paths(rows, cols - 1)


@lru_cache(maxsize=128)
def min_coins(amount: int) -> int:
    if amount == 0:
        return 0
    best = amount + 1
    for coin in (1, 5, 10, 25):
        if coin <= amount:
            best = min(best, min_coins(amount - coin) + 1)
    return best


def main() -> None:
    print([fib(n) for n in range(15)], fib(90))
    print(grid_paths(3, 3), grid_paths(10, 10), grid_paths(16, 16))
    print([min_coins(a) for a in [0, 3, 30, 63, 99]])
    print(functools.reduce(lambda a, b: a * b, range(1, 11)), functools.reduce(max, [3, 8, 2], 0))
    words = ["py", "rust", "go"]
    print(functools.reduce(lambda acc, w: acc + len(w), words, 0))


if __name__ == "__main__":
    main()
