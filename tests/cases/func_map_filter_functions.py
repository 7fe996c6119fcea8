def is_even(n: int) -> bool:
    return n % 2 == 0


def halve(n: int) -> int:
    return n // 2


def label(name: str) -> str:
    return "<" + name + ">"


def weighted(value: int, weight: int) -> int:
    return value * weight


def summary(xs: list[int], words: list[str]) -> None:
    print(list(map(halve, xs)), sum(map(halve, xs)))
    print(list(map(label, words)), list(map(str, xs)), list(map(len, words)))
    print(list(map(weighted, xs, [3, 2, 1])))
    print(list(map(lambda a, b: a - b, xs, xs[1:])))
    print(list(filter(is_even, xs)), list(filter(halve, xs)), list(filter(len, words)))
    print(list(filter(None, xs)), list(filter(lambda w: w.startswith("b"), words)))
    print(sorted(map(halve, xs), reverse=True), max(map(len, words)), min(map(abs, xs)))
    print(any(map(is_even, xs)), all(map(is_even, xs)), any(map(str.isupper, words)))


if __name__ == "__main__":
    summary([0, 1, 4, 6, -3], ["bee", "", "Ant", "bat"])
    summary([2, 8], ["b", "BB"])
