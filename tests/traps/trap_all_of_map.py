def is_positive(n: int) -> bool:
    return n > 0


def all_positive(xs: list[int]) -> bool:
    return all(map(is_positive, xs))


if __name__ == "__main__":
    print(all_positive([1, 2, 3]))
    print(all_positive([1, -2, 3]))
