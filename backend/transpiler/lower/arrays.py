"""`array.array(typecode, items)`: a `Vec` of the item type.

Typecodes whose items are exactly Rust's `f64`/`i64` translate as such: `'d'`, `'q'` and
`'l'` (64 bits on the platforms Portalis builds for). `'B'` (unsigned bytes) holds `i64`s
too, and every store checks the item's range as CPython does (OverflowError); the array's
variables carry the typecode in their type (`ArrayT(INT, "B")`), found from what the module
assigns to them, so a store through a variable of unknown typecode is never unchecked. Other
narrow codes (`'i'`, `'h'`, `'f'`, ...) are not translated.
"""

from __future__ import annotations

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    Expression,
    MemberExpr,
    RefExpr,
    StrExpr,
    Var,
)
from mypy.types import Instance, get_proper_type

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call
from backend.transpiler.lower.context import ModuleContext, Unsupported

TYPECODES = {"d": rt.FLOAT, "q": rt.INT, "l": rt.INT, "B": rt.INT}
CHECKED = {"B": (0, 255, "unsigned byte integer")}  # typecode -> (min, max, CPython's name)
MIXED = "?"  # a variable assigned arrays of several typecodes (or of an unknown one)


def lower_array(call: Call) -> Expr:
    code = call.args[0] if call.args else None
    if not isinstance(code, StrExpr) or code.value not in TYPECODES:
        shown = f"'{code.value}'" if isinstance(code, StrExpr) else "computed"
        raise call.fail(
            f"array.array with typecode {shown} (only 'd', 'q', 'l' and 'B' hold Python's "
            "values exactly)",
            "PRT519",
        )
    ty = rt.ArrayT(TYPECODES[code.value], code.value if code.value in CHECKED else "")
    call.ctx.module.note_type(ty)
    if len(call.args) < 2:
        return Expr(f"Vec::<{ty.elem.render()}>::new()", ty, Kind.OWNED)
    items = call.arg(1, rt.ListT(ty.elem))
    if isinstance(items.ty, rt.ListT):
        if ty.typecode:
            return Expr(checked_items(call.ctx.module, ty, values.owned(items)), ty, Kind.OWNED)
        return Expr(values.owned(items), ty, Kind.OWNED)
    raise call.fail(f"array.array from {items.ty.render()}", "PRT519")


def checked_item(module: ModuleContext, ty: rt.RType, value: Expr) -> Expr:
    """The value stored into an array of a narrow typecode, range-checked."""
    if not isinstance(ty, rt.ArrayT) or not ty.typecode:
        return value
    if ty.typecode not in CHECKED:
        raise Unsupported(what="a store into an array whose typecode varies", code="PRT519")
    low, high, name = CHECKED[ty.typecode]
    module.use_helper("py_array_item")
    code = f'py_array_item({values.value(value)}, {low}, {high}, "{name}")'
    return Expr(code, rt.INT, Kind.OWNED, Prec.POSTFIX)


def checked_items(module: ModuleContext, ty: rt.ArrayT, items: str) -> str:
    low, high, name = CHECKED[ty.typecode]
    module.use_helper("py_array_item")
    check = f'py_array_item(v, {low}, {high}, "{name}")'
    return f"{items}.into_iter().map(|v| {check}).collect::<Vec<i64>>()"


def reject_unchecked_store(node: Expression, ty: rt.RType, what: str) -> None:
    """A store path with no range check (slices, `extend`, ...) on a narrow array."""
    if isinstance(ty, rt.ArrayT) and ty.typecode:
        raise Unsupported(node, f"{what} on an array of typecode '{ty.typecode}'", "PRT519")


_READING_METHODS = frozenset({"pop", "remove", "reverse", "index", "count", "tobytes"})


def lower_narrow_method(call: Call, name: str) -> Expr:
    """A method of an array of a narrow typecode: `append` checks the item; the methods
    that store no new item are a list's; other stores are not translated."""
    from backend.transpiler.lower.methods import LIST_METHODS, _load_families

    _load_families()
    recv = call.receiver
    assert recv is not None
    if name == "append" and len(call.args) == 1:
        item = checked_item(call.ctx.module, recv.ty, call.arg(0, rt.INT))
        code = f"{values.borrow_mut(recv).removeprefix('&mut ')}.push({item.code})"
        return Expr(code, rt.UNIT, Kind.OWNED, Prec.POSTFIX)
    if name in _READING_METHODS and name in LIST_METHODS:
        return LIST_METHODS[name](call)
    raise call.fail(f"`{name}` on an array of typecode '{recv.ty.typecode}'", "PRT519")  # type: ignore[attr-defined]


# ---- the typecode of a variable: from what the module assigns to it ----


def variable_of(module: ModuleContext, expr: Expression) -> Var | None:
    """The variable (local, global or attribute) an expression names."""
    if isinstance(expr, RefExpr) and isinstance(expr.node, Var):
        return expr.node
    if isinstance(expr, MemberExpr):
        owner = get_proper_type(module.typed.types.get(expr.expr))
        if isinstance(owner, Instance):
            sym = owner.type.get(expr.name)
            if sym is not None and isinstance(sym.node, Var):
                return sym.node
    return None


def with_typecode(module: ModuleContext, ty: rt.ArrayT, var: Var | None) -> rt.ArrayT:
    code = _typecodes(module).get(var) if var is not None else None
    return ty if code is None else rt.ArrayT(ty.elem, code)


def _typecodes(module: ModuleContext) -> dict[Var, str]:
    """The variables assigned a narrow array: its typecode, or MIXED where they are also
    assigned other values (whose stores cannot be checked)."""
    found: dict[Var, str] | None = getattr(module, "array_typecodes", None)
    if found is not None:
        return found
    seen: dict[Var, set[str]] = {}
    from backend.transpiler.analyze.walk import Walker

    class Stores(Walker):
        def visit_AssignmentStmt(self, o: AssignmentStmt) -> None:
            for lv in o.lvalues:
                var = variable_of(module, lv)
                if var is not None:
                    seen.setdefault(var, set()).add(_constructed_typecode(o.rvalue))
            self.generic(o)

    Stores().visit(module.typed.tree)
    narrow: dict[Var, str] = {}
    for var, codes in seen.items():
        checked = codes & set(CHECKED)
        if checked:
            narrow[var] = codes.pop() if len(codes) == 1 else MIXED
    module.array_typecodes = narrow  # type: ignore[attr-defined]
    return narrow


def _constructed_typecode(value: Expression) -> str:
    """`'B'` for `array.array('B', ..)`, "" for a 64-bit code, MIXED for anything else (a
    value whose typecode is decided elsewhere)."""
    if (
        isinstance(value, CallExpr)
        and isinstance(value.callee, RefExpr)
        and value.callee.fullname == "array.array"
        and value.args
        and isinstance(value.args[0], StrExpr)
    ):
        return value.args[0].value if value.args[0].value in CHECKED else ""
    return MIXED


def register() -> None:
    from backend.transpiler.lower import stdlib

    stdlib.FUNCTIONS["array.array"] = lower_array
