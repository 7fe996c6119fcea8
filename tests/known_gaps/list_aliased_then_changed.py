"""One list reachable through two places, then changed through one: Python shows the change
through the other. The translation copies the list into the container (Rust values have
one owner), so each change is reported (PRT350) instead of printing the stale copy."""


def collect(n: int) -> list[list[int]]:
    store: list[list[int]] = []
    picked = [n]
    store.append(picked)
    picked.append(n * 10)
    return store


def finish(n: int) -> list[int]:
    out = [n]
    try:
        return out
    finally:
        out.append(-1)


if __name__ == "__main__":
    print(collect(3))
    print(finish(4))
