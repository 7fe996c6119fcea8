"""An unannotated generator that yields an int and then a str."""


def tokens(n: int):
    yield n
    yield "end"


if __name__ == "__main__":
    print(list(tokens(3)))
