"""Hash-map based array problems: two-sum, subarray sum equals k, longest unique substring."""


def two_sum(nums: list[int], target: int) -> tuple[int, int] | None:
    seen: dict[int, int] = {}
    for i, n in enumerate(nums):
        j = seen.get(target - n)
        if j is not None:
            return j, i
        seen[n] = i
    return None


def count_subarrays(nums: list[int], k: int) -> int:
    prefix_counts = {0: 1}
    total = 0
    count = 0
    for n in nums:
        total += n
        count += prefix_counts.get(total - k, 0)
        prefix_counts[total] = prefix_counts.get(total, 0) + 1
    return count


def longest_unique(s: str) -> int:
    last: dict[str, int] = {}
    start = best = 0
    for i, ch in enumerate(s):
        if ch in last and last[ch] >= start:
            start = last[ch] + 1
        last[ch] = i
        best = max(best, i - start + 1)
    return best


def main() -> None:
    print(two_sum([2, 7, 11, 15], 9), two_sum([3, 2, 4], 6), two_sum([1, 2], 7), two_sum([-3, 3], 0))
    print(count_subarrays([1, 1, 1], 2), count_subarrays([1, 2, 3, -3, 3], 3), count_subarrays([], 0))
    for s in ["abcabcbb", "bbbbb", "pwwkew", "", "d\u00e9j\u00e0 vu"]:
        print(repr(s), longest_unique(s))


if __name__ == "__main__":
    main()
