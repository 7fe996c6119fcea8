"""Results thrown away with `_ = ...`, in a loop and inside try/except."""


def pop_all(xs: list[int]) -> int:
    n = 0
    while xs:
        _ = xs.pop()
        n += 1
    for _ in range(2):
        n += 1
    try:
        _ = xs.pop()
    except IndexError:
        n += 10
    return n


if __name__ == "__main__":
    print(pop_all([1, 2, 3]))
