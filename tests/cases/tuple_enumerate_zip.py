"""enumerate and zip over parallel sequences, with tuple unpacking in loop headers."""


def diff_lines(old: list[str], new: list[str]) -> list[tuple[int, str, str]]:
    changes = []
    for lineno, (a, b) in enumerate(zip(old, new), start=1):
        if a != b:
            changes.append((lineno, a, b))
    return changes


def dot(u: list[float], v: list[float]) -> float:
    total = 0.0
    for a, b in zip(u, v):
        total += a * b
    return total


def main() -> None:
    old = ["alpha", "beta", "gamma", "delta"]
    new = ["alpha", "BETA", "gamma", "epsilon", "zeta"]
    for change in diff_lines(old, new):
        print(change)
    print(dot([1.0, 2.0, 3.0], [4.0, -5.0, 0.5]), dot([], []))
    for i, ch in enumerate("abc"):
        print(i, ch)
    for index, (name, age) in enumerate([("ann", 30), ("bo", 25)]):
        print(f"{index}: {name} is {age}")
    triples = list(zip(range(3), "xyz", [True, False, True]))
    print(triples)
    for a, b in zip([1, 2, 3], reversed([1, 2, 3])):
        print(a, b, a * b, sep=",")


if __name__ == "__main__":
    main()
