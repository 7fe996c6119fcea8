"""Generators over `Iterable[str]` parameters fed a str (its 1-char strings), a list or
another generator; a deque searched with index/count."""

from collections import deque
from typing import Iterable, Iterator


def chunks(items: Iterable[str], size: int) -> Iterator[str]:
    buf: list[str] = []
    for item in items:
        buf.append(item)
        if len(buf) == size:
            yield "".join(buf)
            buf = []
    if buf:
        yield "".join(buf)


def shout(words: Iterable[str]) -> Iterator[str]:
    for w in words:
        yield w.upper() + "!"


def main() -> None:
    print(list(chunks("abcdefgh", 3)), list(chunks(["xy", "z"], 2)))
    print(list(shout(chunks("hello", 2))))
    queue: deque[str] = deque(["ann", "bo", "cy", "bo"])
    queue.append("dee")
    print(queue.index("cy") + 1, queue.count("bo"), queue.count("zed"))


if __name__ == "__main__":
    main()
