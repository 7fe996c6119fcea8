"""io.StringIO as an in-memory report: write(), print(..., file=), IO[str] parameters, getvalue()."""

from io import StringIO
from typing import IO, Optional


def table(out: IO[str], rows: list[tuple[str, int]]) -> None:
    width = max(len(name) for name, _ in rows)
    for name, count in rows:
        print(name.ljust(width), "|", "#" * count, count, file=out)


def banner(out: StringIO, title: str) -> int:
    written = out.write("== " + title + " ==")
    print(file=out)
    return written


def render(rows: list[tuple[str, int]], title: str) -> str:
    buffer = StringIO()
    n = banner(buffer, title)
    table(buffer, rows)
    print("total", sum(c for _, c in rows), sep=": ", end=".\n", file=buffer)
    buffer.write(f"(banner was {n} chars)")
    return buffer.getvalue()


def rounds(n: int) -> str:
    stream: Optional[StringIO] = None
    last = ""
    for i in range(n):
        stream = StringIO()
        banner(stream, f"round {i}")
        stream.write(str(i * i))
        print("!", file=stream)
        last = stream.getvalue()
        stream = None
    return last + str(stream is None)


if __name__ == "__main__":
    text = render([("apples", 3), ("kiwis", 5), ("fig", 1)], "fruit")
    print(text)
    print(repr(render([("é", 2)], "ünï")))
    print(len(StringIO().getvalue()))
    print(rounds(3))
