"""What the int-width analysis reads from one function (analyze/int_width.py): its int
bindings with their enclosing loops, returns, calls, list and dict stores, loop trip
counts; plus the type predicates and the constant folding it shares with lowering."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass, field

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    Context,
    Decorator,
    DictExpr,
    Expression,
    ForStmt,
    FuncDef,
    GeneratorExpr,
    IfStmt,
    IndexExpr,
    IntExpr,
    LambdaExpr,
    ListExpr,
    MemberExpr,
    NameExpr,
    Node,
    OperatorAssignmentStmt,
    OpExpr,
    ReturnStmt,
    TryStmt,
    TupleExpr,
    UnaryExpr,
    Var,
    WhileStmt,
)
from mypy.types import AnyType, Instance, LiteralType, Type, get_proper_type

from backend.transpiler.analyze.walk import Walker, children

_CONSTANT_OPS = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "**": operator.pow,
    "//": operator.floordiv,
    "%": operator.mod,
    "<<": operator.lshift,
}


_LIST_ADDERS = {"append", "insert"}


def is_int_type(typ: Type | None) -> bool:
    proper = get_proper_type(typ) if typ is not None else None
    if isinstance(proper, LiteralType):
        proper = proper.fallback
    return isinstance(proper, Instance) and proper.type.fullname == "builtins.int"


def divmod_value(value: Expression) -> Expression | None:
    """`q, r = divmod(a, b)`: both names follow the call (big when an operand is)."""
    callee = value.callee if isinstance(value, CallExpr) else None
    return value if isinstance(callee, NameExpr) and callee.fullname == "builtins.divmod" else None


def is_int_dict_type(typ: Type | None) -> bool:
    proper = get_proper_type(typ) if typ is not None else None
    return (
        isinstance(proper, Instance)
        and proper.type.fullname == "builtins.dict"
        and len(proper.args) == 2
        and is_int_type(proper.args[1])
    )


def is_float_type(typ: Type | None) -> bool:
    proper = get_proper_type(typ) if typ is not None else None
    return isinstance(proper, Instance) and proper.type.fullname == "builtins.float"


def is_int_list_type(typ: Type | None, open_items: bool = False) -> bool:
    """`list[int]`; with `open_items`, also a `list[Any]` whose items lowering settles from
    what is stored (`result.append(2 ** k)`: mypy says `Any` for an int power)."""
    proper = get_proper_type(typ) if typ is not None else None
    if not (
        isinstance(proper, Instance)
        and proper.type.fullname == "builtins.list"
        and len(proper.args) == 1
    ):
        return False
    item = get_proper_type(proper.args[0])
    return is_int_type(item) or (open_items and isinstance(item, AnyType))


def var_of(node: Expression) -> Var | None:
    return node.node if isinstance(node, NameExpr) and isinstance(node.node, Var) else None


def constant_int(node: Expression | None, constants: dict[str, int] | None = None) -> int | None:
    """The value of a constant int expression (literals, `2**61 - 1`, module constants)."""
    if isinstance(node, IntExpr):
        return node.value
    if isinstance(node, UnaryExpr) and node.op == "-":
        inner = constant_int(node.expr, constants)
        return None if inner is None else -inner
    if isinstance(node, NameExpr) and constants is not None:
        return constants.get(node.fullname or "")
    if isinstance(node, OpExpr) and node.op in ("+", "-", "*", "**", "//", "%", "<<"):
        left, right = constant_int(node.left, constants), constant_int(node.right, constants)
        if left is None or right is None:
            return None
        if node.op in ("**", "<<") and not 0 <= right <= 4096:
            return None
        if node.op in ("//", "%") and right == 0:
            return None
        result: int = _CONSTANT_OPS[node.op](left, right)
        return result
    return None


@dataclass
class Bind:
    var: Var
    value: Expression | None  # None: bound from something the analysis does not follow
    op: str  # "=" or the augmented operator ("*" for `*=`)
    loops: tuple[Node, ...]  # enclosing loops, outermost first
    node: Context
    guarded: bool = False  # under an `if`/`try` inside its innermost loop


@dataclass
class Facts:
    """What one function does with its int and list-of-int names."""

    fullname: str
    name: str
    binds: list[Bind] = field(default_factory=list)
    returns: list[Expression] = field(default_factory=list)
    calls: list[CallExpr] = field(default_factory=list)
    list_items: list[tuple[Var, Expression, tuple[Node, ...], Context]] = field(
        default_factory=list
    )
    list_binds: list[tuple[Var, Expression]] = field(default_factory=list)
    dict_values: list[tuple[Var, Expression]] = field(default_factory=list)  # `d[k] = v`
    for_targets: list[tuple[Var, Expression]] = field(default_factory=list)
    trips: dict[Node, int | None] = field(default_factory=dict)
    loop_targets: dict[Node, set[Var]] = field(default_factory=dict)  # rebound each iteration
    index_bounds: dict[Var, int] = field(default_factory=dict)
    ops: list[OpExpr] = field(default_factory=list)
    # module constants and the locals bound once, outside loops, to a constant expression
    constants: dict[str, int] = field(default_factory=dict)


class Collector(Walker):
    def __init__(self, facts: Facts, constants: dict[str, int]) -> None:
        self.facts = facts
        self.constants = constants
        self.loops: list[Node] = []
        self.guards: list[int] = [0]  # per loop level: how many `if`/`try` blocks deep
        self.float_values: set[Expression] = set()  # assigned to float variables

    def visit_FuncDef(self, node: FuncDef) -> None:
        return  # a nested function is not analysed (it keeps i64)

    def visit_LambdaExpr(self, node: LambdaExpr) -> None:
        return

    def visit_Decorator(self, node: Decorator) -> None:
        return

    def _bind(self, target: Expression, value: Expression | None, op: str, node: Context) -> None:
        var = var_of(target)
        if var is not None and value is not None and is_float_type(var.type):
            self.float_values.add(value)
        if var is None:
            if isinstance(target, IndexExpr) and value is not None:
                self._list_item(target.base, value, node)
                self._dict_value(target.base, value)
            return
        if is_int_type(var.type):
            guarded = self.guards[-1] > 0
            self.facts.binds.append(Bind(var, value, op, tuple(self.loops), node, guarded))
        elif is_int_list_type(var.type, open_items=True) and value is not None and op == "=":
            self.facts.list_binds.append((var, value))
        elif is_int_dict_type(var.type) and isinstance(value, DictExpr) and op == "=":
            for _key, item in value.items:
                self.facts.dict_values.append((var, item))  # `d = {1: big}`

    def _dict_value(self, base: Expression, value: Expression) -> None:
        var = var_of(base)
        if var is not None and is_int_dict_type(var.type):
            self.facts.dict_values.append((var, value))

    def _list_item(self, base: Expression, item: Expression, node: Context) -> None:
        var = var_of(base)
        if var is not None and is_int_list_type(var.type, open_items=True):
            self.facts.list_items.append((var, item, tuple(self.loops), node))

    def visit_AssignmentStmt(self, node: AssignmentStmt) -> None:
        self.generic(node)
        for target in node.lvalues:
            if isinstance(target, TupleExpr | ListExpr):
                pairs = (
                    zip(target.items, node.rvalue.items, strict=True)
                    if isinstance(node.rvalue, TupleExpr | ListExpr)
                    and len(node.rvalue.items) == len(target.items)
                    else ((item, divmod_value(node.rvalue)) for item in target.items)
                )
                for item, value in pairs:
                    self._bind(item, value, "=", node)
            else:
                self._bind(target, node.rvalue, "=", node)

    def visit_OperatorAssignmentStmt(self, node: OperatorAssignmentStmt) -> None:
        self.generic(node)
        self._bind(node.lvalue, node.rvalue, node.op, node)

    def visit_ForStmt(self, node: ForStmt) -> None:
        self.visit(node.expr)
        self.facts.trips[node] = self._trips(node.expr)
        self.facts.loop_targets[node] = mentions(node.index)
        var = var_of(node.index)
        if var is not None and is_int_type(var.type):
            self.facts.for_targets.append((var, node.expr))
            bound = self._range_bound(node.expr)
            if bound is not None:
                self.facts.index_bounds[var] = bound
        self._loop_body(node, node.body)
        self.visit(node.else_body)

    def _loop_body(self, loop: Node, body: Node) -> None:
        self.loops.append(loop)
        self.guards.append(0)
        self.visit(body)
        self.guards.pop()
        self.loops.pop()

    def _guarded(self, node: Node) -> None:
        self.guards[-1] += 1
        self.generic(node)
        self.guards[-1] -= 1

    def visit_IfStmt(self, node: IfStmt) -> None:
        self.visit_all(node.expr)
        self.guards[-1] += 1
        self.visit_all(node.body)
        self.visit(node.else_body)
        self.guards[-1] -= 1

    def visit_TryStmt(self, node: TryStmt) -> None:
        self._guarded(node)

    def visit_GeneratorExpr(self, node: GeneratorExpr) -> None:
        self.generic(node)
        for index, sequence in zip(node.indices, node.sequences, strict=True):
            var = var_of(index)
            if var is not None and is_int_type(var.type):
                self.facts.for_targets.append((var, sequence))  # `[h % 10 for h in hashes]`

    def visit_WhileStmt(self, node: WhileStmt) -> None:
        self.visit(node.expr)
        self.facts.trips[node] = None
        self._loop_body(node, node.body)
        self.visit(node.else_body)

    def visit_ReturnStmt(self, node: ReturnStmt) -> None:
        self.generic(node)
        if node.expr is not None:
            self.facts.returns.append(node.expr)

    def visit_CallExpr(self, node: CallExpr) -> None:
        self.generic(node)
        self.facts.calls.append(node)
        callee = node.callee
        if isinstance(callee, MemberExpr) and callee.name in _LIST_ADDERS and node.args:
            self._list_item(callee.expr, node.args[-1], node)
        if isinstance(callee, MemberExpr) and callee.name == "setdefault" and len(node.args) == 2:
            self._dict_value(callee.expr, node.args[1])

    def visit_OpExpr(self, node: OpExpr) -> None:
        self.generic(node)
        self.facts.ops.append(node)

    def _range_args(self, node: Expression) -> list[int] | None:
        if not (
            isinstance(node, CallExpr)
            and isinstance(node.callee, NameExpr)
            and node.callee.fullname == "builtins.range"
            and 1 <= len(node.args) <= 3
        ):
            return None
        values = [constant_int(a, self.constants) for a in node.args]
        return None if any(v is None for v in values) else [v for v in values if v is not None]

    def _trips(self, node: Expression) -> int | None:
        args = self._range_args(node)
        if args is not None:
            return len(range(*args)) if (len(args) < 3 or args[2] != 0) else None
        if isinstance(node, ListExpr | TupleExpr):
            return len(node.items)
        return None

    def _range_bound(self, node: Expression) -> int | None:
        args = self._range_args(node)
        if args is None:
            return None
        return max(abs(args[0]), abs(args[1]) if len(args) > 1 else 0)


def nodes(node: Node | None) -> Iterable[Node]:
    """`node` and everything below it (not into lambdas)."""

    if node is None:
        return
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if not isinstance(current, LambdaExpr):
            stack.extend(children(current))


def mentions(node: Expression | None) -> set[Var]:
    return {n.node for n in nodes(node) if isinstance(n, NameExpr) and isinstance(n.node, Var)}


def module_int_constants(defs: Iterable[Node]) -> dict[str, int]:
    """Module-level names bound once to a constant int expression (`MOD = 2**61 - 1`)."""
    found: dict[str, int] = {}
    counts: dict[str, int] = {}
    for node in defs:
        if isinstance(node, AssignmentStmt) and len(node.lvalues) == 1:
            target = node.lvalues[0]
            if isinstance(target, NameExpr):
                counts[target.fullname] = counts.get(target.fullname, 0) + 1
                value = constant_int(node.rvalue, found)
                if value is not None:
                    found[target.fullname] = value
    return {k: v for k, v in found.items() if counts.get(k) == 1}
