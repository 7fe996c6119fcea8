"""zfill, center, ljust, rjust and building a text table."""


def format_row(cells: list[str], widths: list[int]) -> str:
    padded = []
    for cell, width in zip(cells, widths):
        if cell.lstrip("-").isdigit():
            padded.append(cell.rjust(width))
        else:
            padded.append(cell.ljust(width))
    return "| " + " | ".join(padded) + " |"


def table(rows: list[list[str]]) -> list[str]:
    widths = [0] * len(rows[0])
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    lines = [format_row(rows[0], widths)]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows[1:]:
        lines.append(format_row(row, widths))
    return lines


def main() -> None:
    rows = [["item", "qty", "note"], ["apple", "3", "red"], ["kiwi", "-12", "refund"], ["fig", "100", ""]]
    for line in table(rows):
        print(line)
    print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "12345".zfill(3))
    print("[" + "mid".center(9) + "]", "[" + "mid".center(8, "*") + "]", "[" + "ab".center(5) + "]")
    print("[" + "x".ljust(4, ".") + "]", "[" + "x".rjust(4, ".") + "]")
    print("=" * 20)
    print("\u00e9t\u00e9".center(7, "~"), "tab\tsep".expandtabs(4))


if __name__ == "__main__":
    main()
