"""Number sequences: happy numbers, digital roots, look-and-say and perfect-square sums."""


def digit_square_sum(n: int) -> int:
    total = 0
    while n:
        n, d = divmod(n, 10)
        total += d * d
    return total


def is_happy(n: int) -> bool:
    seen = set()
    while n != 1 and n not in seen:
        seen.add(n)
        n = digit_square_sum(n)
    return n == 1


def digital_root(n: int) -> int:
    while n >= 10:
        n = sum(int(c) for c in str(n))
    return n


def look_and_say(term: str) -> str:
    out = []
    i = 0
    while i < len(term):
        j = i
        while j < len(term) and term[j] == term[i]:
            j += 1
        out.append(f"{j - i}{term[i]}")
        i = j
    return "".join(out)


def main() -> None:
    print([n for n in range(1, 50) if is_happy(n)])
    print([digital_root(n) for n in [0, 9, 10, 38, 493193, 10 ** 12 - 1]])
    term = "1"
    for _ in range(8):
        print(term)
        term = look_and_say(term)
    print(len(term))


if __name__ == "__main__":
    main()
