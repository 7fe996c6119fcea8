"""A plain-Python walker over mypy's tree.

mypy ships compiled (mypyc), and its visitor classes cannot be subclassed from
interpreted code, so the analyses here use this small walker instead: `visit(node)`
calls `visit_<NodeClass>` when a subclass defines it, else walks the node's children.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeGuard

from mypy.nodes import CallExpr, NameExpr, Node

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


def _flatten(value: Any, out: list[Node]) -> None:
    if isinstance(value, Node):
        out.append(value)
    elif isinstance(value, list | tuple):
        for item in value:
            if item is not None:
                _flatten(item, out)


def children(node: Node) -> Iterator[Node]:
    found: list[Node] = []
    for attr in _CHILDREN.get(type(node).__name__, ()):
        value = getattr(node, attr, None)
        if value is not None:
            _flatten(value, found)
    return iter(found)


class Walker:
    """Subclass and define `visit_<NodeClass>(self, node)`; call `self.generic(node)` to
    continue into the children from there."""

    # per walker class (in its own `__dict__`, so a class defined inside a function takes
    # its table with it when it goes): node type -> `visit_<NodeClass>` or None
    _methods: dict[type, Callable[[Any, Any], None] | None]

    def visit(self, node: Node | None) -> None:
        if node is None:
            return
        cls = type(self)
        table = cls.__dict__.get("_methods")
        if table is None:
            table = {}
            cls._methods = table
        kind = type(node)
        if kind in table:
            method = table[kind]
        else:
            method = table[kind] = getattr(cls, f"visit_{kind.__name__}", None)
        if method is not None:
            method(self, node)
        else:
            self.generic(node)

    def generic(self, node: Node) -> None:
        for child in children(node):
            self.visit(child)

    def visit_all(self, nodes: list[Any]) -> None:
        for node in nodes:
            self.visit(node)


def is_builtin_call(node: Node, name: str) -> TypeGuard[CallExpr]:
    """`name(...)` calling the builtin itself (`len(xs)`, `range(n)`), not a shadowing def."""
    return (
        isinstance(node, CallExpr)
        and isinstance(node.callee, NameExpr)
        and node.callee.fullname == f"builtins.{name}"
    )
