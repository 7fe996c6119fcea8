"""`bytes` nested in an Optional, a list, a tuple or a dict prints as `b'...'`, not as the
list of ints its Rust type (`Vec<u8>`) would print."""


def signature(name: str, signed: bool) -> bytes | None:
    if not signed:
        return None
    return name.upper().encode()


def chunks(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def tagged(data: bytes) -> tuple[str, bytes]:
    return ("len" + str(len(data)), data)


if __name__ == "__main__":
    print(signature("ada", True))
    print(signature("bob", False))
    print(chunks(b"abcdefg", 3))
    print(tagged(b"x\ny"))
    index = {"first": b"\x00\xff", "second": b"'q'"}
    print(index)
    print(f"{signature('cy', True)!r} / {chunks(b'hi', 1)}")
    print(str([signature("d", True), None]))
