"""A `range(len(xs))` counter that indexes a dict, a string or a list read after the loop
stays a Python int (only a counter that indexes lists alone becomes a `usize`)."""


def lookups(xs: list[int], table: dict[int, str]) -> list[str]:
    out = []
    for i in range(len(xs)):
        out.append(table[i] + str(xs[i]))
    return out


def letters(word: str, xs: list[int]) -> str:
    out = ""
    for i in range(len(xs)):
        out += word[i] * xs[i]
    return out


def last_seen(xs: list[int]) -> int:
    i = -1
    for i in range(len(xs)):
        xs[i] += 1
    return i


if __name__ == "__main__":
    print(lookups([5, 6], {0: "a", 1: "b"}))
    print(letters("xyz", [1, 2, 3]))
    print(last_seen([4, 5, 6]), last_seen([]))
