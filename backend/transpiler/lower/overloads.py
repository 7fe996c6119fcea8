"""`@overload`ed functions and methods: the stubs only type the calls; the implementation
is what runs, and is what is translated.

A call translates when the overload it matches has the implementation's Rust types:
`scale(2)` matching an `int -> int` overload of a `float -> float` implementation keeps
Python's int inside the body, which a Rust `f64` parameter would not.
"""

from __future__ import annotations

from mypy.nodes import ARG_NAMED, ARG_POS, CallExpr, Decorator, FuncDef, OverloadedFuncDef

from backend.transpiler import rtypes as rt
from backend.transpiler.lower.context import FnContext, FuncSig, Unsupported


def implementation(node: object) -> FuncDef | None:
    """The implementation of `@overload`ed stubs (not a property with a setter)."""
    if not isinstance(node, OverloadedFuncDef) or node.is_property or node.impl is None:
        return None
    impl = node.impl
    return impl.func if isinstance(impl, Decorator) else impl


def check_call(ctx: FnContext, node: CallExpr, sig: FuncSig) -> None:
    module = ctx.module
    same = sig.ret == rt.UNIT or module.type_of(node) == sig.ret
    params = {p.name: p for p in sig.params}
    positional = [a for a, k in zip(node.args, node.arg_kinds, strict=True) if k == ARG_POS]
    for arg, param in zip(positional, sig.params, strict=False):
        same = same and module.type_of(arg) == param.ty
    for arg, kind, name in zip(node.args, node.arg_kinds, node.arg_names, strict=True):
        if kind == ARG_NAMED and name is not None:
            same = same and name in params and module.type_of(arg) == params[name].ty
    if not same:
        raise Unsupported(
            node,
            f"call of overloaded `{sig.rust_name}` whose matching overload has other Rust "
            "types than its implementation",
            "PRT500",
        )
