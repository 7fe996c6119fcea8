"""A monthly sales report that mixes f-strings, str.format and %-formatting."""

MONTHS = ["Jan", "Feb", "Mar", "Apr"]
SALES = {"north": [1200.5, 980.0, 1430.25, 1100.0], "south": [800.0, 1250.75, 990.5, 1500.0]}


def header() -> str:
    cells = "".join(f"{m:>10}" for m in MONTHS)
    return f"{'region':<8}{cells}{'total':>12}"


def row(region: str, values: list[float]) -> str:
    cells = "".join("{:>10.1f}".format(v) for v in values)
    return "%-8s%s%12.2f" % (region, cells, sum(values))


def main() -> None:
    print(header())
    print("-" * len(header()))
    for region, values in SALES.items():
        print(row(region, values))
    totals = [sum(col) for col in zip(*SALES.values())]
    print(row("all", totals))
    best = max(range(len(MONTHS)), key=lambda i: totals[i])
    print(f"best month: {MONTHS[best]} with {totals[best]:,.2f}")
    growth = [(b - a) / a * 100 for a, b in zip(totals, totals[1:])]
    print("growth:", ", ".join(f"{g:+.1f}%" for g in growth))


if __name__ == "__main__":
    main()
