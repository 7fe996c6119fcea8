"""Integer arithmetic: floor division, modulo, bit operations in a hot loop."""


def collatz_steps(limit: int) -> int:
    total = 0
    for start in range(1, limit):
        n = start
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            total += 1
    return total


def bit_mix(rounds: int) -> int:
    x = 12345
    acc = 0
    for _ in range(rounds):
        x = (x * 1103515245 + 12345) % 2147483648
        acc ^= (x >> 3) & 0xFFFF
    return acc


if __name__ == "__main__":
    print(collatz_steps(30000))
    print(bit_mix(300000))
