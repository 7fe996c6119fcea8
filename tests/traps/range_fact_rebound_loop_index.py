"""A `range()` loop index rebound to a negative value after (or inside) the loop: `i // 2`
and `xs[i]` must keep Python's floor division and negative indexing (the index was once
assumed non-negative for the whole function and became `i / 2` and `xs[i as usize]`)."""


def after_loop(xs: list[int]) -> tuple[int, int, int]:
    total = 0
    for i in range(len(xs)):
        total += xs[i]
    i = -3
    return total, i // 2, xs[i]


def inside_loop(xs: list[int]) -> list[int]:
    out = []
    for i in range(len(xs)):
        if xs[i] < 0:
            i = -1 - i
        out.append(xs[i] * 10 + i % 4)
    return out


def counter_goes_down(xs: list[int]) -> list[int]:
    out = []
    k = 2
    while len(out) < 5:
        out.append(xs[k] + k // 3)
        k -= 1
    return out


if __name__ == "__main__":
    print(after_loop([4, 5, 6, 7]))
    print(inside_loop([3, -2, 8, -5]))
    print(counter_goes_down([10, 20, 30, 40, 50]))
