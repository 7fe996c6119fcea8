"""Where the items of a Python document are, and the smallest source that translates one.

One `DocumentItems` per document version (parsed once, reused by hover, code actions and
diagnostics). `reduced_source` keeps the imports, the target items and every top-level
statement they reach by name (transitively), and blanks every other line: line numbers stay
those of the document, a 5 MB file costs only the target's translation, and an edit to
another function does not invalidate the target's cache entry.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from backend.transpiler.parse import Parsed, is_main_guard, parse_python
from backend.transpiler.record import Diagnostic


@dataclass(frozen=True)
class Item:
    """A top-level def/class, or a method (`Class.method`). Lines are 1-based."""

    name: str
    kind: str  # "function" | "class" | "method"
    top: str  # the top-level item it belongs to
    start_line: int  # first line, decorators included
    header_start: int  # the `def`/`class` line
    header_end: int  # last line of the signature
    end_line: int

    @property
    def short_name(self) -> str:
        return self.name.rsplit(".", 1)[-1]


@dataclass
class _Stmt:
    start: int
    end: int
    defines: set[str]
    uses: set[str]
    always: bool  # imports: kept in every reduced source


@dataclass
class DocumentItems:
    source: str
    parsed: Parsed | None
    error: Diagnostic | None
    items: list[Item] = field(default_factory=list)
    _stmts: list[_Stmt] = field(default_factory=list)
    _reduced: dict[tuple[str, ...], str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.parsed is not None

    def item_at_header(self, line: int) -> Item | None:
        """The item whose signature covers `line` (1-based); methods win over classes."""
        found = [i for i in self.items if i.header_start <= line <= i.header_end]
        return min(found, key=lambda i: i.header_end - i.header_start, default=None)

    def top_item_at(self, line: int) -> Item | None:
        """The top-level item whose body (decorators included) covers `line`."""
        for item in self.items:
            if item.kind != "method" and item.start_line <= line <= item.end_line:
                return item
        return None

    def top_items_between(self, first: int, last: int) -> list[Item]:
        return [
            i
            for i in self.items
            if i.kind != "method" and i.start_line <= last and first <= i.end_line
        ]

    def get(self, name: str) -> Item | None:
        return next((i for i in self.items if i.name == name), None)

    def reduced_source(self, top_names: list[str]) -> str:
        """The source with only what `top_names` need (see the module docstring)."""
        key = tuple(sorted(top_names))
        cached = self._reduced.get(key)
        if cached is not None:
            return cached
        wanted = set(key)
        kept = {i for i, s in enumerate(self._stmts) if s.always or s.defines & wanted}
        needed: set[str] = set()
        for index in kept:
            needed |= self._stmts[index].uses
        definers: dict[str, list[int]] = {}
        for index, stmt in enumerate(self._stmts):
            for name in stmt.defines:
                definers.setdefault(name, []).append(index)
        frontier = list(needed)
        while frontier:
            for index in definers.get(frontier.pop(), []):
                if index not in kept:
                    kept.add(index)
                    frontier.extend(self._stmts[index].uses - needed)
                    needed |= self._stmts[index].uses
        keep = [self._stmts[i] for i in sorted(kept)]
        lines = self.source.splitlines(keepends=True)
        mask = [False] * len(lines)
        for stmt in keep:
            for index in range(stmt.start - 1, min(stmt.end, len(lines))):
                mask[index] = True
        text = "".join(line if mask[i] else _line_ending(line) for i, line in enumerate(lines))
        self._reduced[key] = text
        return text


def index_document(source: str) -> DocumentItems:
    parsed = parse_python(source)
    if isinstance(parsed, Diagnostic):
        return DocumentItems(source, None, parsed)
    doc = DocumentItems(source, parsed, None)
    collect_items(parsed.tree.body, doc._stmts, doc.items)
    return doc


def collect_items(body: list[ast.stmt], stmts: list[_Stmt], items: list[Item]) -> None:
    """Describe each top-level statement and list its functions, classes and methods."""
    for stmt in body:
        stmts.append(_describe(stmt))
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            items.append(_item(stmt, stmt.name, "function", stmt.name))
        elif isinstance(stmt, ast.ClassDef):
            items.append(_item(stmt, stmt.name, "class", stmt.name))
            for sub in stmt.body:
                if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef):
                    name = f"{stmt.name}.{sub.name}"
                    items.append(_item(sub, name, "method", stmt.name))


def _item(
    node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef, name: str, kind: str, top: str
) -> Item:
    start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    body_line = node.body[0].lineno if node.body else node.lineno
    header_end = max(node.lineno, body_line - 1)
    end = node.end_lineno or node.lineno
    return Item(name, kind, top, start, node.lineno, header_end, end)


def _describe(stmt: ast.stmt) -> _Stmt:
    start = stmt.lineno
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        start = min([start, *(d.lineno for d in stmt.decorator_list)])
    end = stmt.end_lineno or stmt.lineno
    uses = {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name)}
    uses |= {
        n.value
        for n in ast.walk(stmt)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value.isidentifier()
    }  # string annotations ("Node")
    defines: set[str] = set()
    always = False
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        defines = {stmt.name}
    elif isinstance(stmt, ast.Import | ast.ImportFrom):
        always = True
    elif is_main_guard(stmt):
        pass
    else:
        defines = {
            n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        }
    return _Stmt(start, end, defines, uses - defines if defines else uses, always)


def _line_ending(line: str) -> str:
    if line.endswith("\r\n"):
        return "\r\n"
    if line.endswith(("\n", "\r")):
        return line[-1]
    return ""
