"""Expression lowering: dispatch on mypy's node type to the family that lowers it."""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import (
    AssignmentExpr,
    BytesExpr,
    CallExpr,
    CastExpr,
    ComparisonExpr,
    ComplexExpr,
    ConditionalExpr,
    DictExpr,
    DictionaryComprehension,
    EllipsisExpr,
    Expression,
    FloatExpr,
    FuncDef,
    GeneratorExpr,
    IndexExpr,
    IntExpr,
    LambdaExpr,
    ListComprehension,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OpExpr,
    SetComprehension,
    SetExpr,
    StrExpr,
    TupleExpr,
    TypeInfo,
    UnaryExpr,
    Var,
)
from mypy.types import Instance, get_proper_type

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import FnContext, Unsupported, rust_ident, var_expr
from backend.transpiler.lower.literals import rust_float_literal, rust_str_literal

I64_MAX = 2**63 - 1


def lower_expr(ctx: FnContext, node: Expression, expected: rt.RType | None = None) -> Expr:
    """Lower one expression; `expected` is the Rust type the context wants (may coerce)."""
    preset = ctx.preset_exprs.get(id(node))
    if preset is not None:
        return preset if expected is None else coerce(ctx, preset, expected)
    handler = _DISPATCH.get(type(node))
    if handler is None:
        raise Unsupported(node, f"{type(node).__name__} expression")
    if isinstance(expected, rt.FnT) and isinstance(node, NameExpr | MemberExpr):
        from backend.transpiler.lower.closures import function_value

        value = function_value(ctx, node, list(expected.params), expected.ret)  # `max`, `str.strip`
        if value is not None:
            return coerce(ctx, value, expected)
    if isinstance(node, TupleExpr) and isinstance(expected, rt.ListT):
        # a tuple display where a variable-length tuple (`tuple[int, ...]`, a Vec) is wanted
        items = [values.owned(lower_expr(ctx, item, expected.elem)) for item in node.items]
        return Expr(f"vec![{', '.join(items)}]", expected, Kind.OWNED)
    outer_wanted, ctx.wanted = ctx.wanted, expected
    try:
        result = handler(ctx, node)
        if expected is not None:
            result = coerce(ctx, result, expected)
    except Unsupported as err:
        raise err.placed(node) from None
    finally:
        ctx.wanted = outer_wanted
    return result


def type_of(ctx: FnContext, node: Expression) -> rt.RType:
    return ctx.module.type_of(node)


def hoist_arguments(
    ctx: FnContext,
    call: CallExpr,
    receiver: Expression,
    lower: Callable[[], Expr],
    *,
    hoist_reads: bool = False,
) -> Expr:
    """`stack.append(stack.pop())`: an argument that changes the receiver's variable would
    need a second `&mut` borrow while the method call holds the first, so such arguments
    are evaluated into temporaries first (Python evaluates them before the call too).
    With `hoist_reads` (the receiver is an item of the variable, `adj[u].append(..)`), an
    argument that only reads the variable is evaluated first as well."""
    from backend.transpiler.analyze.mutation import root_name

    root = root_name(receiver)
    hoisted = [
        a
        for a in call.args
        if root is not None
        and (_changes_root(ctx, a, root) or (hoist_reads and _mentions(a, root)))
    ]
    if not hoisted:
        return lower()
    return with_temporaries(ctx, hoisted, lower, "arg")


def with_temporaries(
    ctx: FnContext, hoisted: list[Expression], lower: Callable[[], Expr], prefix: str
) -> Expr:
    """`{ let arg_0 = ..; <lower()> }`: the hoisted expressions are evaluated first, in
    order, and `lower()` sees each of them as its temporary."""
    lets = []
    for index, arg in enumerate(hoisted):
        e = lower_expr(ctx, arg)
        name = f"{prefix}_{index}"
        lets.append(f"let {name} = {values.owned(e)};")
        ctx.preset_exprs[id(arg)] = Expr(name, e.ty, Kind.OWNED)
    try:
        result = lower()
    finally:
        for arg in hoisted:
            ctx.preset_exprs.pop(id(arg), None)
    return Expr(f"{{ {' '.join(lets)} {result.code} }}", result.ty, result.kind, Prec.ATOM)


def _mentions(node: Expression, root: str) -> bool:
    from backend.transpiler.analyze.walk import Walker

    found = False

    class Finder(Walker):
        def visit_NameExpr(self, name: NameExpr) -> None:
            nonlocal found
            found = found or name.name == root

    Finder().visit(node)
    return found


def _changes_root(ctx: FnContext, node: Expression, root: str) -> bool:
    """Does evaluating `node` call something that mutates the variable `root`?"""
    from backend.transpiler.analyze.mutation import MUTATING_FUNCTIONS, MUTATING_METHODS, root_name
    from backend.transpiler.analyze.walk import Walker

    found = False

    class Finder(Walker):
        def visit_CallExpr(self, call: CallExpr) -> None:
            nonlocal found
            callee = call.callee
            if isinstance(callee, MemberExpr) and root_name(callee.expr) == root:
                changes = callee.name in MUTATING_METHODS or _mutating_user_method(ctx, callee)
                found = found or changes
            fullname = callee.fullname if isinstance(callee, NameExpr | MemberExpr) else ""
            passes_root = any(root_name(a) == root for a in call.args)
            if passes_root and (
                fullname in MUTATING_FUNCTIONS
                or fullname == "builtins.next"
                or _takes_mut_param(ctx, fullname)
            ):
                found = True
            self.generic(call)

        def visit_NameExpr(self, name: NameExpr) -> None:
            nonlocal found
            # a `&mut` into the receiver's container must be read before the call borrows it
            found = found or ctx.object_aliases.get(name.name) == root != name.name

        def visit_LambdaExpr(self, _node: LambdaExpr) -> None:
            return  # a closure body runs later

    Finder().visit(node)
    return found


def _mutating_user_method(ctx: FnContext, callee: MemberExpr) -> bool:
    typ = get_proper_type(ctx.module.mypy_type(callee.expr))
    if not isinstance(typ, Instance):
        return False
    sig = ctx.module.signatures.get(f"{typ.type.fullname}.{callee.name}")
    return sig is not None and sig.self_mode == "&mut self"


def _takes_mut_param(ctx: FnContext, fullname: str | None) -> bool:
    sig = ctx.module.signatures.get(fullname or "")
    return sig is not None and any(p.mode == "mut" for p in sig.params)


def coerce(ctx: FnContext, e: Expr, target: rt.RType) -> Expr:
    """Python's implicit conversions that Rust spells out: int->float, index->int, None->Option."""
    src = e.ty
    if src == target or isinstance(target, rt.UnknownT):
        return e
    if isinstance(src, rt.ArrayT) and isinstance(target, rt.ArrayT) and src.elem == target.elem:
        # an array of a narrow typecode where the type does not say it (a parameter):
        # its stores there would go unchecked
        raise Unsupported(
            what=f"an array of typecode '{src.typecode or target.typecode}' passed or "
            "bound where its typecode is not known",
            code="PRT519",
        )
    if rt.BIGINT in (src, target) or _big_list(src) or _big_list(target):
        from backend.transpiler.lower import bigints

        widened = bigints.coerce(ctx, e, target)  # `PyBigInt::from(x)` / checked `.to_i64()`
        if widened is not None:
            return widened
    if isinstance(src, rt.UnionT) or isinstance(target, rt.UnionT):
        from backend.transpiler.lower import unions

        converted = unions.coerce_union(ctx, e, target)  # wrap a member / unwrap a narrowed one
        if converted is not None:
            return converted
    if isinstance(target, rt.FnT) and target.boxed and not (isinstance(src, rt.FnT) and src.boxed):
        # one slot type for every closure (each has its own type): `Box<dyn Fn..>`
        if getattr(ctx, "in_static", False):
            target = rt.FnT(target.params, target.ret, target.mutable, boxed=True, sync=True)
        return Expr(f"Box::new({e.code}) as {target.render()}", target, Kind.OWNED, Prec.CAST)
    if isinstance(src, rt.OptionT) and isinstance(target, rt.StructT) and src.inner == target:
        from backend.transpiler.lower import class_links

        return class_links.narrowed(e)  # a field mypy narrowed to non-None
    if isinstance(src, rt.StructT) and isinstance(target, rt.StructT):
        from backend.transpiler.lower import class_hierarchy

        upcast = class_hierarchy.upcast(ctx.module, e, target)  # a subclass into its base's enum
        if upcast is not None:
            return upcast
    if isinstance(src, rt.StructT) and target in (rt.INT, rt.FLOAT):
        from backend.transpiler.lower import enums

        e = enums.int_value(ctx, e)  # an IntEnum member used as a number
        src = e.ty
    if target == rt.FLOAT and src == rt.BOOL:
        return Expr(f"f64::from(u8::from({values.value(e)}))", rt.FLOAT, Kind.OWNED, Prec.POSTFIX)
    if target == rt.FLOAT and src in (rt.INT, rt.USIZE, rt.BOOL):
        if e.code.lstrip("-").isdigit():
            return Expr(f"{e.code}.0", rt.FLOAT, Kind.OWNED, e.prec)
        return Expr(f"{values.value_expr(e).at(Prec.CAST)} as f64", rt.FLOAT, Kind.OWNED, Prec.CAST)
    if target == rt.INT and src in (rt.USIZE, rt.BOOL):
        return Expr(f"{values.value_expr(e).at(Prec.CAST)} as i64", rt.INT, Kind.OWNED, Prec.CAST)
    if target == rt.USIZE and src == rt.INT:
        return Expr(
            f"{values.value_expr(e).at(Prec.CAST)} as usize", rt.USIZE, Kind.OWNED, Prec.CAST
        )
    if isinstance(target, rt.StrT) and src == rt.CHAR:
        return Expr(f"{e.at(Prec.POSTFIX)}.to_string()", rt.STR, Kind.OWNED, Prec.POSTFIX)
    if isinstance(target, rt.OptionT):
        if src == rt.UNIT or e.code == "None":
            return Expr("None", target, Kind.OWNED)
        if not isinstance(src, rt.OptionT):
            inner = coerce(ctx, e, target.inner)
            return Expr(f"Some({values.owned(inner)})", target, Kind.OWNED)
    if (
        isinstance(target, rt.ListT)
        and isinstance(src, rt.ListT)
        and src.elem != target.elem
        and isinstance(src.elem, rt.UnknownT)
        and e.code == "vec![]"
    ):
        return Expr("Vec::new()", target, Kind.OWNED)
    if isinstance(src, rt.UnknownT) and e.kind is Kind.OWNED:
        return Expr(e.code, target, e.kind, e.prec)
    if isinstance(src, rt.SetT) and isinstance(target, rt.SetT) and e.code.endswith("Set::new()"):
        # an empty `set()` whose element type (so BTreeSet vs HashSet) comes from its target
        return Expr(f"{target.render().split('<')[0]}::new()", target, e.kind, e.prec)
    if isinstance(src, rt.ListT | rt.DictT | rt.SetT) and type(src) is type(target):
        # an empty literal whose element type mypy left open takes the wanted type
        if (
            isinstance(src, rt.ListT | rt.DictT)
            and "_" in target.render()
            and "_" not in src.render()
        ):
            return e  # (not an open `list[object]` over a mixed literal's enum items)
        return Expr(e.code, target, e.kind, e.prec)
    return e


def _big_list(ty: rt.RType) -> bool:
    """A list of, or a dict to, arbitrary-precision ints."""
    if isinstance(ty, rt.DictT):
        return ty.value == rt.BIGINT
    return isinstance(ty, rt.ListT) and ty.elem == rt.BIGINT


# ---- literals and names ----


def lower_int(ctx: FnContext, node: IntExpr) -> Expr:
    if node.value > I64_MAX:
        from backend.transpiler.lower import bigints

        return bigints.literal(ctx, node)  # arbitrary precision (analyze/int_width.py)
    if node.value > 2**31 - 1:
        # where nothing else types it, a Rust literal is an i32: say i64 for a big one
        return Expr(f"{node.value}_i64", rt.INT, Kind.OWNED)
    return Expr(str(node.value), rt.INT, Kind.OWNED)


def lower_float(ctx: FnContext, node: FloatExpr) -> Expr:
    return Expr(rust_float_literal(node.value), rt.FLOAT, Kind.OWNED)


def lower_str(ctx: FnContext, node: StrExpr) -> Expr:
    return Expr(rust_str_literal(node.value), rt.STR, Kind.BORROWED)


def lower_bytes(ctx: FnContext, node: BytesExpr) -> Expr:
    return Expr(f'b"{node.value}".to_vec()', rt.BYTES, Kind.OWNED, Prec.POSTFIX)


def lower_name(ctx: FnContext, node: NameExpr) -> Expr:
    if node.fullname == "builtins.True":
        return Expr("true", rt.BOOL, Kind.OWNED)
    if node.fullname == "builtins.False":
        return Expr("false", rt.BOOL, Kind.OWNED)
    if node.fullname == "builtins.None":
        return Expr("None", rt.UNIT, Kind.OWNED)
    info = ctx.lookup(node.name)
    if info is not None and isinstance(node.node, Var) and not _is_module_level(ctx, node):
        if _is_range_value(ctx, node):
            # a `range` can be iterated again and again; a Rust `Range` is consumed
            return Expr(f"{info.rust_name}.clone()", info.ty, Kind.OWNED, Prec.POSTFIX)
        return narrow(ctx, node, var_expr(info))
    const = ctx.module.constants.get(node.name)
    if const is not None:
        if node.name in getattr(ctx.module, "mutable_globals", ()):
            from backend.transpiler.lower import module_state

            module_state.note_use(ctx, node.name)  # this statement takes the state's lock
        return narrow(ctx, node, var_expr(const))
    if isinstance(node.node, FuncDef) or (node.fullname and node.fullname in ctx.module.signatures):
        sig = ctx.module.signatures.get(node.fullname)
        name = sig.rust_name if sig else rust_ident(node.name)
        return Expr(name, type_of(ctx, node), Kind.OWNED)
    if info is not None:
        return narrow(ctx, node, var_expr(info))
    from backend.transpiler.lower import stdlib

    found = stdlib.lower_module_name(ctx, node)
    if found is not None:
        return found
    if isinstance(node.node, TypeInfo):
        from backend.transpiler.lower import classes

        return classes.lower_class_name(ctx, node, node.node)
    from backend.transpiler.lower.closures import function_value

    builtin = function_value(ctx, node, None)  # `len` as a value, typed by mypy
    if builtin is not None:
        return builtin
    raise Unsupported(node, f"name `{node.name}`", "PRT101")


def _is_range_value(ctx: FnContext, node: NameExpr) -> bool:
    typ = get_proper_type(ctx.module.mypy_type(node))
    return isinstance(typ, Instance) and typ.type.fullname == "builtins.range"


def _is_module_level(ctx: FnContext, node: NameExpr) -> bool:
    return (
        node.kind == 0
        and node.fullname.startswith(ctx.module.module_name + ".")
        and (ctx.lookup(node.name) is None)
    )


def narrow(ctx: FnContext, node: Expression, e: Expr) -> Expr:
    """mypy narrowed an Optional variable (`if x is not None:`): unwrap its value here."""
    from backend.transpiler.lower import unions

    if unions.union_of(e.ty) is not None:
        return unions.narrow_use(ctx, node, e)  # `isinstance(v, int)` on `v: int | str`
    if not isinstance(e.ty, rt.OptionT):
        return e
    seen = type_of(ctx, node)
    if isinstance(seen, rt.OptionT | rt.UnknownT) or seen == rt.UNIT:
        return e
    inner = e.ty.inner
    if inner.is_copy:
        return Expr(f"{e.at(Prec.POSTFIX)}.unwrap()", inner, Kind.OWNED, Prec.POSTFIX)
    if e.kind is Kind.MUT_BORROWED:
        return Expr(
            f"{e.at(Prec.POSTFIX)}.as_mut().unwrap()", inner, Kind.MUT_BORROWED, Prec.POSTFIX
        )
    # a borrowed Optional is `Option<&T>` (a parameter) or `&Option<T>` (an item of a
    # borrowed list): `as_deref`/`as_ref` borrow the value out of either without moving it
    if isinstance(inner, rt.StrT | rt.ListT) and e.kind is not Kind.OWNED:
        return Expr(f"{e.at(Prec.POSTFIX)}.as_deref().unwrap()", inner, Kind.BORROWED, Prec.POSTFIX)
    if e.kind is Kind.BORROWED:
        return Expr(f"{e.at(Prec.POSTFIX)}.as_ref().unwrap()", inner, Kind.BORROWED, Prec.POSTFIX)
    if e.kind is Kind.OWNED:
        return Expr(f"{e.at(Prec.POSTFIX)}.unwrap()", inner, Kind.OWNED, Prec.POSTFIX)
    return Expr(f"{e.at(Prec.POSTFIX)}.as_ref().unwrap()", inner, Kind.BORROWED, Prec.POSTFIX)


# ---- attributes ----


def lower_member(ctx: FnContext, node: MemberExpr) -> Expr:
    base = node.expr
    if isinstance(base, NameExpr) and isinstance(base.node, MypyFile):
        from backend.transpiler.lower import stdlib

        return stdlib.lower_module_attr(ctx, node, base.node.fullname)
    if isinstance(base, NameExpr) and isinstance(base.node, TypeInfo):
        from backend.transpiler.lower import classes, closures

        method = closures.function_value(ctx, node, None)  # `str.strip` as a value
        if method is not None:
            return method
        return classes.lower_class_attr(ctx, node, base.node)
    from backend.transpiler.lower import classes

    if type_of(ctx, base) == rt.COMPLEX:
        from backend.transpiler.lower import complex_numbers

        return complex_numbers.attribute(lower_expr(ctx, base), node.name, node)
    class_name = _type_name_of(ctx, node)
    if class_name is not None:
        return class_name
    return narrow(ctx, node, classes.lower_instance_attr(ctx, node))  # `if p.boss is not None:`


def _type_name_of(ctx: FnContext, node: MemberExpr) -> Expr | None:
    """`type(obj).__name__` for an object of a user class: the class's name. Every class of
    a hierarchy has its own copy of each method, so in a method `self` has one class; a
    value typed by a class with subclasses is the hierarchy's enum: one name per variant."""
    call = node.expr
    if not (
        node.name == "__name__"
        and isinstance(call, CallExpr)
        and isinstance(call.callee, NameExpr)
        and call.callee.fullname == "builtins.type"
        and len(call.args) == 1
    ):
        return None
    from backend.transpiler.lower import class_hierarchy

    declared = get_proper_type(ctx.module.mypy_type(call.args[0]))
    ci = ctx.module.classes.get(declared.type.fullname) if isinstance(declared, Instance) else None
    if ci is None or ci.is_enum or ci.is_exception:
        return None  # not an object of a translated class: `type(x)` is reported as usual
    # The lowered value's type, not mypy's: in a method copied into a subclass, `self` is
    # that subclass's struct.
    value = lower_expr(ctx, call.args[0])
    if not isinstance(value.ty, rt.StructT):
        return None
    root = class_hierarchy.poly_root(ctx.module, value.ty)
    if root is not None:
        enum = value.ty.render()
        arms = ", ".join(
            f'{enum}::{member.name}(_) => "{member.name}"'
            for member in class_hierarchy.concrete_members(ctx.module, root)
        )
        return Expr(f"match &{value.at(Prec.UNARY)} {{ {arms} }}", rt.STR, Kind.BORROWED)
    name = rust_str_literal(value.ty.name)
    if isinstance(call.args[0], NameExpr | MemberExpr):
        return Expr(name, rt.STR, Kind.BORROWED)
    # `type(make()).__name__` still makes the object, as Python does
    return Expr(f"{{ let _ = {value.code}; {name} }}", rt.STR, Kind.BORROWED, Prec.ATOM)


# ---- containers ----


def _reject_mixed_items(ctx: FnContext, node: Expression) -> None:
    """`[1, "a"]` is a `list[object]` to mypy: Rust has no element type for it (print() of
    such a literal is rendered at translation time by formatting.constant_text)."""
    ty = type_of(ctx, node)
    items: list[rt.RType] = []
    target: rt.RType = rt.UNKNOWN
    if isinstance(ty, rt.ListT) and isinstance(node, ListExpr):
        items, target = [type_of(ctx, i) for i in node.items], ty.elem
    if isinstance(ty, rt.DictT) and isinstance(node, DictExpr):
        items, target = [type_of(ctx, v) for _, v in node.items], ty.value
    if target == rt.UNKNOWN and items:  # `object`: the items must still agree
        target = items[0]
    if any(_incompatible(item, target) for item in items):
        raise Unsupported(
            node,
            "a container whose items have different types (Rust needs one item type)",
            "PRT261",
        )


def _incompatible(item: rt.RType, target: rt.RType) -> bool:
    """Item types that no implicit conversion (coerce) turns into the container's."""
    if item == target or rt.UNKNOWN in (item, target) or item == rt.UNIT:
        return False
    if isinstance(target, rt.UnionT):
        return False  # each item is wrapped in its variant
    if isinstance(target, rt.OptionT):
        return _incompatible(item.inner if isinstance(item, rt.OptionT) else item, target.inner)
    if (target, item) in ((rt.FLOAT, rt.INT), (rt.FLOAT, rt.BOOL), (rt.INT, rt.BOOL)):
        return False
    if rt.BIGINT in (target, item) and {target, item} <= {rt.INT, rt.BIGINT, rt.BOOL}:
        return False  # converted (PyBigInt::from, or checked to i64)
    if isinstance(item, rt.StructT) and isinstance(target, rt.StructT):
        return False  # a subclass's object (a struct or a node's handle) into its base's enum
    return type(item) is not type(target) or isinstance(item, rt.Prim)


def lower_list(ctx: FnContext, node: ListExpr) -> Expr:
    ty = type_of(ctx, node)
    elem = ty.elem if isinstance(ty, rt.ListT) else rt.UNKNOWN
    if not node.items:
        return Expr("Vec::new()", ty, Kind.OWNED)
    from backend.transpiler.lower import unions

    mixed = unions.mixed_items_type(ctx, elem, node.items)  # `[1, "a"]`: list[object]
    if mixed is not None:
        elem, ty = mixed, rt.ListT(mixed)
    else:
        _reject_mixed_items(ctx, node)
    if any(type(i).__name__ == "StarExpr" for i in node.items):
        return _list_with_stars(ctx, node, ty, elem)
    items = [values.owned(lower_expr(ctx, item, elem)) for item in node.items]
    return Expr(f"vec![{', '.join(items)}]", ty, Kind.OWNED)


def _list_with_stars(ctx: FnContext, node: ListExpr, ty: rt.RType, elem: rt.RType) -> Expr:
    parts = []
    for item in node.items:
        if type(item).__name__ == "StarExpr":
            inner = lower_expr(ctx, item.expr)  # type: ignore[attr-defined]
            parts.append(f"{inner.at(Prec.POSTFIX)}.to_vec()")
        else:
            parts.append(f"vec![{values.owned(lower_expr(ctx, item, elem))}]")
    return Expr(f"[{', '.join(parts)}].concat()", ty, Kind.OWNED, Prec.POSTFIX)


def lower_tuple(ctx: FnContext, node: TupleExpr) -> Expr:
    ty = type_of(ctx, node)
    wanted = ctx.wanted
    if (
        isinstance(wanted, rt.TupleT)
        and len(wanted.items) == len(node.items)
        and not any(isinstance(t, rt.UnknownT) for t in wanted.items)
    ):
        ty = wanted  # `(0, 0)` where `tuple[float, float]` is wanted: its items convert
    targets = ty.items if isinstance(ty, rt.TupleT) else (None,) * len(node.items)
    items = [
        values.owned(lower_expr(ctx, item, t)) for item, t in zip(node.items, targets, strict=False)
    ]
    if isinstance(ty, rt.ListT):  # tuple[int, ...]
        return Expr(f"vec![{', '.join(items)}]", ty, Kind.OWNED)
    code = f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    return Expr(code, ty, Kind.OWNED)


def lower_dict(ctx: FnContext, node: DictExpr) -> Expr:
    ty = type_of(ctx, node)
    ctx.module.note_type(ty)
    ctx.module.use_helper("py_dict")
    if not node.items:
        return Expr("PyDict::new()", ty, Kind.OWNED)
    key_t = ty.key if isinstance(ty, rt.DictT) else None
    val_t = ty.value if isinstance(ty, rt.DictT) else None
    if any(key is None for key, _ in node.items):
        return _lower_dict_unpacking(ctx, node, ty)
    from backend.transpiler.lower import unions

    mixed = unions.mixed_items_type(ctx, val_t or rt.UNKNOWN, [v for _, v in node.items])
    if mixed is not None and key_t is not None:  # `{"a": 1, "b": "x"}`: dict[str, object]
        val_t, ty = mixed, rt.DictT(key_t, mixed)
    else:
        _reject_mixed_items(ctx, node)
    pairs = []
    for key, val in node.items:
        if key is None:
            raise Unsupported(node, "`**` unpacking in a dict display", "PRT120")
        k = values.owned(lower_expr(ctx, key, key_t))
        v = values.owned(lower_expr(ctx, val, val_t))
        pairs.append(f"({k}, {v})")
    return Expr(f"PyDict::from_iter([{', '.join(pairs)}])", ty, Kind.OWNED, Prec.POSTFIX)


def _lower_dict_unpacking(ctx: FnContext, node: DictExpr, ty: rt.RType) -> Expr:
    """`{**base, "k": v}`: entries in order into one dict; a repeated key takes the later
    value and keeps its first position, as in Python (PyDict.insert)."""
    if not isinstance(ty, rt.DictT):
        raise Unsupported(node, "`**` unpacking in a dict display of unknown type", "PRT120")
    steps: list[str] = []
    for index, (key, val) in enumerate(node.items):
        if key is None:
            source = values.owned(lower_expr(ctx, val, ty))
            first = index == 0
            steps.append(f"let mut merged = {source};" if first else f"merged.extend({source});")
            continue
        if index == 0:
            steps.append("let mut merged = PyDict::new();")
        k = values.owned(lower_expr(ctx, key, ty.key))
        v = values.owned(lower_expr(ctx, val, ty.value))
        steps.append(f"merged.insert({k}, {v});")
    return Expr(f"{{ {' '.join(steps)} merged }}", ty, Kind.OWNED, Prec.ATOM)


def lower_set(ctx: FnContext, node: SetExpr) -> Expr:
    ty = type_of(ctx, node)
    elem = ty.elem if isinstance(ty, rt.SetT) else None
    lowered = [lower_expr(ctx, item, elem) for item in node.items]
    if (elem is None or isinstance(elem, rt.UnknownT)) and lowered:
        ty = rt.SetT(lowered[0].ty)  # mypy left the display untyped: its items say
    ctx.module.note_type(ty)
    kind = ty.render().split("<")[0]
    items = [values.owned(item) for item in lowered]
    return Expr(f"{kind}::from([{', '.join(items)}])", ty, Kind.OWNED, Prec.POSTFIX)


def lower_conditional(ctx: FnContext, node: ConditionalExpr) -> Expr:
    ty = type_of(ctx, node)
    cond = values.truthy(ctx, node.cond, lower_expr(ctx, node.cond)).code
    then = lower_expr(ctx, node.if_expr, ty)
    other = lower_expr(ctx, node.else_expr, ty)
    if rt.BIGINT in (then.ty, other.ty) and {then.ty, other.ty} <= {rt.BIGINT, rt.INT}:
        from backend.transpiler.lower import bigints

        # one branch is arbitrary precision: so is the whole expression
        then, other, ty = bigints.to_big(ctx, then), bigints.to_big(ctx, other), rt.BIGINT
    ty = then.ty if isinstance(ty, rt.UnknownT) else ty
    code = f"if {cond} {{ {values.owned(then)} }} else {{ {values.owned(other)} }}"
    return Expr(code, ty, Kind.OWNED, Prec.CLOSURE)


def lower_cast(ctx: FnContext, node: CastExpr) -> Expr:
    return lower_expr(ctx, node.expr, type_of(ctx, node))


def lower_walrus(ctx: FnContext, node: AssignmentExpr) -> Expr:
    raise Unsupported(node, "assignment expression (`:=`)", "PRT121")


def lower_ellipsis(ctx: FnContext, node: EllipsisExpr) -> Expr:
    raise Unsupported(node, "`...` as a value", "PRT100")


def _lazy(module: str, name: str) -> Callable[[FnContext, Expression], Expr]:
    def call(ctx: FnContext, node: Expression) -> Expr:
        import importlib

        mod = importlib.import_module(f"backend.transpiler.lower.{module}")
        result: Expr = getattr(mod, name)(ctx, node)
        return result

    return call


_DISPATCH: dict[type, Callable[[FnContext, Expression], Expr]] = {
    IntExpr: lower_int,  # type: ignore[dict-item]
    FloatExpr: lower_float,  # type: ignore[dict-item]
    ComplexExpr: _lazy("complex_numbers", "lower_literal"),
    StrExpr: lower_str,  # type: ignore[dict-item]
    BytesExpr: lower_bytes,  # type: ignore[dict-item]
    NameExpr: lower_name,  # type: ignore[dict-item]
    MemberExpr: lower_member,  # type: ignore[dict-item]
    ListExpr: lower_list,  # type: ignore[dict-item]
    TupleExpr: lower_tuple,  # type: ignore[dict-item]
    DictExpr: lower_dict,  # type: ignore[dict-item]
    SetExpr: lower_set,  # type: ignore[dict-item]
    ConditionalExpr: lower_conditional,  # type: ignore[dict-item]
    CastExpr: lower_cast,  # type: ignore[dict-item]
    AssignmentExpr: lower_walrus,  # type: ignore[dict-item]
    EllipsisExpr: lower_ellipsis,  # type: ignore[dict-item]
    OpExpr: _lazy("operators", "lower_op"),
    ComparisonExpr: _lazy("operators", "lower_comparison"),
    UnaryExpr: _lazy("operators", "lower_unary"),
    IndexExpr: _lazy("subscripts", "lower_index"),
    CallExpr: _lazy("calls", "lower_call"),
    ListComprehension: _lazy("comprehensions", "lower_list_comprehension"),
    SetComprehension: _lazy("comprehensions", "lower_set_comprehension"),
    DictionaryComprehension: _lazy("comprehensions", "lower_dict_comprehension"),
    GeneratorExpr: _lazy("comprehensions", "lower_generator_expr"),
    LambdaExpr: _lazy("functions", "lower_lambda"),
}
