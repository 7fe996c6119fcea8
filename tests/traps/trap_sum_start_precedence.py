def weighted_total(xs: list[int], base: int, mask: int) -> list[int]:
    return [sum(xs, base << 1), sum(xs, base & mask), sum(xs, base | mask)]


if __name__ == "__main__":
    print(weighted_total([1, 2, 3], 5, 4))
