"""Which functions hand out an object they keep (a field, or an element of one).

`def member(self, name) -> Member: return self.members[name]` returns the object stored in
`self.members`: a Python caller that changes the result changes the stored member. The
translation returns a copy (Rust cannot hand out a `&mut` into `self` while the caller
goes on using `self`), so such a caller must be reported, not translated silently wrong.
"""

from __future__ import annotations

from mypy.nodes import Expression, FuncDef, IndexExpr, LambdaExpr, MemberExpr, ReturnStmt, SliceExpr

from backend.transpiler.analyze.mutation import root_name
from backend.transpiler.analyze.walk import Walker


def returns_kept_object(fn: FuncDef) -> bool:
    """Does some `return` hand out part of `self` or of an argument (not a new object)?"""
    parameters = {argument.variable.name for argument in fn.arguments}
    collector = _Returns()
    collector.visit_all(fn.body.body)
    return any(_is_part_of(value, parameters) for value in collector.values)


def _is_part_of(value: Expression, parameters: set[str]) -> bool:
    if isinstance(value, IndexExpr) and isinstance(value.index, SliceExpr):
        return False  # a slice is a new list
    return isinstance(value, IndexExpr | MemberExpr) and root_name(value) in parameters


class _Returns(Walker):
    """The returned expressions of one function (not of functions nested in it)."""

    def __init__(self) -> None:
        self.values: list[Expression] = []

    def visit_ReturnStmt(self, node: ReturnStmt) -> None:
        if node.expr is not None:
            self.values.append(node.expr)

    def visit_FuncDef(self, node: FuncDef) -> None:
        return None

    def visit_LambdaExpr(self, node: LambdaExpr) -> None:
        return None
