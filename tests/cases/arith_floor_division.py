"""Floor division and modulo with Python semantics, including negative operands."""


def split_minutes(total: int) -> tuple[int, int]:
    hours = total // 60
    minutes = total % 60
    return hours, minutes


def weekday_offset(day: int, shift: int) -> int:
    # Python's % always returns a value with the sign of the divisor.
    return (day + shift) % 7


def bucket(value: int, width: int) -> int:
    return value // width * width


def describe(a: int, b: int) -> str:
    q, r = divmod(a, b)
    return f"{a} = {b} * {q} + {r}"


def main() -> None:
    for total in [0, 59, 60, 125, 1439]:
        h, m = split_minutes(total)
        print(total, "->", h, m)
    for shift in [-10, -7, -1, 0, 3, 15]:
        print("weekday", shift, weekday_offset(2, shift))
    for value in [-25, -10, -1, 0, 1, 9, 10, 24]:
        print("bucket", value, bucket(value, 10))
    pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (-1, 3)]
    for a, b in pairs:
        print(describe(a, b), a // b, a % b)
    print(-7.5 // 2, -7.5 % 2, 7.5 // -2, 7.5 % -2)
    print(divmod(-17, 5), divmod(17.0, 5))


if __name__ == "__main__":
    main()
