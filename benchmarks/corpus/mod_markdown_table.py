"""Render records as a Markdown table with per-column alignment inferred from the data."""

from typing import Union

Cell = Union[str, int, float, bool, None]


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def is_numeric(column: list[Cell]) -> bool:
    present = [v for v in column if v is not None]
    return bool(present) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present)


def render(headers: list[str], rows: list[list[Cell]]) -> str:
    columns = [[row[i] for row in rows] for i in range(len(headers))]
    numeric = [is_numeric(col) for col in columns]
    texts = [[cell_text(v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in texts]) for i, h in enumerate(headers)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |"]
    rule = ["-" * (w - 1) + ":" if num else "-" * w for w, num in zip(widths, numeric)]
    lines.append("| " + " | ".join(rule) + " |")
    for r in texts:
        cells = [t.rjust(w) if num else t.ljust(w) for t, w, num in zip(r, widths, numeric)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    headers = ["city", "population", "area km2", "capital", "note"]
    rows: list[list[Cell]] = [
        ["Z\u00fcrich", 421878, 87.88, False, None],
        ["Bern", 134794, 51.62, True, "de facto"],
        ["Gen\u00e8ve", 203856, 15.93, False, "UN"],
        ["Basel", 173863, None, False, ""],
    ]
    print(render(headers, rows))
    print(render(["k"], [[1], [22]]))


if __name__ == "__main__":
    main()
