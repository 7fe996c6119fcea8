"""Nested lists as matrices: transpose, multiply, identity, printing."""

Matrix = list[list[int]]


def identity(n: int) -> Matrix:
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def transpose(m: Matrix) -> Matrix:
    rows = len(m)
    cols = len(m[0]) if m else 0
    result = []
    for c in range(cols):
        result.append([m[r][c] for r in range(rows)])
    return result


def multiply(a: Matrix, b: Matrix) -> Matrix:
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def trace(m: Matrix) -> int:
    return sum(m[i][i] for i in range(len(m)))


def main() -> None:
    a = [[1, 2, 3], [4, 5, 6]]
    b = [[7, 8], [9, 10], [11, 12]]
    print(transpose(a))
    product = multiply(a, b)
    print(product, trace(product))
    print(multiply(product, identity(2)) == product)
    print(identity(3))
    grid = [[0] * 3 for _ in range(2)]
    grid[0][1] = 5
    grid[-1][-1] = 7
    print(grid)
    for row in multiply(b, a):
        print(" ".join(f"{v:4d}" for v in row))
    print([row[::-1] for row in a][::-1])


if __name__ == "__main__":
    main()
