"""Sorting: plain, reversed, by key; ints, strings, bools, tuples, records and floats
(tests/test_sorts.py checks which Rust sort each one becomes)."""

from dataclasses import dataclass


@dataclass
class Player:
    name: str
    score: int


def sort_ints(xs: list[int]) -> list[int]:
    ys = sorted(xs)
    xs.sort(reverse=True)
    return ys + xs


def sort_words(words: list[str]) -> list[str]:
    return sorted(words) + sorted(words, reverse=True)


def sort_pairs(pairs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    pairs.sort()
    return pairs


def sort_flags(flags: list[bool]) -> list[bool]:
    return sorted(flags)


def by_score(players: list[Player]) -> list[str]:
    ranked = sorted(players, key=lambda p: p.score)
    return [p.name for p in ranked]


def by_score_desc(players: list[Player]) -> list[str]:
    ranked = sorted(players, key=lambda p: p.score, reverse=True)
    return [p.name for p in ranked]


def by_name(players: list[Player]) -> list[str]:
    ranked = sorted(players, key=lambda p: p.name)
    return [p.name + str(p.score) for p in ranked]


def by_length(words: list[str]) -> list[str]:
    words.sort(key=lambda w: len(w))
    return words


def sort_floats(xs: list[float]) -> list[float]:
    return sorted(xs) + sorted(xs, reverse=True)


def sort_float_pairs(pairs: list[tuple[float, int]]) -> list[tuple[float, int]]:
    return sorted(pairs)


if __name__ == "__main__":
    print(sort_ints([5, -2, 9, 0, -2, 7]))
    print(sort_words(["pear", "apple", "fig", "apple", "kiwi"]))
    print(sort_pairs([(2, "b"), (1, "z"), (2, "a"), (1, "a")]), sort_flags([True, False, True]))
    team = [Player("ann", 3), Player("bob", 1), Player("cy", 3), Player("dee", 2)]
    print(by_score(team), by_score_desc(team), by_name(team))
    print(by_length(["ccc", "a", "bb", "dd", "e", "fff"]))
    print(sort_floats([2.5, -0.0, 1.0, 0.0, -3.25, 0.0, -0.0]))
    print(sort_float_pairs([(0.0, 2), (-0.0, 1), (-1.5, 9), (0.0, 0)]))
