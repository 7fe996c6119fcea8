"""`for i in range(len(xs))` where the loop shrinks or grows `xs`: the index may pass the
end: a handler sees Python's IndexError (the check stays), and uncaught it stops the
program (Rust's bounds check on a direct index)."""


def drain(xs: list[int]) -> list[int]:
    seen = []
    for i in range(len(xs)):
        try:
            seen.append(xs[i])
        except IndexError:
            seen.append(-1)
        xs.pop()
    return seen


def shrink_sum(xs: list[int]) -> int:
    total = 0
    for i in range(len(xs)):
        if i < len(xs):
            total += xs[i]
        xs.pop()
    return total


def overrun(xs: list[int]) -> int:
    total = 0
    for i in range(len(xs)):
        xs.pop()
        total += xs[i]  # IndexError once i passes the shrunk end: the program stops
    return total


if __name__ == "__main__":
    print(drain([1, 2, 3, 4, 5]))
    print(shrink_sum([1, 2, 3, 4, 5]))
    print(overrun([7, 8, 9, 10]))
