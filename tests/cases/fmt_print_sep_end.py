"""print with several arguments, sep=, end=, and building progress lines."""


def progress(done: int, total: int, width: int = 20) -> str:
    filled = done * width // total
    return "[" + "#" * filled + "." * (width - filled) + "]"


def main() -> None:
    print("a", "b", "c")
    print("a", "b", "c", sep="")
    print("a", "b", "c", sep=", ", end="!\n")
    print(1, 2.5, None, True, [1], sep=" | ")
    for i in range(5):
        print(i, end=" ")
    print()
    for step in range(0, 11, 5):
        print(progress(step, 10), f"{step * 10}%", sep="  ")
    print()
    print("", end="")
    print("no newline", end="")
    print(" ... continued")
    words = ["x", "y", "z"]
    print(*words)
    print(*words, sep="-")
    print(*range(3), *"ab", sep=",", end=";\n")
    print("multi\nline", "text", sep="\n")


if __name__ == "__main__":
    main()
