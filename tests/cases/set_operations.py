"""Set algebra on small int sets: |, &, -, ^, subset checks, add/discard."""


def multiples(n: int, limit: int) -> set[int]:
    return {k for k in range(0, limit, n)}


def main() -> None:
    twos = multiples(2, 20)
    threes = multiples(3, 20)
    print(sorted(twos), sorted(threes))
    print(sorted(twos | threes))
    print(sorted(twos & threes), sorted(twos - threes), sorted(twos ^ threes))
    print(twos & threes == multiples(6, 20), multiples(6, 20) <= twos, multiples(6, 20).issubset(threes))
    print(twos.issuperset({4, 8}), twos.isdisjoint({1, 3, 5}), {1, 2} < {1, 2}, {1} < {1, 2})
    small = {3, 1, 2}
    small.add(2)
    small.add(0)
    small.discard(10)
    small.discard(1)
    print(small, len(small), 3 in small, 1 in small)
    small.remove(3)
    print(small, set(), {5})
    union = set()
    for group in [[1, 2], [2, 3], [9]]:
        union |= set(group)
    print(union, union.union({4}), sorted(union.intersection([2, 9, 11])), sorted(union.difference({1})))
    print(sorted({4, 4, 1, 7, 1}), len({1, 1, 1}))


if __name__ == "__main__":
    main()
