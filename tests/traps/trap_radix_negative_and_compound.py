def radix_forms(a: int, b: int) -> list[str]:
    return [
        hex(a - b),
        oct(b - a),
        bin(-a),
        hex(-31),
        oct(-8),
        bin(0),
        f"{a - b:#x}",
        format(-255, "#X"),
    ]


if __name__ == "__main__":
    print(radix_forms(3, 10))
    print(radix_forms(10, 3))
