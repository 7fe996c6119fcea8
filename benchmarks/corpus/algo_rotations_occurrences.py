"""MBPP-style string tasks: minimum rotations, removing first/last occurrence, long words."""


def find_rotations(s: str) -> int:
    doubled = s + s
    for i in range(1, len(s) + 1):
        if doubled[i:i + len(s)] == s:
            return i
    return len(s)


def remove_occurrence(s: str, ch: str) -> str:
    first = s.find(ch)
    if first == -1:
        return s
    s = s[:first] + s[first + 1:]
    last = s.rfind(ch)
    if last == -1:
        return s
    return s[:last] + s[last + 1:]


def long_words(text: str, min_len: int = 4) -> list[str]:
    return [w for w in text.split() if len(w) >= min_len]


def main() -> None:
    print(find_rotations("aaaa"), find_rotations("ab"), find_rotations("abc"), find_rotations("abab"), find_rotations(""))
    print(remove_occurrence("hello", "l"), remove_occurrence("abcda", "a"), remove_occurrence("PHP", "P"), remove_occurrence("xyz", "q"), remove_occurrence("q", "q"))
    print(long_words("Please move back to stream"), long_words("Jing Eco and Tech"), long_words("Jhingai wulu road Zone 3", min_len=5))


if __name__ == "__main__":
    main()
