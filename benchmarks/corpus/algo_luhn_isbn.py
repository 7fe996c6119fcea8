"""Checksum validators: Luhn credit-card numbers and ISBN-10/ISBN-13."""


def luhn_valid(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) < 2 or any(not (c.isdigit() or c == " ") for c in number):
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def isbn10_valid(code: str) -> bool:
    chars = code.replace("-", "")
    if len(chars) != 10:
        return False
    total = 0
    for i, ch in enumerate(chars):
        if ch == "X" and i == 9:
            value = 10
        elif ch.isdigit():
            value = int(ch)
        else:
            return False
        total += (10 - i) * value
    return total % 11 == 0


def isbn13_check_digit(first12: str) -> int:
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(first12))
    return (10 - total % 10) % 10


def main() -> None:
    for card in ["4539 3195 0343 6467", "8273 1232 7352 0569", "059", "0", "055 444 285", "4539a"]:
        print(repr(card), luhn_valid(card))
    for isbn in ["3-598-21508-8", "3-598-21508-9", "3-598-21507-X", "359821507X", "3-598-2K507-0", "123"]:
        print(isbn, isbn10_valid(isbn))
    print(isbn13_check_digit("978030640615"), isbn13_check_digit("979000000000"))


if __name__ == "__main__":
    main()
