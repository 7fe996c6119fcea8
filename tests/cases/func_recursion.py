"""Recursion: factorial, power set, permutations, flattening and Hanoi moves."""


def factorial(n: int) -> int:
    return 1 if n <= 1 else n * factorial(n - 1)


def subsets(items: list[int]) -> list[list[int]]:
    if not items:
        return [[]]
    rest = subsets(items[1:])
    return rest + [[items[0]] + s for s in rest]


def permutations(s: str) -> list[str]:
    if len(s) <= 1:
        return [s]
    result = []
    for i, ch in enumerate(s):
        for tail in permutations(s[:i] + s[i + 1:]):
            result.append(ch + tail)
    return result


def hanoi(n: int, source: str, target: str, spare: str, moves: list[tuple[str, str]]) -> None:
    if n == 0:
        return
    hanoi(n - 1, source, spare, target, moves)
    moves.append((source, target))
    hanoi(n - 1, spare, target, source, moves)


def depth_sum(values: list[int], depth: int = 1) -> int:
    return sum(v * depth for v in values)


def main() -> None:
    print([factorial(n) for n in range(8)], factorial(20))
    print(subsets([1, 2, 3]))
    print(permutations("abc"), len(permutations("abcd")))
    moves: list[tuple[str, str]] = []
    hanoi(3, "A", "C", "B", moves)
    print(len(moves), moves[:4])
    print(depth_sum([1, 2, 3], depth=2))


if __name__ == "__main__":
    main()
