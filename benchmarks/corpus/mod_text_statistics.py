"""Text statistics: readability-ish metrics, frequent bigrams and a length histogram."""

SAMPLE = """Rust is fast. Python is friendly! Translating Python to Rust keeps the friendliness
and gains the speed? Maybe. Python is strict, and strict is good."""


def sentences(text: str) -> list[str]:
    result = []
    current = []
    for ch in text.replace("\n", " "):
        current.append(ch)
        if ch in ".!?":
            sentence = "".join(current).strip()
            if sentence:
                result.append(sentence)
            current = []
    tail = "".join(current).strip()
    if tail:
        result.append(tail)
    return result


def tokens(text: str) -> list[str]:
    return [w.strip(".,!?;:").lower() for w in text.split() if w.strip(".,!?;:")]


def bigrams(words: list[str]) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for pair in zip(words, words[1:]):
        counts[pair] = counts.get(pair, 0) + 1
    return counts


def main() -> None:
    sents = sentences(SAMPLE)
    words = tokens(SAMPLE)
    print(len(sents), len(words), len(set(words)))
    print(f"words/sentence: {len(words) / len(sents):.2f}")
    common = sorted(bigrams(words).items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    print(common)
    histogram: dict[int, int] = {}
    for w in words:
        histogram[len(w)] = histogram.get(len(w), 0) + 1
    for length in sorted(histogram):
        print(f"{length:>2} {'*' * histogram[length]}")
    print(max(sents, key=len))


if __name__ == "__main__":
    main()
