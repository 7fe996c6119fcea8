"""Dict and set comprehensions, including inverting and filtering mappings."""


def squares_map(n: int) -> dict[int, int]:
    return {k: k * k for k in range(1, n + 1)}


def index_words(words: list[str]) -> dict[str, int]:
    return {w: i for i, w in enumerate(words)}


def lengths_by_initial(words: list[str]) -> dict[str, list[int]]:
    return {w[0]: [len(x) for x in words if x[0] == w[0]] for w in words}


def main() -> None:
    sq = squares_map(6)
    print(sq)
    print({v: k for k, v in sq.items() if v % 2 == 0})
    words = ["tea", "toast", "jam", "juice", "egg"]
    print(index_words(words))
    print(lengths_by_initial(words))
    print({len(w) for w in words}, {n % 3 for n in range(10)})
    print(sorted({w[-1] for w in words}))
    prices = {"tea": 2.5, "toast": 1.25, "jam": 4.0}
    print({name: round(p * 1.2, 2) for name, p in prices.items() if p < 4})
    print({k: [i for i in range(k)] for k in range(4)})


if __name__ == "__main__":
    main()
