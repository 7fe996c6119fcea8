"""Recursive generators: walking a nested category tree depth-first."""

from typing import Iterator

Tree = dict[str, "Tree"]

CATALOG: Tree = {
    "electronics": {"phones": {"android": {}, "ios": {}}, "laptops": {}},
    "books": {"fiction": {"scifi": {}, "mystery": {}}, "cooking": {}},
    "garden": {},
}


def walk(tree: Tree, depth: int = 0) -> Iterator[tuple[int, str]]:
    for name, children in tree.items():
        yield depth, name
        yield from walk(children, depth + 1)


def leaves(tree: Tree, prefix: str = "") -> Iterator[str]:
    for name, children in tree.items():
        path = f"{prefix}/{name}"
        if children:
            yield from leaves(children, path)
        else:
            yield path


def main() -> None:
    for depth, name in walk(CATALOG):
        print("  " * depth + "- " + name)
    print(list(leaves(CATALOG)))
    print(max(d for d, _ in walk(CATALOG)), sum(1 for _ in walk(CATALOG)))


if __name__ == "__main__":
    main()
