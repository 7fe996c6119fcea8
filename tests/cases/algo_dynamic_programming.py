"""Classic DP: longest common subsequence, 0/1 knapsack, edit distance, LIS."""


def lcs(a: str, b: str) -> str:
    n, m = len(a), len(b)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if a[i] == b[j]:
                dp[i][j] = 1 + dp[i + 1][j + 1]
            else:
                dp[i][j] = max(dp[i + 1][j], dp[i][j + 1])
    out = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            out.append(a[i])
            i += 1
            j += 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return "".join(out)


def knapsack(items: list[tuple[int, int]], capacity: int) -> int:
    best = [0] * (capacity + 1)
    for weight, value in items:
        for c in range(capacity, weight - 1, -1):
            best[c] = max(best[c], best[c - weight] + value)
    return best[capacity]


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i]
        for j, cb in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def longest_increasing(values: list[int]) -> int:
    lengths = [1] * len(values)
    for i in range(len(values)):
        for j in range(i):
            if values[j] < values[i]:
                lengths[i] = max(lengths[i], lengths[j] + 1)
    return max(lengths, default=0)


def main() -> None:
    print(repr(lcs("ABCBDAB", "BDCABA")), repr(lcs("rust", "python")), repr(lcs("", "abc")))
    print(knapsack([(1, 1), (3, 4), (4, 5), (5, 7)], 7), knapsack([], 10))
    for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same")]:
        print(a, b, edit_distance(a, b))
    print(longest_increasing([10, 9, 2, 5, 3, 7, 101, 18]), longest_increasing([]))


if __name__ == "__main__":
    main()
