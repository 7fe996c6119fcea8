"""str.startswith / endswith with start and end positions (by character, CPython-adjusted)."""


def scan(text: str) -> list[str]:
    found = []
    for i in range(len(text)):
        for op in ("==", "=", "<="):
            if text.startswith(op, i):
                found.append(f"{i}:{op}")
                break
    return found


if __name__ == "__main__":
    print(scan("a<=b==c=d"))
    s = "héllo wörld"
    print(s.startswith("llo", 2), s.startswith("wö", -5), s.endswith("wö", 0, 8), s.startswith("h", -100))
    print(s.startswith("", 20), s.endswith("llo", 2, 5), s.startswith("x", 3, 1))
