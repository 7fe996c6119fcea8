def countdown(start: int, mask: int, shift: int) -> list[list[int]]:
    return [
        list(range(start, mask & 3, -1)),
        list(range(start, start >> shift, -2)),
        list(range(start, shift - 1, -1)),
    ]


if __name__ == "__main__":
    print(countdown(9, 6, 1))
    print(countdown(5, 1, 2))
