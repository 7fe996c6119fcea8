"""X | None parameters and returns, default None, and narrowing with is not None."""


def parse_int(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    sign = -1 if text[0] == "-" else 1
    digits = text.lstrip("+-")
    if not digits.isdigit():
        return None
    return sign * int(digits)


def total(values: list[int | None], default: int | None = None) -> int:
    result = 0
    for v in values:
        if v is not None:
            result += v
        elif default is not None:
            result += default
    return result


def describe(value: int | None) -> str:
    if value is None:
        return "nothing"
    if value < 0:
        return f"negative {abs(value)}"
    return f"positive {value}" if value else "zero"


def main() -> None:
    raw = ["12", " -7", "", "abc", "+3", "0", "--1"]
    parsed = [parse_int(r) for r in raw]
    print(parsed)
    print(total(parsed), total(parsed, default=100), total([]))
    print([describe(p) for p in parsed])
    best: int | None = None
    for p in parsed:
        if p is not None and (best is None or p > best):
            best = p
    print("best:", best)


if __name__ == "__main__":
    main()
