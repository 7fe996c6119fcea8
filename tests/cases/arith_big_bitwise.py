"""Bitwise `&`, `|`, `^` on ints that leave i64: Python's two's-complement rules, negatives
included (a negative int behaves as if its sign bit were repeated forever)."""


def rolling_hash(text: str) -> int:
    value = 7
    for ch in text:
        value = ((value << 7) + value) ^ ord(ch)
    return value & 0xFFFFFFFF


def fold_bits(text: str) -> int:
    acc = 1
    for ch in text:
        acc = acc * 131 + ord(ch)
        acc |= 1 << 3
    return acc


def masked_sum(words: list[str]) -> int:
    total = 0
    for word in words:
        total += fold_bits(word)
        total &= (1 << 80) - 1
    return total


def signed_mix(a: int, b: int) -> list[int]:
    big = 3**50
    return [
        -big & a,
        -big | b,
        big ^ -b,
        -big ^ -big,
        (-big - a) & (big + b),
        -(2**70) | 5,
    ]


if __name__ == "__main__":
    print(rolling_hash("Algorithms"))
    print(rolling_hash("a much longer sentence to hash"))
    print(fold_bits("portalis translates"))
    print(masked_sum(["alpha", "beta", "gamma delta epsilon"]))
    print(signed_mix(0xFFFF, 12345))
    print(signed_mix(-1, -98765))
