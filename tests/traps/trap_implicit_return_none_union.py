from typing import Union


def classify(n: int) -> Union[int, str, None]:
    if n > 0:
        return n
    if n < 0:
        return "negative"


if __name__ == "__main__":
    print(classify(4))
    print(classify(-4))
    print(classify(0))
