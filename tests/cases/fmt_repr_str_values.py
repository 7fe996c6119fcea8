"""str() vs repr() of scalars and containers; printing None, bools and floats."""

from typing import Optional


def describe(value: Optional[float]) -> str:
    if value is None:
        return "missing"
    return f"{value} ({value!r}) -> {value:.1f}"


def main() -> None:
    for value in [None, 1.0, 0.1, 2.675, 1e21, 1.5e-7, -0.0]:
        print(describe(value))
    print(str(None), repr(None), str(True), repr(False))
    print(str("quote's"), repr("quote's"), repr('dq"'), repr("both'\""))
    print(repr("line\nbreak"), repr("\t"), repr("\\"), repr(""))
    print(f"{[1.0, 2.50]}", f"{(None, True)}", f"{ {'k': 1.0} }")
    amount = 1234.5
    print("Total: " + str(amount), "Total:", amount, f"Total: {amount}")
    print(str(10 / 4), str(10 // 4), str(2 ** 0.5), str(int("12") * 1.0))


if __name__ == "__main__":
    main()
