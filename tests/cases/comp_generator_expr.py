"""Generator expressions fed to sum/any/all/max/min/sorted/join."""


def total_weight(items: list[tuple[str, float, int]]) -> float:
    return sum(weight * qty for _, weight, qty in items)


def has_heavy(items: list[tuple[str, float, int]], limit: float) -> bool:
    return any(weight > limit for _, weight, _ in items)


def main() -> None:
    items = [("bolt", 0.05, 100), ("plate", 2.5, 4), ("beam", 12.0, 2), ("nut", 0.02, 250)]
    print(total_weight(items), has_heavy(items, 10.0), has_heavy(items, 20.0))
    print(all(qty > 0 for _, _, qty in items), max(qty for _, _, qty in items))
    print(min((w, name) for name, w, _ in items))
    print(", ".join(name.upper() for name, _, _ in items if len(name) <= 4))
    print(sorted(name for name, _, qty in items if qty >= 4))
    print(sum(x * x for x in range(1, 11)), sum(1 for c in "mississippi" if c == "s"))
    gen = (n * 3 for n in range(5))
    print(next(gen), next(gen), list(gen))
    nested_total = sum(sum(row) for row in [[1, 2], [3], []])
    print(nested_total, tuple(c for c in "abc"), list(str(d) for d in range(3)))


if __name__ == "__main__":
    main()
