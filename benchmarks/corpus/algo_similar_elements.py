"""MBPP-style: shared elements of two tuples, non-primes, and n largest via heap."""

import heapq
import math


def similar_elements(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(sorted(set(a) & set(b)))


def is_not_prime(n: int) -> bool:
    if n < 2:
        return True
    for d in range(2, math.isqrt(n) + 1):
        if n % d == 0:
            return True
    return False


def heap_queue_largest(nums: list[int], n: int) -> list[int]:
    return heapq.nlargest(n, nums)


def main() -> None:
    print(similar_elements((3, 4, 5, 6), (5, 7, 4, 10)), similar_elements((1, 2, 3, 4), (5, 4, 3, 7)), similar_elements((11, 12), (13, 14)))
    print([n for n in range(1, 20) if is_not_prime(n)], is_not_prime(35), is_not_prime(37))
    nums = [25, 35, 22, 85, 14, 65, 75, 22, 58]
    print(heap_queue_largest(nums, 3), heap_queue_largest(nums, 2), heap_queue_largest(nums, 5))


if __name__ == "__main__":
    main()
