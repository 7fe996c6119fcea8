"""String concatenation chains with literals (braces, escapes, non-ASCII), `str()` of ints
(negative, large), floats and bools, and an accumulating loop."""

def label(i: int, name: str, c: str) -> str:
    return "item {" + str(i) + "}: " + name + c + "\n\t\"q\"" + str(-i)


def tail(s: str, n: int) -> str:
    out = ""
    for k in range(n):
        out = out + "," + str(k * 10**12)
    return s + out


def show(x: float, b: bool) -> str:
    return "x=" + str(x) + " b=" + str(b) + " " + "é" + chr(955)


if __name__ == "__main__":
    print(label(3, "bob", "!"))
    print(tail("t", 3))
    print(show(1.0, True), show(1e22, False))
