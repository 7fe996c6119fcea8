def ratio(base: int, exponent: int) -> float:
    return pow(base, exponent)


def inverse_mod(value: int, modulus: int) -> int:
    return pow(value, -1, modulus)


if __name__ == "__main__":
    print(ratio(2, -3))
    print(ratio(-4, -1))
    print(ratio(5, 2) == 25)  # an int at run time in Python; `float` in Rust (see docs)
    print(pow(2, -1), pow(0, 0), 0**0)
    print(inverse_mod(3, 7), inverse_mod(-3, 7))
    print(pow(-2, 3, 5), pow(-7, 3, 10), pow(7, 3, -10))
