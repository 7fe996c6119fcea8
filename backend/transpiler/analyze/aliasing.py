"""Aliased mutable objects: where one Python object is reachable through two names (or a
name and a container) and is then changed, the translation would be silently wrong.

Portalis gives Rust values one owner: `b = a`, `store.append(picked)`, `pair = [a, a]`
copy (or move) the object. That is exact as long as nothing changes it afterwards; once
it changes through one path, Python shows the change through the other and the copy does
not. Shared classes (`Rc<RefCell<..>>`, lower/class_links.py) alias correctly and are not
reported.

The walk is flow-sensitive over one function's statements, in order: an alias event
(`b = a`, storing a name into a container, attribute or display) marks the names; binding
a name afresh (`row = []`) clears it; a loop body is walked twice (its second pass sees
what the first one aliased); the branches of an `if`/`try` are walked from the same state
and joined. A change of a marked name (a mutating method, an item or attribute store,
`op=` on an item, an argument a module function changes) is reported, as is a change
through an element of a container that received one (`items[0].x = 9`).
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import (
    AssignmentStmt,
    Block,
    CallExpr,
    DelStmt,
    DictExpr,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    IfStmt,
    IndexExpr,
    ListExpr,
    MemberExpr,
    NameExpr,
    OperatorAssignmentStmt,
    ReturnStmt,
    SetExpr,
    Statement,
    TryStmt,
    TupleExpr,
    WhileStmt,
    WithStmt,
)
from mypy.types import Instance, Type, get_proper_type

from backend.transpiler.analyze.mutation import MUTATING_METHODS

_MUTABLE_BUILTINS = frozenset(
    {
        "builtins.list",
        "builtins.dict",
        "builtins.set",
        "builtins.bytearray",
        "collections.deque",
        "collections.defaultdict",
        "collections.OrderedDict",
        "collections.Counter",
    }
)
_STORING_METHODS = frozenset({"append", "appendleft", "add", "insert", "setdefault"})

# (statement, the name changed) for each change of an aliased object
Finding = tuple[Statement, str]


Path = tuple[str, ...]  # `self.slots[k]` is ("self", ".slots", "[]")


class AliasedChanges:
    """Walks one function; `findings` lists each statement that changes an aliased object.

    The state is the set of paths whose object is also reachable another way: a name
    (`("picked",)`) or where a container keeps it (`("store", "[]")`). A change to the
    object at a path that one of them prefixes is a finding."""

    State = frozenset[Path]

    def __init__(
        self,
        type_of: Callable[[Expression], Type | None],
        shares_safely: Callable[[str], bool],
        mutated_params: Callable[[str], set[int]],
        unified: dict[str, str],
    ) -> None:
        self._type_of = type_of
        self._shares_safely = shares_safely  # a class fullname whose objects are shared
        self._mutated_params = mutated_params  # callee fullname -> indexes it changes
        self._unified = unified  # `alias = source` lowered as one variable (declarations.py)
        self.findings: list[Finding] = []

    def run(self, fn: FuncDef) -> list[Finding]:
        self._block(fn.body.body, frozenset())
        return self.findings

    def _block(self, stmts: list[Statement], state: State) -> State:
        for stmt in stmts:
            state = self._statement(stmt, state)
        return state

    def _statement(self, stmt: Statement, state: State) -> State:
        if isinstance(stmt, IfStmt):
            out = state
            for body in stmt.body:
                out = out | self._block(body.body, state)
            if stmt.else_body is not None:
                out = out | self._block(stmt.else_body.body, state)
            return out
        if isinstance(stmt, WhileStmt | ForStmt):
            if isinstance(stmt, ForStmt):
                state = _forget(state, _names(stmt.index))
            once = self._block(stmt.body.body, state)
            twice = self._block(stmt.body.body, state | once)
            out = state | twice
            if stmt.else_body is not None:
                out = self._block(stmt.else_body.body, out)
            return out
        if isinstance(stmt, TryStmt):
            out = self._block(stmt.body.body, state)
            for handler in stmt.handlers:
                out = out | self._block(handler.body, state)
            if stmt.else_body is not None:
                out = self._block(stmt.else_body.body, out)
            if stmt.finally_body is not None:
                # `try: return out` / `finally: out.append(..)`: the caller gets the object
                # the `finally` then changes
                returned = self._returned_names([stmt.body, *stmt.handlers])
                out = self._block(stmt.finally_body.body, out | {(n,) for n in returned})
            return out
        if isinstance(stmt, WithStmt):
            return self._block(stmt.body.body, state)
        if isinstance(stmt, Block):
            return self._block(stmt.body, state)
        self._changes(stmt, state)
        return self._aliases(stmt, state)

    def _returned_names(self, blocks: list[Block]) -> frozenset[str]:
        found: set[str] = set()
        pending: list[Statement] = [s for b in blocks for s in b.body]
        while pending:
            stmt = pending.pop()
            returned = stmt.expr if isinstance(stmt, ReturnStmt) else None
            if isinstance(returned, NameExpr) and self._mutable(returned):
                found.add(returned.name)
            for attr in ("body", "else_body", "handlers"):
                value = getattr(stmt, attr, None)
                blocks_here = value if isinstance(value, list) else [value]
                for block in blocks_here:
                    if isinstance(block, Block):
                        pending.extend(block.body)
        return frozenset(found)

    # ---- what a simple statement aliases ----

    def _aliases(self, stmt: Statement, state: State) -> State:
        paths = set(state)
        if isinstance(stmt, AssignmentStmt):
            targets = [t for lv in stmt.lvalues for t in _names(lv)]
            value = stmt.rvalue
            paths = set(_forget(frozenset(paths), targets))  # bound afresh
            unified = all(self._unified.get(t) == getattr(value, "name", None) for t in targets)
            if isinstance(value, NameExpr) and self._mutable(value) and not unified:
                paths |= {(value.name,), *((t,) for t in targets)}  # two names, one object
            for name in self._displayed_names(value):
                paths |= {(name,), *((t, "[]") for t in targets)}
            for lv in stmt.lvalues:
                holder = _path(lv)
                if holder is not None and len(holder) > 1 and self._is_mutable_name(value):
                    assert isinstance(value, NameExpr)
                    paths |= {(value.name,), holder}  # `d[k] = v`, `o.f = v`
        elif isinstance(stmt, ExpressionStmt) and isinstance(stmt.expr, CallExpr):
            call = stmt.expr
            callee = call.callee
            if isinstance(callee, MemberExpr) and callee.name in _STORING_METHODS and call.args:
                item = call.args[-1]
                container = _path(callee.expr)
                if self._is_mutable_name(item) and container is not None:
                    assert isinstance(item, NameExpr)
                    paths |= {(item.name,), (*container, "[]")}
        return frozenset(paths)

    def _displayed_names(self, value: Expression) -> set[str]:
        """Mutable names placed in a list/tuple/set/dict display (`[a, a]`, `(row, n)`)."""
        if isinstance(value, ListExpr | TupleExpr | SetExpr):
            items = value.items
        elif isinstance(value, DictExpr):
            items = [v for _, v in value.items]
        else:
            return set()
        found: set[str] = set()
        for item in items:
            if self._is_mutable_name(item):
                assert isinstance(item, NameExpr)
                found.add(item.name)
            else:
                found |= self._displayed_names(item)
        return found

    # ---- what a simple statement changes ----

    def _changes(self, stmt: Statement, state: State) -> None:
        for changed in self._changed_objects(stmt):
            for stored in state:
                if changed[: len(stored)] == stored:
                    self.findings.append((stmt, changed[0]))
                    return

    def _changed_objects(self, stmt: Statement) -> list[Path]:
        """The path of each object the statement changes in place."""
        places: list[Expression] = []
        if isinstance(stmt, AssignmentStmt):
            places = [
                _container(lv) for lv in stmt.lvalues if isinstance(lv, IndexExpr | MemberExpr)
            ]
        elif isinstance(stmt, OperatorAssignmentStmt):
            lv = stmt.lvalue
            if isinstance(lv, IndexExpr | MemberExpr):
                places = [_container(lv)]
            elif isinstance(lv, NameExpr) and self._mutable(lv):
                places = [lv]  # `xs += [..]` extends the list in place
        elif isinstance(stmt, DelStmt) and isinstance(stmt.expr, IndexExpr | MemberExpr):
            places = [_container(stmt.expr)]
        elif isinstance(stmt, ExpressionStmt) and isinstance(stmt.expr, CallExpr):
            places = self._call_changes(stmt.expr)
        return [p for p in (_path(place) for place in places) if p is not None]

    def _call_changes(self, call: CallExpr) -> list[Expression]:
        out: list[Expression] = []
        callee = call.callee
        if isinstance(callee, MemberExpr) and (
            callee.name in MUTATING_METHODS or self._user_method(callee)
        ):
            out.append(callee.expr)
        if isinstance(callee, NameExpr) and callee.fullname:
            for index in self._mutated_params(callee.fullname):
                if index < len(call.args):
                    out.append(call.args[index])
        return out

    def _user_method(self, callee: MemberExpr) -> bool:
        """A method of a module class that changes its object."""
        typ = get_proper_type(self._type_of(callee.expr))
        if not isinstance(typ, Instance) or self._shares_safely(typ.type.fullname):
            return False
        return 0 in self._mutated_params(f"{typ.type.fullname}.{callee.name}")

    # ---- types ----

    def _is_mutable_name(self, node: Expression) -> bool:
        return isinstance(node, NameExpr) and self._mutable(node)

    def _mutable(self, node: Expression) -> bool:
        typ = get_proper_type(self._type_of(node))
        if not isinstance(typ, Instance):
            return False
        name = typ.type.fullname
        if name in _MUTABLE_BUILTINS:
            return True
        if name.startswith("builtins.") or typ.type.is_enum or typ.type.is_named_tuple:
            return False
        return not self._shares_safely(name) and not name.startswith(("typing.", "collections."))


def _forget(state: frozenset[Path], names: list[str]) -> frozenset[Path]:
    return frozenset(p for p in state if p[0] not in names)


def _names(target: Expression) -> list[str]:
    if isinstance(target, NameExpr):
        return [target.name]
    if isinstance(target, TupleExpr | ListExpr):
        return [n for item in target.items for n in _names(item)]
    return []


def _container(place: IndexExpr | MemberExpr) -> Expression:
    """The object `place = v` changes: `d` of `d[k]`, `o` of `o.f`."""
    return place.base if isinstance(place, IndexExpr) else place.expr


def _path(place: Expression) -> Path | None:
    steps: list[str] = []
    while isinstance(place, IndexExpr | MemberExpr):
        if isinstance(place, IndexExpr):
            steps.append("[]")
            place = place.base
        else:
            steps.append(f".{place.name}")
            place = place.expr
    if not isinstance(place, NameExpr):
        return None
    return (place.name, *reversed(steps))
