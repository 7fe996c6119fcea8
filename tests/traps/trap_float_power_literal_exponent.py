def grow(rate: float) -> float:
    return rate**10


def compound(rate: float, years: int) -> float:
    return (1.0 + rate) ** years


if __name__ == "__main__":
    for text in ["1.1", "1.01", "3.7"]:  # parsed at run time: no constant folding
        print(grow(float(text)))
    print(compound(0.01, 25))
    print(compound(0.5, -2))
