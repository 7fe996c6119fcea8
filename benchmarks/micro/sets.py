"""Sets: membership, insertion, intersection."""


def distinct_pairs(n: int) -> int:
    seen: set[int] = set()
    for i in range(n):
        seen.add((i * i) % 10007)
    return len(seen)


def overlap(n: int) -> int:
    a = {i * 3 for i in range(n)}
    b = {i * 5 for i in range(n)}
    hits = 0
    for x in range(n):
        if x in a and x in b:
            hits += 1
    return hits + len(a & b)


if __name__ == "__main__":
    print(distinct_pairs(300000))
    print(overlap(200000))
