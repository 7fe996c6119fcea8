"""Euclid and friends: a, b = b, a % b inside loops."""


def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return abs(a)


def extended_gcd(a: int, b: int) -> tuple[int, int, int]:
    old_r, r = a, b
    old_s, s = 1, 0
    old_t, t = 0, 1
    while r != 0:
        q = old_r // r
        old_r, r = r, old_r - q * r
        old_s, s = s, old_s - q * s
        old_t, t = t, old_t - q * t
    return old_r, old_s, old_t


def continued_fraction(num: int, den: int) -> list[int]:
    terms = []
    while den:
        terms.append(num // den)
        num, den = den, num % den
    return terms


def main() -> None:
    for a, b in [(48, 18), (17, 5), (0, 9), (-12, 8), (100, 75)]:
        g, s, t = extended_gcd(a, b)
        print(a, b, gcd(a, b), (g, s, t), a * s + b * t == g)
    print(continued_fraction(415, 93), continued_fraction(-7, 3), continued_fraction(5, 1))
    lcm = 1
    for k in range(1, 11):
        lcm = lcm * k // gcd(lcm, k)
    print("lcm 1..10 =", lcm)


if __name__ == "__main__":
    main()
