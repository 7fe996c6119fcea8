"""Indexes that may be negative keep Python's meaning (count from the end): a parameter, a
range that starts below zero, a difference, a binary search whose low end starts at -1."""


def from_the_end(xs: list[int], k: int) -> int:
    return xs[k] + xs[k - 1]


def around(xs: list[int]) -> list[int]:
    return [xs[i] for i in range(-2, len(xs) - 2)]


def gaps(xs: list[int]) -> list[int]:
    out = []
    for i in range(len(xs)):
        j = i - 2
        out.append(xs[j])
    return out


def last_below(xs: list[int], limit: int) -> int:
    lo, hi = -1, len(xs) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if xs[mid] < limit:
            lo = mid
        else:
            hi = mid - 1
    return xs[lo] if lo >= 0 else xs[lo] * 100


def walk_back(xs: list[int], start: int) -> list[int]:
    out = []
    for i in range(start, start - 3, -1):
        out.append(xs[i])
    return out


if __name__ == "__main__":
    data = [2, 4, 6, 8, 10]
    print(from_the_end(data, -1), from_the_end(data, 0), from_the_end(data, 3))
    print(around(data), gaps(data))
    print(last_below(data, 7), last_below(data, 1), last_below(data, 100))
    print(walk_back(data, 1), walk_back(data, 4))
