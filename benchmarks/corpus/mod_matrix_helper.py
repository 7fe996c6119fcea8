"""A small Matrix class over floats: addition, multiplication, determinant, transpose, printing."""


class Matrix:
    def __init__(self, rows: list[list[float]]) -> None:
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("ragged or empty matrix")
        self.rows = [list(r) for r in rows]
        self.n = len(rows)
        self.m = len(rows[0])

    @staticmethod
    def identity(n: int) -> "Matrix":
        return Matrix([[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)])

    def __add__(self, other: "Matrix") -> "Matrix":
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __matmul__(self, other: "Matrix") -> "Matrix":
        if self.m != other.n:
            raise ValueError(f"shape mismatch {self.n}x{self.m} @ {other.n}x{other.m}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def transpose(self) -> "Matrix":
        return Matrix([list(col) for col in zip(*self.rows)])

    def determinant(self) -> float:
        if self.n != self.m:
            raise ValueError("not square")
        if self.n == 1:
            return self.rows[0][0]
        total = 0.0
        for c in range(self.m):
            minor = Matrix([row[:c] + row[c + 1:] for row in self.rows[1:]])
            sign = -1.0 if c % 2 else 1.0
            total += sign * self.rows[0][c] * minor.determinant()
        return total

    def __str__(self) -> str:
        return "\n".join("[" + " ".join(f"{v:7.2f}" for v in row) + "]" for row in self.rows)


def main() -> None:
    a = Matrix([[2.0, 0.0, 1.0], [1.0, 3.0, 2.0], [1.0, 1.0, 1.0]])
    b = Matrix([[1.0, 2.0], [0.0, 1.0], [4.0, 0.5]])
    print(a @ b)
    print((a + Matrix.identity(3)).rows)
    print(a.determinant(), Matrix([[4.0, 6.0], [3.0, 8.0]]).determinant())
    print(b.transpose().rows, (a @ Matrix.identity(3)).rows == a.rows)
    for bad in (lambda: b @ b, lambda: Matrix([[1.0], [1.0, 2.0]]), lambda: b.determinant()):
        try:
            bad()
        except ValueError as err:
            print("error:", err)


if __name__ == "__main__":
    main()
