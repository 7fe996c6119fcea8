"""Checked int arithmetic must not stop a program whose values all fit in i64."""

BIG = 9223372036854775807
SMALL = -9223372036854775807 - 1


def edges(top: int, bottom: int) -> list[int]:
    return [
        top - 1 + 1,
        -(bottom + 1),
        abs(bottom + 1),
        bottom // 1,
        bottom % -1,
        top // -1,
        (-2) ** 63,
        3**39,
        -1 << 63,
        1 << 62,
        bottom >> 100,
        top >> 70,
        sum([top, 1, -1]),
        sum([bottom, -1, 1, top]),
    ]


def accumulate(n: int) -> int:
    total = BIG - n
    for i in range(n):
        total += 1
        total -= i - (i + 1) + 1
    return total


if __name__ == "__main__":
    for value in edges(BIG, SMALL):
        print(value)
    print(accumulate(10))
    print(pow(-3, 3, 5), pow(3, -1, 7), pow(-7, 2, -5), pow(5, 0, 1))
