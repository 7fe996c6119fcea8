"""string module constants: password checks, base-36 encoding, punctuation stripping."""

import string

DIGITS36 = string.digits + string.ascii_lowercase


def password_strength(pw: str) -> int:
    classes = [string.ascii_lowercase, string.ascii_uppercase, string.digits, string.punctuation]
    score = sum(1 for cls in classes if any(ch in cls for ch in pw))
    if len(pw) >= 12:
        score += 1
    return score


def to_base36(n: int) -> str:
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, 36)
        out.append(DIGITS36[r])
    return sign + "".join(reversed(out))


def strip_punctuation(text: str) -> str:
    return "".join(ch for ch in text if ch not in string.punctuation)


def main() -> None:
    print(string.ascii_lowercase, string.ascii_uppercase[:5], string.digits, len(string.punctuation))
    print(string.hexdigits, string.octdigits, repr(string.whitespace))
    for pw in ["abc", "Abc123", "Abc123!", "correct-Horse-battery-9"]:
        print(pw, password_strength(pw))
    print([to_base36(n) for n in [0, 35, 36, 1295, 123456789, -42]])
    print(int(to_base36(123456789), 36))
    print(strip_punctuation("Hello, world! (It's... great?)"))
    print(string.capwords("the  quick brown-fox"))


if __name__ == "__main__":
    main()
