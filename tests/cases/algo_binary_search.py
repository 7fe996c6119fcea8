"""Binary search variants: exact match, lower bound, and searching on the answer."""


def binary_search(values: list[int], target: int) -> int:
    lo, hi = 0, len(values) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if values[mid] == target:
            return mid
        if values[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def lower_bound(values: list[int], target: int) -> int:
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def int_sqrt(n: int) -> int:
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo


def main() -> None:
    values = [-8, -3, 0, 2, 2, 2, 7, 11, 19, 42]
    for target in [-8, 2, 7, 42, 5, -100, 100]:
        print(target, binary_search(values, target), lower_bound(values, target))
    print(binary_search([], 1), lower_bound([], 1))
    print([int_sqrt(n) for n in [0, 1, 3, 4, 15, 16, 17, 1_000_000, 999_999]])


if __name__ == "__main__":
    main()
