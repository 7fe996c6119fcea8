"""`Enum` / `IntEnum` / `StrEnum` classes as Rust enums: CamelCase variants, `name()`,
`value()`, lookups by value (`Color(1)`) and by name (`Color["RED"]`), `ALL` for iteration,
Display `Color.RED` and Debug `<Color.RED: 1>` as CPython prints them."""

from __future__ import annotations

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    ClassDef,
    Expression,
    IndexExpr,
    IntExpr,
    MemberExpr,
    NameExpr,
    StrExpr,
)

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import (
    ClassInfo,
    FnContext,
    ModuleContext,
    Unsupported,
    span_of,
)
from backend.transpiler.lower.expressions import lower_expr

INT_ENUM_BASES = ("enum.IntEnum", "enum.IntFlag")


def variant_name(name: str) -> str:
    return "".join(part.capitalize() for part in name.lower().split("_")) or name


def collect_enum(ci: ClassInfo, cdef: ClassDef) -> None:
    ci.int_enum = any(ci.info.has_base(b) for b in INT_ENUM_BASES)
    for stmt in cdef.defs.body:
        if (
            isinstance(stmt, AssignmentStmt)
            and len(stmt.lvalues) == 1
            and isinstance(stmt.lvalues[0], NameExpr)
        ):
            name = stmt.lvalues[0].name
            if not name.startswith("_"):
                ci.enum_members.append((name, stmt.rvalue))


def _is_auto(expr: Expression) -> bool:
    return (
        isinstance(expr, CallExpr)
        and isinstance(expr.callee, NameExpr | MemberExpr)
        and expr.callee.fullname == "enum.auto"
    )


def _member_values(module: ModuleContext, ci: ClassInfo) -> tuple[list[str], rt.RType]:
    """Rust code of each member's value, and the value type (`auto()` counts on from the last
    int, as CPython does; a StrEnum's `auto()` is the lower-cased name)."""
    ctx = FnContext(module, None, None)
    str_enum = ci.info.has_base("enum.StrEnum")
    codes: list[str] = []
    value_t: rt.RType | None = None
    last = 0
    for name, expr in ci.enum_members:
        if _is_auto(expr):
            if str_enum:
                codes.append(f'"{name.lower()}"')
                value_t = rt.STR
                continue
            last += 1
            codes.append(str(last))
            value_t = rt.INT
            continue
        e = lower_expr(ctx, expr)
        if isinstance(expr, IntExpr):
            last = expr.value
        if value_t is not None and e.ty != value_t:
            raise Unsupported(expr, f"enum `{ci.name}` with values of different types", "PRT520")
        value_t = e.ty
        if isinstance(e.ty, rt.StrT) and not e.code.startswith('"'):
            raise Unsupported(expr, "computed str enum value", "PRT521")
        if not (e.ty.is_copy or isinstance(e.ty, rt.StrT)):
            raise Unsupported(expr, f"enum value of type {e.ty.render()}", "PRT521")
        codes.append(values.owned(e) if not isinstance(e.ty, rt.StrT) else e.code)
    return codes, value_t or rt.INT


def value_type(module: ModuleContext, ci: ClassInfo) -> rt.RType:
    cache: dict[str, rt.RType] = module.__dict__.setdefault("enum_value_types", {})
    if ci.name not in cache:
        cache[ci.name] = _member_values(module, ci)[1]
    return cache[ci.name]


def lower_enum(module: ModuleContext, ci: ClassInfo, cdef: ClassDef) -> list[ir.Item]:
    module.use("std::fmt")
    if not ci.enum_members:
        raise Unsupported(cdef, f"enum `{ci.name}` without members", "PRT522")
    variants = [variant_name(n) for n, _ in ci.enum_members]
    codes, value_t = _member_values(module, ci)
    module.__dict__.setdefault("enum_value_types", {})[ci.name] = value_t
    derives = ["Clone", "Copy", "PartialEq", "Eq", "Hash"]
    if not ci.int_enum:
        derives += ["PartialOrd", "Ord"]  # declaration order: lets members sit in sorted containers
    item = ir.EnumItem(ci.name, variants, derives, span=span_of(cdef))
    value_ret = "&'static str" if isinstance(value_t, rt.StrT) else value_t.render()
    name = ci.name
    pairs = list(zip(ci.enum_members, variants, codes, strict=True))
    name_arms = "\n".join(f'            {name}::{v} => "{n}",' for (n, _), v, _ in pairs)
    value_arms = "\n".join(f"            {name}::{v} => {c}," for _, v, c in pairs)
    all_list = ", ".join(f"{name}::{v}" for v in variants)
    inherent = (
        f"const ALL: [{name}; {len(variants)}] = [{all_list}];\n\n"
        f"fn name(self) -> &'static str {{\n    match self {{\n{_dedent(name_arms)}\n    }}\n}}\n\n"
        f"fn value(self) -> {value_ret} {{\n    match self {{\n{_dedent(value_arms)}\n    }}\n}}"
    )
    impl_items: list[ir.Function | ir.RawItem] = [ir.RawItem(inherent)]
    impl_items.extend(_lookups(module, ci, value_t))
    impl_items.extend(_methods(module, ci, cdef))
    items: list[ir.Item] = [
        item,
        ir.Impl(name, impl_items, span=span_of(cdef)),
        *_format_impls(module, ci, value_t),
    ]
    if ci.int_enum:
        items.append(_int_order(name))
    return items


def _dedent(text: str) -> str:
    return "\n".join(line[4:] for line in text.split("\n"))


def _lookups(
    module: ModuleContext, ci: ClassInfo, value_t: rt.RType
) -> list[ir.Function | ir.RawItem]:
    """`Color(v)` -> `from_value` (ValueError), `Color[name]` -> `from_name` (KeyError)."""
    name = ci.name
    module.use_helper("py_fmt")
    param_t = "&str" if isinstance(value_t, rt.StrT) else value_t.render()
    from_value = (
        f"fn from_value(value: {param_t}) -> {name} {{\n"
        f"    {name}::ALL\n        .into_iter()\n        .find(|member| member.value() == value)\n"
        f"        .unwrap_or_else(|| {{\n"
        f'            panic!("ValueError: {{}} is not a valid {name}", value.py_repr())\n'
        f"        }})\n}}"
    )
    from_name = (
        f"fn from_name(key: &str) -> {name} {{\n"
        f"    {name}::ALL\n        .into_iter()\n        .find(|member| member.name() == key)\n"
        f'        .unwrap_or_else(|| panic!("KeyError: {{}}", key.py_repr()))\n}}'
    )
    return [ir.RawItem(from_value), ir.RawItem(from_name)]


def _methods(
    module: ModuleContext, ci: ClassInfo, cdef: ClassDef
) -> list[ir.Function | ir.RawItem]:
    from backend.transpiler.lower.classes import class_methods
    from backend.transpiler.lower.functions import lower_function

    out: list[ir.Function | ir.RawItem] = []
    for method in class_methods(cdef):
        fullname = f"{ci.info.fullname}.{method.name}"
        sig = module.signatures.get(fullname)
        if sig is None or method.name.startswith("__"):
            raise Unsupported(method, f"enum method `{method.name}`", "PRT523")
        if sig.self_mode is not None:
            sig.self_mode = "self"  # members are Copy
        out.append(lower_function(module, fullname, method, sig))
    return out


def _format_impls(module: ModuleContext, ci: ClassInfo, value_t: rt.RType) -> list[ir.Item]:
    from backend.transpiler.lower.class_traits import fmt_impl, pyfmt_impl

    name = ci.name
    module.use_helper("py_fmt")
    if ci.int_enum:
        display = fmt_impl("fmt::Display", name, ['write!(f, "{}", self.value())'])
    else:
        display = fmt_impl("fmt::Display", name, [f'write!(f, "{name}.{{}}", self.name())'])
    debug = fmt_impl(
        "fmt::Debug",
        name,
        [f'write!(f, "<{name}.{{}}: {{}}>", self.name(), self.value().py_repr())'],
    )
    return [display, debug, pyfmt_impl(module, name)]


def _int_order(name: str) -> ir.Item:
    """IntEnum members order by value, not by declaration."""
    return ir.RawItem(
        f"impl PartialOrd for {name} {{\n"
        f"    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {{\n"
        f"        Some(self.cmp(other))\n    }}\n}}\n\n"
        f"impl Ord for {name} {{\n"
        f"    fn cmp(&self, other: &Self) -> std::cmp::Ordering {{\n"
        f"        self.value().cmp(&other.value())\n    }}\n}}"
    )


# ---- uses from expressions ----


def member_expr(ci: ClassInfo, name: str) -> Expr | None:
    if name in {n for n, _ in ci.enum_members}:
        from backend.transpiler.lower.classes import struct_type

        return Expr(f"{ci.name}::{variant_name(name)}", struct_type(ci), Kind.OWNED)
    return None


def members_value(ci: ClassInfo) -> Expr:
    """The class as an iterable of its members: the `ALL` array."""
    from backend.transpiler.lower.classes import struct_type

    return Expr(f"{ci.name}::ALL", rt.ListT(struct_type(ci)), Kind.PLACE, Prec.POSTFIX)


def member_attr(ctx: FnContext, node: MemberExpr, base: Expr, ci: ClassInfo) -> Expr:
    recv = values.value_expr(base).at(Prec.POSTFIX)
    if node.name == "name":
        return Expr(f"{recv}.name()", rt.STR, Kind.BORROWED, Prec.POSTFIX)
    if node.name == "value":
        vt = value_type(ctx.module, ci)
        kind = Kind.BORROWED if isinstance(vt, rt.StrT) else Kind.OWNED
        return Expr(f"{recv}.value()", vt, kind, Prec.POSTFIX)
    raise Unsupported(node, f"enum attribute `.{node.name}`", "PRT524")


def lookup_by_value(ctx: FnContext, node: CallExpr, ci: ClassInfo) -> Expr:
    from backend.transpiler.lower.classes import struct_type

    if len(node.args) != 1:
        raise Unsupported(node, f"`{ci.name}(...)` with {len(node.args)} arguments", "PRT525")
    vt = value_type(ctx.module, ci)
    arg = lower_expr(ctx, node.args[0], vt)
    code = values.borrow_str(arg) if isinstance(vt, rt.StrT) else values.owned(arg)
    return Expr(f"{ci.name}::from_value({code})", struct_type(ci), Kind.OWNED, Prec.POSTFIX)


def lookup_by_name(ctx: FnContext, node: IndexExpr, ci: ClassInfo) -> Expr:
    from backend.transpiler.lower.classes import struct_type

    key = lower_expr(ctx, node.index, rt.STR)
    if isinstance(node.index, StrExpr):
        member = member_expr(ci, node.index.value)
        if member is not None:
            return member
    return Expr(
        f"{ci.name}::from_name({values.borrow_str(key)})", struct_type(ci), Kind.OWNED, Prec.POSTFIX
    )


def call_enum_class_member(ctx: FnContext, node: CallExpr, ci: ClassInfo, name: str) -> Expr | None:
    return None


def int_value(ctx: FnContext, e: Expr) -> Expr:
    """An IntEnum member where Python uses it as an int (`Level.INFO + 5`, `int(level)`)."""
    if isinstance(e.ty, rt.StructT):
        from backend.transpiler.lower.classes import class_of

        ci = class_of(ctx.module, e.ty)
        if ci is not None and ci.int_enum:
            return Expr(
                f"{values.value_expr(e).at(Prec.POSTFIX)}.value()", rt.INT, Kind.OWNED, Prec.POSTFIX
            )
    return e
