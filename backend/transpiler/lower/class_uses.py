"""Uses of translated classes inside expressions: constructor calls, attribute reads,
method calls, class constants, operators and builtins that dispatch to dunder methods."""

from __future__ import annotations

from mypy.nodes import (
    CallExpr,
    Expression,
    IndexExpr,
    LambdaExpr,
    MemberExpr,
    NameExpr,
    OpExpr,
    ReturnStmt,
    TypeInfo,
)

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import class_hierarchy, class_links, enums, shared_init, values
from backend.transpiler.lower.calls import Call, call_arguments, call_user
from backend.transpiler.lower.classes import class_of, const_name, struct_type
from backend.transpiler.lower.context import ClassInfo, FnContext, Unsupported, rust_ident
from backend.transpiler.lower.expressions import lower_expr


def construct(ctx: FnContext, node: CallExpr, info: TypeInfo) -> Expr:
    ci = ctx.module.classes.get(info.fullname)
    if ci is None:
        if info.has_base("builtins.BaseException"):
            from backend.transpiler.lower import exceptions

            return Expr(
                exceptions.exception_value(ctx, node), rt.StructT("PyException"), Kind.OWNED
            )
        from backend.transpiler.lower import stdlib

        handler = stdlib.FUNCTIONS.get(info.fullname)
        if handler is not None:
            return handler(Call(ctx, node))
        raise Unsupported(node, f"constructing `{info.fullname}`", "PRT505")
    if ci.is_exception:
        from backend.transpiler.lower import exceptions

        return Expr(exceptions.exception_value(ctx, node), rt.StructT("PyException"), Kind.OWNED)
    if ci.is_enum:
        return enums.lookup_by_value(ctx, node, ci)
    sig = ctx.module.signatures.get(f"{info.fullname}.__init__")
    if sig is None:
        raise Unsupported(node, f"constructing `{ci.name}`", "PRT505")
    args = call_arguments(ctx, node, sig)
    result = Expr(f"{ci.name}::new({', '.join(args)})", struct_type(ci), Kind.OWNED, Prec.POSTFIX)
    if ci.shared and shared_init.has_tail(ctx.module, ci):
        result = shared_init.construct(ci, args)  # the rest of `__init__` runs on the handle
    elif ci.shared:
        result = class_links.wrap_new(ci, result)
    if sig.fallible:
        from backend.transpiler.lower import exceptions

        return exceptions.propagate(ctx, node, result)
    return result


def lower_class_name(ctx: FnContext, node: NameExpr, info: TypeInfo) -> Expr:
    """A class used as a value: an Enum's members (`for c in Color`, `list(Color)`)."""
    ci = ctx.module.classes.get(info.fullname)
    if ci is not None and ci.is_enum:
        return enums.members_value(ci)
    raise Unsupported(node, f"class `{info.name}` used as a value", "PRT515")


def lower_class_attr(ctx: FnContext, node: MemberExpr, info: TypeInfo) -> Expr:
    ci = ctx.module.classes.get(info.fullname)
    if ci is not None and ci.is_enum:
        member = enums.member_expr(ci, node.name)
        if member is not None:
            return member
    constant = _class_const_expr(ctx, ci, node) if ci is not None else None
    if constant is not None:
        return constant
    raise Unsupported(node, f"class attribute `{info.name}.{node.name}`", "PRT506")


def _class_const_expr(ctx: FnContext, ci: ClassInfo, node: MemberExpr) -> Expr | None:
    """`Cls.LIMIT` / `self.LIMIT`: the attribute of the nearest class along the MRO that
    defines it (an associated `const`, or the class's `static`)."""
    from backend.transpiler.lower import classes

    module = ctx.module
    for owner in class_hierarchy.user_mro(module, ci):
        expr = dict(owner.class_consts).get(node.name)
        if expr is None:
            continue
        ty = classes.class_const_type(module, owner, node.name, expr)
        if classes.class_const_is_static(module, owner, node.name, expr):
            name = classes.class_static_name(owner, node.name)  # deref: the value, not the lock
            return Expr(f"(*{name})", ty, Kind.PLACE, Prec.ATOM)
        kind = Kind.BORROWED if isinstance(ty, rt.StrT) else Kind.OWNED
        return Expr(f"{owner.name}::{const_name(node.name)}", ty, kind, Prec.POSTFIX)
    return None


def lower_instance_attr(ctx: FnContext, node: MemberExpr) -> Expr:
    from backend.transpiler.lower import exceptions

    exception_attr = exceptions.lower_exception_attr(ctx, node)
    if exception_attr is not None:
        return exception_attr
    base = lower_expr(ctx, node.expr)
    ty = base.ty
    if isinstance(ty, rt.StructT) and ty.name == "PyException":
        if node.name == "args":
            raise Unsupported(node, "exception `.args`", "PRT507")
        raise Unsupported(node, f"exception attribute `.{node.name}`", "PRT507")
    root = class_hierarchy.poly_root(ctx.module, ty)
    if root is not None:
        return class_hierarchy.poly_attr(ctx, node, base, root, node.name)
    base = class_links.narrowed(base)
    linked = class_links.shared_class(ctx.module, base.ty)
    if linked is not None:
        return class_links.field_read(ctx, node, base, linked, node.name)
    ci = class_of(ctx.module, ty)
    if ci is not None and ci.is_enum:
        return enums.member_attr(ctx, node, base, ci)
    if ci is not None:
        fields = dict(ci.fields)
        constant = _class_const_expr(ctx, ci, node) if node.name not in fields else None
        if constant is not None:
            return constant
        prop = ctx.module.signatures.get(f"{ci.info.fullname}.{node.name}")
        if prop is not None and node.name not in fields:
            return Expr(
                f"{base.at(Prec.POSTFIX)}.{rust_ident(node.name)}()",
                prop.ret,
                Kind.OWNED,
                Prec.POSTFIX,
            )
        if node.name in fields:
            return Expr(
                f"{base.at(Prec.POSTFIX)}.{rust_ident(node.name)}",
                fields[node.name],
                Kind.PLACE,
                Prec.POSTFIX,
            )
        raise Unsupported(node, f"attribute `{ci.name}.{node.name}`", "PRT508")
    if isinstance(ty, rt.ListT | rt.DictT | rt.StrT):
        raise Unsupported(node, f"attribute `.{node.name}` on {ty.render()}", "PRT508")
    raise Unsupported(node, f"attribute `.{node.name}`", "PRT508")


def call_method(call: Call, name: str) -> Expr:
    recv = call.receiver
    assert recv is not None
    ty = recv.ty
    if isinstance(ty, rt.IterT) and name == "__next__":
        return Expr(f"{recv.at(Prec.POSTFIX)}.next().unwrap()", ty.elem, Kind.OWNED, Prec.POSTFIX)
    root = class_hierarchy.poly_root(call.ctx.module, ty)
    if root is not None:
        return class_hierarchy.poly_method(call.ctx, call.node, recv, root, name)
    node_recv = class_links.narrowed(recv)
    linked = class_links.shared_class(call.ctx.module, node_recv.ty)
    if linked is not None:
        return class_links.call_method(call.ctx, call.node, node_recv, linked, name)
    ci = class_of(call.ctx.module, ty)
    if ci is None:
        raise call.fail(f"method `{name}` on {ty.render()}")
    if ci.is_namedtuple and name == "_replace":
        return namedtuple_replace(call, ci)
    sig = call.ctx.module.signatures.get(f"{ci.info.fullname}.{name}")
    variants = call.ctx.module.overload_variants.get(f"{ci.info.fullname}.{name}")
    if sig is None and variants:
        from backend.transpiler.lower.overloads import pick_variant

        sig = pick_variant(call.ctx, call.node, variants, list(call.node.args))
    if sig is None:
        raise call.fail(f"method `{ci.name}.{name}`")
    if sig.self_mode is None:  # a static or class method called on an instance
        return call_user(call.ctx, call.node, sig, None)
    if sig.self_mode == "&mut self":
        recv = values.mutable_place(recv)  # a narrowed Optional: `x.as_mut().unwrap()`
    return call_user(call.ctx, call.node, sig, recv)


def call_class_member(ctx: FnContext, node: CallExpr, info: TypeInfo, name: str) -> Expr:
    ci = ctx.module.classes.get(info.fullname)
    if ci is not None and ci.is_enum:
        found = enums.call_enum_class_member(ctx, node, ci, name)
        if found is not None:
            return found
    sig = ctx.module.signatures.get(f"{info.fullname}.{name}")
    if sig is None:
        raise Unsupported(node, f"`{info.name}.{name}(...)`", "PRT509")
    if sig.self_mode is not None:
        raise Unsupported(node, f"`{info.name}.{name}(...)` called through the class", "PRT509")
    return call_user(ctx, node, sig, None)


def call_super(ctx: FnContext, node: CallExpr, name: str) -> Expr:
    return class_hierarchy.call_super(ctx, node, name)


def call_dunder(
    ctx: FnContext, node: Expression, recv: Expr, dunder: str, args: list[Expression]
) -> Expr | None:
    """`len(x)`, `x + y`, `k in x`, `x[i]`... on an object whose class defines the dunder."""
    ci = class_of(ctx.module, recv.ty)
    if ci is not None and ci.is_namedtuple and dunder in _TUPLE_DUNDERS:
        return _TUPLE_DUNDERS[dunder](ctx, node, recv, ci, args)
    if ci is None or dunder not in ci.dunders:
        return None
    fullname = f"{ci.info.fullname}.{dunder}"
    sig = ctx.module.signatures.get(fullname)
    variants = ctx.module.overload_variants.get(fullname)
    if sig is None and variants:
        from backend.transpiler.lower.overloads import pick_variant

        sig = pick_variant(ctx, node, variants, args)  # `a - b`: the overload mypy matched
    if sig is None:
        return None
    from backend.transpiler.lower.calls import _argument

    lowered = []
    for param, arg in zip(sig.params, args, strict=False):
        e = lower_expr(ctx, arg, param.ty)
        lowered.append(_argument(ctx, e, param.mode, param.ty))
    code = f"{recv.at(Prec.POSTFIX)}.{sig.rust_name}({', '.join(lowered)})"
    result = Expr(code, sig.ret, Kind.OWNED, Prec.POSTFIX)
    if sig.fallible and isinstance(node, CallExpr):
        from backend.transpiler.lower import exceptions

        return exceptions.propagate(ctx, node, result)
    return result


# ---- named tuples: a struct that also reads as the tuple of its fields ----


def _tuple_item(
    ctx: FnContext, node: Expression, recv: Expr, ci: ClassInfo, args: list[Expression]
) -> Expr:
    from backend.transpiler.lower.subscripts import literal_int

    index = literal_int(args[0]) if args else None
    count = len(ci.fields)
    if index is None or not -count <= index < count:
        raise Unsupported(node, f"`{ci.name}` indexed by a non-constant", "PRT140")
    name, ty = ci.fields[index % count]
    return Expr(f"{recv.at(Prec.POSTFIX)}.{rust_ident(name)}", ty, Kind.PLACE, Prec.POSTFIX)


def _tuple_len(
    ctx: FnContext, node: Expression, recv: Expr, ci: ClassInfo, args: list[Expression]
) -> Expr:
    return Expr(str(len(ci.fields)), rt.INT)


_TUPLE_DUNDERS = {"__getitem__": _tuple_item, "__len__": _tuple_len}


def namedtuple_as_tuple(ctx: FnContext, value: Expr) -> Expr | None:
    """A named tuple where a plain tuple is taken apart (`x, y = point`): the tuple of its
    fields, in order. None for any other value."""
    ci = class_of(ctx.module, value.ty)
    if ci is None or not ci.is_namedtuple:
        return None
    owned = value.kind is Kind.OWNED
    source = "t" if owned else value.at(Prec.POSTFIX)
    parts = [
        f"{source}.{rust_ident(name)}" + ("" if owned or ty.is_copy else ".clone()")
        for name, ty in ci.fields
    ]
    code = f"({parts[0]},)" if len(parts) == 1 else f"({', '.join(parts)})"
    if owned:
        code = f"{{ let t = {value.code}; {code} }}"
    return Expr(code, rt.TupleT(tuple(t for _, t in ci.fields)), Kind.OWNED, Prec.ATOM)


def namedtuple_replace(call: Call, ci: ClassInfo) -> Expr:
    """`p._replace(x=1)`: a copy with some fields changed."""
    assert call.receiver is not None
    fields = dict(ci.fields)
    if call.node.args and len(call.kwargs) != len(call.node.args):
        raise call.fail("`_replace` with positional arguments")
    parts = []
    for name, arg in call.kwargs.items():
        if name not in fields:
            raise call.fail(f"`_replace` of unknown field `{name}`")
        value = values.owned(lower_expr(call.ctx, arg, fields[name]))
        parts.append(f"{rust_ident(name)}: {value}")
    rest = values.owned(call.receiver)
    code = f"{ci.name} {{ {', '.join(parts)}, ..{rest} }}" if parts else rest
    return Expr(code, struct_type(ci), Kind.OWNED, Prec.ATOM)


BINARY_DUNDERS = {
    "+": "add",
    "-": "sub",
    "*": "mul",
    "/": "truediv",
    "//": "floordiv",
    "%": "mod",
    "**": "pow",
    "@": "matmul",
}


def binary_operator(ctx: FnContext, node: OpExpr, left: Expr, right: Expr) -> Expr | None:
    """`a + b` on objects: `__add__` on the left, else `__radd__` on the right."""
    name = BINARY_DUNDERS.get(node.op)
    if name is None:
        return None
    found = call_dunder(ctx, node, left, f"__{name}__", [node.right])
    if found is None and isinstance(right.ty, rt.StructT):
        found = call_dunder(ctx, node, right, f"__r{name}__", [node.left])
    return found


def identity(left: Expr, right: Expr) -> Expr:
    """`a is b` on objects: the same Rust place (Python's aliases of one object are one
    variable or one container slot here; distinct constructions are distinct places)."""
    code = f"std::ptr::eq({values.borrow(left)}, {values.borrow(right)})"
    return Expr(code, rt.BOOL, Kind.OWNED, Prec.POSTFIX)


def int_operands(ctx: FnContext, left: Expr, right: Expr) -> tuple[Expr, Expr]:
    """IntEnum members next to ints act as their values."""
    return enums.int_value(ctx, left), enums.int_value(ctx, right)


def lower_class_index(ctx: FnContext, node: IndexExpr, info: TypeInfo) -> Expr:
    ci = ctx.module.classes.get(info.fullname)
    if ci is not None and ci.is_enum:
        return enums.lookup_by_name(ctx, node, ci)
    raise Unsupported(node, f"`{info.name}[...]`", "PRT515")


def lower_field_call(call: Call) -> Expr:
    """`field(default=v)` / `field(default_factory=f)`: the default of a dataclass field."""
    target = call.result_type
    default = call.kwargs.get("default")
    if default is not None:
        return lower_expr(call.ctx, default, target)
    factory = call.kwargs.get("default_factory")
    if isinstance(factory, NameExpr) and factory.fullname in (
        "builtins.list",
        "builtins.dict",
        "builtins.set",
        "builtins.str",
        "builtins.int",
        "builtins.float",
    ):
        call.ctx.module.note_type(target)
        code = rt.default_value(target)
        if code is not None:
            return Expr(code, target, Kind.OWNED, Prec.POSTFIX)
    if isinstance(factory, LambdaExpr) and isinstance(factory.body.body[-1], ReturnStmt):
        ret = factory.body.body[-1].expr
        if ret is not None:
            return lower_expr(call.ctx, ret, target)
    raise call.fail("`field()` without a default this translator understands", "PRT518")


def _register() -> None:
    from backend.transpiler.lower import stdlib

    stdlib.FUNCTIONS["dataclasses.field"] = lower_field_call
    from backend.transpiler.lower import arrays, native_ints

    native_ints.register()  # `i32(x)`: mypyc's native ints, constructed like classes
    arrays.register()  # `array.array('d', xs)`: a class of the standard library


_register()
