"""Chained generators form a lazy pipeline; the print order shows laziness."""

from typing import Iterable, Iterator


def read_lines(text: str) -> Iterator[str]:
    for line in text.splitlines():
        print("  read:", repr(line))
        yield line


def non_blank(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        if line.strip():
            yield line.strip()


def parse_numbers(lines: Iterable[str]) -> Iterator[int]:
    for line in lines:
        if line.lstrip("-").isdigit():
            yield int(line)


DATA = "10\n\n-3\nabc\n7\n   \n42\n"


def main() -> None:
    pipeline = parse_numbers(non_blank(read_lines(DATA)))
    print("pipeline built")
    first = next(pipeline)
    print("first:", first)
    for n in pipeline:
        print("got", n)
        if n > 5:
            break
    print("rest:", list(pipeline))
    print(sum(parse_numbers(["1", "2", "x", "-4"])))


if __name__ == "__main__":
    main()
