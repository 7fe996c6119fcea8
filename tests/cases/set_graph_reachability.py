"""Reachability in a small graph using a visited set of node ids."""

Graph = dict[int, list[int]]


def reachable(graph: Graph, start: int) -> set[int]:
    visited = set()
    frontier = [start]
    while frontier:
        node = frontier.pop()
        if node in visited:
            continue
        visited.add(node)
        for nxt in graph.get(node, []):
            if nxt not in visited:
                frontier.append(nxt)
    return visited


def components(graph: Graph, nodes: list[int]) -> list[list[int]]:
    seen: set[int] = set()
    result = []
    for node in nodes:
        if node not in seen:
            comp = reachable(graph, node)
            seen |= comp
            result.append(sorted(comp))
    return result


def main() -> None:
    graph: Graph = {0: [1, 2], 1: [2], 2: [0], 3: [4], 4: [], 5: [5], 6: []}
    print(reachable(graph, 0), reachable(graph, 3), reachable(graph, 6))
    undirected: Graph = {}
    for a, targets in graph.items():
        for b in targets:
            undirected.setdefault(a, []).append(b)
            undirected.setdefault(b, []).append(a)
    print(components(undirected, list(range(7))))
    print(reachable(graph, 0) == {0, 1, 2}, reachable(graph, 3) <= {3, 4, 5})


if __name__ == "__main__":
    main()
