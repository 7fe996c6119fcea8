"""%-formatting where the template is computed at run time (chosen, repeated, returned)."""


def row_template(columns: int, numeric: bool) -> str:
    cell = "%6.2f" if numeric else "%-5s"
    return "|".join([cell] * columns)


def render(values: list[float]) -> str:
    template = row_template(len(values), True)
    return template % tuple(values) if len(values) != 2 else template % (values[0], values[1])


def label(kind: str) -> str:
    return {"hex": "%#06x", "oct": "%o", "int": "%+d", "chr": "%c"}[kind]


if __name__ == "__main__":
    print(render([1.5, 2.25]))
    print(row_template(3, False) % ("a", "bb", True))
    for kind in ["hex", "oct", "int", "chr"]:
        print(kind, label(kind) % 97)
    unit = "%s" + " "
    print((unit * 3) % (None, 1.0, [1, "x"]), "%r" % "q" if len(unit) > 1 else "")
    print(("%" + "5.1e|%-4d|%%") % (12345.678, 3))
