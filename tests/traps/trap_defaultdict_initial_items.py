from collections import OrderedDict, defaultdict


def neighbours(graph: defaultdict[int, list[int]], node: int) -> list[int]:
    return graph[node]


def degrees(graph: defaultdict[int, list[int]]) -> dict[int, int]:
    counts: defaultdict[int, int] = defaultdict(int)
    for node in graph:
        counts[node] += len(graph[node])
    return dict(counts)


if __name__ == "__main__":
    graph = defaultdict(list, {0: [1, 2], 1: [0], 2: [0]})
    print(neighbours(graph, 0), neighbours(graph, 7))
    print(degrees(graph))
    pairs = OrderedDict([("b", 2), ("a", 1)])
    print(list(pairs.items()))
    zeros: defaultdict[str, float] = defaultdict(lambda: 0.0)
    zeros["x"] += 1.5
    print(zeros["x"], zeros["y"], len(zeros))
