"""List the imports that keep lower/ (or another package) from being acyclic.

`lint-imports` names only the first five; this prints every import grimp nominates to break
the cycles, in the form `[tool.importlinter]`'s `ignore_imports` takes, with the lines that
make each one. Usage: `.venv/bin/python scripts/import_cycles.py [PACKAGE]`.
"""

from __future__ import annotations

import sys

import grimp


def main(package: str) -> int:
    graph = grimp.build_graph(package.split(".")[0])
    breakers = sorted(graph.nominate_cycle_breakers(package))
    for importer, imported in breakers:
        lines = graph.get_import_details(importer=importer, imported=imported)
        where = ", ".join(str(d["line_number"]) for d in lines)
        print(f'"{importer} -> {imported}",  # l.{where}')
    print(f"{len(breakers)} imports", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "backend.transpiler.lower"))
