def diff_bits(a: int, b: int) -> str:
    return bin(a - b)

if __name__ == "__main__":
    print(diff_bits(10, 3))
    print(diff_bits(3, 10))
