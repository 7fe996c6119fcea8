"""Dijkstra's shortest paths with heapq on a weighted directed graph."""

import heapq

Graph = dict[str, list[tuple[str, int]]]

ROADS: Graph = {
    "A": [("B", 4), ("C", 2)],
    "B": [("C", 5), ("D", 10)],
    "C": [("E", 3)],
    "D": [("F", 11)],
    "E": [("D", 4)],
    "F": [],
    "G": [("A", 1)],
}


def dijkstra(graph: Graph, source: str) -> tuple[dict[str, int], dict[str, str]]:
    dist = {source: 0}
    prev: dict[str, str] = {}
    heap = [(0, source)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, d):
            continue
        for nxt, weight in graph[node]:
            nd = d + weight
            if nxt not in dist or nd < dist[nxt]:
                dist[nxt] = nd
                prev[nxt] = node
                heapq.heappush(heap, (nd, nxt))
    return dist, prev


def path_to(prev: dict[str, str], source: str, target: str) -> list[str]:
    if target != source and target not in prev:
        return []
    path = [target]
    while path[-1] != source:
        path.append(prev[path[-1]])
    path.reverse()
    return path


def main() -> None:
    dist, prev = dijkstra(ROADS, "A")
    for node in sorted(dist):
        print(node, dist[node], "->".join(path_to(prev, "A", node)))
    print(path_to(prev, "A", "G"), dijkstra(ROADS, "F")[0])


if __name__ == "__main__":
    main()
