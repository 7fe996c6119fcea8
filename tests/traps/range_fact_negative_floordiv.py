"""`//` and `%` whose left operand may be negative keep Python's floor semantics: a
difference, a value decremented in a loop, a product with a parameter, a remainder by a
negative divisor."""


def halves(a: int, b: int) -> tuple[int, int]:
    d = a - b
    return d // 2, d % 3


def countdown(n: int) -> list[int]:
    out = []
    x = n
    for _ in range(4):
        x -= 3
        out.append(x // 2)
        out.append(x % 4)
    return out


def scaled(xs: list[int], factor: int) -> list[int]:
    return [(x * factor) // 3 for x in xs]


def mixed_signs(values: list[int]) -> list[int]:
    out = []
    for i in range(len(values)):
        out.append(i % -3)
        out.append((i * 7) % values[i])
    return out


if __name__ == "__main__":
    print(halves(1, 8), halves(8, 1))
    print(countdown(2))
    print(scaled([1, 2, 3], -1))
    print(mixed_signs([5, -4, 3, -2]))
