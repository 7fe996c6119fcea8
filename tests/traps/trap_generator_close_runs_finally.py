"""A generator closed while suspended (its loop broke, it was deleted, or it went out of
scope) runs its `finally` blocks then, innermost first; a `return` inside `try` in a generator
runs `finally` too; a generator never started runs nothing when dropped."""

from collections.abc import Iterator


def bounded(items: list[int], stop: int) -> Iterator[int]:
    print("open")
    try:
        for x in items:
            if x == stop:
                print("stop seen")
                return
            yield x * 10
    finally:
        print("close")
    print("unreachable after return")


def nested(n: int) -> Iterator[str]:
    try:
        try:
            for i in range(n):
                yield f"inner {i}"
        finally:
            print("inner finally")
        yield "between"
    finally:
        print("outer finally")


def delegating(n: int) -> Iterator[int]:
    try:
        yield from range(n)
    finally:
        print("delegating finally")


def guarded_parse(texts: list[str]) -> Iterator[int]:
    for t in texts:
        try:
            yield int(t)
        except ValueError:
            print("skip", repr(t))


def main() -> None:
    print(list(bounded([1, 2, 3, 4], 3)))
    print(list(bounded([1, 2], 9)))
    for v in bounded([5, 6, 7], 99):
        print("got", v)
        break
    print("--")
    g = nested(3)
    print(next(g))
    print(next(g))
    del g
    print("deleted")
    for s in nested(1):
        print(s)
    print("--")
    for v in delegating(5):
        if v == 1:
            break
    print("after delegating")
    print(list(guarded_parse(["1", "x", "3"])))
    untouched = nested(2)
    print("never started")
    print(next(untouched))


if __name__ == "__main__":
    main()
