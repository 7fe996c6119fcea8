"""Tuple packing/unpacking, swaps, star-unpacking and returning several values."""


def min_max_mean(values: list[int]) -> tuple[int, int, float]:
    return min(values), max(values), sum(values) / len(values)


def fib_pair(n: int) -> tuple[int, int]:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a, b


def head_tail(values: list[str]) -> tuple[str, list[str]]:
    first, *rest = values
    return first, rest


def main() -> None:
    lo, hi, mean = min_max_mean([4, 8, 15, 16, 23, 42])
    print(lo, hi, mean)
    print(fib_pair(0), fib_pair(1), fib_pair(10))
    x, y = 1, 2
    x, y = y, x
    print(x, y)
    head, tail = head_tail(["a", "b", "c"])
    print(head, tail)
    first, *middle, last = [1, 2, 3, 4, 5]
    print(first, middle, last)
    *init, final = list("xyz")
    print(init, final)
    point = (3, -4)
    px, py = point
    print(point, px * py, len(point), point[::-1], point + (0,))
    nested = ((1, 2), (3, 4))
    (a, b), (c, d) = nested
    print(a + d, b + c)
    print((1,), (), tuple([1, 2]), tuple("ab"), (1, "a", None, True, 2.5))


if __name__ == "__main__":
    main()
