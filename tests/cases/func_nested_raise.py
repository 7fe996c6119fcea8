"""Nested functions that raise (caught by the caller) and that use the enclosing method's self."""


class Org:
    def __init__(self, reports: dict[str, list[str]]) -> None:
        self.reports = reports

    def chain(self, boss: str) -> list[str]:
        names: list[str] = []

        def collect(person: str) -> None:
            names.append(person)
            for sub in self.reports.get(person, []):
                collect(sub)

        collect(boss)
        return names

    def depth(self, boss: str) -> int:
        seen: dict[str, int] = {}

        def measure(person: str, level: int) -> int:
            if seen.get(person) == 0:
                raise RuntimeError(f"{person} reports to themselves")
            seen[person] = 0
            deepest = level
            for sub in self.reports.get(person, []):
                deepest = max(deepest, measure(sub, level + 1))
            seen[person] = level
            return deepest

        return measure(boss, 1)


def doubled(xs: list[int]) -> int:
    def check(x: int) -> int:
        if x < 0:
            raise ValueError(f"negative: {x}")
        return x * 2

    return sum(check(x) for x in xs)


if __name__ == "__main__":
    org = Org({"ada": ["bo", "cy"], "bo": ["di"]})
    print(org.chain("ada"), org.depth("ada"))
    try:
        print(Org({"x": ["y"], "y": ["x"]}).depth("x"))
    except RuntimeError as err:
        print("error:", err)
    for xs in ([1, 2], [3, -4]):
        try:
            print(doubled(xs))
        except ValueError as err:
            print("error:", err)
