"""Polynomial rolling hashes: a Mersenne-prime modulus whose products exceed i64, next to
a small modulus whose products fit."""

MERSENNE = 2**61 - 1
SMALL_MOD = 1_000_000_007
BASE = 131


def rolling_hash(text: str) -> int:
    h = 0
    for ch in text:
        h = (h * BASE + ord(ch)) % MERSENNE
    return h


def small_hash(text: str) -> int:
    h = 0
    for ch in text:
        h = (h * 31 + ord(ch)) % SMALL_MOD
    return h


def power_table(n: int) -> list[int]:
    powers = [1]
    for _ in range(n):
        powers.append(powers[-1] * BASE % MERSENNE)
    return powers


def window_hashes(text: str, width: int) -> list[int]:
    powers = power_table(width)
    out = []
    for start in range(len(text) - width + 1):
        out.append(rolling_hash(text[start : start + width]))
    top = powers[width]
    return [h % 1000 for h in out] + [top]


def mix(seed: int, rounds: int) -> int:
    x = seed
    for _ in range(rounds):
        x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
    return x


if __name__ == "__main__":
    for word in ["", "a", "abc", "hello world", "Portalis", "ünïcödé"]:
        print(repr(word), rolling_hash(word), small_hash(word))
    print(rolling_hash("abc") == rolling_hash("ab" + "c"), rolling_hash("ab") < MERSENNE)
    print(power_table(5))
    print(window_hashes("abracadabra", 4))
    print(mix(42, 3), mix(7, 10) % 97)
    h = rolling_hash("the quick brown fox")
    print(f"{h:>25}|{h:_}|{h % 2**32:08x}")
