"""An Optional compared with a plain value: equal only when it holds that value."""


def states(d: dict[str, int], names: dict[str, str]) -> list[bool]:
    return [
        d.get("a") == 1,
        d.get("b") == 1,
        2 != d.get("a"),
        names.get("x") == "y",
        names.get("z") != "y",
    ]


if __name__ == "__main__":
    print(states({"a": 1}, {"x": "y"}))
    print(states({}, {}))
