def kind(x: int) -> str:
    if isinstance(x, bool):
        return "flag"
    return "number"


if __name__ == "__main__":
    print(kind(True), kind(7))
