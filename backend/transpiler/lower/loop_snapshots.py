"""`for v in graph[u]:` whose body changes `graph` (a defaultdict read inserts a key; a
recursive call takes the dict `&mut`): Rust cannot borrow the list out of the dict for the
whole loop while the body borrows the dict mutably, so the loop iterates over a copy.

Python iterates over the list object itself, so a copy is exact only if nothing the loop
runs changes a list in place that could be that object. This module decides that from the
static types: it walks the loop body and every function it can reach (calls by name,
methods resolved by mypy, every method of a module class whose instance appears, functions
used as values) and looks at every in-place change (`xs.append(..)`, `xs[i] = ..`,
`del xs[i]`, `xs += ..`, `heapq.heappush(xs, ..)`). Changing a dict, a set or an object's
attribute never changes a list object; changing a `list[E]` of the iterated element type
(or of a type that could be one: `Any`, a protocol, a type variable) does, and so does a
call the walk cannot follow (a `Callable` value): then the loop is not copied.
"""

from __future__ import annotations

from collections.abc import Mapping

from mypy.nodes import (
    AssignmentStmt,
    BreakStmt,
    CallExpr,
    Decorator,
    DelStmt,
    Expression,
    ForStmt,
    FuncDef,
    IndexExpr,
    LambdaExpr,
    MemberExpr,
    NameExpr,
    Node,
    OperatorAssignmentStmt,
    OverloadedFuncDef,
    RefExpr,
    SliceExpr,
    Statement,
    TypeInfo,
    Var,
    WhileStmt,
)
from mypy.types import (
    AnyType,
    Instance,
    NoneType,
    TupleType,
    Type,
    UnionType,
    get_proper_type,
)

from backend.transpiler.analyze.mutation import MUTATING_FUNCTIONS, MUTATING_METHODS, root_name
from backend.transpiler.analyze.walk import Walker

# classes whose in-place changes never change a list object they may hold
_NOT_LISTS = frozenset(
    {
        "builtins.dict", "builtins.set", "builtins.frozenset", "builtins.str", "builtins.bytes",
        "builtins.int", "builtins.float", "builtins.bool", "builtins.tuple",
        "collections.defaultdict", "collections.OrderedDict", "collections.Counter",
        "collections.deque",
    }
)  # fmt: skip


def iterated_list_type(types: Mapping[Expression, Type], stmt: ForStmt) -> Instance | None:
    """The `list[E]` a `for` iterates when its iterable is an item of a container
    (`graph[u]`, `rows[i]`): the loops a copy may be needed for."""
    expr = stmt.expr
    if not isinstance(expr, IndexExpr) or isinstance(expr.index, SliceExpr):
        return None
    typ = get_proper_type(types.get(expr))
    if isinstance(typ, Instance) and typ.type.fullname == "builtins.list":
        return typ
    return None


_IMMUTABLE = frozenset(
    {"builtins.int", "builtins.float", "builtins.bool", "builtins.str", "builtins.bytes"}
)


def immutable_items(listed: Instance) -> bool:
    """Items a copy may duplicate: Python shares them with the list, so a changed item (a
    list of lists) would be lost in the copy; ints, floats, strings cannot change."""
    item = get_proper_type(listed.args[0]) if listed.args else None
    if isinstance(item, TupleType):
        return all(_immutable(t) for t in item.items)
    return _immutable(item)


def _immutable(typ: Type | None) -> bool:
    proper = get_proper_type(typ) if typ is not None else None
    return isinstance(proper, Instance) and proper.type.fullname in _IMMUTABLE


def body_reaches_container(stmt: ForStmt) -> bool:
    """The body names the container (`graph`) or calls a function that may use it: where
    the borrow of the list would conflict; elsewhere the loop borrows, without a copy."""
    root = root_name(stmt.expr)
    found = False

    class Finder(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            nonlocal found
            found = found or o.name == root or isinstance(o.node, FuncDef | Decorator)

    Finder().visit_all(stmt.body.body)
    return found


def key_copy_is_exact(types: Mapping[Expression, Type], stmt: ForStmt) -> bool:
    """`for k in d:` whose body may insert keys (a defaultdict read): the loop can go over a
    copy of the keys and check the size before each next key, as CPython does, raising
    RuntimeError("dictionary changed size during iteration"), provided the size check is
    enough: nothing the loop reaches removes keys (CPython's "keys changed" case needs an
    insertion and a removal), the keys are immutable, and no `break`/`else` (CPython checks
    on every `next()`, also the last, which a `break` skips)."""
    typ = get_proper_type(types.get(stmt.expr))
    if not (isinstance(typ, Instance) and typ.type.fullname in _DICTS and typ.args):
        return False
    if stmt.else_body is not None or _breaks(stmt.body.body) or not _immutable(typ.args[0]):
        return False
    scan = _RemovalScan(types)
    scan.visit_all(stmt.body.body)
    while scan.pending and not scan.unsafe:
        scan.visit_all(scan.pending.pop().body.body)
    return not scan.unsafe


_DICTS = frozenset({"builtins.dict", "collections.defaultdict", "collections.OrderedDict"})


def _breaks(body: list[Statement]) -> bool:
    """A `break` of this loop (not of a nested one)."""
    found = False

    class Finder(Walker):
        def visit_BreakStmt(self, o: BreakStmt) -> None:
            nonlocal found
            found = True

        def visit_ForStmt(self, o: ForStmt) -> None:
            self.visit(o.else_body)

        def visit_WhileStmt(self, o: WhileStmt) -> None:
            self.visit(o.else_body)

        def visit_FuncDef(self, o: FuncDef) -> None:
            return

    Finder().visit_all(body)
    return found


def copy_is_exact(types: Mapping[Expression, Type], stmt: ForStmt, listed: Instance) -> bool:
    """Nothing the loop body runs changes, in place, a list that could be the iterated one."""
    scan = _ChangeScan(types, listed)
    scan.visit_all(stmt.body.body)
    while scan.pending and not scan.unsafe:
        fn = scan.pending.pop()
        scan.visit_all(fn.body.body)
    return not scan.unsafe


class _ChangeScan(Walker):
    def __init__(self, types: Mapping[Expression, Type], listed: Instance | None) -> None:
        self.types = types
        self.listed = listed
        self.unsafe = False
        self.pending: list[FuncDef] = []
        self.seen: set[int] = set()
        self.classes: set[str] = set()

    # ---- reaching other code ----

    def _reach(self, node: Node | None) -> None:
        if isinstance(node, Decorator):
            node = node.func
        if isinstance(node, OverloadedFuncDef):
            node = node.impl.func if isinstance(node.impl, Decorator) else node.impl
        if isinstance(node, FuncDef) and id(node) not in self.seen:
            self.seen.add(id(node))
            self.pending.append(node)

    def _reach_class(self, info: TypeInfo) -> None:
        for klass in info.mro:
            if klass.fullname in self.classes or klass.module_name in ("builtins", "typing"):
                continue
            self.classes.add(klass.fullname)
            for symbol in klass.names.values():
                self._reach(symbol.node)

    def visit_NameExpr(self, o: NameExpr) -> None:
        self._reach(o.node)  # a call, or a function passed as a value (`key=f`)
        if isinstance(o.node, TypeInfo):
            self._reach_class(o.node)  # `C(..)` runs `C.__init__`
        self._note_instance(o)

    def visit_MemberExpr(self, o: MemberExpr) -> None:
        receiver = get_proper_type(self.types.get(o.expr))
        if isinstance(receiver, Instance):
            self._reach(receiver.type.get_method(o.name))
        self._note_instance(o)
        self.generic(o)

    def _note_instance(self, o: Expression) -> None:
        """An instance of a module class: its dunders may run implicitly (`obj[i] = v`)."""
        typ = get_proper_type(self.types.get(o))
        if isinstance(typ, Instance) and typ.type.fullname not in _NOT_LISTS:
            self._reach_class(typ.type)

    def visit_CallExpr(self, o: CallExpr) -> None:
        callee = o.callee
        if isinstance(callee, RefExpr) and callee.fullname in MUTATING_FUNCTIONS and o.args:
            self._changes(o.args[0])
        if isinstance(callee, MemberExpr):
            if callee.name in MUTATING_METHODS:
                self._changes(callee.expr)
            receiver = get_proper_type(self.types.get(callee.expr))
            if isinstance(receiver, Instance) and receiver.type.get_method(callee.name) is None:
                self.unsafe = True  # a `Callable` attribute: any function
        elif isinstance(callee, NameExpr):
            if isinstance(callee.node, Var):
                self.unsafe = True  # a `Callable` variable or parameter: any function
        elif not isinstance(callee, LambdaExpr):
            self.unsafe = True  # `handlers[k](x)`: a call the walk cannot follow
        self.generic(o)

    # ---- in-place changes ----

    def visit_AssignmentStmt(self, o: AssignmentStmt) -> None:
        for lv in o.lvalues:
            if isinstance(lv, IndexExpr):
                self._changes(lv.base)
        self.generic(o)

    def visit_OperatorAssignmentStmt(self, o: OperatorAssignmentStmt) -> None:
        lv = o.lvalue
        self._changes(lv.base if isinstance(lv, IndexExpr) else lv)  # `xs += [..]` in place
        self.generic(o)

    def visit_DelStmt(self, o: DelStmt) -> None:
        if isinstance(o.expr, IndexExpr):
            self._changes(o.expr.base)
        self.generic(o)

    def _changes(self, target: Expression) -> None:
        if self.listed is not None and _may_be_list(
            get_proper_type(self.types.get(target)), self.listed
        ):
            self.unsafe = True


class _RemovalScan(_ChangeScan):
    """Finds a removal of a key from a dict (`del d[k]`, `d.pop(k)`, `d.popitem()`,
    `d.clear()`) in the loop body and the code it reaches (or a call it cannot follow)."""

    def __init__(self, types: Mapping[Expression, Type]) -> None:
        super().__init__(types, None)

    def visit_DelStmt(self, o: DelStmt) -> None:
        if isinstance(o.expr, IndexExpr) and self._may_be_dict(o.expr.base):
            self.unsafe = True
        self.generic(o)

    def visit_CallExpr(self, o: CallExpr) -> None:
        callee = o.callee
        removes = isinstance(callee, MemberExpr) and callee.name in ("pop", "popitem", "clear")
        if removes and isinstance(callee, MemberExpr) and self._may_be_dict(callee.expr):
            self.unsafe = True
        super().visit_CallExpr(o)

    def _may_be_dict(self, node: Expression) -> bool:
        typ = get_proper_type(self.types.get(node))
        return not isinstance(typ, Instance) or typ.type.fullname not in _NOT_DICTS


_NOT_DICTS = frozenset({"builtins.list", "builtins.set", "collections.deque", "builtins.str"})


def _may_be_list(typ: Type | None, listed: Instance) -> bool:
    """Whether an object of this static type could be the iterated `list[E]`."""
    typ = get_proper_type(typ) if typ is not None else None
    if typ is None or isinstance(typ, AnyType):
        return True
    if isinstance(typ, NoneType):
        return False
    if isinstance(typ, UnionType):
        return any(_may_be_list(t, listed) for t in typ.items)
    if not isinstance(typ, Instance):
        return True
    name = typ.type.fullname
    if name == "builtins.list":
        return str(typ) == str(listed) or any(
            isinstance(get_proper_type(a), AnyType) for a in typ.args
        )
    if name in _NOT_LISTS:
        return False
    # a module class changed through `obj.attr = v` is not a list; a protocol may be one
    return typ.type.is_protocol or name.startswith(("typing.", "collections.abc."))
