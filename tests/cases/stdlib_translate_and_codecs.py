"""Text cleanup with str.maketrans/str.translate, and bytes <-> str with UTF-8 and ASCII."""

import string

ROT13 = str.maketrans(
    string.ascii_lowercase + string.ascii_uppercase,
    string.ascii_lowercase[13:]
    + string.ascii_lowercase[:13]
    + string.ascii_uppercase[13:]
    + string.ascii_uppercase[:13],
)


def rot13(text: str) -> str:
    return text.translate(ROT13)


def slugify(title: str) -> str:
    table = str.maketrans(" ", "-", string.punctuation)
    return title.lower().translate(table)


def decode_packet(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        return f"<invalid: {e}>"


def ascii_only(text: str) -> bytes:
    try:
        return text.encode("ascii")
    except ValueError as e:
        print("cannot encode:", e)
        return text.encode("ascii", errors="strict") if text.isascii() else b"?"


def main() -> None:
    print(rot13("Hello, World!"), rot13(rot13("round trip")))
    print(slugify("What's New in Python 3.11?"))
    vowels = str.maketrans({"a": "4", "e": "3", "i": "1", "o": None})
    print(vowels, "portable bootstrap".translate(vowels))
    print("mississippi".translate({ord("s"): "z", ord("i"): None}))
    print("abc".translate({97: 65, 99: 67}), str.maketrans("ab", "xy", "z"))
    for packet in [b"caf\xc3\xa9", b"\xe2\x82\xac 5", b"bad \xff byte", b"cut \xe2\x82"]:
        print(decode_packet(packet))
    encoded = "naïve café".encode()
    print(encoded, len(encoded), encoded.decode("utf-8"), "plain".encode("utf-8"))
    print(ascii_only("ok"), ascii_only("déjà vu"), b"ASCII".decode("ascii"))


if __name__ == "__main__":
    main()
