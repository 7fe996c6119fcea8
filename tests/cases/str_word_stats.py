"""Text statistics: words, sentences, longest word and vowel counts."""

VOWELS = "aeiou"


def words_of(text: str) -> list[str]:
    cleaned = ""
    for ch in text:
        cleaned += ch.lower() if ch.isalpha() or ch == "'" else " "
    return cleaned.split()


def vowel_count(word: str) -> int:
    return sum(1 for ch in word if ch in VOWELS)


def sentence_count(text: str) -> int:
    count = 0
    for ch in text:
        if ch in ".!?":
            count += 1
    return count


def main() -> None:
    text = "It was the best of times. It was the worst of times! Wasn't it? Yes."
    words = words_of(text)
    print(len(words), words[:6])
    print("sentences:", sentence_count(text))
    longest = max(words, key=len)
    shortest = min(words, key=len)
    print("longest:", longest, "shortest:", shortest)
    print("vowels:", sum(vowel_count(w) for w in words))
    unique = sorted(set(words))
    print(unique)
    print([w for w in unique if w.startswith("w")], [w.capitalize() for w in unique if len(w) <= 2])
    avg = sum(len(w) for w in words) / len(words)
    print(f"average word length {avg:.3f}")


if __name__ == "__main__":
    main()
