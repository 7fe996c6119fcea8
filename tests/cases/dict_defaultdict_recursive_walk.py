"""A recursive walk over `graph[node]` of a `defaultdict(list)`: each read of a missing key
inserts an empty list, and the recursion runs while the loop is still going over the list."""

from collections import defaultdict


def reachable(graph: defaultdict[int, list[int]], start: int) -> list[str]:
    seen: dict[int, bool] = {}
    order: list[str] = []

    def visit(node: int) -> None:
        seen[node] = True
        order.append(f"n{node}")
        for nxt in graph[node]:
            if nxt not in seen:
                visit(nxt)

    visit(start)
    return order


def depth_sum(tree: defaultdict[str, list[str]], node: str, depth: int) -> int:
    total = depth
    for child in tree[node]:
        total += depth_sum(tree, child, depth + 1)
    return total


if __name__ == "__main__":
    g: defaultdict[int, list[int]] = defaultdict(list)
    for a, b in [(1, 2), (2, 3), (1, 4), (4, 5), (6, 7)]:
        g[a].append(b)
    print(reachable(g, 1), sorted(g))
    print(reachable(g, 6), sorted(g))
    t: defaultdict[str, list[str]] = defaultdict(list)
    t["root"] = ["a", "b"]
    t["a"] = ["c"]
    print(depth_sum(t, "root", 0), sorted(t))
