"""Array puzzles: missing number, majority element, product except self, rotate right."""


def missing_number(nums: list[int]) -> int:
    n = len(nums)
    return n * (n + 1) // 2 - sum(nums)


def majority_element(nums: list[int]) -> int:
    candidate, count = 0, 0
    for n in nums:
        if count == 0:
            candidate = n
        count += 1 if n == candidate else -1
    return candidate


def product_except_self(nums: list[int]) -> list[int]:
    result = [1] * len(nums)
    prefix = 1
    for i in range(len(nums)):
        result[i] = prefix
        prefix *= nums[i]
    suffix = 1
    for i in range(len(nums) - 1, -1, -1):
        result[i] *= suffix
        suffix *= nums[i]
    return result


def rotate_right(nums: list[int], k: int) -> list[int]:
    if not nums:
        return []
    k %= len(nums)
    return nums[-k:] + nums[:-k] if k else nums[:]


def main() -> None:
    print(missing_number([3, 0, 1]), missing_number([0, 1]), missing_number([9, 6, 4, 2, 3, 5, 7, 0, 1]), missing_number([]))
    print(majority_element([3, 2, 3]), majority_element([2, 2, 1, 1, 1, 2, 2]), majority_element([-1, -1, 5]))
    print(product_except_self([1, 2, 3, 4]), product_except_self([-1, 1, 0, -3, 3]), product_except_self([5]))
    print(rotate_right([1, 2, 3, 4, 5, 6, 7], 3), rotate_right([-1, -100, 3, 99], 2), rotate_right([1, 2], 4), rotate_right([1, 2, 3], -1))


if __name__ == "__main__":
    main()
