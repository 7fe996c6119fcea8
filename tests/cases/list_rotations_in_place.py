"""Rotating a list in place with slice assignment, over a range kept in a variable."""


def rotate_tail(items: list[int], start: int) -> None:
    # the new items read the very list they replace
    items[start:] = items[start + 1 :] + items[start : start + 1]


def all_rotations(n: int) -> list[list[int]]:
    positions = range(n)
    current = list(positions)
    seen: list[list[int]] = []
    for _ in positions:
        seen.append(current[:])
        rotate_tail(current, 0)
    total = sum(p for p in positions)
    seen.append([total, len(positions)])
    return seen


def averages(n: int) -> list[float]:
    weights: list[float] = [1] * n
    for i in range(n):
        weights[i] /= i + 1
    return weights


if __name__ == "__main__":
    for row in all_rotations(4):
        print(row)
    print(averages(4))
    xs = [1, 2, 3, 4, 5]
    xs[1:3] = xs[3:] + xs[:1]
    print(xs)
