"""A tiny log scanner built on `re`: a single file cannot use the `regex` crate (PRT760);
tests/test_regex.py builds it with `portalis translate-project`, where it runs like CPython."""

import re

ENTRY = re.compile(r"(?P<level>[A-Z]+)\s+(?P<code>\d{2,4}):\s*(.*)")
NUMBER = r"-?\d+(?:\.\d+)?"


def parse_entry(line: str) -> tuple[str, int, str] | None:
    m = ENTRY.match(line)
    if m is None:
        return None
    return m.group("level"), int(m.group("code")), m.group(3)


def describe(line: str) -> str:
    m = re.search(r"(\w+)@(\w+)\.org", line)
    if m:
        start, end = m.span()
        return f"{m.group(1)} at {m.group(2)} [{start}:{end}] {m.start(2)}-{m.end(2)} {m.groups()}"
    return "no address"


def main() -> None:
    print(parse_entry("ERROR 404: page  not found"))
    print(parse_entry("WARN 7: too short"))
    print(parse_entry("INFO   2024:"))
    print(describe("mail élise@cafe.org or bob@home.org"))
    print(describe("nothing here"))
    numbers: list[str] = re.findall(NUMBER, "t=-3.5 x=42 y=.7 z=1.")
    print(numbers)
    pairs: list[tuple[str, str]] = re.findall(r"(\w+)=(\w*)", "a=1 b= c=x2 ²=⁵")
    print(pairs)
    optional: list[str] = re.findall(r"x(y)?", "xy x xyy")
    print(optional)
    print(re.findall(r"\s", "a\tb\x1cc\u2003d"))
    print(re.findall(r"[\w-]+", "naïve co-op, x_y! nai\u0308ve"))
    print(re.findall(r"\W\S", "a\u0308b c\x1cd"))
    print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "Ada Lovelace"))
    print(re.sub(r"\d+", r"<\g<0>>", "a1b22c333"))
    print(re.sub(r"(\d)", r"\1\1\.", "r2d2"))
    print(re.sub("x*", "-", "abxd"))
    print(re.sub(r"\s+", " ", "  many   spaces\there  "))
    print(re.split(r"\s*[,;]\s*", "a , b;c,d ;"))
    print(re.split(r"(\d)", "a1b2c"))
    print(re.split("x*", "axbc"))
    print(re.split(r"-", "a-b--c"))
    print(re.fullmatch(r"a|ab", "ab") is not None, re.fullmatch(r"\d{,3}", "1234") is None)
    print(re.match(r"\d+", "123abc") is not None, re.match(r"\d+", "abc123") is None)
    anchored = re.search(r"\Aab|c\Z", "xxc")
    if anchored is not None:
        print(anchored.group(), anchored.start())
    tag = re.compile(r"<(\w+)>")
    found = tag.search("text <b>bold</b>")
    if found:
        print(found.group(1), found.span(1))
    print(tag.findall("<i><u>x</u></i>"), tag.sub("[]", "<a>b<c>"), tag.split("1<a>2<b>3"))
    print(tag.fullmatch("<em>") is not None, tag.match(" <em>") is None)


if __name__ == "__main__":
    main()
