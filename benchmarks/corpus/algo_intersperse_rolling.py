"""HumanEval-style: intersperse a delimiter, rolling maximum, and sum/product of a list."""


def intersperse(numbers: list[int], delimiter: int) -> list[int]:
    if not numbers:
        return []
    result = []
    for n in numbers[:-1]:
        result.append(n)
        result.append(delimiter)
    result.append(numbers[-1])
    return result


def rolling_max(numbers: list[int]) -> list[int]:
    running: int | None = None
    result = []
    for n in numbers:
        running = n if running is None else max(running, n)
        result.append(running)
    return result


def sum_product(numbers: list[int]) -> tuple[int, int]:
    total, product = 0, 1
    for n in numbers:
        total += n
        product *= n
    return total, product


def main() -> None:
    print(intersperse([], 7), intersperse([5, 6, 3, 2], 8), intersperse([2, 2, 2], 2))
    print(rolling_max([]), rolling_max([1, 2, 3, 4]), rolling_max([4, 3, 2, 1]), rolling_max([3, 2, 3, 100, 3]))
    print(sum_product([]), sum_product([1, 1, 1]), sum_product([100, 0]), sum_product([3, 5, 7]), sum_product([-2, 10]))


if __name__ == "__main__":
    main()
