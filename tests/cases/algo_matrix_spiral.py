"""Matrix puzzles: spiral order, rotate 90 degrees in place, Pascal's triangle."""


def spiral(matrix: list[list[int]]) -> list[int]:
    result = []
    top, bottom = 0, len(matrix) - 1
    left, right = 0, len(matrix[0]) - 1 if matrix else -1
    while top <= bottom and left <= right:
        result.extend(matrix[top][left:right + 1])
        for r in range(top + 1, bottom + 1):
            result.append(matrix[r][right])
        if top < bottom:
            result.extend(matrix[bottom][left:right][::-1])
        if left < right:
            for r in range(bottom - 1, top, -1):
                result.append(matrix[r][left])
        top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
    return result


def rotate(matrix: list[list[int]]) -> None:
    n = len(matrix)
    for i in range(n):
        for j in range(i + 1, n):
            matrix[i][j], matrix[j][i] = matrix[j][i], matrix[i][j]
    for row in matrix:
        row.reverse()


def pascal(rows: int) -> list[list[int]]:
    tri = [[1]]
    for _ in range(rows - 1):
        prev = tri[-1]
        tri.append([1] + [a + b for a, b in zip(prev, prev[1:])] + [1])
    return tri[:rows]


def main() -> None:
    m = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
    print(spiral(m), spiral([[1]]), spiral([]), spiral([[1], [2], [3]]))
    sq = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    rotate(sq)
    print(sq)
    for row in pascal(6):
        print(" ".join(map(str, row)).center(20).rstrip())


if __name__ == "__main__":
    main()
