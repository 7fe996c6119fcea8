"""Common str methods: strip family, case, startswith/endswith, predicates."""


def normalize_header(line: str) -> str:
    return line.strip().lower().replace(" ", "_")


def classify(token: str) -> str:
    if token.isdigit():
        return "number"
    if token.isalpha():
        return "word"
    if token.isspace():
        return "space"
    return "mixed"


def strip_comment(line: str) -> str:
    index = line.find("#")
    if index == -1:
        return line.rstrip()
    return line[:index].rstrip()


def main() -> None:
    headers = ["  First Name ", "Last Name", "  AGE  "]
    print([normalize_header(h) for h in headers])
    for token in ["123", "abc", "   ", "a1", "", "\u00e9t\u00e9"]:
        print(repr(token), classify(token))
    print(strip_comment("x = 1  # set x"), "|", strip_comment("y = 2   "), "|")
    path = "report_2024.csv"
    print(path.startswith("report"), path.endswith(".csv"), path.endswith((".txt", ".md")))
    print("xxhixx".strip("x"), "--a-b--".lstrip("-"), "--a-b--".rstrip("-"))
    print("Hello World".swapcase(), "hello world".title(), "hello".capitalize())
    print("MiXeD".upper(), "MiXeD".lower(), "abc".isupper(), "ABC".isupper(), "abc".islower())
    print("a,b".isalnum(), "ab12".isalnum(), "  padded  ".strip() == "padded")


if __name__ == "__main__":
    main()
