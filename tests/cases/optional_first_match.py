"""Searching helpers returning Optional indices/values; max of possibly-empty input."""

from typing import Callable, List, Optional


def first_index(values: List[int], pred: Callable[[int], bool]) -> Optional[int]:
    for i, v in enumerate(values):
        if pred(v):
            return i
    return None


def safe_max(values: List[float]) -> Optional[float]:
    if not values:
        return None
    best = values[0]
    for v in values[1:]:
        if v > best:
            best = v
    return best


def second_largest(values: List[int]) -> Optional[int]:
    unique = sorted(set(values), reverse=True)
    return unique[1] if len(unique) >= 2 else None


def main() -> None:
    data = [4, 9, -2, 9, 15, 0]
    print(first_index(data, lambda v: v > 8), first_index(data, lambda v: v < -5))
    idx = first_index(data, lambda v: v == 0)
    if idx is not None:
        print("zero at", idx, data[idx:])
    print(safe_max([1.5, -3.0, 2.25]), safe_max([]))
    print(second_largest(data), second_largest([7, 7]), second_largest([]))
    result = safe_max([])
    print("empty" if result is None else result)


if __name__ == "__main__":
    main()
