"""Normalizing tags: set comprehension, membership tests and frozenset keys."""

STOP_TAGS = {"misc", "todo", "tmp"}


def normalize(tags: list[str]) -> set[str]:
    return {t.strip().lower() for t in tags if t.strip()} - STOP_TAGS


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def main() -> None:
    post1 = normalize(["Python", " rust", "TODO", "python", "Speed", ""])
    post2 = normalize(["rust", "Safety", "speed", "misc"])
    print(sorted(post1), sorted(post2))
    print(round(jaccard(post1, post2), 3), jaccard(set(), set()), jaccard({"a"}, {"b"}))
    seen_pairs: set[frozenset[str]] = set()
    for a, b in [("x", "y"), ("y", "x"), ("x", "z")]:
        seen_pairs.add(frozenset((a, b)))
    print(len(seen_pairs))
    counts = {}
    for tag in sorted(post1 | post2):
        counts[tag] = int(tag in post1) + int(tag in post2)
    print(counts)
    print("rust" in post1 and "rust" in post2, post1.isdisjoint(STOP_TAGS))


if __name__ == "__main__":
    main()
