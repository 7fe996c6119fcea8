"""Roman numeral conversion in both directions with validation."""

VALUES = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
    (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]
SYMBOLS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n: int) -> str:
    if not 0 < n < 4000:
        raise ValueError(f"out of range: {n}")
    parts = []
    for value, symbol in VALUES:
        count, n = divmod(n, value)
        parts.append(symbol * count)
    return "".join(parts)


def from_roman(s: str) -> int:
    total = 0
    for i, ch in enumerate(s):
        if ch not in SYMBOLS:
            raise ValueError(f"bad symbol {ch!r}")
        value = SYMBOLS[ch]
        if i + 1 < len(s) and SYMBOLS.get(s[i + 1], 0) > value:
            total -= value
        else:
            total += value
    if to_roman(total) != s:
        raise ValueError(f"non-canonical numeral {s!r}")
    return total


def main() -> None:
    for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
        print(n, to_roman(n))
    for s in ["MCMXCIV", "XLII", "IIII", "MMXZ", "IC"]:
        try:
            print(s, from_roman(s))
        except ValueError as err:
            print(s, "error:", err)
    print(all(from_roman(to_roman(n)) == n for n in range(1, 4000)))
    try:
        to_roman(0)
    except ValueError as err:
        print(err)


if __name__ == "__main__":
    main()
