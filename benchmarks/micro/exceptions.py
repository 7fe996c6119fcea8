"""Exceptions: raising and catching in a loop."""


def parse(text: str) -> int:
    if not text.isdigit():
        raise ValueError(f"not a number: {text}")
    return int(text)


def total(n: int) -> int:
    acc = 0
    failures = 0
    for i in range(n):
        text = str(i) if i % 3 else "x" + str(i)
        try:
            acc += parse(text)
        except ValueError:
            failures += 1
    return acc + failures


if __name__ == "__main__":
    print(total(200000))
