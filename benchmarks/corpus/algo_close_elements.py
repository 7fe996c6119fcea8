"""HumanEval-style: has_close_elements and find_closest_elements on float lists."""


def has_close_elements(numbers: list[float], threshold: float) -> bool:
    for i, a in enumerate(numbers):
        for j, b in enumerate(numbers):
            if i != j and abs(a - b) < threshold:
                return True
    return False


def find_closest_elements(numbers: list[float]) -> tuple[float, float]:
    ordered = sorted(numbers)
    best = (ordered[0], ordered[1])
    for a, b in zip(ordered, ordered[1:]):
        if b - a < best[1] - best[0]:
            best = (a, b)
    return best


def main() -> None:
    print(has_close_elements([1.0, 2.0, 3.0], 0.5))
    print(has_close_elements([1.0, 2.8, 3.0, 4.0, 5.0, 2.0], 0.3))
    print(has_close_elements([1.0, 2.0, 5.9, 4.0, 5.0], 0.95), has_close_elements([], 1.0))
    print(find_closest_elements([1.0, 2.0, 3.0, 4.0, 5.0, 2.2]))
    print(find_closest_elements([1.0, 2.0, 3.0, 4.0, 5.0, 2.0]))
    print(find_closest_elements([1.1, 2.2, 3.1, 4.1, 5.1]))


if __name__ == "__main__":
    main()
