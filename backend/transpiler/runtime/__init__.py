"""Registry of the Rust runtime helpers that translations may need.

Helpers live in the ``*.rs`` files next to this module, one block per helper::

    // @helper py_floordiv
    // @needs py_exception            (optional, comma-separated, may repeat)
    /// Python's `//` on ints: rounds toward negative infinity.
    fn py_floordiv(a: i64, b: i64) -> i64 { ... }
    // @end

Text outside blocks (file headers) is ignored. ``render(names)`` returns the
source of the named helpers plus everything they need, in file order
(``FILE_ORDER``, then position in the file), each helper once, markers stripped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

__all__ = ["FILE_ORDER", "HELPERS", "Helper", "closure", "load_helpers", "render"]

RUNTIME_DIR = Path(__file__).parent

# Families in the order their helpers are emitted; files not listed come after, by name.
FILE_ORDER: tuple[str, ...] = (
    "exceptions.rs",
    "numbers.rs",
    "bigint.rs",
    "format.rs",
    "strings.rs",
    "sequences.rs",
    "dict.rs",
    "collections.rs",
    "generators.rs",
    "itertools.rs",
    "math.rs",
)

_HELPER_RE = re.compile(r"^\s*// @helper\s+(\w+)\s*$")
_NEEDS_RE = re.compile(r"^\s*// @needs\s+(.*?)\s*$")
_END_RE = re.compile(r"^\s*// @end\s*$")
# `// @with a, b`: emitted automatically whenever helpers a and b both are (trait impls
# joining two families, e.g. printing a PyDict), so neither family drags in the other.
_WITH_RE = re.compile(r"^\s*// @with\s+(.*?)\s*$")


@dataclass(frozen=True)
class Helper:
    """One helper block: its name, Rust source (markers stripped) and direct needs."""

    name: str
    code: str
    needs: tuple[str, ...]
    family: str  # the .rs file it comes from
    order: int  # global position, used to sort rendered output
    joins: tuple[str, ...] = ()  # emitted whenever all of these are emitted


def _parse_file(path: Path, start_order: int) -> list[Helper]:
    helpers: list[Helper] = []
    name: str | None = None
    needs: list[str] = []
    joins: list[str] = []
    body: list[str] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{lineno}"
        if m := _HELPER_RE.match(line):
            if name is not None:
                raise ValueError(f"{where}: helper {m[1]!r} starts inside {name!r}")
            name, needs, joins, body = m[1], [], [], []
        elif m := _NEEDS_RE.match(line):
            if name is None:
                raise ValueError(f"{where}: @needs outside a helper block")
            needs.extend(n.strip() for n in m[1].split(",") if n.strip())
        elif m := _WITH_RE.match(line):
            if name is None:
                raise ValueError(f"{where}: @with outside a helper block")
            joins.extend(n.strip() for n in m[1].split(",") if n.strip())
        elif _END_RE.match(line):
            if name is None:
                raise ValueError(f"{where}: @end outside a helper block")
            code = "\n".join(body).strip("\n")
            order = start_order + len(helpers)
            helpers.append(Helper(name, code, tuple(needs), path.name, order, tuple(joins)))
            name = None
        elif name is not None:
            body.append(line)
    if name is not None:
        raise ValueError(f"{path.name}: helper {name!r} has no // @end")
    return helpers


def _sorted_files(directory: Path) -> list[Path]:
    rank = {name: i for i, name in enumerate(FILE_ORDER)}
    files = directory.glob("*.rs")
    return sorted(files, key=lambda p: (rank.get(p.name, len(rank)), p.name))


def load_helpers(directory: Path = RUNTIME_DIR) -> dict[str, Helper]:
    """Parse every ``*.rs`` file in ``directory``; checks names are unique and needs exist."""
    helpers: dict[str, Helper] = {}
    for path in _sorted_files(directory):
        for helper in _parse_file(path, len(helpers)):
            if helper.name in helpers:
                other = helpers[helper.name].family
                raise ValueError(f"helper {helper.name!r} defined in {other} and {path.name}")
            helpers[helper.name] = helper
    for helper in helpers.values():
        missing = [n for n in helper.needs if n not in helpers]
        if missing:
            raise ValueError(f"helper {helper.name!r} needs unknown helper(s) {missing}")
    return helpers


@cache
def _helpers() -> Mapping[str, Helper]:
    return MappingProxyType(load_helpers())


HELPERS: Mapping[str, Helper] = _helpers()


def closure(names: Iterable[str]) -> list[str]:
    """The named helpers plus everything they transitively need, in render order.

    A single name may be passed as a plain string. Raises KeyError for an unknown name.
    """
    seen: set[str] = set()
    stack = [names] if isinstance(names, str) else list(names)
    while stack:
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            if name not in HELPERS:
                known = ", ".join(sorted(HELPERS))
                raise KeyError(f"unknown runtime helper {name!r}; known helpers: {known}")
            seen.add(name)
            stack.extend(HELPERS[name].needs)
        stack.extend(
            h.name
            for h in HELPERS.values()
            if h.joins and h.name not in seen and all(j in seen for j in h.joins)
        )
    return sorted(seen, key=lambda n: HELPERS[n].order)


def render(names: Iterable[str]) -> str:
    """Rust source for the named helpers and their needs ('' when none), one blank line apart."""
    blocks = [HELPERS[name].code for name in closure(names)]
    return "\n\n".join(blocks) + "\n" if blocks else ""
