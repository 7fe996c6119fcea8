"""Kahn's topological sort with cycle detection, plus union-find for connectivity."""

from collections import deque


def topo_sort(deps: dict[str, list[str]]) -> list[str] | None:
    indegree = {node: 0 for node in deps}
    for targets in deps.values():
        for t in targets:
            indegree[t] = indegree.get(t, 0) + 1
    queue = deque(sorted(n for n, d in indegree.items() if d == 0))
    order = []
    while queue:
        node = queue.popleft()
        order.append(node)
        for t in sorted(deps.get(node, [])):
            indegree[t] -= 1
            if indegree[t] == 0:
                queue.append(t)
    return order if len(order) == len(indegree) else None


def find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def count_groups(n: int, edges: list[tuple[int, int]]) -> int:
    parent = list(range(n))
    groups = n
    for a, b in edges:
        ra, rb = find(parent, a), find(parent, b)
        if ra != rb:
            parent[ra] = rb
            groups -= 1
    return groups


def main() -> None:
    build = {"app": ["link"], "compile": ["link"], "fetch": ["compile", "lint"], "lint": [], "link": []}
    print(topo_sort(build))
    print(topo_sort({"a": ["b"], "b": ["c"], "c": ["a"]}))
    print(topo_sort({}))
    print(count_groups(6, [(0, 1), (1, 2), (3, 4)]), count_groups(3, []), count_groups(4, [(0, 1), (2, 3), (1, 2)]))


if __name__ == "__main__":
    main()
