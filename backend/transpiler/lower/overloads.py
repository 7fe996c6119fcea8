"""`@overload`ed functions and methods: the stubs only type the calls; the implementation
is what runs, and is what is translated.

A call translates when the overload it matches has the implementation's Rust types:
`scale(2)` matching an `int -> int` overload of a `float -> float` implementation keeps
Python's int inside the body, which a Rust `f64` parameter would not.

A method whose implementation takes a union of classes (`other: Vector | Point`), which has
no Rust type, is translated once per overload instead (`sub_vector`, `sub_point`): the body
with the parameters of that overload, so `other.is_point()` calls the class's own method.
A `return` of another class than that overload declares is a placeholder.
"""

from __future__ import annotations

import re

from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    CallExpr,
    ClassDef,
    Decorator,
    Expression,
    FuncDef,
    OverloadedFuncDef,
)

from backend.transpiler import rtypes as rt
from backend.transpiler.lower.context import FnContext, FuncSig, ModuleContext, Unsupported


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


def variant_signatures(
    module: ModuleContext, cdef: ClassDef, impl: FuncDef, fullname: str, owner: str
) -> list[FuncSig]:
    """One signature per `@overload` stub of `impl`, named after its parameter types; []
    when the stubs do not name the implementation's parameters the same way."""
    from backend.transpiler.lower.functions import build_signature

    node = cdef.info.names.get(impl.name)
    overloaded = node.node if node is not None else None
    if not isinstance(overloaded, OverloadedFuncDef) or overloaded.is_property:
        return []
    variants: list[FuncSig] = []
    for item in overloaded.items:
        stub = item.func if isinstance(item, Decorator) else item
        if not isinstance(stub, FuncDef) or stub.arg_names != impl.arg_names:
            return []
        sig = build_signature(module, fullname, stub, owner=owner)
        impl_sig = build_signature(module, fullname, impl, owner=owner)
        sig.self_mode, sig.fallible = impl_sig.self_mode, impl_sig.fallible
        suffix = "_".join(_snake(p.ty.render()) for p in sig.params)
        sig.rust_name = f"{_dunder_name(impl.name)}_{suffix}" if suffix else impl.name
        variants.append(sig)
    names = [v.rust_name for v in variants]
    return variants if len(set(names)) == len(names) else []


def _dunder_name(name: str) -> str:
    from backend.transpiler.lower.classes import DUNDER_NAMES
    from backend.transpiler.lower.context import rust_ident

    return DUNDER_NAMES.get(name, rust_ident(name))


def _snake(text: str) -> str:
    words = re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", text)
    return "_".join(w.lower() for w in words) or "value"


def pick_variant(
    ctx: FnContext, node: Expression, variants: list[FuncSig], args: list[Expression]
) -> FuncSig:
    """The variant for a call: the overload mypy matched has these argument types and
    this result type."""
    module = ctx.module
    result = module.type_of(node)
    for sig in variants:
        if len(sig.params) != len(args):
            continue
        if all(module.type_of(a) == p.ty for a, p in zip(args, sig.params, strict=True)) and (
            sig.ret == result or sig.ret == rt.UNIT
        ):
            return sig
    raise Unsupported(node, "a call that matches none of the overloads' Rust types", "PRT500")
