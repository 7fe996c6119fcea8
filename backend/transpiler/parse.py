"""Parse stage: Python source to `ast`, syntax errors as diagnostics, and item selection."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from backend.transpiler.record import Diagnostic, Severity, SourceRange


@dataclass(frozen=True)
class TopItem:
    """A top-level def/class (or a method, named `Class.method`)."""

    name: str
    kind: str  # "function" | "class" | "method"
    range: SourceRange


@dataclass
class Parsed:
    tree: ast.Module
    items: list[TopItem]
    has_main_block: bool


def node_range(node: ast.AST) -> SourceRange:
    line = getattr(node, "lineno", 1)
    col = getattr(node, "col_offset", 0)
    end_line = getattr(node, "end_lineno", None) or line
    end_col = getattr(node, "end_col_offset", None)
    return SourceRange(line, col, end_line, end_col if end_col is not None else col + 1)


def parse_python(source: str) -> Parsed | Diagnostic:
    """Parse without executing anything; every failure becomes a located diagnostic."""
    try:
        tree = ast.parse(source, type_comments=False)
    except SyntaxError as err:
        line = err.lineno or 1
        col = max((err.offset or 1) - 1, 0)
        end_line = err.end_lineno or line
        end_col = max((err.end_offset or (col + 2)) - 1, col + 1)
        if end_line < line or (end_line == line and end_col <= col):
            end_line, end_col = line, col + 1
        return Diagnostic(
            Severity.ERROR,
            f"syntax error: {err.msg}",
            "PRT001",
            SourceRange(line, col, end_line, end_col),
        )
    except (ValueError, RecursionError, MemoryError, OverflowError) as err:
        return Diagnostic(
            Severity.ERROR,
            f"cannot parse this source: {err}",
            "PRT001",
            SourceRange(1, 0, 1, 1),
        )
    return Parsed(tree, list(_top_items(tree)), any(is_main_guard(s) for s in tree.body))


def is_main_guard(stmt: ast.stmt) -> bool:
    """`if __name__ == "__main__":`"""
    if not isinstance(stmt, ast.If) or not isinstance(stmt.test, ast.Compare):
        return False
    test = stmt.test
    if len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
        return False
    sides = [test.left, test.comparators[0]]
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
    consts = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
    return len(names) == 1 and len(consts) == 1


def _top_items(tree: ast.Module) -> list[TopItem]:
    items: list[TopItem] = []
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            items.append(TopItem(stmt.name, "function", _with_decorators(stmt)))
        elif isinstance(stmt, ast.ClassDef):
            items.append(TopItem(stmt.name, "class", _with_decorators(stmt)))
            for sub in stmt.body:
                if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef):
                    items.append(
                        TopItem(f"{stmt.name}.{sub.name}", "method", _with_decorators(sub))
                    )
    return items


def _with_decorators(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> SourceRange:
    r = node_range(node)
    if node.decorator_list:
        first = node.decorator_list[0]
        return SourceRange(first.lineno, max(first.col_offset - 1, 0), r.end_line, r.end_col)
    return r


def items_in_range(parsed: Parsed, rng: SourceRange) -> list[str]:
    """The smallest set of top-level items (not methods) that the range touches."""
    names = []
    for item in parsed.items:
        if item.kind == "method":
            continue
        r = item.range
        if r.line <= rng.end_line and rng.line <= r.end_line:
            names.append(item.name)
    return names
