"""Indexes the value-range pass proves non-negative index lists directly; `//` and `%`
on non-negative values are Rust's `/` and `%` (tests/test_ranges.py checks the Rust)."""


def lower_bound(values: list[int], target: int) -> int:
    lo = 0
    hi = len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def find_exact(values: list[int], target: int) -> int:
    lo, hi = 0, len(values) - 1
    while lo <= hi:
        mid = lo + (hi - lo) // 2
        if values[mid] == target:
            return mid
        if values[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def weighted_total(xs: list[int]) -> int:
    total = 0
    for i in range(len(xs)):
        total += xs[i] * (i % 3)
    return total


def prefix_sums(xs: list[int]) -> list[int]:
    sums = [0] * (len(xs) + 1)
    for i in range(len(xs)):
        sums[i + 1] = sums[i] + xs[i]
    return sums


def add_into(xs: list[int], out: list[int]) -> list[int]:
    for i in range(len(xs)):
        out[i] = xs[i] * 2 + out[i]
    return out


def every_other(xs: list[int]) -> list[int]:
    picked = []
    k = 0
    while k < len(xs):
        picked.append(xs[k])
        k += 2
    return picked


def middle_item(xs: list[str]) -> str:
    n = len(xs)
    return xs[n // 2] + "/" + xs[(n - 1) // 2 if n > 0 else 0]


def digits_backwards(xs: list[int]) -> list[int]:
    out = []
    for i in range(len(xs) - 1, -1, -1):
        out.append(xs[i] % 10)
    return out


def pairs_with_positions(words: list[str]) -> list[str]:
    out = []
    for i, word in enumerate(words):
        out.append(words[i // 2] + ":" + word + str(i % 2))
    return out


if __name__ == "__main__":
    values = [-8, -3, 0, 2, 2, 7, 11, 19, 42]
    print([lower_bound(values, t) for t in [-100, -8, 2, 5, 42, 100]])
    print([find_exact(values, t) for t in [-8, 2, 7, 42, 5, -100, 100]])
    print(lower_bound([], 3), find_exact([], 3))
    print(weighted_total([5, -4, 3, 12, -7, 1]), prefix_sums([3, -1, 4, -1, 5]))
    print(every_other([9, 8, 7, 6, 5]), every_other([]), add_into([1, 2, 3], [10, 20, 30, 40]))
    print(middle_item(["a", "b", "c", "d"]), middle_item(["x"]))
    print(digits_backwards([123, -47, 9, 1000]), pairs_with_positions(["p", "q", "r"]))
