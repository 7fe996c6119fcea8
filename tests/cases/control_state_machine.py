"""A small while-loop state machine that validates signed decimal numbers."""


def classify(ch: str) -> str:
    if ch.isdigit():
        return "digit"
    if ch in "+-":
        return "sign"
    if ch == ".":
        return "dot"
    return "other"


def is_number(text: str) -> bool:
    state = "start"
    i = 0
    while i < len(text):
        kind = classify(text[i])
        if state == "start" and kind == "sign":
            state = "signed"
        elif state in ("start", "signed", "int") and kind == "digit":
            state = "int"
        elif state == "int" and kind == "dot":
            state = "dot"
        elif state in ("dot", "frac") and kind == "digit":
            state = "frac"
        else:
            return False
        i += 1
    return state in ("int", "frac")


def main() -> None:
    samples = ["42", "-7", "+3.14", "3.", ".5", "1.2.3", "", "-", "12a", "0.001"]
    for s in samples:
        print(repr(s), is_number(s))
    valid = 0
    for s in samples:
        if not is_number(s):
            continue
        valid += 1
    print("valid:", valid, "of", len(samples))


if __name__ == "__main__":
    main()
