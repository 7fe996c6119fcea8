"""HumanEval-style: shortest palindrome starting with a string, and string XOR of bit strings."""


def is_palindrome(s: str) -> bool:
    return s == s[::-1]


def make_palindrome(s: str) -> str:
    if not s:
        return ""
    start = 0
    while not is_palindrome(s[start:]):
        start += 1
    return s + s[:start][::-1]


def string_xor(a: str, b: str) -> str:
    return "".join("0" if x == y else "1" for x, y in zip(a, b))


def longest(strings: list[str]) -> str | None:
    if not strings:
        return None
    best = strings[0]
    for s in strings[1:]:
        if len(s) > len(best):
            best = s
    return best


def main() -> None:
    for s in ["", "x", "xyz", "xyx", "jerry", "cat", "cata"]:
        print(repr(s), repr(make_palindrome(s)))
    print(string_xor("111000", "101010"), string_xor("1", "1"), string_xor("0101", "0000"))
    print(longest([]), longest(["x", "y", "z"]), longest(["x", "yyy", "zzzz", "www", "kkkk", "abc"]))


if __name__ == "__main__":
    main()
