"""Mutation and ownership analysis: which parameters are mutated in place (`&mut`), which
are rebound (a private owned copy), which locals need `mut`, and which methods mutate self.

Works on mypy's tree, to a fixpoint over calls between the module's functions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    DelStmt,
    Expression,
    ForStmt,
    FuncDef,
    IndexExpr,
    ListExpr,
    Lvalue,
    MemberExpr,
    MypyFile,
    NameExpr,
    NonlocalDecl,
    OperatorAssignmentStmt,
    SliceExpr,
    StarExpr,
    Statement,
    TupleExpr,
    WhileStmt,
)
from mypy.types import Instance, Type, get_proper_type

from backend.transpiler.analyze.walk import Walker
from backend.transpiler.operations import LIST_OPERATIONS

# Methods that change their receiver in place, by receiver family; adding one is one entry.
MUTATING_METHODS = frozenset(
    {
        # list: backend/transpiler/operations.py
        *LIST_OPERATIONS.mutating_names(),
        # dict
        "setdefault", "update", "popitem",
        # set
        "add", "discard", "difference_update", "intersection_update",
        "symmetric_difference_update",
        # deque
        "appendleft", "popleft", "extendleft", "rotate",
        # text streams (io.StringIO)
        "write",
    }
)  # fmt: skip

# Module functions that mutate their first argument.
MUTATING_FUNCTIONS = frozenset(
    {
        "heapq.heappush",
        "heapq.heappop",
        "heapq.heapify",
        "heapq.heappushpop",
        "heapq.heapreplace",
        "bisect.insort",
        "bisect.insort_left",
        "bisect.insort_right",
        "random.shuffle",
        # what `from heapq import heappush` / `from bisect import insort` bind
        "_heapq.heappush",
        "_heapq.heappop",
        "_heapq.heapify",
        "_heapq.heappushpop",
        "_heapq.heapreplace",
        "_bisect.insort",
        "_bisect.insort_left",
        "_bisect.insort_right",
        "builtins.next",  # advances an iterator held in a variable
    }
)


@dataclass
class FunctionFacts:
    """What the body of one function does to its names."""

    params: list[str]
    mutated: set[str] = field(default_factory=set)  # mutated in place (root names)
    assigned: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    assigned_in_loop: set[str] = field(default_factory=set)
    # calls whose arguments may be mutated by the callee: (callee fullname, arg index, root)
    passes: list[tuple[str, int, str]] = field(default_factory=list)
    # method calls on a root: (method fullname, root)
    method_calls: list[tuple[str, str]] = field(default_factory=list)
    # changed through an attribute, an item or a method, not rebound: objects shared with
    # a container (`for p in people: p.age += 1` changes `people`)
    mutated_in_place: set[str] = field(default_factory=set)
    loop_links: list[tuple[str, str]] = field(default_factory=list)  # (loop target, iterable root)

    def mutates_param(self, name: str) -> bool:
        return name in self.mutated

    def rebinds(self, name: str) -> bool:
        return self.assigned.get(name, 0) > 0

    def needs_mut(self, name: str) -> bool:
        return (
            name in self.mutated or self.assigned.get(name, 0) > 1 or name in self.assigned_in_loop
        )


def _looked_up_root(expr: Expression) -> str | None:
    """The variable behind `xs[i]`, `obj.attr`, `d.get(k)` (an object stored there)."""
    if (
        isinstance(expr, CallExpr)
        and isinstance(expr.callee, MemberExpr)
        and expr.callee.name == "get"
    ):
        expr = expr.callee.expr
    elif not isinstance(expr, IndexExpr | MemberExpr):
        return None
    if isinstance(expr, IndexExpr) and isinstance(expr.index, SliceExpr):
        return None  # `xs[:]` is a new list, not an object stored in `xs`
    return root_name(expr)


def root_name(expr: Expression) -> str | None:
    """`x` for `x`, `x.a.b`, `x[i][j]`, `x.a[i]`."""
    while isinstance(expr, MemberExpr | IndexExpr):
        expr = expr.expr if isinstance(expr, MemberExpr) else expr.base
    return expr.name if isinstance(expr, NameExpr) else None


class _FactCollector(Walker):
    def __init__(
        self, facts: FunctionFacts, types: Mapping[Expression, Type] | None = None
    ) -> None:
        self.facts = facts
        self.loop_depth = 0
        # (key, dict) of enclosing `for key in d:` loops: `d[key]` is there, nothing inserted
        self.key_loops: list[tuple[str, str | None]] = []
        self.types = types  # mypy's: resolves the class of a receiver such as `xs[0]`

    # nested functions and lambdas are analysed on their own; what a nested def writes of
    # the variables it captures (`nonlocal`, in-place changes) is a write here too
    def visit_FuncDef(self, o: FuncDef) -> None:
        rebound = nonlocal_names(o)
        for name in written_captures(o):
            self.facts.mutated.add(name)
            if name in rebound:
                self.facts.assigned[name] += 1

    def visit_LambdaExpr(self, o: object) -> None:
        return

    def _bind(self, lv: Lvalue) -> None:
        if isinstance(lv, NameExpr):
            self.facts.assigned[lv.name] += 1
            if self.loop_depth:
                self.facts.assigned_in_loop.add(lv.name)
        elif isinstance(lv, TupleExpr | ListExpr):
            for item in lv.items:
                self._bind(item)
        elif isinstance(lv, StarExpr):
            self._bind(lv.expr)
        elif isinstance(lv, MemberExpr | IndexExpr):
            root = root_name(lv)
            if root:
                self.facts.mutated.add(root)
                self.facts.mutated_in_place.add(root)

    def visit_AssignmentStmt(self, o: AssignmentStmt) -> None:
        for lv in o.lvalues:
            self._bind(lv)
        alias_root = _looked_up_root(o.rvalue)
        if len(o.lvalues) == 1 and isinstance(o.lvalues[0], NameExpr) and alias_root:
            # `item = self.items[k]` names the stored object: changing it changes the owner
            self.facts.loop_links.append((o.lvalues[0].name, alias_root))
        self.generic(o)

    def visit_OperatorAssignmentStmt(self, o: OperatorAssignmentStmt) -> None:
        if isinstance(o.lvalue, NameExpr):
            # `xs += [..]` on a list is in place; on immutables it rebinds: both need `mut`
            self.facts.mutated.add(o.lvalue.name)
            self.facts.assigned[o.lvalue.name] += 1
        else:
            self._bind(o.lvalue)
        self.generic(o)

    def visit_DelStmt(self, o: DelStmt) -> None:
        root = root_name(o.expr)
        if root:
            self.facts.mutated.add(root)
        self.generic(o)

    def visit_ForStmt(self, o: ForStmt) -> None:
        # the loop target is bound by the `for` pattern itself: not a reassignment
        if isinstance(o.expr, NameExpr) and _is_iterator_var(o.expr):
            self.facts.mutated.add(o.expr.name)  # iterated with `.by_ref()`: stays usable
        self.visit(o.expr)
        root = root_name(o.expr)
        if isinstance(o.index, NameExpr) and root:
            self.facts.loop_links.append((o.index.name, root))
        key_loop = isinstance(o.index, NameExpr) and isinstance(o.expr, NameExpr)
        if isinstance(o.index, NameExpr) and isinstance(o.expr, NameExpr):
            self.key_loops.append((o.index.name, root))
        self.loop_depth += 1
        self.visit(o.body)
        self.loop_depth -= 1
        if key_loop:
            self.key_loops.pop()
        self.visit(o.else_body)

    def visit_WhileStmt(self, o: WhileStmt) -> None:
        self.visit(o.expr)
        self.loop_depth += 1
        self.visit(o.body)
        self.loop_depth -= 1
        self.visit(o.else_body)

    def visit_IndexExpr(self, o: IndexExpr) -> None:
        # reading `d[k]` of a defaultdict inserts the default for a missing key
        root = root_name(o.base)
        present = isinstance(o.index, NameExpr) and (o.index.name, root) in self.key_loops
        if root and _is_defaultdict(o.base) and not present:
            self.facts.mutated.add(root)
            self.facts.mutated_in_place.add(root)
        self.generic(o)

    def visit_CallExpr(self, o: CallExpr) -> None:
        callee = o.callee
        if isinstance(callee, NameExpr) and callee.fullname == "builtins.print":
            for arg_name, arg in zip(o.arg_names, o.args, strict=True):
                root = root_name(arg) if arg_name == "file" else None
                if root:  # `print(..., file=stream)` writes into the stream
                    self.facts.mutated.add(root)
                    self.facts.mutated_in_place.add(root)
        if isinstance(callee, MemberExpr):
            root = root_name(callee.expr)
            if root:
                if callee.name in MUTATING_METHODS:
                    self.facts.mutated.add(root)
                    self.facts.mutated_in_place.add(root)
                fullname = _method_fullname(callee, self.types)
                if fullname:
                    self.facts.method_calls.append((fullname, root))
        if isinstance(callee, NameExpr | MemberExpr):
            fullname = callee.fullname if isinstance(callee, NameExpr) else _member_fullname(callee)
            if isinstance(callee, MemberExpr):
                # `obj.method(xs)`: the method of the receiver's class may change `xs`
                fullname = _method_fullname(callee, self.types) or fullname
            for index, arg in enumerate(o.args):
                root = root_name(arg)
                if root and fullname:
                    if fullname in MUTATING_FUNCTIONS and index == 0:
                        self.facts.mutated.add(root)
                    self.facts.passes.append((fullname, index, root))
        self.generic(o)


def _is_iterator_var(expr: NameExpr) -> bool:
    """A variable holding a one-shot iterator (generator object, `Iterator[T]` parameter)."""
    typ = getattr(expr.node, "type", None)
    info = getattr(get_proper_type(typ), "type", None) if typ is not None else None
    return getattr(info, "fullname", "") in ITERATOR_CLASSES


def _is_defaultdict(expr: Expression) -> bool:
    typ = getattr(getattr(expr, "node", None), "type", None)
    info = getattr(get_proper_type(typ), "type", None) if typ is not None else None
    return getattr(info, "fullname", "") == "collections.defaultdict"


ITERATOR_CLASSES = frozenset({"typing.Iterator", "typing.Generator", "typing.Iterable"})


def _member_fullname(expr: MemberExpr) -> str | None:
    if isinstance(expr.expr, NameExpr) and expr.expr.fullname:
        return f"{expr.expr.fullname}.{expr.name}"
    return expr.fullname or None


def _method_fullname(
    expr: MemberExpr, types: Mapping[Expression, Type] | None = None
) -> str | None:
    """`module.Class.method` of a call on an instance, when mypy resolved the receiver."""
    module = isinstance(expr.expr, NameExpr) and isinstance(expr.expr.node, MypyFile)
    receiver = get_proper_type(types.get(expr.expr)) if types is not None else None
    if isinstance(receiver, Instance) and not module:  # (`heapq.heappush` is no method)
        return f"{receiver.type.fullname}.{expr.name}"
    node = expr.expr
    typ = getattr(getattr(node, "node", None), "type", None)
    info = getattr(typ, "type", None)
    if info is not None and hasattr(info, "fullname"):
        return f"{info.fullname}.{expr.name}"
    return None


def nonlocal_names(fn: FuncDef) -> set[str]:
    """The names a def declares `nonlocal` (not those of deeper defs)."""
    found: set[str] = set()

    class Finder(Walker):
        def visit_NonlocalDecl(self, o: NonlocalDecl) -> None:
            found.update(o.names)

        def visit_FuncDef(self, o: FuncDef) -> None:
            return

    Finder().visit_all(fn.body.body)
    return found


def own_locals(fn: FuncDef, facts: FunctionFacts) -> set[str]:
    """Names local to a def: its parameters and what it assigns without `nonlocal`."""
    assigned = {name for name, count in facts.assigned.items() if count}
    return set(facts.params) | (assigned - nonlocal_names(fn))


def loop_targets(fn: FuncDef) -> set[str]:
    """Names a def binds as `for` targets (not those of deeper defs): its own locals too."""
    found: set[str] = set()

    class Finder(Walker):
        def visit_ForStmt(self, o: ForStmt) -> None:
            targets = [o.index]
            while targets:
                t = targets.pop()
                if isinstance(t, NameExpr):
                    found.add(t.name)
                elif isinstance(t, TupleExpr | ListExpr):
                    targets.extend(t.items)
            self.generic(o)

        def visit_FuncDef(self, o: FuncDef) -> None:
            return

    Finder().visit_all(fn.body.body)
    return found - nonlocal_names(fn)


def rebound_names(stmts: list[Statement]) -> set[str]:
    """Names that `stmts` rebind (assignment, augmented assignment, a nested loop's target,
    a nested def's `nonlocal` write): a loop variable among them needs `mut`."""
    facts = FunctionFacts([])
    _FactCollector(facts).visit_all(stmts)
    found = {name for name, count in facts.assigned.items() if count}

    class Targets(Walker):
        def visit_ForStmt(self, o: ForStmt) -> None:
            found.update(_names_in(o.index))
            self.generic(o)

        def visit_FuncDef(self, o: FuncDef) -> None:
            return

    Targets().visit_all(stmts)
    return found


def _names_in(target: Expression) -> list[str]:
    if isinstance(target, NameExpr):
        return [target.name]
    if isinstance(target, TupleExpr | ListExpr):
        return [n for item in target.items for n in _names_in(item)]
    if isinstance(target, StarExpr):
        return _names_in(target.expr)
    return []


def written_captures(fn: FuncDef, facts: FunctionFacts | None = None) -> set[str]:
    """Outer variables a nested def rebinds (`nonlocal`) or changes in place."""
    facts = facts or collect_facts(fn)
    rebound = {n for n in nonlocal_names(fn) if facts.assigned.get(n, 0) or n in facts.mutated}
    return rebound | (facts.mutated - own_locals(fn, facts))


def collect_facts(fn: FuncDef, types: Mapping[Expression, Type] | None = None) -> FunctionFacts:
    facts = FunctionFacts([arg.variable.name for arg in fn.arguments])
    collector = _FactCollector(facts, types)
    collector.visit_all(fn.body.body)
    return facts


def _is_int(typ: object) -> bool:
    proper = get_proper_type(typ) if isinstance(typ, Type) else None
    return isinstance(proper, Instance) and proper.type.fullname == "builtins.int"


class MutationAnalysis:
    """Facts for every function and method of the module, closed over calls."""

    def __init__(
        self,
        functions: dict[str, FuncDef],
        overrides: Mapping[str, list[str]] | None = None,
        types: Mapping[Expression, Type] | None = None,
    ) -> None:
        self.functions = functions  # fullname -> def
        self.facts = {name: collect_facts(fn, types) for name, fn in functions.items()}
        # a call of a method may run any override of it (dynamic dispatch)
        self.overrides = overrides or {}
        self._propagate()

    def _dispatched(self, callee: str) -> list[str]:
        return [callee, *self.overrides.get(callee, [])]

    def mutated_param_indexes(self, fullname: str) -> set[int]:
        """The positions (self first, for a method) of the parameters `fullname` changes."""
        return self._mutated_param_indexes(fullname)

    def _mutated_param_indexes(self, fullname: str) -> set[int]:
        facts = self.facts.get(fullname)
        if facts is None:
            return set()
        fn = self.functions.get(fullname)
        # `n //= 10` on an int parameter rebinds it: the caller's value never changes
        ints = {a.variable.name for a in fn.arguments if _is_int(a.variable.type)} if fn else set()
        return {i for i, p in enumerate(facts.params) if p in facts.mutated and p not in ints}

    def _propagate(self) -> None:
        changed = True
        while changed:
            changed = False
            for facts in self.facts.values():
                for called, index, root in facts.passes:
                    for callee in self._dispatched(called):
                        callee_facts = self.facts.get(callee)
                        if callee_facts is None:
                            continue
                        # a bound method's params start with self: calls pass args after it
                        offset = 1 if callee_facts.params[:1] == ["self"] and "." in callee else 0
                        offset = 0 if callee.endswith(".__init__") else offset
                        if (index + offset) in self._mutated_param_indexes(callee):
                            facts.mutated_in_place.add(root)
                            if root not in facts.mutated:
                                facts.mutated.add(root)
                                changed = True
                for called_method, root in facts.method_calls:
                    mutating = [self.facts.get(m) for m in self._dispatched(called_method)]
                    if any(f is not None and "self" in f.mutated for f in mutating):
                        facts.mutated_in_place.add(root)
                        if root not in facts.mutated:
                            facts.mutated.add(root)
                            changed = True
                for target, root in facts.loop_links:
                    if target in facts.mutated_in_place and root not in facts.mutated:
                        facts.mutated.add(root)
                        facts.mutated_in_place.add(root)
                        changed = True

    def of(self, fullname: str) -> FunctionFacts | None:
        return self.facts.get(fullname)
