

def greatest_common_divisor(a: int, b: int) -> int:
    """ Return a greatest common divisor of two integers a and b
    >>> greatest_common_divisor(3, 5)
    1
    >>> greatest_common_divisor(25, 15)
    5
    """
    while b:
        a, b = b, a % b
    return a


if __name__ == "__main__":
    print(greatest_common_divisor(3, 7))
    print(greatest_common_divisor(10, 15))
    print(greatest_common_divisor(49, 14))
    print(greatest_common_divisor(144, 60))
