"""ord/chr arithmetic: Caesar and ROT13 ciphers, character histograms."""

ALPHABET_SIZE = 26


def shift_char(ch: str, k: int) -> str:
    if "a" <= ch <= "z":
        return chr((ord(ch) - ord("a") + k) % ALPHABET_SIZE + ord("a"))
    if "A" <= ch <= "Z":
        return chr((ord(ch) - ord("A") + k) % ALPHABET_SIZE + ord("A"))
    return ch


def caesar(text: str, k: int) -> str:
    return "".join(shift_char(ch, k) for ch in text)


def letter_counts(text: str) -> list[int]:
    counts = [0] * ALPHABET_SIZE
    for ch in text.lower():
        if ch.isalpha() and ch.isascii():
            counts[ord(ch) - ord("a")] += 1
    return counts


def main() -> None:
    message = "Hello, World! Zebra-42"
    secret = caesar(message, 3)
    print(secret)
    print(caesar(secret, -3))
    print(caesar(caesar(message, 13), 13) == message)
    counts = letter_counts(message)
    top = [chr(i + ord("a")) + ":" + str(c) for i, c in enumerate(counts) if c > 1]
    print(top)
    print(ord("A"), ord("z"), ord("\u00e9"), chr(65), chr(0x263A), chr(97 + 25))
    print([ord(c) for c in "Py3"], "".join(chr(c) for c in [80, 121, 51]))


if __name__ == "__main__":
    main()
