"""Functions that build a container and return it: the local is moved out, not copied
(tests/test_ownership.py checks the Rust), also from inside a loop or a branch."""


def squares(n: int) -> list[int]:
    out = []
    for i in range(n):
        out.append(i * i)
    return out


def first_run(words: list[str]) -> list[str]:
    run: list[str] = []
    for word in words:
        if run and word[0] != run[-1][0]:
            return run
        run.append(word)
    return run


def histogram(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ch in text:
        counts[ch] = counts.get(ch, 0) + 1
    return counts


def label(n: int) -> str:
    name = "even" if n % 2 == 0 else "odd"
    if n < 0:
        name = "negative " + name
        return name
    return name


if __name__ == "__main__":
    print(squares(6), squares(0))
    print(first_run(["apple", "avocado", "banana", "blueberry"]), first_run([]))
    print(sorted(histogram("mississippi").items()))
    print(label(4), label(-3))
