"""A tokenizer for a small arithmetic/assignment language producing (kind, text) tokens."""

KEYWORDS = {"let", "print", "if", "else"}
OPERATORS = ["==", "!=", "<=", ">=", "+", "-", "*", "/", "=", "<", ">", "(", ")"]


def tokenize(source: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch.isspace():
            i += 1
            continue
        if ch.isdigit():
            j = i
            while j < len(source) and (source[j].isdigit() or source[j] == "."):
                j += 1
            tokens.append(("NUMBER", source[i:j]))
            i = j
            continue
        if ch.isalpha() or ch == "_":
            j = i
            while j < len(source) and (source[j].isalnum() or source[j] == "_"):
                j += 1
            word = source[i:j]
            tokens.append(("KEYWORD" if word in KEYWORDS else "NAME", word))
            i = j
            continue
        if ch == '"':
            j = source.find('"', i + 1)
            if j == -1:
                tokens.append(("ERROR", source[i:]))
                break
            tokens.append(("STRING", source[i + 1:j]))
            i = j + 1
            continue
        for op in OPERATORS:
            if source.startswith(op, i):
                tokens.append(("OP", op))
                i += len(op)
                break
        else:
            tokens.append(("ERROR", ch))
            i += 1
    return tokens


def main() -> None:
    programs = [
        "let x = 3.5 * (y_1 + 42)",
        'if x >= 10 print "big" else print "small"',
        "a != b == c $ d",
        'print "unterminated',
    ]
    for src in programs:
        toks = tokenize(src)
        print(len(toks), toks)
    kinds: dict[str, int] = {}
    for src in programs:
        for kind, _ in tokenize(src):
            kinds[kind] = kinds.get(kind, 0) + 1
    print(kinds)


if __name__ == "__main__":
    main()
