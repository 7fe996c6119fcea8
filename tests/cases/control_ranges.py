"""range() with negative steps, reversed iteration and nested loops."""


def countdown(start: int) -> list[int]:
    return list(range(start, 0, -1))


def evens_down(high: int, low: int) -> list[int]:
    result = []
    for n in range(high, low - 1, -2):
        result.append(n)
    return result


def triangle(rows: int) -> None:
    for row in range(1, rows + 1):
        line = ""
        for col in range(row):
            line += str((row + col) % 10)
        print(line)


def main() -> None:
    print(countdown(5))
    print(evens_down(10, 0), evens_down(9, -3))
    print(list(range(0)), list(range(5, 5)), list(range(3, 10, 3)))
    print(list(range(-5, 5, 4)), list(range(10, -10, -7)))
    print(len(range(0, 100, 7)), range(1, 10, 2)[2], 7 in range(1, 10, 2))
    triangle(4)
    for i in reversed(range(3)):
        print("reversed", i)
    total = 0
    for i in range(10, 0, -3):
        total += i
    print("total", total)


if __name__ == "__main__":
    main()
