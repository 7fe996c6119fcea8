"""Borrow patterns of ordinary Python: appending to adj[u] while reading adj, a closure
changing a nonlocal, concatenated char lists, max() of a float literal."""


def build(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    adj: list[list[int]] = [[] for _ in range(n)]
    for u, v in edges:
        adj[u].append(v)
        adj[v].append(u)
        adj[u].append(len(adj[v]))
    return adj


def counter() -> int:
    total = 0

    def add(k: int) -> None:
        nonlocal total
        total += k

    for i in range(5):
        add(i)
    return total


def chars_concat(s: str) -> list[str]:
    a = list(s)
    b = a + list("xy")
    return b


def best(xs: list[float]) -> float:
    m = 0.0
    for x in xs:
        m = max(m, x * 2.0)
    return max(1.5, m)


if __name__ == "__main__":
    print(build(3, [(0, 1), (1, 2)]))
    print(counter())
    print(chars_concat("ab"))
    print(best([0.25, 3.5]))
