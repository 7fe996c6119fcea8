def tally(flags: list[bool], a: bool, b: bool) -> list[int]:
    found = -1
    try:
        found = flags.index(a and b)
    except ValueError:
        found = -2
    return [flags.count(a and b), flags.count(a or b), found]


if __name__ == "__main__":
    print(tally([True, False, True], True, False))
    print(tally([False, False], True, True))
