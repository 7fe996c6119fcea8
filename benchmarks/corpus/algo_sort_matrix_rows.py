"""MBPP-style: sort matrix rows by sum, count most common words, find peak elements."""


def sort_matrix(m: list[list[int]]) -> list[list[int]]:
    return sorted(m, key=sum)


def count_common(words: list[str], k: int) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:k]


def peaks(values: list[int]) -> list[int]:
    result = []
    for i, v in enumerate(values):
        left = values[i - 1] if i > 0 else None
        right = values[i + 1] if i + 1 < len(values) else None
        if (left is None or v > left) and (right is None or v > right):
            result.append(i)
    return result


def main() -> None:
    print(sort_matrix([[1, 2, 3], [2, 4, 5], [1, 1, 1]]))
    print(sort_matrix([[1, 2, 3], [-2, 4, -5], [1, -1, 1]]))
    words = "red green black pink black white black eyes white black orange pink pink red red white orange white black pink green green pink green pink white orange orange red".split()
    print(count_common(words, 4))
    print(peaks([1, 3, 2, 5, 5, 4, 9]), peaks([7]), peaks([]), peaks([1, 2, 3]))


if __name__ == "__main__":
    main()
