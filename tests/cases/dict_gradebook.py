"""A gradebook: dict[str, list[int]] with averages and letter grades."""

PASS_MARK = 60


def add_score(book: dict[str, list[int]], student: str, score: int) -> None:
    if student not in book:
        book[student] = []
    book[student].append(score)


def averages(book: dict[str, list[int]]) -> dict[str, float]:
    result = {}
    for student, scores in book.items():
        result[student] = round(sum(scores) / len(scores), 1) if scores else 0.0
    return result


def failing(book: dict[str, list[int]]) -> list[str]:
    avgs = averages(book)
    return [s for s in book if avgs[s] < PASS_MARK]


def main() -> None:
    book: dict[str, list[int]] = {}
    entries = [("zoe", 88), ("adam", 45), ("zoe", 92), ("mina", 71), ("adam", 62), ("mina", 59)]
    for student, score in entries:
        add_score(book, student, score)
    book["newbie"] = []
    print(book)
    print(averages(book))
    print(failing(book))
    best = max(book, key=lambda s: max(book[s], default=0))
    print("best single score:", best, max(book[best]))
    for student, scores in sorted(book.items()):
        print(student.ljust(8), scores, len(scores))
    print(sorted(averages(book).values(), reverse=True))


if __name__ == "__main__":
    main()
