"""Lists used as a stack: bracket matching and postfix evaluation."""

PAIRS = {")": "(", "]": "[", "}": "{"}


def balanced(text: str) -> bool:
    stack: list[str] = []
    for ch in text:
        if ch in "([{":
            stack.append(ch)
        elif ch in PAIRS:
            if not stack or stack.pop() != PAIRS[ch]:
                return False
    return not stack


def eval_postfix(expr: str) -> int:
    stack: list[int] = []
    for token in expr.split():
        if token in ("+", "-", "*", "/"):
            right = stack.pop()
            left = stack.pop()
            if token == "+":
                stack.append(left + right)
            elif token == "-":
                stack.append(left - right)
            elif token == "*":
                stack.append(left * right)
            else:
                stack.append(left // right)
        else:
            stack.append(int(token))
    return stack[-1]


def main() -> None:
    for text in ["(a[b]{c})", "([)]", "((", "", "}{", "{[()()]}"]:
        print(repr(text), balanced(text))
    for expr in ["3 4 +", "5 1 2 + 4 * + 3 -", "7 -2 /", "2 3 4 * -"]:
        print(expr, "=", eval_postfix(expr))
    history = [1, 2, 3]
    while history:
        print("undo", history.pop(), "left", history)


if __name__ == "__main__":
    main()
