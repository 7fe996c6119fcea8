def is_even(n: int) -> bool:
    return n % 2 == 0

def any_even(xs: list[int]) -> bool:
    return any(map(is_even, xs))

if __name__ == "__main__":
    print(any_even([1, 3, 5]))
    print(any_even([1, 4]))
