"""Counting letters in a defaultdict and testing every count at the end of the function."""

from collections import defaultdict


def are_anagrams(first: str, second: str) -> bool:
    first = first.lower().replace(" ", "")
    second = second.lower().replace(" ", "")
    if len(first) != len(second):
        return False
    count: defaultdict[str, int] = defaultdict(int)
    for i in range(len(first)):
        count[first[i]] += 1
        count[second[i]] -= 1
    return all(c == 0 for c in count.values())


def letters(word: str) -> str:
    seen: set[str] = set()
    for ch in word:
        seen.add(ch)
    return "".join(sorted(ch for ch in seen))


if __name__ == "__main__":
    print(are_anagrams("Silent", "Listen"), are_anagrams("There", "Their"))
    print(are_anagrams("New York Times", "monkeys write"))
    print(letters("banana"))
