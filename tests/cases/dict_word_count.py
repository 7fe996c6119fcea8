"""Word frequency with dict.get, sorting items by value then key."""


def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in text.lower().split():
        word = word.strip(".,!?;:")
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts


def top_n(counts: dict[str, int], n: int) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def main() -> None:
    text = "The cat and the hat. The cat sat! And the bat? A cat, a hat."
    counts = count_words(text)
    print(counts)
    print(top_n(counts, 3))
    print(len(counts), counts["cat"], counts.get("dog"), counts.get("dog", 0))
    print(list(counts.keys())[:4], sum(counts.values()))
    for word, n in counts.items():
        if n == 1:
            print("once:", word)
    print("the" in counts, "dog" not in counts)


if __name__ == "__main__":
    main()
