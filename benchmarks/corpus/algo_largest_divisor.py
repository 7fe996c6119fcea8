"""HumanEval-style: largest divisor, factorization into primes, remove duplicates, flip case."""


def largest_divisor(n: int) -> int:
    for d in range(n - 1, 0, -1):
        if n % d == 0:
            return d
    return 1


def factorize(n: int) -> list[int]:
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors


def remove_duplicates(numbers: list[int]) -> list[int]:
    counts: dict[int, int] = {}
    for n in numbers:
        counts[n] = counts.get(n, 0) + 1
    return [n for n in numbers if counts[n] == 1]


def flip_case(s: str) -> str:
    return "".join(ch.lower() if ch.isupper() else ch.upper() for ch in s)


def main() -> None:
    print([largest_divisor(n) for n in [3, 7, 10, 100, 49]])
    print(factorize(2), factorize(4), factorize(8), factorize(57), factorize(3249), factorize(185193), factorize(20577))
    print(remove_duplicates([]), remove_duplicates([1, 2, 3, 4]), remove_duplicates([1, 2, 3, 2, 4, 3, 5]))
    print(repr(flip_case("")), flip_case("Hello!"), flip_case("These violent delights have violent ends"))


if __name__ == "__main__":
    main()
