"""`s.encode("ascii")` once returned the UTF-8 bytes of a non-ASCII string instead of
raising UnicodeEncodeError."""


def to_wire(text: str) -> str:
    try:
        return str(list(text.encode("ascii")))
    except UnicodeEncodeError as e:
        return f"rejected: {e}"


def main() -> None:
    print(to_wire("ok"))
    print(to_wire("é!"))


if __name__ == "__main__":
    main()
