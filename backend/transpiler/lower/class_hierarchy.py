"""Single inheritance: every class of a hierarchy is a struct holding all its fields (the
bases' fields first, flattened), with its own copy of every method it inherits (lowered with
`self` as that struct, so `self.area()` inside an inherited `describe` statically calls the
override: Python's dynamic dispatch, resolved per struct).

Where the static type is a class that has subclasses, values are a closed enum over the
hierarchy's concrete classes, `enum AnyShape { Shape(Shape), Circle(Circle), .. }`, whose
methods `match` on the variant and forward; fields of the root are read through getters.
`super().m(..)` calls a copy of the base's method lowered for the subclass (`shape_m`);
`super().__init__(..)` at the top of `__init__` builds the base's struct and moves its fields
into the subclass's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mypy.nodes import (
    ARG_POS,
    CallExpr,
    ClassDef,
    Expression,
    ExpressionStmt,
    FuncDef,
    MemberExpr,
    NameExpr,
    SuperExpr,
    TupleExpr,
    TypeInfo,
)
from mypy.types import Instance, get_proper_type

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call
from backend.transpiler.lower.context import (
    ClassInfo,
    FnContext,
    FuncSig,
    ModuleContext,
    Unsupported,
    rust_ident,
)

POLY_PREFIX = "Any"


# ---- the shape of the hierarchy ----


def user_mro(module: ModuleContext, ci: ClassInfo) -> list[ClassInfo]:
    """`ci` and its bases that this module translates, nearest first."""
    out = []
    for info in ci.info.mro:
        base = module.classes.get(info.fullname)
        if base is not None:
            out.append(base)
    return out


def subclasses(module: ModuleContext, ci: ClassInfo) -> list[ClassInfo]:
    """The classes of the module that have `ci` among their bases (not `ci` itself)."""
    return [
        c
        for c in module.classes.values()
        if c is not ci and not c.is_exception and c.info.has_base(ci.info.fullname)
    ]


def root_of(module: ModuleContext, ci: ClassInfo) -> ClassInfo:
    return user_mro(module, ci)[-1]


def poly_type(root: ClassInfo) -> rt.StructT:
    return rt.StructT(f"{POLY_PREFIX}{root.name}")


def poly_root(module: ModuleContext, ty: rt.RType) -> ClassInfo | None:
    """The root class whose hierarchy enum `ty` is."""
    if not isinstance(ty, rt.StructT) or not ty.name.startswith(POLY_PREFIX):
        return None
    for ci in module.classes.values():
        if ci.base is None and poly_type(ci).name == ty.name and subclasses(module, ci):
            return ci
    return None


def concrete_members(module: ModuleContext, root: ClassInfo) -> list[ClassInfo]:
    """The enum's variants: the root and its subclasses that can be instantiated."""
    return [c for c in [root, *subclasses(module, root)] if not c.info.is_abstract]


def link_hierarchies(module: ModuleContext) -> None:
    """Before field types are resolved: static types that name a class with subclasses
    become the hierarchy's enum."""
    for ci in module.classes.values():
        if ci.is_enum or ci.is_exception:
            continue
        if subclasses(module, ci):
            module.mapper.classes[ci.info.fullname] = poly_type(root_of(module, ci))  # type: ignore[index]


def flattened_field_names(module: ModuleContext, ci: ClassInfo) -> list[str]:
    """The bases' fields first (root first), then the class's own."""
    names: list[str] = []
    for base in reversed(user_mro(module, ci)[1:]):
        for name, _ in base.fields:
            if name not in names:
                names.append(name)
    for name, _ in ci.fields:
        if name not in names:
            names.append(name)
    return names


def check_hierarchy(module: ModuleContext, cdef: ClassDef, ci: ClassInfo) -> None:
    user_bases = [b for b in cdef.info.bases if b.type.fullname in module.classes]
    others = [
        b.type.fullname
        for b in cdef.info.bases
        if b.type.fullname not in module.classes
        and b.type.fullname not in ("builtins.object", "abc.ABC")
    ]
    if len(user_bases) > 1:
        raise Unsupported(
            cdef, f"class `{ci.name}` with several base classes (multiple inheritance)", "PRT527"
        )
    if user_bases and others:
        raise Unsupported(cdef, f"class `{ci.name}` inheriting from `{others[0]}`", "PRT501")
    for base in user_mro(module, ci)[1:]:
        if base.is_dataclass != ci.is_dataclass:
            raise Unsupported(
                cdef, f"class `{ci.name}` mixing dataclass and plain-class inheritance", "PRT527"
            )


# ---- methods ----


def own_methods(ci: ClassInfo) -> list[FuncDef]:
    from backend.transpiler.lower.classes import class_methods

    defn = ci.info.defn
    return class_methods(defn) if isinstance(defn, ClassDef) else []


def resolve_method(
    module: ModuleContext, ci: ClassInfo, name: str, after: str | None = None
) -> tuple[FuncDef, ClassInfo] | None:
    """Python's attribute lookup along the MRO (starting after class `after`, for super())."""
    chain = user_mro(module, ci)
    if after is not None:
        names = [c.info.fullname for c in chain]
        chain = chain[names.index(after) + 1 :] if after in names else []
    for cls in chain:
        for fn in own_methods(cls):
            if fn.name == name:
                return fn, cls
    return None


def inherited_methods(module: ModuleContext, ci: ClassInfo) -> list[tuple[FuncDef, ClassInfo]]:
    """Methods a base defines and `ci` (or a nearer base) does not override."""
    seen = {fn.name for fn in own_methods(ci)}
    out = []
    for base in user_mro(module, ci)[1:]:
        for fn in own_methods(base):
            if fn.name not in seen:
                seen.add(fn.name)
                if fn.name != "__init__":
                    out.append((fn, base))
    return out


def method_overrides(classdefs: list[ClassDef]) -> dict[str, list[str]]:
    """Base method fullname -> the fullnames of the subclasses' methods overriding it
    (before any class is collected: the raising analysis needs it)."""
    from backend.transpiler.lower.classes import class_methods

    defined = {c.info.fullname: {m.name for m in class_methods(c)} for c in classdefs}
    out: dict[str, list[str]] = {}
    for cdef in classdefs:
        for method in class_methods(cdef):
            if method.name == "__init__":
                continue
            for base in cdef.info.mro[1:]:
                if method.name in defined.get(base.fullname, set()):
                    out.setdefault(f"{base.fullname}.{method.name}", []).append(
                        f"{cdef.info.fullname}.{method.name}"
                    )
    return out


def init_of(module: ModuleContext, ci: ClassInfo) -> tuple[FuncDef, ClassInfo] | None:
    return resolve_method(module, ci, "__init__")


def inherit_signatures(module: ModuleContext) -> None:
    """A subclass answers its inherited methods with a copy of the base's signature (and
    mutation facts), owned by the subclass's struct."""
    for ci in list(module.classes.values()):
        if ci.base is None or ci.is_exception or ci.is_enum:
            continue
        for fn, base in inherited_methods(module, ci):
            base_name = f"{base.info.fullname}.{fn.name}"
            sig = module.signatures.get(base_name)
            if sig is None:
                continue
            name = f"{ci.info.fullname}.{fn.name}"
            module.signatures[name] = replace(sig, owner=ci.name)
            facts = module.mutation.facts.get(base_name)
            if facts is not None:
                module.mutation.facts.setdefault(name, facts)
        for name in ("__str__", "__repr__", "__eq__", "__lt__"):
            if resolve_method(module, ci, name) is not None:
                setattr(
                    ci,
                    {
                        "__str__": "has_str",
                        "__repr__": "has_repr",
                        "__eq__": "has_eq",
                        "__lt__": "has_lt",
                    }[name],
                    True,
                )


def inherited_items(
    module: ModuleContext, ci: ClassInfo
) -> tuple[list[ir.Function | ir.RawItem], list[ir.Item]]:
    """The subclass's copies of its inherited methods (and trait impls of inherited dunders)."""
    from backend.transpiler.lower import class_traits
    from backend.transpiler.lower.classes import TRAIT_DUNDERS, lower_member

    fns: list[ir.Function | ir.RawItem] = []
    traits: list[ir.Item] = []
    for fn, base in inherited_methods(module, ci):
        if fn.name in TRAIT_DUNDERS:
            traits.extend(class_traits.dunder_trait(module, ci, fn))
            continue
        sig = module.signatures.get(f"{ci.info.fullname}.{fn.name}")
        if sig is None:
            continue
        fns.append(lower_member(module, f"{base.info.fullname}.{fn.name}", fn, sig))
    return fns, traits


# ---- super() ----


def call_super(ctx: FnContext, node: CallExpr, name: str) -> Expr:
    """`super().m(args)`: the next class's `m` along the MRO, as a copy lowered for `self`'s
    struct under the defining class's name (`shape_describe`)."""
    from backend.transpiler.lower.calls import call_user
    from backend.transpiler.lower.classes import class_by_name

    owner = class_by_name(ctx.module, ctx.sig.owner or "") if ctx.sig is not None else None
    defining = ctx.fn.info if isinstance(ctx.fn, FuncDef) else None
    if owner is None or defining is None or ctx.sig is None or ctx.sig.self_mode is None:
        raise Unsupported(node, f"super().{name}() outside a method", "PRT510")
    if name == "__init__":
        raise Unsupported(
            node, "super().__init__() other than as the first statement of __init__", "PRT510"
        )
    found = resolve_method(ctx.module, owner, name, after=defining.fullname)
    if found is None:
        raise Unsupported(
            node, f"super().{name}(): no base class of `{owner.name}` defines it", "PRT510"
        )
    fn, base = found
    base_sig = ctx.module.signatures.get(f"{base.info.fullname}.{fn.name}")
    if base_sig is None or base_sig.self_mode is None:
        raise Unsupported(node, f"super().{name}()", "PRT510")
    rust_name = f"{_snake(base.name)}_{base_sig.rust_name}"
    sig = replace(base_sig, owner=owner.name, rust_name=rust_name)
    owner.super_copies.setdefault(rust_name, (fn, base, sig))
    recv = ctx.lookup("self")
    if recv is None:
        raise Unsupported(node, f"super().{name}()", "PRT510")
    from backend.transpiler.lower.context import var_expr

    return call_user(ctx, node, sig, var_expr(recv))


def super_copy_items(module: ModuleContext, ci: ClassInfo) -> list[ir.Function | ir.RawItem]:
    """Lower the base methods `super()` calls asked for (those may ask for more)."""
    from backend.transpiler.lower.classes import lower_member

    done: dict[str, ir.Function | ir.RawItem] = {}
    copies = ci.super_copies
    while len(done) < len(copies):
        for rust_name, (fn, base, sig) in list(copies.items()):
            if rust_name not in done:
                done[rust_name] = lower_member(module, f"{base.info.fullname}.{fn.name}", fn, sig)
    return list(done.values())


def _snake(name: str) -> str:
    out = []
    for index, ch in enumerate(name):
        if ch.isupper() and index:
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


def is_super_init(stmt: object, init: FuncDef | None = None) -> CallExpr | None:
    """`super().__init__(args)`, or `Base.__init__(self, args)` in `init` naming the class
    whose `__init__` `super()` would reach (returned as the `super().__init__(args)` call)."""
    if not (isinstance(stmt, ExpressionStmt) and isinstance(stmt.expr, CallExpr)):
        return None
    call = stmt.expr
    callee = call.callee
    if isinstance(callee, SuperExpr) and callee.name == "__init__":
        return call
    if (
        init is not None
        and isinstance(callee, MemberExpr)
        and callee.name == "__init__"
        and isinstance(callee.expr, NameExpr)
        and isinstance(callee.expr.node, TypeInfo)
        and call.args
        and isinstance(call.args[0], NameExpr)
        and call.args[0].name == "self"
        and call.arg_kinds[0] == ARG_POS
        and _next_init_class(init) is callee.expr.node
    ):
        without_self = CallExpr(callee, call.args[1:], call.arg_kinds[1:], call.arg_names[1:])
        without_self.set_line(call)
        return without_self
    return None


def _next_init_class(init: FuncDef) -> TypeInfo | None:
    """The class whose `__init__` `super().__init__` reaches from `init`."""
    if init.info is None:
        return None
    for info in init.info.mro[1:]:
        if "__init__" in info.names:
            return info
    return None


def reaches_object_init(ci: ClassInfo, init: FuncDef) -> bool:
    """`super().__init__()` in `init` runs `object.__init__`, which does nothing: no class
    after `init`'s along the MRO defines `__init__`."""
    mro = ci.info.mro
    names = [info.fullname for info in mro]
    after = mro[names.index(init.info.fullname) + 1 :] if init.info.fullname in names else []
    for info in after:
        if "__init__" in info.names:
            return info.fullname == "builtins.object"
    return False


def super_init(
    ctx: FnContext, ci: ClassInfo, init: FuncDef, call: CallExpr
) -> tuple[ir.Stmt | None, dict[str, str]]:
    """`super().__init__(args)` -> `let parent = Base::new(args);` and the fields it set
    (nothing for `object.__init__`)."""
    from backend.transpiler.lower.calls import call_arguments

    if not call.args and reaches_object_init(ci, init):
        return None, {}

    found = resolve_method(ctx.module, ci, "__init__", after=init.info.fullname)
    base = None
    if found is not None:
        base = found[1]
    else:
        chain = user_mro(ctx.module, ci)
        names = [c.info.fullname for c in chain]
        later = chain[names.index(init.info.fullname) + 1 :] if init.info.fullname in names else []
        base = later[0] if later else None
    if base is None:
        raise Unsupported(call, "super().__init__() without a translated base class", "PRT510")
    sig = ctx.module.signatures.get(f"{base.info.fullname}.__init__")
    if sig is None:
        raise Unsupported(call, f"super().__init__(): `{base.name}` has no constructor", "PRT510")
    args = call_arguments(ctx, call, sig)
    value = Expr(
        f"{base.name}::new({', '.join(args)})", rt.StructT(base.name), Kind.OWNED, Prec.POSTFIX
    )
    if sig.fallible:
        from backend.transpiler.lower import exceptions

        value = exceptions.propagate(ctx, call, value)
    fields = {name: f"parent.{rust_ident(name)}" for name, _ in base.fields}
    return ir.Let("parent", None, value.code), fields


# ---- the hierarchy enum ----


def lower_poly_enum(module: ModuleContext, root: ClassInfo) -> list[ir.Item]:
    from backend.transpiler.lower import class_traits

    enum_name = poly_type(root).name
    members = concrete_members(module, root)
    # a shared hierarchy's variants are handles: cloning the enum aliases the object
    variants = "\n".join(f"    {c.name}({_variant_type(root, c)})," for c in members)
    items: list[ir.Item] = [
        ir.RawItem(
            f"/// A `{root.name}` or any of its subclasses.\n#[derive(Clone)]\n"
            f"enum {enum_name} {{\n{variants}\n}}"
        )
    ]
    body = [_getter(root, members, name, ty) for name, ty in root.fields]
    if root.shared:
        body += [_shared_getter_mut(members, name, ty) for name, ty in root.fields]
        body.append(_is_same(members))
    for fn in own_methods(root):
        try:
            sig = dispatch_signature(module, root, fn.name)
        except Unsupported as err:  # costs this method of the enum only
            body.append(_dispatch_placeholder(module, root, fn.name, err))
            continue
        if sig is not None:
            body.append(_dispatch_method(module, members, fn.name, sig))
    if body:
        items.append(
            ir.RawItem(f"#[allow(dead_code)]\nimpl {enum_name} {{\n" + "\n\n".join(body) + "\n}")
        )
    if root.shared and not any(c.has_eq for c in members):
        # Python's default `==` is identity (`in`, `list.remove` and `index` use it too)
        items.append(
            ir.RawItem(
                f"impl PartialEq for {enum_name} {{\n    fn eq(&self, other: &Self) -> bool {{\n"
                f"        Self::is_same(self, other)\n    }}\n}}"
            )
        )
    module.use("std::fmt")
    for trait in ("Display", "Debug"):
        target = "&*x.borrow()" if root.shared else "x"
        arms = [f"{enum_name}::{c.name}(x) => fmt::{trait}::fmt({target}, f)," for c in members]
        items.append(
            class_traits.fmt_impl(
                f"fmt::{trait}", enum_name, ["match self {", *(f"    {a}" for a in arms), "}"]
            )
        )
    items.append(class_traits.pyfmt_impl(module, enum_name))
    return items


def _variant_type(root: ClassInfo, member: ClassInfo) -> str:
    return f"Rc<RefCell<{member.name}>>" if root.shared else member.name


def _getter(root: ClassInfo, members: list[ClassInfo], name: str, ty: rt.RType) -> str:
    if root.shared:  # the field, borrowed from the handle for as long as the `Ref` lives
        field = rust_ident(name)
        borrowed = f"std::cell::Ref::map(x.borrow(), |x| &x.{field})"
        arms = "\n".join(f"            Self::{c.name}(x) => {borrowed}," for c in members)
        return _method_text(f"{rust_ident(name)}(&self) -> std::cell::Ref<'_, {ty.render()}>", arms)
    ret = ty.render() if ty.is_copy else f"&{ty.render()}"
    take = "" if ty.is_copy else "&"
    arms = "\n".join(
        f"            Self::{c.name}(x) => {take}x.{rust_ident(name)}," for c in members
    )
    return _method_text(f"{rust_ident(name)}(&self) -> {ret}", arms)


def _is_same(members: list[ClassInfo]) -> str:
    """`a is b` on two values of a shared hierarchy: the same object behind both handles."""
    arms = "\n".join(
        f"            (Self::{c.name}(x), Self::{c.name}(y)) => Rc::ptr_eq(x, y)," for c in members
    )
    return (
        "    fn is_same(&self, other: &Self) -> bool {\n        match (self, other) {\n"
        f"{arms}\n            _ => false,\n        }}\n    }}"
    )


def _shared_getter_mut(members: list[ClassInfo], name: str, ty: rt.RType) -> str:
    """`worker.load += 1` through the enum of handles: the field, borrowed mutably."""
    field = rust_ident(name)
    borrowed = f"std::cell::RefMut::map(x.borrow_mut(), |x| &mut x.{field})"
    arms = "\n".join(f"            Self::{c.name}(x) => {borrowed}," for c in members)
    return _method_text(f"{field}_mut(&self) -> std::cell::RefMut<'_, {ty.render()}>", arms)


def dispatch_signature(module: ModuleContext, root: ClassInfo, name: str) -> FuncSig | None:
    """The enum's method `name`: the root's signature, taking `&mut self` if any override
    does; overrides must agree on parameter and return types."""
    from backend.transpiler.lower.classes import TRAIT_DUNDERS

    if name == "__init__" or name in TRAIT_DUNDERS:
        return None
    base = module.signatures.get(f"{root.info.fullname}.{name}")
    if base is None or base.self_mode is None:
        return None
    mode = base.self_mode
    fallible = base.fallible
    params = [replace(p) for p in base.params]
    for c in subclasses(module, root):
        sig = module.signatures.get(f"{c.info.fullname}.{name}")
        if sig is None:
            continue
        same = (
            [p.ty for p in sig.params] == [p.ty for p in base.params]
            and all(
                _compatible_modes(a.mode, b.mode) for a, b in zip(sig.params, params, strict=True)
            )
            and sig.ret == base.ret
            and sig.self_mode is not None
        )
        if not same:
            raise Unsupported(
                c.info.defn,
                f"`{c.name}.{name}` overrides `{root.name}.{name}` with another Rust signature",
                "PRT528",
            )
        if sig.self_mode == "&mut self":
            mode = "&mut self"
        fallible = fallible or sig.fallible  # an override that raises: the enum's returns Result
        for param, theirs in zip(params, sig.params, strict=True):
            if theirs.mode == "mut":
                param.mode = "mut"  # a `&mut` reaches the overrides that only read it as `&`
    return replace(
        base, owner=poly_type(root).name, self_mode=mode, fallible=fallible, params=params
    )


def _compatible_modes(a: str, b: str) -> bool:
    """Parameter modes one dispatching signature can serve: the same, or `&`/`&mut`."""
    return a == b or {a, b} == {"ref", "mut"}


def _dispatched(
    module: ModuleContext, member: ClassInfo, name: str, sig: FuncSig, call: str
) -> str:
    """One arm's call: `Ok(..)` around a member's method that cannot raise when another
    member's override can (the enum's method returns `Result`)."""
    own = module.signatures.get(f"{member.info.fullname}.{name}")
    return f"Ok({call})" if sig.fallible and own is not None and not own.fallible else call


def _dispatch_method(
    module: ModuleContext, members: list[ClassInfo], name: str, sig: FuncSig
) -> str:
    from backend.transpiler.lower.functions import param_type_text, return_type_text

    params = "".join(f", {rust_ident(p.name)}: {param_type_text(p)}" for p in sig.params)
    ret = return_type_text(sig)
    arrow = f" -> {ret}" if ret else ""
    args = ", ".join(rust_ident(p.name) for p in sig.params)
    call = f"x.{sig.rust_name}({args})"
    arms = "\n".join(
        f"            Self::{c.name}(x) => {_dispatched(module, c, name, sig, call)},"
        for c in members
    )
    return _method_text(f"{sig.rust_name}({sig.self_mode}{params}){arrow}", arms)


def _dispatch_placeholder(
    module: ModuleContext, root: ClassInfo, name: str, err: Unsupported
) -> str:
    from backend.transpiler.lower.functions import param_type_text, return_type_text

    base = module.signatures[f"{root.info.fullname}.{name}"]
    todo = module.placeholder(err.node, err.what, err.code)
    params = "".join(
        f", _{rust_ident(p.name).removeprefix('r#')}: {param_type_text(p)}" for p in base.params
    )
    ret = return_type_text(base)
    arrow = f" -> {ret}" if ret else ""
    return f"    fn {base.rust_name}({base.self_mode}{params}){arrow} {{\n        {todo}\n    }}"


def _method_text(head: str, arms: str) -> str:
    return f"    fn {head} {{\n        match self {{\n{arms}\n        }}\n    }}"


# ---- uses ----


def upcast(module: ModuleContext, e: Expr, target: rt.RType) -> Expr | None:
    """A subclass's struct where the hierarchy's enum is wanted: wrap it in its variant."""
    root = poly_root(module, target)
    if root is None or not isinstance(e.ty, rt.StructT):
        return None
    from backend.transpiler.lower.classes import class_by_name

    ci = class_by_name(module, e.ty.name)
    if ci is None or ci not in concrete_members(module, root):
        return None
    return Expr(f"{target.name}::{ci.name}({values.owned(e)})", target, Kind.OWNED, Prec.POSTFIX)  # type: ignore[attr-defined]


def poly_attr(ctx: FnContext, node: Expression, base: Expr, root: ClassInfo, name: str) -> Expr:
    fields = dict(root.fields)
    prop = dispatch_signature(ctx.module, root, name) if name not in fields else None
    if prop is not None and not prop.params:  # a property: the enum's dispatching method
        code = f"{base.at(Prec.POSTFIX)}.{rust_ident(name)}()"
        return Expr(code, prop.ret, Kind.OWNED, Prec.POSTFIX)
    constant = _poly_class_const(ctx, node, base, root, name) if name not in fields else None
    if constant is not None:
        return constant
    mid = _static_subclass(ctx, node.expr, root) if isinstance(node, MemberExpr) else None
    if name not in fields and mid is not None and name in dict(mid.fields):
        ty = dict(mid.fields)[name]
        field = rust_ident(name)
        if root.shared:
            arms = {
                c.name: f"std::cell::Ref::map(x.borrow(), |x| &x.{field})"
                for c in _subtree_arms(ctx.module, root, mid)
            }
            scrutinee = f"&{base.at(Prec.POSTFIX)}.clone()"
            code = _subtree_match(ctx.module, root, mid, scrutinee, arms)
            return Expr(f"*{code}", ty, Kind.PLACE, Prec.UNARY)  # see shared_store
        arms = {c.name: f"&x.{field}" for c in _subtree_arms(ctx.module, root, mid)}
        code = _subtree_match(ctx.module, root, mid, values.borrow(base), arms)
        return Expr(f"*{code}", ty, Kind.PLACE, Prec.UNARY)  # a place: see subtree_store
    if name not in fields:
        raise Unsupported(
            node,
            f"attribute `.{name}` of a `{root.name}` value (only the fields every subclass shares "
            f"are readable through the base class)",
            "PRT529",
        )
    ty = fields[name]
    if root.shared:  # a place behind the `Ref` (see `shared_store`), read through a clone of
        # the enum: no borrow of the variable outlives the statement (`cur = cur.next`)
        handle = base.code if base.kind is Kind.OWNED else f"{base.at(Prec.POSTFIX)}.clone()"
        return Expr(f"*{handle}.{rust_ident(name)}()", ty, Kind.PLACE, Prec.UNARY)
    kind = Kind.OWNED if ty.is_copy else Kind.BORROWED
    return Expr(f"{base.at(Prec.POSTFIX)}.{rust_ident(name)}()", ty, kind, Prec.POSTFIX)


def _poly_class_const(
    ctx: FnContext, node: Expression, base: Expr, root: ClassInfo, name: str
) -> Expr | None:
    """`sensor.unit` for a class attribute that subclasses override: each variant's own."""
    from backend.transpiler.lower.classes import const_name

    arms = []
    for member in concrete_members(ctx.module, root):
        owner = next(
            (c for c in user_mro(ctx.module, member) if name in dict(c.class_consts)), None
        )
        if owner is None:
            return None
        arms.append(
            f"{poly_type(root).render()}::{member.name}(_) => {owner.name}::{const_name(name)}"
        )
    ty = ctx.module.type_of(node)
    kind = Kind.BORROWED if isinstance(ty, rt.StrT) else Kind.OWNED
    return Expr(f"match &{base.at(Prec.UNARY)} {{ {', '.join(arms)} }}", ty, kind, Prec.ATOM)


def poly_method(ctx: FnContext, node: CallExpr, recv: Expr, root: ClassInfo, name: str) -> Expr:
    from backend.transpiler.lower.calls import call_user

    sig = dispatch_signature(ctx.module, root, name)
    if sig is None:
        assert isinstance(node.callee, MemberExpr)
        mid = _static_subclass(ctx, node.callee.expr, root)
        if mid is not None and dispatch_signature(ctx.module, mid, name) is not None:
            return _subtree_call(ctx, node, recv, root, mid, name)
        raise Unsupported(
            node,
            f"method `{name}` called through a `{root.name}` value (not defined by `{root.name}`)",
            "PRT529",
        )
    return call_user(ctx, node, sig, recv)


def _static_subclass(ctx: FnContext, expr: Expression, root: ClassInfo) -> ClassInfo | None:
    """The class below `root` that mypy gives as `expr`'s type (`task: Task` where `Task`
    derives from the root `TaskState`): its values are that class's subtree of the enum."""
    typ = get_proper_type(ctx.module.mypy_type(expr))
    if not isinstance(typ, Instance):
        return None
    ci = ctx.module.classes.get(typ.type.fullname)
    if ci is None or ci is root or not ci.info.has_base(root.info.fullname):
        return None
    return ci


def _subtree_arms(module: ModuleContext, root: ClassInfo, mid: ClassInfo) -> list[ClassInfo]:
    return [c for c in concrete_members(module, root) if c.info.has_base(mid.info.fullname)]


def _subtree_match(
    module: ModuleContext, root: ClassInfo, mid: ClassInfo, scrutinee: str, arm_code: dict[str, str]
) -> str:
    """`match` over the variants of `mid`'s subtree; the others cannot be a `mid` value."""
    enum = poly_type(root).name
    arms = [f"{enum}::{c.name}(x) => {arm_code[c.name]}" for c in _subtree_arms(module, root, mid)]
    if len(arms) < len(concrete_members(module, root)):
        arms.append(f'_ => unreachable!("not a {mid.name}")')
    return f"match {scrutinee} {{ {', '.join(arms)} }}"


_SUBTREE_READ = re.compile(r"^\*match (?P<borrow>&(?!mut ))?")


_SHARED_READ = re.compile(r"^\*(?P<base>.*)\.clone\(\)\.(?P<field>\w+)\(\)$")


def shared_store(place: Expr) -> Expr | None:
    """The target of `w.load = v` / `w.load += 1` through an enum of handles: the place
    `poly_attr` read, borrowed mutably (`*w.load_mut()`, a middle class's `RefMut::map`)."""
    code = place.code
    if "std::cell::Ref::map(x.borrow(), |x| &x." in code:
        code = code.replace(
            "std::cell::Ref::map(x.borrow(), |x| &x.",
            "std::cell::RefMut::map(x.borrow_mut(), |x| &mut x.",
        )
        return Expr(code, place.ty, Kind.PLACE, place.prec)
    m = _SHARED_READ.match(code)
    if m is None:
        return None
    return Expr(f"*{m['base']}.{m['field']}_mut()", place.ty, Kind.PLACE, Prec.UNARY)


def subtree_store(place: Expr) -> Expr | None:
    """The target of `w.rate = v` / `w.visits += 1` through a middle class's value: the
    field read of `poly_attr`, borrowed mutably (`*match &mut w { E::A(x) => &mut x.f, .. }`;
    a `&mut` receiver is matched as it is)."""
    m = _SUBTREE_READ.match(place.code)
    if m is None or " => &x." not in place.code:
        return None
    code = place.code.replace(" => &x.", " => &mut x.")
    if m["borrow"]:
        code = code.replace("*match &", "*match &mut ", 1)
    return Expr(code, place.ty, Kind.PLACE, place.prec)


def _subtree_call(
    ctx: FnContext, node: CallExpr, recv: Expr, root: ClassInfo, mid: ClassInfo, name: str
) -> Expr:
    """`task.run()` on a value typed as a class below the root: a `match` over the variants
    of that class's subtree, each calling its own method."""
    from backend.transpiler.lower.calls import call_arguments

    sig = dispatch_signature(ctx.module, mid, name)
    assert sig is not None
    if sig.overloaded:
        from backend.transpiler.lower import overloads

        overloads.check_call(ctx, node, sig)
    args = ", ".join(call_arguments(ctx, node, sig))
    call = f"x.{sig.rust_name}({args})"
    arms = {
        c.name: _dispatched(ctx.module, c, name, sig, call)
        for c in _subtree_arms(ctx.module, root, mid)
    }
    scrutinee = values.borrow_mut(recv) if sig.self_mode == "&mut self" else values.borrow(recv)
    code = _subtree_match(ctx.module, root, mid, scrutinee, arms)
    result = Expr(code, sig.ret, Kind.OWNED, Prec.ATOM)
    if sig.fallible:
        from backend.transpiler.lower import exceptions

        return exceptions.propagate(ctx, node, result)
    return result


def lower_isinstance(call: Call, value_t: rt.RType) -> Expr | None:
    """`isinstance(x, C)` on a user class: the enum's variant for values of a hierarchy,
    the subclass relation (known statically) for a struct."""
    from backend.transpiler.lower.classes import class_by_name

    module = call.ctx.module
    target = call.args[1]

    names = target.items if isinstance(target, TupleExpr) else [target]
    wanted = []
    for n in names:
        if not isinstance(n, NameExpr) or n.fullname not in module.classes:
            return None
        wanted.append(module.classes[n.fullname])
    root = poly_root(module, value_t)
    if root is not None:
        hits = [
            c
            for c in concrete_members(module, root)
            if any(c.info.has_base(w.info.fullname) for w in wanted)
        ]
        if not hits:
            return Expr("false", rt.BOOL)
        patterns = " | ".join(f"{value_t.name}::{c.name}(_)" for c in hits)  # type: ignore[attr-defined]
        value = call.arg(0)
        return Expr(
            f"matches!({values.borrow(value)}, {patterns})", rt.BOOL, Kind.OWNED, Prec.POSTFIX
        )
    ci = class_by_name(module, value_t.name) if isinstance(value_t, rt.StructT) else None
    if ci is None:
        return None
    hit = any(ci.info.has_base(w.info.fullname) for w in wanted)
    return Expr("true" if hit else "false", rt.BOOL)


def cast_object(call: Call, value: Expr, target: rt.StructT) -> Expr:
    """`typing.cast(T, x)` of an object (stdlib.typing_cast does the rest): Python does
    nothing at run time; mypy takes `x` as a `T`. A value of the type, or of a subclass, is
    used as it is (wrapped in the enum where it is wanted); a shared hierarchy's handle
    downcast to a subclass is matched, and an object of another class stops the program
    (Python would go on with it until an attribute is missing: a cast that lies is
    reported at the cast, not silently reinterpreted)."""
    ctx = call.ctx
    from backend.transpiler.lower.expressions import coerce

    if isinstance(value.ty, rt.StructT):
        root = poly_root(ctx.module, value.ty)
        if root is None:
            return coerce(ctx, value, target)  # a subclass where its base's enum is wanted
        sub = _cast_subclass(ctx.module, root, target)
        if sub is not None and root.shared:
            enum = poly_type(root).name
            code = (
                f"match &{value.at(Prec.POSTFIX)} {{ {enum}::{sub.name}(x) => x.clone(), "
                f'other => panic!("TypeError: cast() to {sub.name} of a {{other:?}}") }}'
            )
            return Expr(code, target, Kind.OWNED, Prec.ATOM)
    raise call.fail(f"`cast()` of a {value.ty.render()} to {target.render()}", "PRT163")


def _cast_subclass(module: ModuleContext, root: ClassInfo, target: rt.StructT) -> ClassInfo | None:
    """The concrete subclass (a leaf of `root`'s enum) that `target` names."""
    for member in concrete_members(module, root):
        if member.name == target.name and not subclasses(module, member):
            return member
    return None
