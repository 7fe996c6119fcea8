def total(xs: list[int]) -> int:
    if not isinstance(xs, list):
        raise TypeError("need a list")
    return sum(xs)

if __name__ == "__main__":
    print(total([1, 2, 3]))
