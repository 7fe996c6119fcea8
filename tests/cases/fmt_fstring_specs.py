"""f-strings with format specs: width, alignment, precision, sign, thousands, !r."""


def receipt_line(name: str, qty: int, price: float) -> str:
    return f"{name:<10}{qty:>4} x {price:>7.2f} = {qty * price:>9.2f}"


def main() -> None:
    items = [("coffee", 2, 3.5), ("bagel", 1, 2.25), ("juice", 3, 4.125)]
    for name, qty, price in items:
        print(receipt_line(name, qty, price))
    total = sum(q * p for _, q, p in items)
    print(f"{'TOTAL':<10}{'':>4}   {'':>7}   {total:>9.2f}")
    n = 1234567
    x = -3.14159
    print(f"{n:,} {n:_} {n:>12,} {n:012d} {n:x} {n:X} {n:o} {n:b}")
    print(f"{x:.3f} {x:+.1f} {abs(x):+.1f} {x:10.4f}| {x:<10.2f}| {x:^10.1f}|")
    print(f"{0.5:.0%} {0.12345:.2%} {1e-7:.2e} {123456.789:.3e} {2.0:g} {0.0001234:g}")
    s = "hi"
    print(f"{s!r} {s:*^8} {s:>5} {s:<5}| {s!s}")
    print(f"{True} {None} {[1, 'a']} {(1,)} {{literal}} {3 + 4}")
    width = 8
    print(f"[{s:>{width}}] [{x:.{2}f}] [{n:>{width + 4},}]")
    print(f"{42:5d}|{-42:5d}|{42:<5d}|{42:^5d}|{42:+d}|{7:03d}")


if __name__ == "__main__":
    main()
