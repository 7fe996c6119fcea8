"""round() with banker's rounding, with and without ndigits."""


def round_all(values: list[float]) -> list[int]:
    return [round(v) for v in values]


def to_cents(amount: float) -> int:
    return round(amount * 100)


def average(scores: list[int]) -> float:
    if not scores:
        return 0.0
    return round(sum(scores) / len(scores), 2)


def main() -> None:
    halves = [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 4.4, 4.6]
    print(round_all(halves))
    print(round(2.675, 2), round(1.005, 2), round(3.14159, 3))
    print(round(1234.5678, -2), round(1250, -2), round(1350, -2))
    print(round(7), round(-7), round(0.0))
    for amount in [19.99, 0.1, 2.5, 100.0]:
        print("cents", amount, to_cents(amount))
    print(average([90, 85, 77]), average([]), average([1, 2]))
    print(int(3.99), int(-3.99), int(0.0))
    ratio = 2 / 3
    print(ratio, round(ratio, 4), f"{ratio:.3f}")


if __name__ == "__main__":
    main()
