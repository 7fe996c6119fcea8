"""Nested functions that raise (caught by the caller) and that use the enclosing method's self."""


class Graph:
    def __init__(self, edges: dict[str, list[str]]) -> None:
        self.adj = edges

    def order(self, start: str) -> list[str]:
        seen: list[str] = []

        def visit(u: str) -> None:
            seen.append(u)
            for v in self.adj[u]:
                if v not in seen:
                    visit(v)

        visit(start)
        return seen

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


def doubled(xs: list[int]) -> int:
    def check(x: int) -> int:
        if x < 0:
            raise ValueError(f"negative: {x}")
        return x * 2

    return sum(check(x) for x in xs)


if __name__ == "__main__":
    g = Graph({"a": ["b", "c"], "b": ["c"], "c": []})
    print(g.order("a"), g.topological())
    for edges in ({"x": ["y"], "y": ["x"]}, {"x": ["y"], "y": []}):
        try:
            print(Graph(edges).topological())
        except ValueError as err:
            print("error:", err)
    for xs in ([1, 2], [3, -4]):
        try:
            print(doubled(xs))
        except ValueError as err:
            print("error:", err)
