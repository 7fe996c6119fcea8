"""A tokenizer producing `int | str` tokens and an RPN evaluator over them."""


def tokenize(text: str) -> list[int | str]:
    tokens: list[int | str] = []
    number = ""
    for ch in text:
        if ch.isdigit():
            number += ch
            continue
        if number:
            tokens.append(int(number))
            number = ""
        if ch in "+-*/()":
            tokens.append(ch)
    if number:
        tokens.append(int(number))
    return tokens


def precedence(op: str) -> int:
    return 2 if op in "*/" else 1


def to_rpn(tokens: list[int | str]) -> list[int | str]:
    out: list[int | str] = []
    ops: list[str] = []
    for tok in tokens:
        if isinstance(tok, int):
            out.append(tok)
        elif tok == "(":
            ops.append(tok)
        elif tok == ")":
            while ops and ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            while ops and ops[-1] != "(" and precedence(ops[-1]) >= precedence(tok):
                out.append(ops.pop())
            ops.append(tok)
    while ops:
        out.append(ops.pop())
    return out


def apply(op: str, a: int, b: int) -> int:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    return a // b


def evaluate(rpn: list[int | str]) -> int:
    stack: list[int] = []
    for tok in rpn:
        if isinstance(tok, str):
            b = stack.pop()
            a = stack.pop()
            stack.append(apply(tok, a, b))
        else:
            stack.append(tok)
    return stack[0]


def describe(tok: int | str) -> str:
    if type(tok) is int:
        return f"num({tok})"
    return f"op({tok})"


def main() -> None:
    for text in ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 - 2", "2 * (3 + 4) * 5"]:
        tokens = tokenize(text)
        rpn = to_rpn(tokens)
        print(tokens)
        print(" ".join(str(t) for t in rpn), "=", evaluate(rpn))
        print([describe(t) for t in tokens[:3]])
    mixed: list[int | str] = [3, "x", 4]
    mixed.append("y")
    print(mixed, len(mixed), mixed[1], mixed[0] == 3, "x" in mixed)
    first = mixed[0]
    if isinstance(first, int):
        print(first + 1)


if __name__ == "__main__":
    main()
