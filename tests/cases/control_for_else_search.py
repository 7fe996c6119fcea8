"""for...else and while...else used for searching, with break and continue."""


def first_multiple(values: list[int], divisor: int) -> int:
    for value in values:
        if value % divisor == 0:
            print("found", value)
            break
    else:
        print("no multiple of", divisor)
        return -1
    return value


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return True
    return False


def skip_negatives(values: list[int]) -> int:
    total = 0
    for v in values:
        if v < 0:
            continue
        if v > 100:
            break
        total += v
    return total


def main() -> None:
    data = [3, 7, 11, 14, 21]
    print(first_multiple(data, 7))
    print(first_multiple(data, 5))
    print([n for n in range(30) if is_prime(n)])
    print(skip_negatives([5, -3, 10, -1, 200, 7]))
    print(skip_negatives([]))
    count = 0
    while count < 3:
        count += 1
    else:
        print("while finished with count", count)


if __name__ == "__main__":
    main()
