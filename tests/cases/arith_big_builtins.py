"""Builtins, formatting and containers on arbitrary-precision ints: sorted, in, divmod,
bit_length, shifts, f-string specs, sums, max/min, float conversion, dicts of big values."""

import math


def grow(n: int) -> int:
    r = 1
    for i in range(1, n + 1):
        r *= i
    return r


def halve_count(n: int) -> int:
    steps = 0
    while n > 1:
        n >>= 1
        steps += 1
    return steps


def split(n: int) -> int:
    q, r = divmod(grow(25), n)
    return q + r


def main() -> None:
    b = grow(30)
    xs = [grow(k) for k in range(18, 24)]
    print(xs)
    print(sorted(xs, reverse=True)[:2], b in xs, grow(20) in xs)
    print(f"{b!r} {b:>40} {b:,} {b:x} {b:+}")
    print(divmod(b, 7), b.bit_length(), str(b)[::-1][:5])
    print(0 < b < 10**40, b == 0, bool(b), not b)
    print(b ** 2, -b, ~b, b >> 3, b << 10)
    print(halve_count(b), halve_count(grow(5)))
    print(math.gcd(grow(10), 7), max(xs), min(xs), sum(xs, 1))
    print(float(b), b / 2, b * 0.5)
    t = (1, 2)
    print(t, t[0] > t[1])
    ys = xs[:]
    ys.append(5)
    print(len(ys), ys[-1], ys.index(5))
    d = {1: b}
    print(d, split(7))


if __name__ == "__main__":
    main()
