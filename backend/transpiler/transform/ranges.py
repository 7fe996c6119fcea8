"""The value-range pass: which int locals of a function are never negative.

A local is *non-negative* when every binding of it in the function stores a value that is
non-negative whenever the names it reads are (the greatest fixed point over the
function's bindings, so `lo = 0` / `lo = mid + 1` and `mid = (lo + hi) // 2` prove each
other). By induction over the program's steps every value such a name holds is then
>= 0. Parameters (their value comes from the caller), names declared `global` or
`nonlocal` here or in a nested function, and names bound in ways the pass does not follow
(`with ... as n`, `match` captures) are never non-negative.

Non-negative expressions: int literals, `len()`, `abs()`, `ord()`, non-negative names,
`a + b`, `a * b`, `a // b`, `a | b`, `a ^ b` of non-negative operands, `a % b` and
`a & b` with one suitable operand (`%` takes the divisor's sign), `a >> b` of a
non-negative `a`; `for` targets over `range()` that cannot go below zero and
`enumerate()` counters.

One relational fact: a binary search's middle, `mid = (lo + hi) // 2` (or
`lo + (hi - lo) // 2`) written in a `while lo < hi:` / `while lo <= hi:` body before
anything there rebinds `lo` or `hi`, lies between `lo` and `hi`: it is non-negative when
`lo` is, whatever `hi` is.

The lowering reads the facts: a non-negative index indexes a list directly
(`s[mid as usize]`, Rust's bounds check standing in for IndexError) instead of through
`py_index`, and `//`/`%` by a positive literal on a non-negative value are Rust's `/`/`%`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from mypy.nodes import (
    ARG_POS,
    LDEF,
    AssignmentExpr,
    AssignmentStmt,
    Block,
    CallExpr,
    ComparisonExpr,
    DictionaryComprehension,
    Expression,
    ForStmt,
    FuncDef,
    GeneratorExpr,
    GlobalDecl,
    IndexExpr,
    IntExpr,
    ListExpr,
    MatchStmt,
    NameExpr,
    Node,
    NonlocalDecl,
    OperatorAssignmentStmt,
    OpExpr,
    StarExpr,
    Statement,
    TupleExpr,
    Var,
    WhileStmt,
    WithStmt,
)
from mypy.types import Instance, LiteralType, Type, get_proper_type

from backend.transpiler.analyze.int_facts import constant_int, nodes
from backend.transpiler.analyze.walk import children, is_builtin_call

_NONNEG_CALLS = {"builtins.len", "builtins.abs", "builtins.ord"}
# Python's int and mypyc's native ints (`i64`, ...), which all lower to Rust integers
_INT_TYPES = {
    "builtins.int",
    "mypy_extensions.i64",
    "mypy_extensions.i32",
    "mypy_extensions.i16",
    "mypy_extensions.u8",
}


def _is_int(typ: Type | None) -> bool:
    proper = get_proper_type(typ) if typ is not None else None
    if isinstance(proper, LiteralType):
        proper = proper.fallback
    return isinstance(proper, Instance) and proper.type.fullname in _INT_TYPES


@dataclass(frozen=True)
class _Binding:
    value: Expression | None  # None: a value the pass does not follow
    op: str = "="  # or the operator of an augmented assignment (`+` for `+=`)
    iterated: bool = False  # a `for` target: `value` is the iterable
    enumerated: bool = False  # the counter of `for i, x in enumerate(...)`
    middle_of: tuple[Var, Var] | None = None  # a binary search's `mid` between (lo, hi)


@dataclass(frozen=True)
class RangeFacts:
    """What the pass proved about one function."""

    nonneg: frozenset[Var] = frozenset()
    # ids of the expressions proven >= 0 from a loop condition (a binary search's
    # `(lo + hi) // 2` and its parts, where `hi` alone may be negative)
    nonneg_nodes: frozenset[int] = frozenset()
    # `for i in range(len(xs))` loops (by id) whose counter is read only as a subscript
    # index inside the loop, bound nowhere else: the subscripts reading it. The lowering
    # makes such a counter a `usize` (`for i in 0..xs.len()`, `xs[i]`) when every
    # subscripted base is a list.
    index_counters: dict[int, tuple[IndexExpr, ...]] = field(default_factory=dict)

    def is_nonneg(self, node: Expression) -> bool:
        return id(node) in self.nonneg_nodes or nonneg_expr(node, self.nonneg)


NO_FACTS = RangeFacts()


def nonneg_expr(node: Expression, known: frozenset[Var] | set[Var]) -> bool:
    if isinstance(node, IntExpr):
        return node.value >= 0
    if isinstance(node, NameExpr):
        return isinstance(node.node, Var) and node.node in known
    if isinstance(node, CallExpr) and isinstance(node.callee, NameExpr):
        return node.callee.fullname in _NONNEG_CALLS and len(node.args) == 1
    if isinstance(node, OpExpr):
        return _op_nonneg(node.op, nonneg_expr(node.left, known), nonneg_expr(node.right, known))
    return False


def _op_nonneg(op: str, left: bool, right: bool) -> bool:
    """Whether `a op b` is >= 0, given whether `a` and `b` are."""
    if op in ("+", "*", "//", "|", "^"):
        return left and right
    if op == "%":
        return right  # Python's remainder has the divisor's sign (0 raises)
    if op == "&":
        return left or right
    if op == ">>":
        return left
    return False


def analyze(fn: FuncDef | None) -> RangeFacts:
    if fn is None:
        return NO_FACTS
    all_nodes = list(nodes(fn.body))
    if any(isinstance(n, MatchStmt) for n in all_nodes):
        return NO_FACTS  # capture patterns bind names the walker does not see
    bindings = _bindings(all_nodes)
    excluded = _excluded_names(all_nodes) | {a.variable.name for a in fn.arguments}
    known = {
        var
        for var, binds in bindings.items()
        if binds and _is_int(var.type) and var.name not in excluded
    }
    changed = True
    while changed:
        changed = False
        for var in list(known):
            if not all(_binding_nonneg(b, known) for b in bindings[var]):
                known.discard(var)
                changed = True
    middles = [
        b.value
        for binds in bindings.values()
        for b in binds
        if b.middle_of is not None and b.middle_of[0] in known and b.value is not None
    ]
    parts = {id(n) for value in middles for n in nodes(value) if isinstance(n, OpExpr)}
    counters = _index_counters(fn, all_nodes, bindings)
    return RangeFacts(frozenset(known), frozenset(parts), counters)


# ---- counters read only as indexes ------------------------------------------------------


def _index_counters(
    fn: FuncDef, all_nodes: list[Node], bindings: dict[Var, list[_Binding]]
) -> dict[int, tuple[IndexExpr, ...]]:
    found: dict[int, tuple[IndexExpr, ...]] = {}
    reads = _reads_with_parents(fn)
    for loop in all_nodes:
        if not (isinstance(loop, ForStmt) and _is_range_of_len(loop.expr)):
            continue
        var = _local(loop.index)
        if var is None or len(bindings.get(var, ())) != 1 or var.name in _excluded_names(all_nodes):
            continue
        inside = {id(n) for n in _every_node(loop.body)}
        uses = reads.get(var, [])
        subscripts = [parent for name, parent in uses if _indexes_with(parent, name)]
        if len(subscripts) == len(uses) and all(id(s) in inside for s in subscripts):
            found[id(loop)] = tuple(s for s in subscripts if isinstance(s, IndexExpr))
    return found


def _is_range_of_len(node: Expression) -> bool:
    return (
        is_builtin_call(node, "range")
        and len(node.args) == 1
        and node.arg_kinds == [ARG_POS]
        and is_builtin_call(node.args[0], "len")
        and len(node.args[0].args) == 1
    )


def _indexes_with(parent: Node | None, name: NameExpr) -> bool:
    return isinstance(parent, IndexExpr) and parent.index is name


def _every_node(root: Node) -> Iterator[Node]:
    """`root` and everything below it, lambdas and nested functions included."""
    stack = [root]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(children(current))


def _reads_with_parents(fn: FuncDef) -> dict[Var, list[tuple[NameExpr, Node | None]]]:
    """Every mention of a variable in the function (a loop target included), with the
    node that holds it."""
    found: dict[Var, list[tuple[NameExpr, Node | None]]] = {}
    stack: list[tuple[Node, Node | None]] = [(fn.body, None)]
    while stack:
        current, parent = stack.pop()
        if isinstance(current, NameExpr) and isinstance(current.node, Var):
            found.setdefault(current.node, []).append((current, parent))
        if isinstance(current, ForStmt):
            # the loop's own target is its binding, not a read
            stack.extend((c, current) for c in children(current) if c is not current.index)
            continue
        stack.extend((c, current) for c in children(current))
    return found


def _binding_nonneg(binding: _Binding, known: set[Var]) -> bool:
    value = binding.value
    if binding.middle_of is not None:
        return binding.middle_of[0] in known  # lo <= mid at the binding
    if binding.enumerated:
        return value is None or nonneg_expr(value, known)
    if value is None:
        return False
    if binding.iterated:
        return _range_nonneg(value, known)
    if binding.op == "=":
        return nonneg_expr(value, known)
    # `v op= e` is `v = v op e`, with `v` non-negative by the induction hypothesis
    return _op_nonneg(binding.op, True, nonneg_expr(value, known))


def _range_nonneg(iterable: Expression, known: set[Var]) -> bool:
    """Whether every value `range(...)` (or `reversed(range(...))`) yields is >= 0."""
    if (
        isinstance(iterable, CallExpr)
        and isinstance(iterable.callee, NameExpr)
        and iterable.callee.fullname == "builtins.reversed"
        and len(iterable.args) == 1
    ):
        return _range_nonneg(iterable.args[0], known)
    if not (
        isinstance(iterable, CallExpr)
        and isinstance(iterable.callee, NameExpr)
        and iterable.callee.fullname == "builtins.range"
        and all(kind == ARG_POS for kind in iterable.arg_kinds)
    ):
        return False
    args = iterable.args
    if len(args) == 1:
        return True
    if len(args) == 2:
        return nonneg_expr(args[0], known)
    if len(args) == 3:
        start, stop, step = args
        if nonneg_expr(step, known):  # upward (a zero step raises)
            return nonneg_expr(start, known)
        # downward (`range(n - 1, -1, -1)`): every value lies above the stop
        stop_value = constant_int(stop)
        downward = (constant_int(step) or 0) < 0
        return downward and (nonneg_expr(stop, known) or (stop_value or -2) >= -1)
    return False


# ---- bindings --------------------------------------------------------------------------


def _local(node: Expression) -> Var | None:
    if isinstance(node, NameExpr) and node.kind == LDEF and isinstance(node.node, Var):
        return node.node
    return None


@dataclass
class _Collector:
    bindings: dict[Var, list[_Binding]] = field(default_factory=dict)

    def add(self, target: Expression, binding: _Binding) -> None:
        var = _local(target)
        if var is not None:
            self.bindings.setdefault(var, []).append(binding)
        elif isinstance(target, TupleExpr | ListExpr):  # a target the pass does not pair up
            for item in target.items:
                self.add(item, _Binding(None))
        elif isinstance(target, StarExpr):
            self.add(target.expr, _Binding(None))
        # `xs[i] = v` and `obj.f = v` bind no name

    def assign(self, target: Expression, value: Expression) -> None:
        if isinstance(target, TupleExpr | ListExpr):
            if isinstance(value, TupleExpr | ListExpr) and len(value.items) == len(target.items):
                for item, part in zip(target.items, value.items, strict=True):
                    self.assign(item, part)
                return
            self.add(target, _Binding(None))
            return
        self.add(target, _Binding(value))

    def iterate(self, target: Expression, iterable: Expression) -> None:
        counter = _enumerate_counter(target, iterable)
        if counter is not None:
            index, start, rest = counter
            self.add(index, _Binding(start, enumerated=True))
            self.add(rest, _Binding(None))
            return
        self.add(target, _Binding(iterable, iterated=True))


def _enumerate_counter(
    target: Expression, iterable: Expression
) -> tuple[Expression, Expression | None, Expression] | None:
    """`for i, x in enumerate(xs[, start])`: (the counter target, the start or None for 0,
    the item target)."""
    if not (
        isinstance(target, TupleExpr | ListExpr)
        and len(target.items) == 2
        and isinstance(iterable, CallExpr)
        and isinstance(iterable.callee, NameExpr)
        and iterable.callee.fullname == "builtins.enumerate"
        and 1 <= len(iterable.args) <= 2
        and all(kind == ARG_POS for kind in iterable.arg_kinds)
    ):
        return None
    start = iterable.args[1] if len(iterable.args) == 2 else None
    return target.items[0], start, target.items[1]


def _bindings(all_nodes: list[Node]) -> dict[Var, list[_Binding]]:
    middles: dict[int, tuple[Var, Var]] = {}
    for node in all_nodes:
        if isinstance(node, WhileStmt):
            middles.update(_binary_search_middles(node))
    return _collect(all_nodes, middles).bindings


def _collect(all_nodes: Iterable[Node], middles: dict[int, tuple[Var, Var]]) -> _Collector:
    """Every binding of a local in `all_nodes`; `middles`: the binary-search middle
    statements (by id) with their (lo, hi)."""
    collector = _Collector()
    for node in all_nodes:
        if isinstance(node, AssignmentStmt):
            if id(node) in middles:
                collector.add(node.lvalues[0], _Binding(node.rvalue, middle_of=middles[id(node)]))
                continue
            for target in node.lvalues:
                collector.assign(target, node.rvalue)
        elif isinstance(node, OperatorAssignmentStmt):
            collector.add(node.lvalue, _Binding(node.rvalue, node.op))
        elif isinstance(node, ForStmt):
            collector.iterate(node.index, node.expr)
        elif isinstance(node, GeneratorExpr | DictionaryComprehension):
            for index, sequence in zip(node.indices, node.sequences, strict=True):
                collector.iterate(index, sequence)
        elif isinstance(node, AssignmentExpr):
            collector.add(node.target, _Binding(node.value))
        elif isinstance(node, WithStmt):
            for with_target in node.target:
                if with_target is not None:
                    collector.add(with_target, _Binding(None))
    return collector


def _excluded_names(all_nodes: Iterable[Node]) -> set[str]:
    names: set[str] = set()
    for node in all_nodes:
        if isinstance(node, GlobalDecl | NonlocalDecl):
            names.update(node.names)
    return names


# ---- the binary search's middle --------------------------------------------------------


def _binary_search_middles(loop: WhileStmt) -> dict[int, tuple[Var, Var]]:
    """The `mid = ...` statements of this loop's body that are a binary search's middle:
    before anything in the body rebinds `lo` or `hi`, so `lo <= hi` still holds there."""
    bounds = _loop_bounds(loop.expr)
    if bounds is None:
        return {}
    lo, hi = bounds
    found: dict[int, tuple[Var, Var]] = {}
    for stmt in loop.body.body:
        if _binds_any(stmt, bounds):
            break
        if isinstance(stmt, AssignmentStmt) and len(stmt.lvalues) == 1:
            mid = _local(stmt.lvalues[0])
            if mid is not None and mid not in bounds and _is_middle(stmt.rvalue, lo, hi):
                found[id(stmt)] = bounds
    return found


def _loop_bounds(cond: Expression) -> tuple[Var, Var] | None:
    if not (
        isinstance(cond, ComparisonExpr)
        and len(cond.operators) == 1
        and cond.operators[0] in ("<", "<=")
    ):
        return None
    lo, hi = (_local(o) for o in cond.operands)
    return (lo, hi) if lo is not None and hi is not None and lo is not hi else None


def _is_middle(value: Expression, lo: Var, hi: Var) -> bool:
    """`(lo + hi) // 2`, `(lo + hi + 1) // 2` or `lo + (hi - lo) // 2`: at least lo (and
    every part of it non-negative) when 0 <= lo <= hi."""
    if not (isinstance(value, OpExpr) and value.op in ("//", "+")):
        return False
    if value.op == "//":
        total = value.left
        if isinstance(total, OpExpr) and total.op == "+" and _is_one(total.right):
            total = total.left  # `(lo + hi + 1) // 2`, the upper middle
        return _is_two(value.right) and _is_op(total, "+", lo, hi)
    half = value.right
    return (
        _local(value.left) is lo
        and isinstance(half, OpExpr)
        and half.op == "//"
        and _is_two(half.right)
        and _is_op(half.left, "-", hi, lo)
    )


def _is_two(node: Expression) -> bool:
    return isinstance(node, IntExpr) and node.value == 2


def _is_one(node: Expression) -> bool:
    return isinstance(node, IntExpr) and node.value == 1


def _is_op(node: Expression, op: str, left: Var, right: Var) -> bool:
    return (
        isinstance(node, OpExpr)
        and node.op == op
        and _local(node.left) is left
        and _local(node.right) is right
    )


def _binds_any(stmt: Statement | Block, names: tuple[Var, ...]) -> bool:
    bound = _collect(nodes(stmt), {}).bindings
    return any(var in bound for var in names)
