"""`int(s, 16)` once went to Rust's `from_str_radix`, which rejects the `0x` prefix and
underscores that Python accepts and panics instead of raising a catchable ValueError."""


def parse_hex(text: str) -> int:
    try:
        return int(text, 16)
    except ValueError:
        return -1


def main() -> None:
    print(parse_hex("0xff"), parse_hex("ff_ff"), parse_hex("zz"), int("0b11", 0))


if __name__ == "__main__":
    main()
