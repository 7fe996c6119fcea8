"""`bytes(text, encoding)` is `text.encode(encoding)`: UTF-8 always succeeds, strict ASCII
raises UnicodeEncodeError on the first non-ASCII character."""


def checksum(text: str) -> int:
    data = bytes(text, "ascii")
    low, high = 0, 0
    for byte in data:
        low = (low + byte) % 251
        high = (high + low) % 251
    return high * 256 + low


def utf8_lengths(words: list[str]) -> list[int]:
    return [len(bytes(word, "utf-8")) for word in words]


def first_bytes(text: str) -> list[int]:
    out: list[int] = []
    for ch in text:
        out.append(bytes(ch, encoding="utf-8")[0])
    return out


def ascii_or_none(text: str) -> bytes | None:
    try:
        return bytes(text, "ascii", "strict")
    except UnicodeEncodeError as error:
        print("cannot encode:", error)
        return None


if __name__ == "__main__":
    print(checksum("hello world"))
    print(checksum("The five boxing wizards jump quickly"))
    print(utf8_lengths(["plain", "café", "naïve façade", "日本"]))
    print(first_bytes("aé日"))
    print(ascii_or_none("fine"))
    print(ascii_or_none("not fiñe"))
    print(bytes("", "ascii") == b"")
    print([bytes(w, "ascii") for w in ["ab", "c"]], (bytes("x", "utf-8"), 1))
