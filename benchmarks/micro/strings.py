"""Strings: building, splitting, joining, counting characters."""


def build_words(n: int) -> list[str]:
    words: list[str] = []
    for i in range(n):
        words.append("w" + str(i % 97) + "x" * (i % 5))
    return words


def vowel_count(words: list[str]) -> int:
    count = 0
    for word in words:
        for ch in word:
            if ch in "aeiouwx":
                count += 1
    return count


def round_trip(words: list[str]) -> int:
    text = " ".join(words)
    parts = text.split(" ")
    return sum(len(p) for p in parts)


if __name__ == "__main__":
    words = build_words(120000)
    print(vowel_count(words))
    print(round_trip(words))
    print(words[12345].upper())
