"""Labelling connected components: `for node in graph:` over a `defaultdict(list)` while a
recursive helper reads `graph[...]` (a read that could insert a key), and labels kept in a
`defaultdict(lambda: -1)` (a factory that is not the type's empty value)."""

from collections import defaultdict


def components(graph: defaultdict[int, list[int]]) -> dict[int, int]:
    label: defaultdict[int, int] = defaultdict(lambda: -1)

    def spread(node: int, mark: int) -> int:
        label[node] = mark
        size = 1
        for other in graph[node]:
            if label[other] == -1:
                size += spread(other, mark)
        return size

    count = 0
    for node in graph:
        if label[node] == -1:
            print("component", count, "size", spread(node, count))
            count += 1
    return dict(label)


def tags(words: list[str]) -> dict[str, str]:
    tag: defaultdict[str, str] = defaultdict(lambda: "untagged")
    for word in words:
        if word.isupper():
            tag[word] = "shout"
    return {w: tag[w] for w in words}


if __name__ == "__main__":
    g: defaultdict[int, list[int]] = defaultdict(list, {1: [2], 2: [1, 3], 3: [2], 4: [5], 5: [4], 6: []})
    print(components(g))
    print(tags(["HEY", "there", "YOU"]))
