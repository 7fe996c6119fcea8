"""HumanEval-style: all prefixes, string_sequence, distinct characters and overlapping counts."""


def all_prefixes(s: str) -> list[str]:
    return [s[:i + 1] for i in range(len(s))]


def string_sequence(n: int) -> str:
    return " ".join(str(i) for i in range(n + 1))


def count_distinct_characters(s: str) -> int:
    return len(set(s.lower()))


def how_many_times(s: str, sub: str) -> int:
    return sum(1 for i in range(len(s) - len(sub) + 1) if s[i:i + len(sub)] == sub)


def main() -> None:
    print(all_prefixes(""), all_prefixes("asdfgh"), all_prefixes("WWW"))
    print(repr(string_sequence(0)), repr(string_sequence(3)), repr(string_sequence(10)))
    print(count_distinct_characters(""), count_distinct_characters("abcde"), count_distinct_characters("abcdecadeCADE"))
    print(count_distinct_characters("aaaaAAAAaaaa"), count_distinct_characters("Jerry jERRY JeRRRY"))
    print(how_many_times("", "x"), how_many_times("xyxyxyx", "x"), how_many_times("cacacacac", "cac"), how_many_times("john doe", "john"))


if __name__ == "__main__":
    main()
