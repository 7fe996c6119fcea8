from typing import List, Tuple


def rolling_max(numbers: List[int]) -> List[int]:
    """ From a given list of integers, generate a list of rolling maximum element found until given moment
    in the sequence.
    >>> rolling_max([1, 2, 3, 2, 3, 4, 2])
    [1, 2, 3, 3, 3, 4, 4]
    """
    running_max = None
    result = []

    for n in numbers:
        if running_max is None:
            running_max = n
        else:
            running_max = max(running_max, n)

        result.append(running_max)

    return result


if __name__ == "__main__":
    print(rolling_max([]))
    print(rolling_max([1, 2, 3, 4]))
    print(rolling_max([4, 3, 2, 1]))
    print(rolling_max([3, 2, 3, 100, 3]))
