"""Module-level aliases of builtin container types, called to make new containers."""

from typing import Dict, List

Bag = list
Table = dict
Group = set


def squares(n: int) -> List[int]:
    out: List[int] = Bag()
    for i in range(n):
        out.append(i * i)
    return out


def tally(words: List[str]) -> Dict[str, int]:
    counts: Dict[str, int] = Table()
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


if __name__ == "__main__":
    seen: set[int] = Group()
    seen.add(3)
    print(squares(4), tally(["a", "b", "a"]), sorted(seen), Bag([3, 1]), len(Bag("abc")))
