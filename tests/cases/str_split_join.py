"""Splitting and joining: CSV-ish parsing, word wrapping, path handling."""


def parse_record(line: str) -> dict[str, str]:
    record: dict[str, str] = {}
    for field in line.split(";"):
        if "=" not in field:
            continue
        key, value = field.split("=", 1)
        record[key.strip()] = value.strip()
    return record


def wrap(text: str, width: int) -> list[str]:
    lines = []
    current = ""
    for word in text.split():
        candidate = word if not current else current + " " + word
        if len(candidate) > width and current:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def main() -> None:
    print(parse_record("name = Ada; lang=Python ;broken; year= 1843"))
    for line in wrap("the quick brown fox jumps over the lazy dog again and again", 16):
        print("|" + line.ljust(16) + "|")
    print("a b  c   d".split(), "a b  c".split(" "), "".split(), "".split(","))
    print("one,two,,three".split(","), "k=v=w".split("=", 1), "a-b-c".rsplit("-", 1))
    print("line1\nline2\n\nline4".splitlines())
    print("/".join(["usr", "local", "bin"]), ", ".join([]), "-".join("abc"))
    parts = "/home/user/docs/file.txt".split("/")
    print(parts[-1], parts[1:-1], "/".join(parts[:-1]))
    print("2024-01-15".partition("-"), "no-sep".partition(":"))


if __name__ == "__main__":
    main()
