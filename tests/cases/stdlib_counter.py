"""collections.Counter: counting, most_common, arithmetic and updates."""

from collections import Counter


def letter_frequencies(text: str) -> Counter[str]:
    return Counter(ch for ch in text.lower() if ch.isalpha())


def is_anagram(a: str, b: str) -> bool:
    return letter_frequencies(a) == letter_frequencies(b)


def can_build(note: str, magazine: str) -> bool:
    need = Counter(note.replace(" ", ""))
    have = Counter(magazine.replace(" ", ""))
    return not (need - have)


def main() -> None:
    freq = letter_frequencies("Mississippi River")
    print(freq.most_common(3))
    print(freq["s"], freq["z"], len(freq), sum(freq.values()))
    print(is_anagram("Listen", "Silent"), is_anagram("apple", "paper"))
    print(can_build("give me", "evil game"), can_build("aa", "ab"))
    votes = Counter(["red", "blue", "red", "green", "blue", "red"])
    print(votes)
    votes.update(["green", "green", "green"])
    votes["blue"] -= 1
    print(votes.most_common(), votes.total())
    a = Counter({"x": 3, "y": 1})
    b = Counter({"x": 1, "y": 2, "z": 5})
    print(a + b, a - b, a & b, a | b)
    print(sorted(Counter(n % 3 for n in range(10)).items()))


if __name__ == "__main__":
    main()
