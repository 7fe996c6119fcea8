"""@dataclass generates __init__, __repr__ and __eq__; defaults and field(default_factory)."""

from dataclasses import dataclass, field


@dataclass
class Book:
    title: str
    author: str
    year: int
    tags: list[str] = field(default_factory=list)
    rating: float = 0.0
    available: bool = True


def summary(book: Book) -> str:
    status = "in" if book.available else "out"
    return f"{book.title} ({book.year}) by {book.author} [{status}]"


def main() -> None:
    b1 = Book("Dune", "Herbert", 1965)
    b2 = Book("Emma", "Austen", 1815, ["classic"], 4.5)
    b3 = Book("Dune", "Herbert", 1965)
    print(b1)
    print(b2)
    print(b1 == b3, b1 == b2, b1 is b3)
    b1.tags.append("scifi")
    b1.available = False
    print(b1, b3.tags)
    print(summary(b1), "|", summary(b2))
    shelf = [b1, b2, Book(title="Ulysses", author="Joyce", year=1922, rating=3.9)]
    print([b.title for b in sorted(shelf, key=lambda b: b.year)])
    print(max(shelf, key=lambda b: b.rating).title, sum(b.rating for b in shelf))


if __name__ == "__main__":
    main()
