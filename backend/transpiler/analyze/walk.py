"""A plain-Python walker over mypy's tree.

mypy ships compiled (mypyc), and its visitor classes cannot be subclassed from
interpreted code, so the analyses here use this small walker instead: `visit(node)`
calls `visit_<NodeClass>` when a subclass defines it, else walks the node's children.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mypy.nodes import Node

# The attributes that hold child nodes, per node class (in evaluation order).
_CHILDREN: dict[str, tuple[str, ...]] = {
    "MypyFile": ("defs",),
    "Block": ("body",),
    "ExpressionStmt": ("expr",),
    "AssignmentStmt": ("rvalue", "lvalues"),
    "OperatorAssignmentStmt": ("rvalue", "lvalue"),
    "IfStmt": ("expr", "body", "else_body"),
    "WhileStmt": ("expr", "body", "else_body"),
    "ForStmt": ("expr", "index", "body", "else_body"),
    "ReturnStmt": ("expr",),
    "RaiseStmt": ("expr", "from_expr"),
    "TryStmt": ("body", "types", "vars", "handlers", "else_body", "finally_body"),
    "AssertStmt": ("expr", "msg"),
    "DelStmt": ("expr",),
    "WithStmt": ("expr", "target", "body"),
    "FuncDef": ("body",),
    "Decorator": ("decorators", "func"),
    "ClassDef": ("defs",),
    "CallExpr": ("callee", "args"),
    "MemberExpr": ("expr",),
    "OpExpr": ("left", "right"),
    "ComparisonExpr": ("operands",),
    "UnaryExpr": ("expr",),
    "IndexExpr": ("base", "index"),
    "SliceExpr": ("begin_index", "end_index", "stride"),
    "ListExpr": ("items",),
    "TupleExpr": ("items",),
    "SetExpr": ("items",),
    "DictExpr": ("items",),
    "GeneratorExpr": ("sequences", "indices", "condlists", "left_expr"),
    "ListComprehension": ("generator",),
    "SetComprehension": ("generator",),
    "DictionaryComprehension": ("sequences", "indices", "condlists", "key", "value"),
    "ConditionalExpr": ("cond", "if_expr", "else_expr"),
    "LambdaExpr": ("body",),
    "StarExpr": ("expr",),
    "YieldExpr": ("expr",),
    "YieldFromExpr": ("expr",),
    "AssignmentExpr": ("value", "target"),
    "CastExpr": ("expr",),
    "AwaitExpr": ("expr",),
    "SuperExpr": ("call",),
    "MatchStmt": ("subject", "bodies"),
}


def _flatten(value: Any) -> Iterator[Node]:
    if value is None:
        return
    if isinstance(value, Node):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _flatten(item)


def children(node: Node) -> Iterator[Node]:
    for attr in _CHILDREN.get(type(node).__name__, ()):
        yield from _flatten(getattr(node, attr, None))


class Walker:
    """Subclass and define `visit_<NodeClass>(self, node)`; call `self.generic(node)` to
    continue into the children from there."""

    def visit(self, node: Node | None) -> None:
        if node is None:
            return
        method = getattr(self, f"visit_{type(node).__name__}", None)
        if method is not None:
            method(node)
        else:
            self.generic(node)

    def generic(self, node: Node) -> None:
        for child in children(node):
            self.visit(child)

    def visit_all(self, nodes: list[Any]) -> None:
        for node in nodes:
            self.visit(node)
