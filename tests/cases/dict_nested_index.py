"""An inverted index: dict[str, list[int]] and nested dict printing."""

from typing import Dict, List


def build_index(documents: List[str]) -> Dict[str, List[int]]:
    index: Dict[str, List[int]] = {}
    for doc_id, doc in enumerate(documents):
        for word in doc.lower().split():
            postings = index.setdefault(word, [])
            if not postings or postings[-1] != doc_id:
                postings.append(doc_id)
    return index


def search(index: Dict[str, List[int]], query: str) -> List[int]:
    result: List[int] = []
    first = True
    for word in query.lower().split():
        ids = index.get(word, [])
        if first:
            result = list(ids)
            first = False
        else:
            result = [d for d in result if d in ids]
    return result


def main() -> None:
    docs = ["the quick fox", "the lazy dog", "quick quick dog", "a fox and a dog"]
    index = build_index(docs)
    print(index)
    print(search(index, "quick"), search(index, "dog fox"), search(index, "cat"), search(index, ""))
    stats = {w: {"docs": len(ids), "first": ids[0]} for w, ids in index.items() if len(ids) > 1}
    print(stats)
    for word in sorted(index):
        print(f"{word:>6}: {index[word]}")


if __name__ == "__main__":
    main()
