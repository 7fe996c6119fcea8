"""int()/float()/str() conversions and parsing of user input strings."""


def parse_ints(raw: str) -> list[int]:
    values = []
    for piece in raw.split(","):
        piece = piece.strip()
        if piece:
            values.append(int(piece))
    return values


def parse_price(text: str) -> float:
    return float(text.strip().lstrip("$"))


def render(values: list[int]) -> str:
    return "+".join(str(v) for v in values)


def main() -> None:
    print(int("  42 "), int("-17"), int("+8"), int("007"))
    print(int("ff", 16), int("101", 2), int("z", 36))
    print(float("3.5"), float("  -0.25 "), float("1e3"), float("10"))
    numbers = parse_ints(" 4, 8 ,15,, 16 , -23,42 ")
    print(numbers, sum(numbers))
    print(render(numbers) + " = " + str(sum(numbers)))
    print(parse_price("$19.99") + parse_price(" 0.01"))
    print(str(12) + str(3.0) + str(True) + str(None))
    print(int(True), int(False), float(7), bool(0), bool(-1), bool(""), bool("0"))
    print(hex(255), oct(8), bin(10))
    print(int(float("2.9")), round(float("2.5")))


if __name__ == "__main__":
    main()
