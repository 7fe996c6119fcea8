"""Dict insertion order survives updates; re-inserting after delete moves to the end."""


def histogram(values: list[int]) -> dict[int, int]:
    hist: dict[int, int] = {}
    for v in values:
        if v in hist:
            hist[v] += 1
        else:
            hist[v] = 1
    return hist


def invert(mapping: dict[str, int]) -> dict[int, str]:
    return {v: k for k, v in mapping.items()}


def main() -> None:
    hist = histogram([5, 3, 5, 9, 3, 5, 1])
    print(hist)
    hist[3] = 100
    print(hist)
    del hist[5]
    hist[5] = 0
    print(hist, list(hist.items())[0])
    codes = {"red": 1, "green": 2, "blue": 3}
    print(invert(codes))
    codes["green"] = 20
    codes["alpha"] = 0
    print(codes)
    print({**codes, "red": -1, "new": 9})
    print({(1, 2): "pair", (0, -1): "neg"}, {"n": None, "b": False}, {2.5: [True]})
    nested = {"a": {"x": [1, 2]}, "b": {}}
    nested["b"]["y"] = [3]
    print(nested, nested == {"b": {"y": [3]}, "a": {"x": [1, 2]}})


if __name__ == "__main__":
    main()
