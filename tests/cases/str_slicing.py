"""String indexing and slicing with negative bounds and steps."""


def is_palindrome(text: str) -> bool:
    cleaned = "".join(ch.lower() for ch in text if ch.isalnum())
    return cleaned == cleaned[::-1]


def rotate(text: str, k: int) -> str:
    if not text:
        return text
    k = k % len(text)
    return text[k:] + text[:k]


def initials(full_name: str) -> str:
    return "".join(part[0].upper() + "." for part in full_name.split())


def main() -> None:
    s = "Portalis"
    print(s[0], s[-1], s[2:5], s[:-3], s[-3:], s[::2], s[::-1], s[-2::-2])
    print(s[1:100], repr(s[5:2]), s[-100:3], s[3:-3], s[::-3])
    for phrase in ["A man, a plan, a canal: Panama", "hello", "", "No 'x' in Nixon"]:
        print(repr(phrase), is_palindrome(phrase))
    print(rotate("abcdef", 2), rotate("abcdef", -1), rotate("abcdef", 13), repr(rotate("", 3)))
    print(initials("ada king lovelace"), initials("guido van rossum"))
    word = "\u00e9l\u00e8ve"
    print(word[0], word[-1], word[::-1], len(word))
    for i, ch in enumerate("hey"):
        print(i, ch, end="; ")
    print()


if __name__ == "__main__":
    main()
