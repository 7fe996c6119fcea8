"""A directed Graph class: adjacency lists, BFS levels, DFS order, topological sort, cycle check."""

from collections import deque


class Graph:
    def __init__(self) -> None:
        self.adj: dict[str, list[str]] = {}

    def add_edge(self, u: str, v: str) -> None:
        self.adj.setdefault(u, []).append(v)
        self.adj.setdefault(v, [])

    def bfs_levels(self, start: str) -> dict[str, int]:
        level = {start: 0}
        queue = deque([start])
        while queue:
            u = queue.popleft()
            for v in self.adj[u]:
                if v not in level:
                    level[v] = level[u] + 1
                    queue.append(v)
        return level

    def dfs(self, start: str) -> list[str]:
        order: list[str] = []
        visited: set[str] = set()

        def visit(u: str) -> None:
            visited.add(u)
            order.append(u)
            for v in self.adj[u]:
                if v not in visited:
                    visit(v)

        visit(start)
        return order

    def topological(self) -> list[str]:
        state: dict[str, int] = {}
        out: list[str] = []

        def visit(u: str) -> None:
            state[u] = 1
            for v in self.adj[u]:
                if state.get(v) == 1:
                    raise ValueError(f"cycle through {u} -> {v}")
                if v not in state:
                    visit(v)
            state[u] = 2
            out.append(u)

        for node in self.adj:
            if node not in state:
                visit(node)
        return out[::-1]


def main() -> None:
    g = Graph()
    for u, v in [("shirt", "tie"), ("tie", "jacket"), ("pants", "shoes"), ("pants", "belt"),
                 ("belt", "jacket"), ("shirt", "belt"), ("socks", "shoes"), ("undershorts", "pants")]:
        g.add_edge(u, v)
    print(g.bfs_levels("shirt"))
    print(g.dfs("undershorts"))
    print(g.topological())
    g.add_edge("jacket", "shirt")
    try:
        g.topological()
    except ValueError as err:
        print("error:", err)


if __name__ == "__main__":
    main()
