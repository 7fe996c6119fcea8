"""Raising analysis: which functions can raise a Python exception that must become a
Rust `Result` (so that callers can propagate it with `?` or catch it in `except`).

A function returns `Result` when an exception can escape it: an explicit `raise`, or a call
to such a function, that no enclosing `try` of the same function handles. Implicit errors of
builtin operations (e.g. `int("x")` raising ValueError) count only where a handler somewhere
in the module catches that kind; elsewhere they stay panics (the program dies either way).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from mypy.nodes import (
    CallExpr,
    Expression,
    FuncDef,
    IndexExpr,
    MemberExpr,
    NameExpr,
    OpExpr,
    RaiseStmt,
    SliceExpr,
    StrExpr,
    TryStmt,
    TypeInfo,
)
from mypy.types import Instance, TupleType, Type, get_proper_type

from backend.transpiler.analyze.walk import Walker
from backend.transpiler.operations import LIST_OPERATIONS

# Built-in exception hierarchy (the part programs catch); child -> parent.
BUILTIN_PARENTS: dict[str, str] = {
    "Exception": "BaseException",
    "ArithmeticError": "Exception",
    "ZeroDivisionError": "ArithmeticError",
    "OverflowError": "ArithmeticError",
    "LookupError": "Exception",
    "IndexError": "LookupError",
    "KeyError": "LookupError",
    "ValueError": "Exception",
    "UnicodeError": "ValueError",
    "UnicodeDecodeError": "UnicodeError",
    "UnicodeEncodeError": "UnicodeError",
    "TypeError": "Exception",
    "RuntimeError": "Exception",
    "NotImplementedError": "RuntimeError",
    "RecursionError": "RuntimeError",
    "AssertionError": "Exception",
    "AttributeError": "Exception",
    "NameError": "Exception",
    "StopIteration": "Exception",
    "OSError": "Exception",
    "FileNotFoundError": "OSError",
    "PermissionError": "OSError",
    "TimeoutError": "OSError",
    "KeyboardInterrupt": "BaseException",
    "SystemExit": "BaseException",
}

# Builtin calls whose failure programs commonly catch: callee fullname -> kind.
IMPLICIT_CALL_KINDS: dict[str, str] = {
    "builtins.int": "ValueError",
    "builtins.float": "ValueError",
}


@dataclass
class Hierarchy:
    """Exception classes known in this module (user classes + builtins)."""

    parents: dict[str, str] = field(default_factory=lambda: dict(BUILTIN_PARENTS))

    def add_user_class(self, info: TypeInfo) -> None:
        for base in info.mro[1:]:
            self.parents.setdefault(info.name, base.name)
            break

    def ancestors(self, kind: str) -> list[str]:
        chain = [kind]
        while chain[-1] in self.parents:
            chain.append(self.parents[chain[-1]])
        return chain

    def subclasses(self, kind: str) -> list[str]:
        """Every known kind that an `except kind:` clause catches (kind first)."""
        names = {kind} | {k for k in self.parents if kind in self.ancestors(k)}
        return [kind, *sorted(names - {kind})]

    def catches(self, handler: str | None, kind: str) -> bool:
        return handler is None or handler in self.ancestors(kind)


def handler_names(stmt: TryStmt) -> list[str | None]:
    """The exception names each handler catches (None = bare except / BaseException)."""
    names: list[str | None] = []
    for typ in stmt.types:
        if typ is None:
            names.append(None)
        elif isinstance(typ, NameExpr | MemberExpr):
            names.append(None if typ.name == "BaseException" else typ.name)
        elif hasattr(typ, "items"):
            names.extend(
                i.name if isinstance(i, NameExpr | MemberExpr) else None for i in typ.items
            )
        else:
            names.append(None)
    return names


def raised_kind(stmt: RaiseStmt) -> str | None:
    expr = stmt.expr
    if isinstance(expr, CallExpr):
        expr = expr.callee
    if isinstance(expr, NameExpr | MemberExpr):
        return expr.name
    return None


class _SiteCollector(Walker):
    """Finds raise sites, calls and builtin operations that can fail, with the handlers
    around them."""

    def __init__(self, types: Mapping[Expression, Type] | None = None) -> None:
        self.types = types or {}
        self.handlers: list[list[str | None]] = []
        self.in_handler: list[list[str | None]] = []
        self.raises: list[tuple[str | None, list[list[str | None]]]] = []
        self.calls: list[tuple[str, list[list[str | None]]]] = []
        self.implicit: list[tuple[str, list[list[str | None]]]] = []
        self.caught: set[str | None] = set()

    def _implicit(self, kind: str | None) -> None:
        if kind is not None:
            self.implicit.append((kind, [list(h) for h in self.handlers]))

    def visit_IndexExpr(self, o: IndexExpr) -> None:
        self._implicit(implicit_index_kind(self.types, o))
        self.generic(o)

    def visit_OpExpr(self, o: OpExpr) -> None:
        self._implicit(implicit_op_kind(self.types, o))
        self.generic(o)

    def visit_FuncDef(self, o: FuncDef) -> None:
        return  # nested functions are separate

    def visit_TryStmt(self, o: TryStmt) -> None:
        names = handler_names(o)
        self.caught.update(names)
        self.handlers.append(names)
        self.visit(o.body)
        self.handlers.pop()
        for name, handler in zip(names, o.handlers, strict=False):
            self.in_handler.append([name])
            self.visit(handler)
            self.in_handler.pop()
        self.visit(o.else_body)
        self.visit(o.finally_body)

    def visit_RaiseStmt(self, o: RaiseStmt) -> None:
        kind = raised_kind(o)
        if kind is None and o.expr is None and self.in_handler:
            kind = self.in_handler[-1][0] or "Exception"  # bare re-raise
        self.raises.append((kind or "Exception", [list(h) for h in self.handlers]))
        self.generic(o)

    def visit_CallExpr(self, o: CallExpr) -> None:
        name = _callee_fullname(o.callee)
        if name:
            self.calls.append((name, [list(h) for h in self.handlers]))
        self._implicit(implicit_method_kind(self.types, o) or implicit_bytes_kind(self.types, o))
        self.generic(o)


def _type_name(types: Mapping[Expression, Type], node: Expression) -> str:
    typ = types.get(node)
    proper = get_proper_type(typ) if typ is not None else None
    if isinstance(proper, Instance):
        return proper.type.fullname
    if isinstance(proper, TupleType):
        return "builtins.tuple"
    return ""


def implicit_index_kind(types: Mapping[Expression, Type], node: IndexExpr) -> str | None:
    """`d[k]` raises KeyError, `xs[i]` IndexError (slices never raise)."""
    if isinstance(node.index, SliceExpr):
        return None
    base = _type_name(types, node.base)
    if base in ("builtins.dict", "collections.OrderedDict"):
        return "KeyError"
    if base in ("builtins.list", "builtins.str"):
        return "IndexError"
    return None


def implicit_op_kind(types: Mapping[Expression, Type], node: OpExpr) -> str | None:
    """`a / b`, `a // b`, `a % b` on numbers raise ZeroDivisionError."""
    if node.op not in ("/", "//", "%"):
        return None
    numbers = ("builtins.int", "builtins.float", "builtins.bool")
    if _type_name(types, node.left) in numbers and _type_name(types, node.right) in numbers:
        return "ZeroDivisionError"
    return None


# Methods whose failure programs catch: (receiver class, method) -> kind.
IMPLICIT_METHOD_KINDS: dict[tuple[str, str], str] = {
    **LIST_OPERATIONS.raising_kinds(),  # list: backend/transpiler/operations.py
    ("builtins.str", "index"): "ValueError",
    ("builtins.dict", "pop"): "KeyError",
    ("builtins.bytes", "decode"): "UnicodeDecodeError",
    ("builtins.str", "encode"): "UnicodeEncodeError",  # only to ASCII (see below)
}


def implicit_method_kind(types: Mapping[Expression, Type], node: CallExpr) -> str | None:
    callee = node.callee
    if not isinstance(callee, MemberExpr):
        return None
    kind = IMPLICIT_METHOD_KINDS.get((_type_name(types, callee.expr), callee.name))
    if kind == "KeyError" and len(node.args) > 1:
        return None  # `d.pop(k, default)` never raises
    if kind == "UnicodeEncodeError" and codec_name(node) != "ascii":
        return None  # every str encodes to UTF-8
    return kind


def implicit_bytes_kind(types: Mapping[Expression, Type], node: CallExpr) -> str | None:
    """`bytes(text, "ascii")` encodes like `text.encode("ascii")`: UnicodeEncodeError."""
    callee = node.callee
    if not (isinstance(callee, NameExpr) and callee.fullname == "builtins.bytes"):
        return None
    if len(node.args) < 2 or _type_name(types, node.args[0]) != "builtins.str":
        return None
    return "UnicodeEncodeError" if codec_name(node, 1) == "ascii" else None


def codec_name(node: CallExpr, position: int = 0) -> str | None:
    """The normalized codec an `encode()`/`decode()` call names (`"utf8"` by default,
    `"ascii"`), or None when it is not a string constant. `position`: the encoding's
    positional index (1 in `bytes(text, "ascii")`)."""
    positional = [a for a, n in zip(node.args, node.arg_names, strict=True) if n is None]
    encoding = positional[position] if len(positional) > position else None
    for arg, name in zip(node.args, node.arg_names, strict=True):
        if name == "encoding":
            encoding = arg
    if encoding is None:
        return "utf8"
    if not isinstance(encoding, StrExpr):
        return None
    name = encoding.value.lower().replace("-", "").replace("_", "")
    return {"utf8": "utf8", "u8": "utf8", "ascii": "ascii", "usascii": "ascii"}.get(name, name)


def _callee_fullname(callee: Expression) -> str | None:
    if isinstance(callee, NameExpr):
        return callee.fullname or None
    if isinstance(callee, MemberExpr):
        if callee.fullname:
            return callee.fullname
        node = getattr(callee.expr, "node", None)
        typ = getattr(node, "type", None)
        info = getattr(typ, "type", None)
        if isinstance(info, TypeInfo):
            return f"{info.fullname}.{callee.name}"
        if isinstance(node, TypeInfo):
            return f"{node.fullname}.{callee.name}"
    return None


def _nested_functions(functions: dict[str, FuncDef]) -> dict[str, list[FuncDef]]:
    """Functions defined inside the given ones, by the name calls to them carry. mypy names a
    nested def by its bare name, so two nested `visit`s share one entry: what either raises
    counts for both (a `Result` that never errs is still right; a missed raise is not)."""
    found: dict[str, list[FuncDef]] = {}

    class Nested(Walker):
        def visit_FuncDef(self, o: FuncDef) -> None:
            if o.fullname and o.fullname not in functions:
                found.setdefault(o.fullname, []).append(o)
            self.generic(o)

    for fn in functions.values():
        Nested().visit_all(fn.body.body)
    return found


class RaisingAnalysis:
    def __init__(
        self,
        functions: dict[str, FuncDef],
        hierarchy: Hierarchy,
        types: Mapping[Expression, Type] | None = None,
        overrides: Mapping[str, list[str]] | None = None,
    ) -> None:
        self.hierarchy = hierarchy
        # a call of a method may run any override of it (dynamic dispatch)
        self.overrides = overrides or {}
        self.sites: dict[str, _SiteCollector] = {}
        bodies = {name: [fn] for name, fn in functions.items()}
        bodies.update(_nested_functions(functions))
        for name, defs in bodies.items():
            collector = _SiteCollector(types)
            for fn in defs:
                collector.visit_all(fn.body.body)
            self.sites[name] = collector
        self.caught_anywhere: set[str | None] = set()
        for collector in self.sites.values():
            self.caught_anywhere |= collector.caught
        self.kinds: dict[str, set[str]] = {name: set() for name in bodies}
        self._solve()

    def _handled(self, kind: str, handlers: list[list[str | None]]) -> bool:
        return any(self.hierarchy.catches(h, kind) for group in handlers for h in group)

    def may_be_caught(self, kind: str) -> bool:
        """Some handler of the module (a bare `except`, `except Exception` too) catches it."""
        return self._implicit_wanted(kind)

    def _implicit_wanted(self, kind: str) -> bool:
        return any(h is None or h in self.hierarchy.ancestors(kind) for h in self.caught_anywhere)

    def implicit_wanted_by_name(self, kind: str) -> bool:
        """Some handler in the program names this builtin error (or a base class more
        specific than `Exception`): the operations that raise it must become `Result`s
        wherever the error can reach that handler. A catch-all `except Exception` only
        turns the operations inside its own `try` body into `Result`s."""
        broad = {None, "Exception", "BaseException"}
        return any(
            h not in broad and h in self.hierarchy.ancestors(kind) for h in self.caught_anywhere
        )

    def _solve(self) -> None:
        changed = True
        while changed:
            changed = False
            for name, sites in self.sites.items():
                found: set[str] = set()
                for kind, handlers in sites.raises:
                    if kind and not self._handled(kind, handlers):
                        found.add(kind)
                for kind, handlers in sites.implicit:
                    if self.implicit_wanted_by_name(kind) and not self._handled(kind, handlers):
                        found.add(kind)
                for callee, handlers in sites.calls:
                    callee_kinds = set(self.kinds.get(callee, set()))
                    for override in self.overrides.get(callee, []):
                        callee_kinds |= self.kinds.get(override, set())
                    implicit = IMPLICIT_CALL_KINDS.get(callee)
                    if implicit and self._implicit_wanted(implicit):
                        callee_kinds.add(implicit)
                    found |= {k for k in callee_kinds if not self._handled(k, handlers)}
                if not found <= self.kinds[name]:
                    self.kinds[name] |= found
                    changed = True

    def raises(self, fullname: str) -> bool:
        return bool(self.kinds.get(fullname))

    def implicit_fallible(self, callee: str) -> bool:
        """Whether a builtin call must be lowered in its `Result` form (someone catches it)."""
        kind = IMPLICIT_CALL_KINDS.get(callee)
        return kind is not None and self._implicit_wanted(kind)
