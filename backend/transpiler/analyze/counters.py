"""Counters: int locals that can never come near i64's limits, so `n += 1` needs no check.

A counter is a local of one function (not a parameter, not `global`/`nonlocal` anywhere)
whose every binding is `n = <literal>` with |literal| <= 2**32, or a step `n += c`,
`n -= c`, `n = n + c` or `n = n - c` with a literal 1 <= c <= 16. After k steps
|n| <= 2**32 + 16k, so leaving i64 takes over 5e17 steps: more than eighteen years at one
step per nanosecond. Everything else keeps the
checked form (lower/int_ops.py)."""

from __future__ import annotations

from mypy.nodes import (
    AssignmentExpr,
    AssignmentStmt,
    Expression,
    ForStmt,
    FuncDef,
    GlobalDecl,
    IntExpr,
    NameExpr,
    NonlocalDecl,
    OperatorAssignmentStmt,
    OpExpr,
    TupleExpr,
    UnaryExpr,
    WithStmt,
)

from backend.transpiler.analyze.walk import Walker

START_LIMIT = 2**32
STEP_LIMIT = 16


def counters(fn: FuncDef) -> frozenset[str]:
    """The names in `fn` that are counters (see the module docstring)."""
    finder = _Bindings()
    finder.visit_all(fn.body.body)
    params = {arg.variable.name for arg in fn.arguments}
    return frozenset(finder.stepped - finder.other - params)


def _literal(node: Expression) -> int | None:
    if isinstance(node, IntExpr):
        return node.value
    if isinstance(node, UnaryExpr) and node.op == "-" and isinstance(node.expr, IntExpr):
        return -node.expr.value
    return None


def _small_step(node: Expression) -> bool:
    step = _literal(node)
    return step is not None and 1 <= step <= STEP_LIMIT


def _steps(value: Expression, name: str) -> bool:
    """`name + c` or `name - c`."""
    return (
        isinstance(value, OpExpr)
        and value.op in ("+", "-")
        and isinstance(value.left, NameExpr)
        and value.left.name == name
        and _small_step(value.right)
    )


class _Bindings(Walker):
    def __init__(self) -> None:
        self.stepped: set[str] = set()  # names stepped by a small constant somewhere
        self.other: set[str] = set()  # names bound any other way

    def visit_AssignmentStmt(self, o: AssignmentStmt) -> None:
        target = o.lvalues[0]
        if len(o.lvalues) == 1 and isinstance(target, NameExpr) and _steps(o.rvalue, target.name):
            self.stepped.add(target.name)
            return
        start = _literal(o.rvalue)
        small = start is not None and abs(start) <= START_LIMIT and len(o.lvalues) == 1
        for target in o.lvalues:
            if not (small and isinstance(target, NameExpr)):
                self._disqualify(target)
        self.visit(o.rvalue)

    def visit_OperatorAssignmentStmt(self, o: OperatorAssignmentStmt) -> None:
        if isinstance(o.lvalue, NameExpr) and o.op in ("+", "-") and _small_step(o.rvalue):
            self.stepped.add(o.lvalue.name)
        else:
            self._disqualify(o.lvalue)
        self.visit(o.rvalue)

    def visit_ForStmt(self, o: ForStmt) -> None:
        self._disqualify(o.index)
        self.generic(o)

    def visit_WithStmt(self, o: WithStmt) -> None:
        for target in o.target:
            if target is not None:
                self._disqualify(target)
        self.generic(o)

    def visit_AssignmentExpr(self, o: AssignmentExpr) -> None:
        self._disqualify(o.target)
        self.visit(o.value)

    def visit_GlobalDecl(self, o: GlobalDecl) -> None:
        self.other.update(o.names)

    def visit_NonlocalDecl(self, o: NonlocalDecl) -> None:
        self.other.update(o.names)

    def visit_FuncDef(self, o: FuncDef) -> None:
        # a nested def: its `nonlocal` names (and its own locals, by name) do not count
        inner = _Bindings()
        inner.visit_all(o.body.body)
        self.other.update(inner.other | inner.stepped)

    def _disqualify(self, target: Expression) -> None:
        if isinstance(target, NameExpr):
            self.other.add(target.name)
        elif isinstance(target, TupleExpr):
            for item in target.items:
                self._disqualify(item)
