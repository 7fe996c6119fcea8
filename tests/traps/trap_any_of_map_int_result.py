def remainder(n: int) -> int:
    return n % 3


def any_not_multiple(xs: list[int]) -> bool:
    return any(map(remainder, xs))


def all_not_multiple(xs: list[int]) -> bool:
    return all(map(remainder, xs))


if __name__ == "__main__":
    print(any_not_multiple([3, 6, 9]))
    print(any_not_multiple([3, 7]))
    print(all_not_multiple([1, 2, 4]))
    print(all_not_multiple([1, 3]))
