"""HumanEval-style: separate balanced parenthesis groups and report max nesting depth."""


def separate_paren_groups(paren_string: str) -> list[str]:
    groups = []
    current = []
    depth = 0
    for ch in paren_string:
        if ch == "(":
            depth += 1
            current.append(ch)
        elif ch == ")":
            depth -= 1
            current.append(ch)
            if depth == 0:
                groups.append("".join(current))
                current.clear()
    return groups


def parse_nested_parens(paren_string: str) -> list[int]:
    depths = []
    for group in paren_string.split():
        depth = max_depth = 0
        for ch in group:
            depth += 1 if ch == "(" else -1
            max_depth = max(max_depth, depth)
        depths.append(max_depth)
    return depths


def main() -> None:
    print(separate_paren_groups("( ) (( )) (( )( ))"))
    print(separate_paren_groups("(()()) ((())) () ((())()())"))
    print(separate_paren_groups(""))
    print(parse_nested_parens("(()()) ((())) () ((())()())"))
    print(parse_nested_parens("() (()) ((())) (((())))"))


if __name__ == "__main__":
    main()
