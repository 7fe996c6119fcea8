"""HumanEval-style: below_zero over deposit/withdraw ops and mean absolute deviation."""


def below_zero(operations: list[int]) -> bool:
    balance = 0
    for op in operations:
        balance += op
        if balance < 0:
            return True
    return False


def mean_absolute_deviation(numbers: list[float]) -> float:
    mean = sum(numbers) / len(numbers)
    return sum(abs(x - mean) for x in numbers) / len(numbers)


def rescale_to_unit(numbers: list[float]) -> list[float]:
    lo, hi = min(numbers), max(numbers)
    return [(x - lo) / (hi - lo) for x in numbers]


def main() -> None:
    for ops in [[], [1, 2, -3, 1, 2, -3], [1, 2, -4, 5, 6], [1, -1, 2, -2, 5, -5, 4, -5]]:
        print(ops, below_zero(ops))
    print(mean_absolute_deviation([1.0, 2.0, 3.0]), mean_absolute_deviation([1.0, 2.0, 3.0, 4.0, 5.0]))
    print(round(mean_absolute_deviation([0.5, 1.25, 9.0]), 6))
    print(rescale_to_unit([2.0, 49.9]), rescale_to_unit([1.0, 2.0, 3.0, 4.0, 5.0]), rescale_to_unit([12.0, 11.0, 15.0, 13.0, 14.0]))


if __name__ == "__main__":
    main()
