"""Maximum subarray (Kadane), merging intervals and stock buy/sell profit."""


def max_subarray(nums: list[int]) -> tuple[int, int, int]:
    best = nums[0]
    best_start = best_end = 0
    current = 0
    start = 0
    for i, n in enumerate(nums):
        if current <= 0:
            current = n
            start = i
        else:
            current += n
        if current > best:
            best, best_start, best_end = current, start, i
    return best, best_start, best_end


def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(intervals):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def max_profit(prices: list[int]) -> int:
    lowest = prices[0] if prices else 0
    profit = 0
    for p in prices:
        lowest = min(lowest, p)
        profit = max(profit, p - lowest)
    return profit


def main() -> None:
    print(max_subarray([-2, 1, -3, 4, -1, 2, 1, -5, 4]), max_subarray([-3, -1, -2]), max_subarray([5]))
    print(merge_intervals([(1, 3), (8, 10), (2, 6), (15, 18), (17, 20), (6, 7)]))
    print(merge_intervals([]), merge_intervals([(1, 4), (4, 5)]))
    print(max_profit([7, 1, 5, 3, 6, 4]), max_profit([7, 6, 4, 3, 1]), max_profit([]))


if __name__ == "__main__":
    main()
