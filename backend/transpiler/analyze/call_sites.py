"""Types for loosely typed parameters, from the module's own call sites.

Real code often says `def search(items: list, x: int)` or leaves a helper unannotated; mypy
then sees `list[Any]` (or `Any`) and Rust gets no element type. Where every call in the
module passes arguments of one concrete type (as MonkeyType would record at run time, or
pyright infers from call sites), that type is written into the source as the parameter's
annotation and the module is type-checked again, so the body is typed as well.

Only types that can be spelled without imports are written: builtins, containers of them,
tuples, `X | None`, and the module's own classes.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections import defaultdict
from dataclasses import dataclass

from mypy.nodes import (
    ARG_NAMED,
    ARG_NAMED_OPT,
    ARG_OPT,
    ARG_POS,
    CallExpr,
    ClassDef,
    Decorator,
    Expression,
    FuncDef,
    LambdaExpr,
    ListComprehension,
    ListExpr,
    MemberExpr,
    NameExpr,
    Node,
    OverloadedFuncDef,
    RefExpr,
    ReturnStmt,
    SetComprehension,
    SetExpr,
)
from mypy.types import (
    AnyType,
    CallableType,
    Instance,
    NoneType,
    ProperType,
    TupleType,
    Type,
    UninhabitedType,
    UnionType,
    get_proper_type,
)

from backend.transpiler.analyze.oracle import TypedModule
from backend.transpiler.analyze.walk import Walker

_SPELLED = {
    "builtins.int": "int",
    "builtins.float": "float",
    "builtins.str": "str",
    "builtins.bool": "bool",
    "builtins.bytes": "bytes",
    "builtins.list": "list",
    "builtins.dict": "dict",
    "builtins.set": "set",
    "builtins.frozenset": "frozenset",
    "builtins.tuple": "tuple",
    # mypyc's native ints are `int` to CPython and to mypy's assignment rules
    "mypy_extensions.i64": "int",
    "mypy_extensions.i32": "int",
    "mypy_extensions.i16": "int",
    "mypy_extensions.u8": "int",
}
_LOOSE_CONTAINERS = {"builtins.list", "builtins.dict", "builtins.set", "builtins.tuple"}


@dataclass(frozen=True)
class InferredParam:
    function: str  # the def's name, as written
    line: int  # the def's line
    param: str
    annotation: str  # the type written into the source


def infer_parameter_types(typed: TypedModule) -> list[InferredParam]:
    """Loose parameters whose call sites in the module all pass one spellable type."""
    functions = _functions(typed)
    if not any(_has_loose_signature(fn) for fn in functions.values()):
        return []  # a fully typed module: no need to walk its call sites (on every hover)
    seen = _CallSiteTypes(typed, functions)
    seen.visit(typed.tree)
    found: list[InferredParam] = []
    for fullname, fn in functions.items():
        typ = fn.type
        untyped = typ is None  # a def without annotations: every parameter is `Any`
        if not untyped and not isinstance(typ, CallableType):
            continue
        for index, name in enumerate(fn.arg_names):
            if name in (None, "self", "cls"):
                continue
            if fn.arg_kinds[index] not in (ARG_POS, ARG_OPT, ARG_NAMED, ARG_NAMED_OPT):
                continue
            if isinstance(typ, CallableType) and (
                index >= len(typ.arg_types) or not _is_loose(typ.arg_types[index])
            ):
                continue
            annotation = _agreed_type(seen.arguments[(fullname, name)], typed)
            if annotation is not None:
                found.append(InferredParam(fn.name, fn.line, name, annotation))
        if untyped or (isinstance(typ, CallableType) and _is_loose_return(typ.ret_type)):
            returned = _agreed_type(_returned_types(fn, typed), typed)
            if returned is not None:
                found.append(InferredParam(fn.name, fn.line, RETURN, returned))
    return found


RETURN = "return"  # the `param` of an inferred return type


def _returned_types(fn: FuncDef, typed: TypedModule) -> list[Type]:
    found: list[Type] = []

    class Returns(Walker):
        def visit_ReturnStmt(self, o: ReturnStmt) -> None:
            typ = None if o.expr is None else _argument_type(o.expr, typed)
            if typ is not None:
                found.append(typ)

        def visit_FuncDef(self, o: FuncDef) -> None:
            return  # a nested def's returns are its own

        def visit_LambdaExpr(self, o: LambdaExpr) -> None:
            return

    Returns().visit_all(fn.body.body)
    return found


def _agreed_type(arguments: list[Type], typed: TypedModule) -> str | None:
    """The one spelling every informative call site agrees on (`[]` or a value that is
    itself loosely typed says nothing); int and float together are float, as in mypy."""
    informative = [t for t in arguments if not _says_nothing(t)]
    spelled = {_spell(t, typed) for t in informative}
    if spelled == {"int", "float"}:
        return "float"
    if len(spelled) != 1 or None in spelled:
        return None
    return spelled.pop()


def _says_nothing(typ: Type, depth: int = 0) -> bool:
    if depth > _MAX_DEPTH:
        return False
    proper = get_proper_type(typ)
    if isinstance(proper, AnyType | UninhabitedType):
        return True
    if isinstance(proper, Instance):
        return any(_says_nothing(a, depth + 1) for a in proper.args)
    if isinstance(proper, TupleType):
        return any(_says_nothing(t, depth + 1) for t in proper.items)
    return False


_MAX_DEPTH = 6


def apply_annotations(source: str, inferred: list[InferredParam]) -> str:
    """`source` with each inferred type written as its parameter's annotation."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    edits: dict[int, list[tuple[int, int, str]]] = defaultdict(list)  # line -> (start, end, text)
    wanted = {(p.function, p.line, p.param): p.annotation for p in inferred}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        line = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        returned = wanted.get((node.name, node.lineno, RETURN))
        if returned is not None and node.returns is not None:
            _replace(edits, node.returns, returned)
        elif returned is not None:
            colon = _header_colon(lines, node)
            if colon is not None:
                edits[colon[0]].append((colon[1], colon[1], f" -> {returned}"))
        args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
        for arg in args:
            annotation = wanted.get((node.name, node.lineno, arg.arg)) or wanted.get(
                (node.name, line, arg.arg)
            )
            if annotation is None:
                continue
            if arg.annotation is not None:
                _replace(edits, arg.annotation, annotation)
            else:
                at = arg.end_col_offset or arg.col_offset + len(arg.arg)
                edits[arg.lineno].append((at, at, f": {annotation}"))
    for line_no, changes in edits.items():
        raw = lines[line_no - 1].encode("utf-8")  # ast columns are UTF-8 byte offsets
        for start, stop, text in sorted(changes, reverse=True):
            raw = raw[:start] + text.encode("utf-8") + raw[stop:]
        lines[line_no - 1] = raw.decode("utf-8")
    return "".join(lines)


def _header_colon(lines: list[str], node: ast.FunctionDef) -> tuple[int, int] | None:
    """(line, UTF-8 byte column) of the `:` that ends a def's header."""
    header = "".join(lines[node.lineno - 1 : node.body[0].lineno])
    depth, opened = 0, False
    try:
        for token in tokenize.generate_tokens(io.StringIO(header).readline):
            if token.type != tokenize.OP:
                continue
            if token.string in "([{":
                depth, opened = depth + 1, True
            elif token.string in ")]}":
                depth -= 1
            elif token.string == ":" and depth == 0 and opened:
                line = node.lineno + token.start[0] - 1
                text = lines[line - 1]
                return line, len(text[: token.start[1]].encode("utf-8"))
    except (tokenize.TokenError, IndentationError):
        return None
    return None


def _replace(edits: dict[int, list[tuple[int, int, str]]], node: ast.expr, text: str) -> None:
    if node.lineno != node.end_lineno:
        return  # an annotation over several lines is left as it is
    edits[node.lineno].append((node.col_offset, node.end_col_offset or node.col_offset, text))


def _functions(typed: TypedModule) -> dict[str, FuncDef]:
    """The module's functions and methods (and defs nested in them), by fullname; only
    statements are walked, which is where a `def` can be."""
    found: dict[str, FuncDef] = {}
    pending: list[Node] = list(typed.tree.defs)
    while pending:
        node = pending.pop()
        if isinstance(node, Decorator):
            node = node.func
        if isinstance(node, FuncDef):
            found[node.fullname] = node
            pending.extend(node.body.body)
        elif isinstance(node, ClassDef):
            pending.extend(node.defs.body)
        elif isinstance(node, OverloadedFuncDef) and node.impl is not None:
            pending.append(node.impl)
    return found


class _CallSiteTypes(Walker):
    """Argument types at each call of a module function, by (function, parameter)."""

    def __init__(self, typed: TypedModule, functions: dict[str, FuncDef]) -> None:
        self.typed = typed
        self.functions = functions
        self.arguments: dict[tuple[str, str], list[Type]] = defaultdict(list)

    def visit_CallExpr(self, o: CallExpr) -> None:
        self.generic(o)
        fn = self._callee(o)
        if fn is None:
            return
        offset = 1 if isinstance(o.callee, MemberExpr) and _is_method(fn) else 0
        names = fn.arg_names
        for position, (arg, kind, keyword) in enumerate(
            zip(o.args, o.arg_kinds, o.arg_names, strict=True)
        ):
            if kind == ARG_POS:
                index = position + offset
                name = names[index] if index < len(names) else None
            elif kind == ARG_NAMED:
                name = keyword
            else:
                return  # `*args` / `**kwargs` at the call: positions unknown
            typ = _argument_type(arg, self.typed)
            if name is not None and typ is not None:
                self.arguments[(fn.fullname, name)].append(typ)

    def _callee(self, o: CallExpr) -> FuncDef | None:
        callee = o.callee
        if isinstance(callee, RefExpr) and isinstance(callee.node, FuncDef | Decorator):
            node = callee.node.func if isinstance(callee.node, Decorator) else callee.node
            return self.functions.get(node.fullname)
        if isinstance(callee, MemberExpr):
            receiver = get_proper_type(self.typed.types.get(callee.expr))
            if isinstance(receiver, Instance):
                method = receiver.type.get_method(callee.name)
                if isinstance(method, FuncDef):
                    return self.functions.get(method.fullname)
        if isinstance(callee, NameExpr):
            return self.functions.get(callee.fullname)
        return None


def _argument_type(arg: Expression, typed: TypedModule) -> Type | None:
    """The argument's own type: a display such as `[0, 5, 7]` passed to `items: list` is
    typed `list[Any]` in that context, so its items are asked instead."""
    if isinstance(arg, ListExpr | SetExpr) and arg.items:
        items = [typed.types.get(item) for item in arg.items]
        spelled = {_spell(t, typed) if t is not None else None for t in items}
        if len(spelled) == 1 and None not in spelled:
            first = items[0]
            assert first is not None
            fullname = "builtins.list" if isinstance(arg, ListExpr) else "builtins.set"
            container = get_proper_type(typed.types.get(arg))
            if isinstance(container, Instance) and container.type.fullname == fullname:
                return container.copy_modified(args=[first])
        return None
    if isinstance(arg, ListComprehension | SetComprehension):
        item = typed.types.get(arg.generator.left_expr)
        container = get_proper_type(typed.types.get(arg))
        if item is not None and isinstance(container, Instance):
            return container.copy_modified(args=[item])
    return typed.types.get(arg)


def _is_method(fn: FuncDef) -> bool:
    return bool(fn.info) and bool(fn.arg_names) and fn.arg_names[0] == "self"


def _has_loose_signature(fn: FuncDef) -> bool:
    typ = fn.type
    if typ is None:
        return True  # no annotations at all
    if not isinstance(typ, CallableType):
        return False
    return _is_loose_return(typ.ret_type) or any(_is_loose(t) for t in typ.arg_types)


def _is_loose(typ: Type) -> bool:
    proper = get_proper_type(typ)
    if isinstance(proper, AnyType):
        return True
    if isinstance(proper, Instance) and proper.type.fullname in _LOOSE_CONTAINERS:
        return any(isinstance(get_proper_type(a), AnyType) for a in proper.args)
    return False


def _is_loose_return(typ: Type) -> bool:
    """`-> object` says as little as `-> Any` to its callers, who can only pass the value
    on, print or compare it: the type the `return`s agree on behaves the same."""
    proper = get_proper_type(typ)
    return _is_loose(typ) or (
        isinstance(proper, Instance) and proper.type.fullname == "builtins.object"
    )


def _spell(typ: Type, typed: TypedModule, depth: int = 0) -> str | None:
    """Source text for `typ`, or None when it cannot be written without imports (or is
    nested deeper than any annotation worth writing: a recursive alias)."""
    if depth > _MAX_DEPTH:
        return None
    proper: ProperType = get_proper_type(typ)
    if isinstance(proper, Instance):
        if proper.last_known_value is not None:
            proper = proper.last_known_value.fallback
        name = proper.type.fullname
        base = _SPELLED.get(name)
        if base is None:
            own = name.startswith(f"{typed.name}.") and name.count(".") == 1
            if not own or proper.args:
                return None
            return proper.type.name
        if not proper.args:
            return base
        args = [_spell(a, typed, depth + 1) for a in proper.args]
        if any(a is None for a in args):
            return None
        if name == "builtins.tuple":
            return f"tuple[{args[0]}, ...]"
        return f"{base}[{', '.join(a for a in args if a)}]"
    if isinstance(proper, TupleType):
        items = [_spell(t, typed, depth + 1) for t in proper.items]
        if not items or any(i is None for i in items):
            return None
        return f"tuple[{', '.join(i for i in items if i)}]"
    if isinstance(proper, NoneType):
        return "None"
    if isinstance(proper, UnionType):
        members = [_spell(t, typed, depth + 1) for t in proper.items]
        if any(m is None for m in members):
            return None
        return " | ".join(sorted({m for m in members if m}))
    return None
