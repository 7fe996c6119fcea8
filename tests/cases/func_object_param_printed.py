"""Functions taking `object` parameters that they only print or convert with str/repr."""


class Badge:
    def __init__(self, label: str) -> None:
        self.label = label

    def __str__(self) -> str:
        return f"<{self.label}>"


column = 0


def emit(item: object) -> None:
    global column
    column += 1
    if column > 3:
        print()
        column = 1
    print(item, end=" ")


def describe(value: object, note: object) -> str:
    return str(value) + " (" + repr(note) + ")"


if __name__ == "__main__":
    word = "hi"
    for thing in [1, 2, 3, 4]:
        emit(thing)
    emit(word)
    emit(2.5)
    emit(True)
    emit(None)
    emit(Badge("b"))
    emit(chr(66))
    emit([1, 2])
    emit((3, "x"))
    print()
    print(describe(7, "seven"), describe(Badge("q"), 1.0), describe(word, None))
