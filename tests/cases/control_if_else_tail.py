"""Functions ending in an if/elif/else whose every branch returns: the branches are the tail
expression (no `return`), also for a recursive big-int result; an if without else keeps it."""

def grade(score: int) -> str:
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    else:
        return "C"


def pick(xs: list[int], k: int) -> int:
    if k < len(xs):
        return xs[k]
    return -1


def check(n: int) -> int:
    if n == 0:
        return 1
    else:
        return n * check(n - 1)


if __name__ == "__main__":
    print(grade(95), grade(85), grade(10), pick([1, 2], 1), pick([], 3), check(5))
