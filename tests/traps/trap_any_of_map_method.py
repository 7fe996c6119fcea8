def has_number(words: list[str]) -> bool:
    return any(map(str.isdigit, words))


if __name__ == "__main__":
    print(has_number(["abc", "12"]))
    print(has_number(["abc", "x1"]))
