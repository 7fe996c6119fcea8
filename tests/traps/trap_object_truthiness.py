class Gauge:
    def __init__(self, level: int) -> None:
        self.level = level

    def __bool__(self) -> bool:
        return self.level > 0


class Basket:
    def __init__(self, items: list[str]) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)


class Plain:
    def __init__(self, tag: str) -> None:
        self.tag = tag


def describe(g: Gauge, b: Basket, p: Plain) -> str:
    parts = []
    if g:
        parts.append("gauge")
    if not b:
        parts.append("empty basket")
    if p:
        parts.append(p.tag)
    return ", ".join(parts)


if __name__ == "__main__":
    print(describe(Gauge(0), Basket([]), Plain("plain")))
    print(describe(Gauge(3), Basket(["x"]), Plain("p")))
    print(bool(Gauge(0)), bool(Basket(["a"])))
