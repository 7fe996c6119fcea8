"""MBPP-style bit puzzles: differ at one bit, opposite signs, power of two, toggling middle bits."""


def differ_at_one_bit(a: int, b: int) -> bool:
    x = a ^ b
    return x != 0 and x & (x - 1) == 0


def opposite_signs(x: int, y: int) -> bool:
    return (x ^ y) < 0


def is_power_of_two(n: int) -> bool:
    return n > 0 and n & (n - 1) == 0


def toggle_middle_bits(n: int) -> int:
    if n < 4:
        return n
    width = n.bit_length()
    mask = ((1 << (width - 1)) - 1) ^ 1
    return n ^ mask


def count_set_bits(n: int) -> int:
    return bin(n).count("1")


def main() -> None:
    print(differ_at_one_bit(13, 9), differ_at_one_bit(15, 8), differ_at_one_bit(2, 4), differ_at_one_bit(7, 7))
    print(opposite_signs(1, -2), opposite_signs(3, 2), opposite_signs(-10, -10), opposite_signs(-2, 2))
    print([n for n in range(-2, 70) if is_power_of_two(n)])
    print(toggle_middle_bits(9), toggle_middle_bits(10), toggle_middle_bits(11), toggle_middle_bits(65), toggle_middle_bits(77), toggle_middle_bits(3))
    print([count_set_bits(n) for n in [0, 1, 2, 7, 255, 256, 1023]], (255).bit_length(), (0).bit_length())


if __name__ == "__main__":
    main()
