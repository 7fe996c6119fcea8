def first_pair_with(n: int, wanted: int) -> tuple[int, int]:
    a = 0
    b = 0
    for a in range(n):
        for b in range(a, n):
            if a + b == wanted:
                break
        else:
            continue
        break
    return a, b


if __name__ == "__main__":
    print(first_pair_with(5, 5), first_pair_with(3, 9), first_pair_with(0, 1))
