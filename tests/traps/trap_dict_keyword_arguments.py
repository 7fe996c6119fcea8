"""`dict(a=1, b=2)` once translated to an empty dict: the keyword arguments were dropped."""


def defaults() -> dict[str, int]:
    return dict(width=80, height=24)


def main() -> None:
    print(defaults())
    print(dict([("x", 1)], y=2, x=3))


if __name__ == "__main__":
    main()
