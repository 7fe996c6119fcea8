calls: list[int] = []


def probe(x: int) -> int:
    calls.append(x)
    print("probe", x)
    return x


def in_order(a: int, b: int, c: int) -> bool:
    return probe(a) < probe(b) < probe(c)


if __name__ == "__main__":
    print(in_order(1, 2, 3))
    print(in_order(3, 2, 1))
    print(in_order(1, 3, 2))
    print(len(calls))
    xs = [5, 1, 4]
    print(0 < len(xs) <= 3 < 10)
