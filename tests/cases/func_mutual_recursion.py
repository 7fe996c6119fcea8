"""Mutual recursion: even/odd, a recursive-descent expression evaluator."""


def is_even(n: int) -> bool:
    return True if n == 0 else is_odd(n - 1)


def is_odd(n: int) -> bool:
    return False if n == 0 else is_even(n - 1)


def parse_expr(tokens: list[str], pos: int) -> tuple[int, int]:
    value, pos = parse_term(tokens, pos)
    while pos < len(tokens) and tokens[pos] in ("+", "-"):
        op = tokens[pos]
        rhs, pos = parse_term(tokens, pos + 1)
        value = value + rhs if op == "+" else value - rhs
    return value, pos


def parse_term(tokens: list[str], pos: int) -> tuple[int, int]:
    value, pos = parse_atom(tokens, pos)
    while pos < len(tokens) and tokens[pos] in ("*", "/"):
        op = tokens[pos]
        rhs, pos = parse_atom(tokens, pos + 1)
        value = value * rhs if op == "*" else value // rhs
    return value, pos


def parse_atom(tokens: list[str], pos: int) -> tuple[int, int]:
    if tokens[pos] == "(":
        value, pos = parse_expr(tokens, pos + 1)
        return value, pos + 1
    if tokens[pos] == "-":
        value, pos = parse_atom(tokens, pos + 1)
        return -value, pos
    return int(tokens[pos]), pos + 1


def tokenize(text: str) -> list[str]:
    for op in "+-*/()":
        text = text.replace(op, f" {op} ")
    return text.split()


def evaluate(text: str) -> int:
    value, _ = parse_expr(tokenize(text), 0)
    return value


def main() -> None:
    print([n for n in range(10) if is_even(n)], is_odd(7), is_even(15))
    for expr in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 3 - 4", "-7 / 2", "2 * (3 + (4 - 1)) * -1"]:
        print(expr, "=", evaluate(expr))


if __name__ == "__main__":
    main()
