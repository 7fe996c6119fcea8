import string
from itertools import count, islice, repeat


def compound(a: int, b: int, xs: list[int]) -> list[str]:
    return [
        str(list(islice(xs, a - 1, b + 1))),
        str(list(islice(count(a, b - 1), 3))),
        str(list(repeat(0, b - a))),
        str(int("ff", a * 8)),
        str(sum(xs, a - b)),
        string.capwords("hello " + "world"),
    ]


if __name__ == "__main__":
    for line in compound(2, 5, [10, 20, 30, 40, 50, 60]):
        print(line)
