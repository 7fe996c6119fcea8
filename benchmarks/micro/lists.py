"""Lists: appends, indexing, slicing and sorting."""


def sieve(limit: int) -> int:
    flags = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    return sum(1 for f in flags if f)


def prefix_sums(n: int) -> int:
    values = [(i * 7919) % 1000 for i in range(n)]
    sums = [0] * (n + 1)
    for i in range(n):
        sums[i + 1] = sums[i] + values[i]
    values.sort()
    return sums[n] + values[n // 2]


if __name__ == "__main__":
    print(sieve(1000000))
    print(prefix_sums(300000))
