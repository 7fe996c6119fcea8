def first_over(rows: list[tuple[str, int]], limit: int) -> str:
    name = "nobody"
    score = 0
    for name, score in rows:
        if score > limit:
            break
    return f"{name}:{score}"


def first_upper(text: str) -> tuple[int, str]:
    index = -1
    char = "?"
    for index, char in enumerate(text):
        if char.isupper():
            break
    return index, char


if __name__ == "__main__":
    print(first_over([("ann", 3), ("bob", 8), ("cy", 9)], 5))
    print(first_over([], 5))
    print(first_upper("abCd"), first_upper("abc"), first_upper(""))
