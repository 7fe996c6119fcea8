"""Generators without a return annotation: the item type comes from their yields."""


def countdown(n: int):
    yield from range(n, 0, -1)


def shouted(text: str):
    for word in text.split():
        yield word.upper()


def pairs(xs: list[int]):
    for i, x in enumerate(xs):
        yield (i, x * x)


def letters(word: str):
    yield from word


if __name__ == "__main__":
    print(list(countdown(4)))
    print(list(shouted("never silently wrong")))
    print(list(pairs([3, 1, 2])))
    print("-".join(letters("rust")))
    total = 0
    for n in countdown(100):
        if n < 95:
            break
        total += n
    print(total)
