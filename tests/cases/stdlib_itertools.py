"""itertools basics: count, islice, chain, accumulate, product, permutations, combinations, groupby."""

import itertools


def running_max(values: list[int]) -> list[int]:
    return list(itertools.accumulate(values, max))


def groups(text: str) -> list[tuple[str, int]]:
    return [(key, len(list(run))) for key, run in itertools.groupby(text)]


def main() -> None:
    print(list(itertools.islice(itertools.count(10, 5), 4)))
    print(list(itertools.chain([1, 2], (3,), range(4, 6))))
    print(list(itertools.accumulate([1, 2, 3, 4])), running_max([3, 1, 4, 1, 5, 9, 2, 6]))
    print(list(itertools.product("ab", [0, 1])))
    print(list(itertools.permutations([1, 2, 3], 2)))
    print(list(itertools.combinations("abcd", 2)), len(list(itertools.combinations(range(10), 3))))
    print(groups("aaabccdddd"))
    print(list(itertools.repeat("x", 3)), list(itertools.zip_longest([1, 2, 3], "ab", fillvalue="-")))
    cycled = []
    for i, item in enumerate(itertools.cycle(["r", "g", "b"])):
        if i >= 7:
            break
        cycled.append(item)
    print(cycled)
    print(list(itertools.takewhile(lambda x: x < 5, [1, 3, 6, 2])), list(itertools.dropwhile(lambda x: x < 5, [1, 3, 6, 2])))
    print(list(itertools.pairwise([1, 4, 9, 16])), list(itertools.starmap(pow, [(2, 3), (3, 2)])))


if __name__ == "__main__":
    main()
