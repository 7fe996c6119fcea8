"""`array.array(typecode, items)`: a `Vec` of the item type.

Only typecodes whose items are exactly Rust's `f64`/`i64` translate: `'d'`, `'q'` and `'l'`
(64 bits on the platforms Portalis builds for). A narrower code (`'i'`, `'h'`, `'f'`, ...)
stores each item checked (OverflowError) or rounded (`'f'` is 32-bit), which a `Vec` of
Python-sized values would not do.
"""

from __future__ import annotations

from mypy.nodes import StrExpr

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call

TYPECODES = {"d": rt.FLOAT, "q": rt.INT, "l": rt.INT}


def lower_array(call: Call) -> Expr:
    code = call.args[0] if call.args else None
    if not isinstance(code, StrExpr) or code.value not in TYPECODES:
        shown = f"'{code.value}'" if isinstance(code, StrExpr) else "computed"
        raise call.fail(
            f"array.array with typecode {shown} (only 'd', 'q' and 'l' hold Python's values "
            "exactly)",
            "PRT519",
        )
    ty = rt.ArrayT(TYPECODES[code.value])
    call.ctx.module.note_type(ty)
    if len(call.args) < 2:
        return Expr(f"Vec::<{ty.elem.render()}>::new()", ty, Kind.OWNED)
    items = call.arg(1, rt.ListT(ty.elem))
    if isinstance(items.ty, rt.ListT):
        return Expr(values.owned(items), ty, Kind.OWNED)
    raise call.fail(f"array.array from {items.ty.render()}", "PRT519")


def register() -> None:
    from backend.transpiler.lower import stdlib

    stdlib.FUNCTIONS["array.array"] = lower_array
