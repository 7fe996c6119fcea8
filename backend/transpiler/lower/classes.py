"""Classes: dataclasses and plain classes become structs with an `impl`; `Enum`s become
Rust enums; `__str__`/`__repr__`/`__eq__`/`__lt__` become trait impls."""

from __future__ import annotations

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    ClassDef,
    Decorator,
    Expression,
    ExpressionStmt,
    FuncDef,
    MemberExpr,
    NameExpr,
    OverloadedFuncDef,
    ReturnStmt,
    StrExpr,
    TempNode,
    TypeInfo,
    Var,
)

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call, call_arguments, call_user
from backend.transpiler.lower.context import (
    ClassInfo,
    FnContext,
    FuncSig,
    ModuleContext,
    ParamSig,
    Unsupported,
    rust_ident,
    span_of,
)
from backend.transpiler.lower.expressions import lower_expr, type_of

DUNDER_NAMES = {
    "__len__": "len",
    "__contains__": "contains",
    "__getitem__": "get_item",
    "__setitem__": "set_item",
    "__call__": "call",
    "__hash__": "hash_value",
}


# ---- discovery (before lowering: signatures and field types are needed by every caller) ----


def collect_class(module: ModuleContext, cdef: ClassDef) -> ClassInfo:
    info = cdef.info
    ci = ClassInfo(cdef.name, info)
    ci.is_enum = info.is_enum
    ci.is_exception = info.has_base("builtins.BaseException")
    ci.is_dataclass = any(_decorator_name(d) == "dataclass" for d in cdef.decorators)
    ci.ordered = ci.is_dataclass and _dataclass_flag(cdef, "order")
    bases = [b for b in info.mro[1:] if b.fullname not in ("builtins.object",)]
    if bases and not ci.is_enum and not ci.is_exception:
        ci.base = bases[0].name
    if ci.is_enum:
        for stmt in cdef.defs.body:
            if isinstance(stmt, AssignmentStmt) and isinstance(stmt.lvalues[0], NameExpr):
                ci.enum_members.append((stmt.lvalues[0].name, stmt.rvalue))
        return ci
    for name, sym in info.names.items():
        node = sym.node
        if isinstance(node, Var) and not node.is_classvar and name not in ("__slots__", "__match_args__"):
            if node.is_property:
                continue
            ci.fields.append((name, module.map_type(node.type)))
    if ci.is_dataclass:
        for stmt in cdef.defs.body:
            if isinstance(stmt, AssignmentStmt) and isinstance(stmt.lvalues[0], NameExpr):
                if not isinstance(stmt.rvalue, TempNode):
                    ci.field_defaults[stmt.lvalues[0].name] = stmt.rvalue
    methods = {m.name for m in class_methods(cdef)}
    ci.has_str = "__str__" in methods
    ci.has_repr = "__repr__" in methods
    ci.has_eq = "__eq__" in methods
    ci.has_lt = "__lt__" in methods
    return ci


def _decorator_name(node: Expression) -> str:
    if isinstance(node, CallExpr):
        node = node.callee
    if isinstance(node, NameExpr | MemberExpr):
        return node.name
    return ""


def _dataclass_flag(cdef: ClassDef, flag: str) -> bool:
    for d in cdef.decorators:
        if isinstance(d, CallExpr) and _decorator_name(d) == "dataclass":
            for name, arg in zip(d.arg_names, d.args, strict=True):
                if name == flag and isinstance(arg, NameExpr) and arg.fullname == "builtins.True":
                    return True
    return False


def class_methods(cdef: ClassDef) -> list[FuncDef]:
    out = []
    for stmt in cdef.defs.body:
        if isinstance(stmt, FuncDef):
            out.append(stmt)
        elif isinstance(stmt, Decorator):
            out.append(stmt.func)
        elif isinstance(stmt, OverloadedFuncDef):
            raise Unsupported(stmt, "overloaded method", "PRT500")
    return out


def struct_type(ci: ClassInfo) -> rt.StructT:
    if ci.is_enum:
        return rt.StructT(ci.name, copy=True, ordered=True)
    return rt.StructT(ci.name, copy=False, ordered=ci.ordered)


def constructor_signature(module: ModuleContext, ci: ClassInfo, cdef: ClassDef) -> FuncSig:
    """`X::new(..)`: dataclass fields in order, or `__init__`'s parameters."""
    init = next((m for m in class_methods(cdef) if m.name == "__init__"), None)
    if init is not None:
        from backend.transpiler.lower.functions import build_signature

        sig = build_signature(module, f"{ci.info.fullname}.__init__", init, owner=ci.name)
        sig.rust_name = "new"
        sig.self_mode = None
        sig.ret = struct_type(ci)
        for p in sig.params:
            p.mode = "value" if p.ty.is_copy else "owned"
        return sig
    params = [
        ParamSig(name, ty, "value" if ty.is_copy else "owned", ci.field_defaults.get(name))
        for name, ty in ci.fields
    ]
    return FuncSig("new", params, struct_type(ci), owner=ci.name)


# ---- lowering ----


def lower_class(module: ModuleContext, cdef: ClassDef) -> list[ir.Item]:
    ci = module.classes[cdef.info.fullname]
    if ci.is_enum:
        return _lower_enum(module, ci, cdef)
    if ci.is_exception:
        return []  # user exceptions are PyException values with their own kind name
    if ci.base is not None:
        raise Unsupported(cdef, f"class inheriting from `{ci.base}`", "PRT501")
    items: list[ir.Item] = [_struct(module, ci, cdef)]
    impl_items: list[ir.Function | ir.RawItem] = [_constructor(module, ci, cdef)]
    trait_items: list[ir.Item] = []
    from backend.transpiler.lower.functions import lower_function

    for method in class_methods(cdef):
        fullname = f"{ci.info.fullname}.{method.name}"
        if method.name == "__init__":
            continue
        sig = module.signatures.get(fullname)
        if sig is None:
            continue
        if method.name in ("__str__", "__repr__"):
            trait_items.append(_display_impl(module, ci, method, sig))
            continue
        if method.name == "__eq__":
            trait_items.append(_eq_impl(module, ci, method, sig))
            continue
        if method.name == "__lt__":
            fn = lower_function(module, fullname, method, sig)
            fn.name = "less_than"
            impl_items.append(fn)
            trait_items.append(_partial_ord_impl(ci))
            continue
        impl_items.append(lower_function(module, fullname, method, sig))
    items.append(ir.Impl(ci.name, impl_items, span=span_of(cdef)))
    if ci.is_dataclass and not ci.has_repr:
        trait_items.append(_dataclass_debug(module, ci))
        if not ci.has_str:
            trait_items.append(_display_from_debug(module, ci))
    items.extend(trait_items)
    return items


def _struct(module: ModuleContext, ci: ClassInfo, cdef: ClassDef) -> ir.Struct:
    derives = ["Clone"]
    if ci.is_dataclass and not ci.has_eq:
        derives.append("PartialEq")
    if ci.ordered:
        derives.append("PartialOrd")
    fields = []
    for name, ty in ci.fields:
        module.note_type(ty)
        if isinstance(ty, rt.UnknownT):
            raise Unsupported(cdef, f"field `{name}` of unknown type", "PRT502")
        fields.append((rust_ident(name), ty.render()))
    doc = []
    if cdef.defs.body and isinstance(cdef.defs.body[0], ExpressionStmt) and isinstance(cdef.defs.body[0].expr, StrExpr):
        doc = [line.strip() for line in cdef.defs.body[0].expr.value.strip().splitlines()]
    return ir.Struct(ci.name, fields, derives, doc, span=span_of(cdef))


def _constructor(module: ModuleContext, ci: ClassInfo, cdef: ClassDef) -> ir.Function:
    sig = module.signatures[f"{ci.info.fullname}.__init__"]
    init = next((m for m in class_methods(cdef) if m.name == "__init__"), None)
    from backend.transpiler.lower.functions import param_type_text

    params = [ir.Param(rust_ident(p.name), param_type_text(p)) for p in sig.params]
    if init is None:
        names = ", ".join(rust_ident(n) for n, _ in ci.fields)
        body: list[ir.Stmt] = [ir.RawStmt([f"Self {{ {names} }}"])]
        return ir.Function("new", params, "Self", body, public=False)
    return ir.Function("new", params, "Self", _init_body(module, ci, init, sig), span=span_of(init))


def _init_body(module: ModuleContext, ci: ClassInfo, init: FuncDef, sig: FuncSig) -> list[ir.Stmt]:
    """`Self { .. }` from the leading `self.x = ..` assignments; the rest runs on `this`."""
    from backend.transpiler.lower.functions import declare_params
    from backend.transpiler.lower.statements import lower_body

    ctx = FnContext(module, sig, module.mutation.of(f"{ci.info.fullname}.__init__"), init)
    prologue = declare_params(ctx, sig)
    body = list(init.body.body)
    if body and isinstance(body[0], ExpressionStmt) and isinstance(body[0].expr, StrExpr):
        body = body[1:]
    initial: dict[str, str] = {}
    rest_start = 0
    for index, stmt in enumerate(body):
        target = _self_field(stmt)
        if target is None or _mentions_self(stmt.rvalue) or target in initial:  # type: ignore[attr-defined]
            break
        field_t = dict(ci.fields).get(target, rt.UNKNOWN)
        initial[target] = values.owned(lower_expr(ctx, stmt.rvalue, field_t))  # type: ignore[attr-defined]
        rest_start = index + 1
    rest = body[rest_start:]
    missing = [n for n, _ in ci.fields if n not in initial]
    for name in missing:
        default = rt.default_value(dict(ci.fields)[name])
        if default is None:
            raise Unsupported(init, f"field `{name}` is not set before other code in __init__", "PRT503")
        initial[name] = default
    fields = ", ".join(
        rust_ident(n) if initial[n] == rust_ident(n) else f"{rust_ident(n)}: {initial[n]}" for n, _ in ci.fields
    )
    literal = f"Self {{ {fields} }}"
    if not rest:
        return [*prologue, ir.RawStmt([literal])]
    ctx.declare("self", struct_type(ci), Kind.PLACE).rust_name = "this"
    ctx.self_name = "this"  # type: ignore[attr-defined]
    lowered = lower_body(ctx, rest, is_function_body=True)
    lowered = [s for s in lowered if not (isinstance(s, ir.RawStmt) and s.lines[0].startswith("unreachable!"))]
    return [*prologue, ir.Let("this", None, literal, mutable=True), *lowered, ir.RawStmt(["this"])]


def _self_field(stmt: object) -> str | None:
    if isinstance(stmt, AssignmentStmt) and len(stmt.lvalues) == 1:
        lv = stmt.lvalues[0]
        if isinstance(lv, MemberExpr) and isinstance(lv.expr, NameExpr) and lv.expr.name == "self":
            return lv.name
    return None


def _mentions_self(expr: Expression) -> bool:
    from backend.transpiler.analyze.walk import Walker

    found: list[bool] = []

    class Finder(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            if o.name == "self":
                found.append(True)

    Finder().visit(expr)
    return bool(found)


def _display_impl(module: ModuleContext, ci: ClassInfo, method: FuncDef, sig: FuncSig) -> ir.Item:
    from backend.transpiler.lower.functions import lower_function

    module.use("std::fmt")
    trait = "fmt::Display" if method.name == "__str__" or not ci.has_str else "fmt::Debug"
    fn = lower_function(module, f"{ci.info.fullname}.{method.name}", method, sig)
    body = _single_return(method)
    if body is not None:
        from backend.transpiler.lower import formatting

        ctx = FnContext(module, sig, None, method)
        ctx.declare("self", struct_type(ci), Kind.PLACE)
        pieces = formatting.fstring_pieces(body)
        if pieces is not None:
            tpl = formatting.Template()
            formatting._add_pieces(ctx, tpl, pieces)
            write = tpl.render("write").replace('write!("', 'write!(f, "', 1)
            return ir.RawItem(_fmt_impl(trait, ci.name, [write]))
    helper = "to_display_string" if method.name == "__str__" else "to_repr_string"
    fn.name = helper
    fn.ret = "String"
    lines = [f'write!(f, "{{}}", self.{helper}())']
    extra = []
    if method.name == "__repr__" and not ci.has_str:
        extra.append(_fmt_impl("fmt::Display", ci.name, lines))
    impl = ir.Impl(ci.name, [fn])
    from backend.transpiler.emit import emit_module

    text = emit_module(ir.Module([], [impl], [])).code.rstrip()
    parts = [text, _fmt_impl(trait, ci.name, lines), *extra]
    return ir.RawItem("\n\n".join(parts))


def _fmt_impl(trait: str, name: str, body: list[str]) -> str:
    inner = "\n".join(f"        {line}" for line in body)
    return (
        f"impl {trait} for {name} {{\n"
        f"    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{\n{inner}\n    }}\n}}"
    )


def _single_return(method: FuncDef) -> Expression | None:
    body = [s for s in method.body.body if not (isinstance(s, ExpressionStmt) and isinstance(s.expr, StrExpr))]
    if len(body) == 1 and isinstance(body[0], ReturnStmt) and body[0].expr is not None:
        return body[0].expr
    return None


def _dataclass_debug(module: ModuleContext, ci: ClassInfo) -> ir.Item:
    """Python's dataclass repr: `Point(x=1, y=2.5)`."""
    module.use("std::fmt")
    ctx = FnContext(module, None, None)
    parts = []
    args = []
    for name, ty in ci.fields:
        e = Expr(f"self.{rust_ident(name)}", ty, Kind.PLACE, Prec.POSTFIX)
        parts.append(f"{name}={{}}")
        args.append(values.repr_of(module, e) if ty != rt.INT else e.code)
    del ctx
    fmt = ", ".join(parts)
    arg_text = "".join(f", {a}" for a in args)
    return ir.RawItem(_fmt_impl("fmt::Debug", ci.name, [f'write!(f, "{ci.name}({fmt})"{arg_text})']))


def _display_from_debug(module: ModuleContext, ci: ClassInfo) -> ir.Item:
    return ir.RawItem(_fmt_impl("fmt::Display", ci.name, ['write!(f, "{self:?}")']))


def _eq_impl(module: ModuleContext, ci: ClassInfo, method: FuncDef, sig: FuncSig) -> ir.Item:
    raise Unsupported(method, "custom __eq__", "PRT504")


def _partial_ord_impl(ci: ClassInfo) -> ir.Item:
    code = (
        f"impl PartialOrd for {ci.name} {{\n"
        f"    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {{\n"
        f"        if self.less_than(other) {{\n"
        f"            Some(std::cmp::Ordering::Less)\n"
        f"        }} else if other.less_than(self) {{\n"
        f"            Some(std::cmp::Ordering::Greater)\n"
        f"        }} else {{\n"
        f"            Some(std::cmp::Ordering::Equal)\n"
        f"        }}\n"
        f"    }}\n"
        f"}}"
    )
    return ir.RawItem(code)


# ---- enums ----


def variant_name(name: str) -> str:
    return "".join(part.capitalize() for part in name.lower().split("_")) or name


def _lower_enum(module: ModuleContext, ci: ClassInfo, cdef: ClassDef) -> list[ir.Item]:
    module.use("std::fmt")
    variants = [variant_name(n) for n, _ in ci.enum_members]
    item = ir.EnumItem(
        ci.name,
        variants,
        ["Debug", "Clone", "Copy", "PartialEq", "Eq", "Hash", "PartialOrd", "Ord"],
        span=span_of(cdef),
    )
    ctx = FnContext(module, None, None)
    value_arms = []
    value_t: rt.RType = rt.INT
    for (name, expr), variant in zip(ci.enum_members, variants, strict=True):
        e = lower_expr(ctx, expr)
        value_t = e.ty
        value_arms.append(f"            {ci.name}::{variant} => {e.code},")
    name_arms = [f'            {ci.name}::{v} => "{n}",' for (n, _), v in zip(ci.enum_members, variants, strict=True)]
    value_ret = "&'static str" if isinstance(value_t, rt.StrT) else value_t.render()
    all_list = ", ".join(f"{ci.name}::{v}" for v in variants)
    impl = (
        f"impl {ci.name} {{\n"
        f"    const ALL: [{ci.name}; {len(variants)}] = [{all_list}];\n\n"
        f"    fn name(self) -> &'static str {{\n        match self {{\n" + "\n".join(name_arms) + "\n        }\n    }\n\n"
        f"    fn value(self) -> {value_ret} {{\n        match self {{\n" + "\n".join(value_arms) + "\n        }\n    }\n}"
    )
    display = _fmt_impl("fmt::Display", ci.name, [f'write!(f, "{ci.name}.{{}}", self.name())'])
    module.enum_value_types = getattr(module, "enum_value_types", {})  # type: ignore[attr-defined]
    module.enum_value_types[ci.name] = rt.STR if isinstance(value_t, rt.StrT) else value_t  # type: ignore[attr-defined]
    return [item, ir.RawItem(impl), ir.RawItem(display)]


# ---- uses of classes from expressions ----


def construct(ctx: FnContext, node: CallExpr, info: TypeInfo) -> Expr:
    ci = ctx.module.classes.get(info.fullname)
    if ci is None:
        if info.has_base("builtins.BaseException"):
            from backend.transpiler.lower import exceptions

            return Expr(exceptions.exception_value(ctx, node), rt.StructT("PyException"), Kind.OWNED)
        from backend.transpiler.lower import stdlib

        handler = stdlib.FUNCTIONS.get(info.fullname)
        if handler is not None:
            return handler(Call(ctx, node))
        raise Unsupported(node, f"constructing `{info.fullname}`", "PRT505")
    if ci.is_exception:
        from backend.transpiler.lower import exceptions

        return Expr(exceptions.exception_value(ctx, node), rt.StructT("PyException"), Kind.OWNED)
    sig = ctx.module.signatures[f"{info.fullname}.__init__"]
    args = call_arguments(ctx, node, sig)
    return Expr(f"{ci.name}::new({', '.join(args)})", struct_type(ci), Kind.OWNED, Prec.POSTFIX)


def lower_class_attr(ctx: FnContext, node: MemberExpr, info: TypeInfo) -> Expr:
    ci = ctx.module.classes.get(info.fullname)
    if ci is not None and ci.is_enum:
        names = [n for n, _ in ci.enum_members]
        if node.name in names:
            return Expr(f"{ci.name}::{variant_name(node.name)}", struct_type(ci), Kind.OWNED)
    if ci is not None:
        sym = info.names.get(node.name)
        if sym is not None and isinstance(sym.node, Var) and sym.node.is_classvar or (
            sym is not None and isinstance(sym.node, Var) and node.name not in dict(ci.fields)
        ):
            return Expr(f"{ci.name}::{node.name.upper()}", ctx.module.type_of(node), Kind.OWNED)
    raise Unsupported(node, f"class attribute `{info.name}.{node.name}`", "PRT506")


def lower_instance_attr(ctx: FnContext, node: MemberExpr) -> Expr:
    base = lower_expr(ctx, node.expr)
    ty = base.ty
    if isinstance(ty, rt.StructT) and ty.name == "PyException":
        if node.name == "args":
            raise Unsupported(node, "exception `.args`", "PRT507")
        raise Unsupported(node, f"exception attribute `.{node.name}`", "PRT507")
    if isinstance(ty, rt.StructT):
        ci = _class_by_name(ctx.module, ty.name)
        if ci is not None and ci.is_enum:
            if node.name == "name":
                return Expr(f"{base.at(Prec.POSTFIX)}.name()", rt.STR, Kind.BORROWED, Prec.POSTFIX)
            if node.name == "value":
                vt = getattr(ctx.module, "enum_value_types", {}).get(ci.name, rt.INT)
                kind = Kind.BORROWED if isinstance(vt, rt.StrT) else Kind.OWNED
                return Expr(f"{base.at(Prec.POSTFIX)}.value()", vt, kind, Prec.POSTFIX)
        if ci is not None:
            prop = ctx.module.signatures.get(f"{ci.info.fullname}.{node.name}")
            if prop is not None and node.name not in dict(ci.fields):
                return Expr(f"{base.at(Prec.POSTFIX)}.{rust_ident(node.name)}()", prop.ret, Kind.OWNED, Prec.POSTFIX)
        field_t = type_of(ctx, node)
        if ci is not None and node.name in dict(ci.fields):
            field_t = dict(ci.fields)[node.name]
        kind = Kind.PLACE
        return Expr(f"{base.at(Prec.POSTFIX)}.{rust_ident(node.name)}", field_t, kind, Prec.POSTFIX)
    if isinstance(ty, rt.ListT | rt.DictT | rt.StrT):
        raise Unsupported(node, f"attribute `.{node.name}` on {ty.render()}", "PRT508")
    raise Unsupported(node, f"attribute `.{node.name}`", "PRT508")


def _class_by_name(module: ModuleContext, name: str) -> ClassInfo | None:
    for ci in module.classes.values():
        if ci.name == name:
            return ci
    return None


def call_method(call: Call, name: str) -> Expr:
    recv = call.receiver
    assert recv is not None
    ty = recv.ty
    if isinstance(ty, rt.IterT) and name == "__next__":
        return Expr(f"{recv.at(Prec.POSTFIX)}.next().unwrap()", ty.elem, Kind.OWNED, Prec.POSTFIX)
    if not isinstance(ty, rt.StructT):
        raise call.fail(f"method `{name}`")
    ci = _class_by_name(call.ctx.module, ty.name)
    if ci is None:
        raise call.fail(f"method `{name}` on {ty.name}")
    sig = call.ctx.module.signatures.get(f"{ci.info.fullname}.{name}")
    if sig is None:
        raise call.fail(f"method `{ty.name}.{name}`")
    return call_user(call.ctx, call.node, sig, recv)


def call_class_member(ctx: FnContext, node: CallExpr, info: TypeInfo, name: str) -> Expr:
    sig = ctx.module.signatures.get(f"{info.fullname}.{name}")
    if sig is None:
        raise Unsupported(node, f"`{info.name}.{name}(...)`", "PRT509")
    return call_user(ctx, node, sig, None)


def call_super(ctx: FnContext, node: CallExpr, name: str) -> Expr:
    raise Unsupported(node, f"super().{name}()", "PRT510")
