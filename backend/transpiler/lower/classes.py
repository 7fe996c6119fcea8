"""Classes: dataclasses and plain classes become structs with an `impl`; `Enum`s become
Rust enums (lower/enums.py); dunder methods become trait impls or inherent methods
(lower/class_traits.py).

Discovery runs before any lowering (every caller needs the fields, the constructor's
signature and the derives); lowering emits the struct, its `impl`, and the trait impls.
"""

from __future__ import annotations

import re

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    ClassDef,
    Context,
    Decorator,
    Expression,
    ExpressionStmt,
    FuncDef,
    MemberExpr,
    NameExpr,
    OverloadedFuncDef,
    Statement,
    StrExpr,
    TempNode,
    Var,
)

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.mutation import FunctionFacts, _FactCollector
from backend.transpiler.ir import Kind
from backend.transpiler.lower import (
    class_hierarchy,
    class_links,
    class_traits,
    enums,
    overloads,
    shared_init,
    values,
)
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
from backend.transpiler.lower.docstrings import doc_lines
from backend.transpiler.lower.expressions import lower_expr

# Dunder methods that stay inherent methods, under these Rust names (the operators, `len()`,
# `in`, `[]`... call them); the Display/Debug/PartialEq/PartialOrd ones become trait impls.
DUNDER_NAMES = {
    "__len__": "len",
    "__contains__": "contains",
    "__getitem__": "get_item",
    "__setitem__": "set_item",
    "__call__": "call",
    "__hash__": "hash_value",
    "__add__": "add",
    "__sub__": "sub",
    "__mul__": "mul",
    "__truediv__": "div",
    "__floordiv__": "floordiv",
    "__mod__": "rem",
    "__pow__": "pow",
    "__matmul__": "matmul",
    "__radd__": "radd",
    "__rsub__": "rsub",
    "__rmul__": "rmul",
    "__neg__": "neg",
    "__pos__": "pos",
    "__abs__": "abs",
    "__bool__": "is_truthy",
    "__iter__": "iter",
    "__post_init__": "post_init",
    "__lt__": "less_than",
    "__le__": "less_equal",
    "__gt__": "greater_than",
    "__ge__": "greater_equal",
    "__int__": "to_int",
    "__float__": "to_float",
}
TRAIT_DUNDERS = {"__str__", "__repr__", "__eq__", "__ne__"}
# these change how every instance is built, read or written: the class is not translated
CLASS_WIDE_DUNDERS = {"__new__", "__del__", "__getattr__", "__setattr__"}
# these cost only the method itself (a `todo!()` placeholder)
UNSUPPORTED_DUNDERS = {"__enter__", "__exit__", "__next__"}
# `mypyc_attr(..)` and `trait` only tune mypyc's compilation; `final` only mypy's checks
CLASS_DECORATORS = {"dataclass", "total_ordering", "final", "unique", "mypyc_attr", "trait"}
# `__slots__` is an optimisation (and `__match_args__` a pattern-matching hint): no fields
IGNORED_CLASS_NAMES = ("__slots__", "__match_args__")


# ---- discovery (before lowering: signatures and field types are needed by every caller) ----


def collect_class(module: ModuleContext, cdef: ClassDef) -> ClassInfo:
    info = cdef.info
    ci = ClassInfo(cdef.name, info)
    ci.is_enum = info.is_enum
    ci.is_exception = info.has_base("builtins.BaseException")
    ci.is_dataclass = "dataclass" in info.metadata
    # bases this module defines (an `abc.ABC` or `Generic` base is no class to translate)
    user_bases = [b for b in info.mro[1:] if b.module_name == info.module_name]
    if user_bases and not ci.is_exception:
        ci.base = user_bases[0].name
    if ci.is_enum:
        enums.collect_enum(ci, cdef)
        return ci
    if ci.is_exception:
        return ci
    ci.is_namedtuple = info.tuple_type is not None and "namedtuple" in info.metadata
    ci.class_consts = _class_constants(cdef, ci.is_record)
    const_names = {n for n, _ in ci.class_consts}
    for base in user_bases:  # the bases' class attributes are not fields either
        if isinstance(base.defn, ClassDef):
            const_names.update(n for n, _ in _class_constants(base.defn, ci.is_record))
    if ci.is_namedtuple:
        _collect_namedtuple(ci, cdef)
    elif ci.is_dataclass:
        meta = info.metadata["dataclass"]
        ci.frozen = bool(meta.get("frozen"))
        for attr in meta["attributes"]:
            ci.fields.append((attr["name"], rt.UNKNOWN))
            if attr["is_in_init"]:
                ci.init_fields.append(attr["name"])
        for stmt in cdef.defs.body:
            if (
                isinstance(stmt, AssignmentStmt)
                and not isinstance(stmt.rvalue, TempNode)  # a field with a default
                and isinstance(stmt.lvalues[0], NameExpr)
            ):
                ci.field_defaults[stmt.lvalues[0].name] = stmt.rvalue
        ci.ordered = _dataclass_flag(cdef, "order")
    else:
        # a subclass's struct holds its bases' fields too (root's first)
        for owner in [*reversed(user_bases), info]:
            for name, sym in owner.names.items():
                node = sym.node
                if (
                    not isinstance(node, Var)
                    or sym.plugin_generated
                    or node.is_classvar
                    or node.is_property
                ):
                    continue
                if name in const_names or name in IGNORED_CLASS_NAMES:
                    continue
                if name not in dict(ci.fields):
                    ci.fields.append((name, rt.UNKNOWN))
    methods = {m.name for m in class_methods(cdef)}
    ci.overloaded = {
        s.name
        for s in cdef.defs.body
        if isinstance(s, OverloadedFuncDef) and overloads.implementation(s)
    }
    ci.has_str = "__str__" in methods
    ci.has_repr = "__repr__" in methods
    ci.has_eq = "__eq__" in methods
    ci.has_lt = "__lt__" in methods
    ci.post_init = "__post_init__" in methods
    for name in methods:
        if name in DUNDER_NAMES:
            rust = DUNDER_NAMES[name]
            ci.dunders[name] = f"op_{rust}" if rust in methods else rust
    return ci


def _collect_namedtuple(ci: ClassInfo, cdef: ClassDef) -> None:
    """`class P(NamedTuple)`: every field is a constructor parameter (in order, with the
    body's defaults); the value is immutable and compares like the tuple of its fields."""
    for name in ci.info.metadata["namedtuple"]["fields"]:
        ci.fields.append((name, rt.UNKNOWN))
        ci.init_fields.append(name)
    for stmt in cdef.defs.body:
        if (
            isinstance(stmt, AssignmentStmt)
            and not isinstance(stmt.rvalue, TempNode)
            and isinstance(stmt.lvalues[0], NameExpr)
            and stmt.lvalues[0].name in ci.init_fields
        ):
            ci.field_defaults[stmt.lvalues[0].name] = stmt.rvalue
    ci.frozen = True
    ci.ordered = True  # tuples compare item by item (derived only where the fields allow)


def resolve_field_types(module: ModuleContext, ci: ClassInfo) -> None:
    """Field types, once every class of the module has its Rust type."""
    resolved = []
    for name, _ in ci.fields:
        sym = ci.info.get(name)
        node = sym.node if sym is not None else None
        ty = module.map_type(node.type) if isinstance(node, Var) else rt.UNKNOWN
        if isinstance(ty, rt.ArrayT) and isinstance(node, Var):
            from backend.transpiler.lower import arrays

            ty = arrays.with_typecode(module, ty, node)  # `array('B', ..)`: range-checked
        resolved.append((name, ty))
    ci.fields = resolved
    if ci.is_namedtuple:
        ci.ordered = all(_partially_ordered(t) for _, t in ci.fields)
    if ci.is_record:
        ci.hashable = all(_hashable(t) for _, t in ci.fields)
        # a hierarchy's enum and a shared node's `Rc<RefCell<..>>` handle stay as they are
        if not class_hierarchy.subclasses(module, ci) and not ci.shared:
            module.mapper.classes[ci.info.fullname] = struct_type(ci)  # type: ignore[index]


def _hashable(ty: rt.RType) -> bool:
    if isinstance(ty, rt.StructT):
        return ty.is_ord or ty.is_copy
    return ty.is_ord


def _partially_ordered(ty: rt.RType) -> bool:
    """Rust can derive `PartialOrd` for a field of this type (Python's tuple `<`)."""
    if isinstance(ty, rt.Prim | rt.StrT | rt.BytesT):
        return True
    if isinstance(ty, rt.ListT):
        return _partially_ordered(ty.elem)
    if isinstance(ty, rt.TupleT):
        return all(_partially_ordered(t) for t in ty.items)
    return isinstance(ty, rt.StructT) and ty.is_ord


def _class_constants(cdef: ClassDef, dataclass: bool) -> list[tuple[str, Expression]]:
    """Names assigned in the class body that are not dataclass fields: class attributes."""
    out = []
    for stmt in cdef.defs.body:
        if not (
            isinstance(stmt, AssignmentStmt)
            and len(stmt.lvalues) == 1
            and isinstance(stmt.lvalues[0], NameExpr)
        ):
            continue
        name = stmt.lvalues[0].name
        if name in IGNORED_CLASS_NAMES:
            continue
        sym = cdef.info.names.get(name)
        var = sym.node if sym is not None else None
        is_field = (
            dataclass and stmt.type is not None and not (isinstance(var, Var) and var.is_classvar)
        )
        if not is_field and not isinstance(stmt.rvalue, TempNode):
            out.append((name, stmt.rvalue))
    return out


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
    """The methods written in the class body (not those mypy's plugins generate)."""
    out = []
    for stmt in cdef.defs.body:
        # the `@overload` stubs only type the calls: the implementation is the method
        fn = overloads.implementation(stmt) or (stmt.func if isinstance(stmt, Decorator) else stmt)
        if not isinstance(fn, FuncDef):
            continue  # property setters: reported by lower_class
        sym = cdef.info.names.get(fn.name)
        if sym is not None and sym.plugin_generated:
            continue
        out.append(fn)
    return out


def constructor_def(cdef: ClassDef) -> FuncDef | None:
    """The function whose exceptions a call `C(...)` can raise: `__init__` or `__post_init__`
    (the nearest base's, for a subclass without its own)."""
    for info in cdef.info.mro:
        if info.module_name != cdef.info.module_name or not isinstance(info.defn, ClassDef):
            continue
        for fn in class_methods(info.defn):
            if fn.name in ("__init__", "__post_init__"):
                return fn
    return None


def struct_type(ci: ClassInfo) -> rt.StructT:
    truth = _truth(ci)
    if ci.is_enum:
        return rt.StructT(ci.name, copy=True, ordered=True, truth=truth)
    return rt.StructT(ci.name, copy=False, ordered=ci.ordered and ci.hashable, truth=truth)


def _truth(ci: ClassInfo) -> str:
    """How an instance tests for Python truth (see `rt.StructT.truth`)."""
    if "__bool__" in ci.dunders:
        return f"method:{ci.dunders['__bool__']}"
    if "__len__" in ci.dunders:
        return f"len:{ci.dunders['__len__']}"
    inherited = any(
        name in base.names for base in ci.info.mro[1:] for name in ("__bool__", "__len__")
    )
    return "" if inherited else "always"


def class_by_name(module: ModuleContext, name: str) -> ClassInfo | None:
    for ci in module.classes.values():
        if ci.name == name:
            return ci
    return None


def class_of(module: ModuleContext, ty: rt.RType) -> ClassInfo | None:
    if isinstance(ty, rt.StructT) and ty.name != "PyException":
        return class_by_name(module, ty.name)
    return None


def constructor_signature(module: ModuleContext, ci: ClassInfo, cdef: ClassDef) -> FuncSig:
    """`X::new(..)`: the dataclass's init fields in order, or `__init__`'s parameters."""
    found = class_hierarchy.init_of(module, ci)
    init = found[0] if found is not None else None
    fallible = module.raising.raises(ci.info.fullname)
    if found is not None and init is not None:
        from backend.transpiler.lower.functions import build_signature

        sig = build_signature(module, f"{found[1].info.fullname}.__init__", init, owner=ci.name)
        sig.rust_name = "new"
        sig.self_mode = None
        sig.ret = struct_type(ci)
        sig.fallible = fallible
        for p in sig.params:
            p.mode = "value" if p.ty.is_copy else "owned"
        return sig
    if not ci.is_record and ci.fields:
        raise Unsupported(cdef, f"class `{ci.name}` without `__init__`", "PRT511")
    types = dict(ci.fields)
    params = [
        ParamSig(
            name,
            types[name],
            "value" if types[name].is_copy else "owned",
            ci.field_defaults.get(name),
        )
        for name in ci.init_fields
    ]
    return FuncSig("new", params, struct_type(ci), fallible=fallible, owner=ci.name)


# trait impls (`Display`, `PartialEq`) and their helpers run on the struct itself
_ON_STRUCT = {"__str__", "__repr__", "display_string", "repr_string", "__eq__", "eq"}


def declare_self(ctx: FnContext, sig: FuncSig) -> None:
    """`self` inside a method: a shared or mutable reference to the struct."""
    ci = class_by_name(ctx.module, sig.owner or "")
    if ci is None:
        return
    kind = Kind.MUT_BORROWED if sig.self_mode == "&mut self" else Kind.BORROWED
    if ci.is_enum:
        kind = Kind.PLACE  # enums are Copy: methods take `self` by value
    if ci.shared and sig.rust_name not in _ON_STRUCT:  # the node's handle (lower/class_links.py)
        ctx.declare("self", class_links.SharedT(ci.name), Kind.BORROWED)
        return
    ctx.declare("self", struct_type(ci), kind)


# ---- lowering ----


def lower_class(module: ModuleContext, cdef: ClassDef) -> list[ir.Item]:
    ci = module.classes.get(cdef.info.fullname)
    if ci is None:  # its discovery failed (and said why)
        raise Unsupported(cdef, f"class `{cdef.name}`", "PRT500")
    if ci.is_exception:  # PyException values with their own kind name (+ attributes)
        from backend.transpiler.lower import exceptions

        return exceptions.lower_exception_class(module, ci, cdef)
    _check_supported(cdef, ci)
    class_hierarchy.check_hierarchy(module, cdef, ci)
    if ci.is_enum:
        return enums.lower_enum(module, ci, cdef)
    consts, statics = _class_constant_items(module, ci)
    items: list[ir.Item] = [_struct(module, ci, cdef), *statics]
    constructor = _member_constructor(module, ci, cdef)
    if isinstance(constructor, ir.Function) and _abstract_base(module, ci):
        constructor.attrs.append("#[allow(dead_code)]")  # used by a subclass's super() only
    impl_items: list[ir.Function | ir.RawItem] = [*consts, constructor]
    trait_items: list[ir.Item] = []
    for method in class_methods(cdef):
        fullname = f"{ci.info.fullname}.{method.name}"
        if method.name == "__init__":
            continue
        if method.name in TRAIT_DUNDERS:
            trait_items.extend(_member_trait(module, ci, method))
            continue
        sig = module.signatures.get(fullname)
        variants = module.overload_variants.get(fullname, [])
        for variant in variants:  # an overloaded method without a Rust signature of its own
            impl_items.append(lower_member(module, fullname, method, variant))
        if sig is None and not variants:
            impl_items.append(_dropped_method(module, method))
            continue
        if sig is None:
            continue
        if _abstract_base(module, ci) and sig.self_mode is not None:
            continue  # no object is of this class: each subclass has its own copy
        impl_items.append(lower_member(module, fullname, method, sig))
    inherited, inherited_traits = class_hierarchy.inherited_items(module, ci)
    if _abstract_base(module, ci):
        inherited = [f for f in inherited if isinstance(f, ir.Function) and f.self_param is None]
    impl_items.extend(inherited)
    impl_items.extend(class_hierarchy.super_copy_items(module, ci))
    if ci.shared and shared_init.has_tail(module, ci) and not _abstract_base(module, ci):
        sig = module.signatures.get(f"{ci.info.fullname}.__init__")
        if sig is not None:
            impl_items.append(shared_init.shared_constructor(sig))
            impl_items.extend(shared_init.tail_methods(module, ci))
    if ci.shared:
        impl_items, handle_items = class_links.split_handle_methods(impl_items)
        items.extend(class_links.handle_impl(ci, handle_items))
    items.append(ir.Impl(ci.name, impl_items, span=span_of(cdef)))
    items.extend(trait_items)
    items.extend(inherited_traits)
    items.extend(class_traits.derived_traits(module, ci))
    if ci.base is None and class_hierarchy.subclasses(module, ci):
        items.extend(class_hierarchy.lower_poly_enum(module, ci))
    return items


def _abstract_base(module: ModuleContext, ci: ClassInfo) -> bool:
    """An abstract class with subclasses: never instantiated, so never a `self`."""
    return ci.info.is_abstract and bool(class_hierarchy.subclasses(module, ci))


# ---- degrading per member: one untranslatable method costs that method only ----


def lower_member(
    module: ModuleContext, fullname: str, method: FuncDef, sig: FuncSig
) -> ir.Function | ir.RawItem:
    """A method, or (when it cannot be translated) its placeholder."""
    from backend.transpiler.lower.functions import lower_function

    try:
        if method.name in UNSUPPORTED_DUNDERS:
            raise Unsupported(method, f"special method `{method.name}`", "PRT513")
        return lower_function(module, fullname, method, sig)
    except Exception as caught:
        return _placeholder_method(module, method, sig, _reported(method, caught))


def _reported(node: Context, caught: Exception) -> Unsupported:
    from backend.transpiler.lower.context import internal_error

    return caught if isinstance(caught, Unsupported) else internal_error(node, caught)


def _placeholder_method(
    module: ModuleContext, method: FuncDef | ClassDef, sig: FuncSig, err: Unsupported
) -> ir.Function | ir.RawItem:
    """The method with its Rust signature and a `todo!()` body: its callers still compile."""
    from backend.transpiler.lower.functions import param_type_text, return_type_text

    todo = module.placeholder(err.node, err.what, err.code)
    params = [
        ir.Param(f"_{rust_ident(p.name).removeprefix('r#')}", param_type_text(p, sig.generator))
        for p in sig.params
    ]
    ret = sig.ret.render() if sig.generator else return_type_text(sig)
    if any(_open_type(text) for text in [*(p.ty for p in params), ret or ""]):
        # a type Rust cannot spell (`object`): no signature to keep; callers are placeholders
        return ir.RawItem(
            f"// Portalis: method `{method.name}` was not translated (line {method.line})",
            span=span_of(method),
        )
    for param in sig.params:
        module.note_type(param.ty)
    module.note_type(sig.ret)
    if sig.fallible:
        module.use_helper("py_exception")
    body: list[ir.Stmt] = [ir.ExprStmt(todo, span=span_of(err.node))]
    return ir.Function(
        sig.rust_name, params, ret, body, self_param=sig.self_mode, span=span_of(method)
    )


def _open_type(text: str) -> bool:
    return re.search(r"(?<!\w)_(?!\w)", text) is not None


def _dropped_method(module: ModuleContext, method: FuncDef) -> ir.RawItem:
    """A method without a Rust signature (already reported where it was built)."""
    module.placeholders += 1
    return ir.RawItem(
        f"// Portalis: method `{method.name}` was not translated (line {method.line})",
        span=span_of(method),
    )


def _member_trait(module: ModuleContext, ci: ClassInfo, method: FuncDef) -> list[ir.Item]:
    """`__str__`/`__repr__`/`__eq__` as a trait impl, or that impl with a `todo!()` body."""
    try:
        return class_traits.dunder_trait(module, ci, method)
    except Exception as caught:
        err = _reported(method, caught)
    todo = module.placeholder(err.node, err.what, err.code)
    if method.name == "__eq__":
        return [
            ir.RawItem(
                f"impl PartialEq for {ci.name} {{\n"
                f"    fn eq(&self, _other: &Self) -> bool {{\n        {todo}\n    }}\n}}"
            )
        ]
    if method.name not in ("__str__", "__repr__"):
        return []
    module.use("std::fmt")
    trait = "fmt::Display" if method.name == "__str__" else "fmt::Debug"
    return [class_traits.fmt_impl(trait, ci.name, [todo])]


def _check_supported(cdef: ClassDef, ci: ClassInfo) -> None:
    for stmt in cdef.defs.body:
        if isinstance(stmt, OverloadedFuncDef) and overloads.implementation(stmt) is None:
            raise Unsupported(
                stmt, "property setter or overloads without an implementation", "PRT500"
            )
    for dec in cdef.decorators:
        if _decorator_name(dec) not in CLASS_DECORATORS:
            raise Unsupported(dec, f"class decorator `{_decorator_name(dec)}`", "PRT512")
    for fn in class_methods(cdef):
        if fn.name in CLASS_WIDE_DUNDERS:
            raise Unsupported(fn, f"special method `{fn.name}`", "PRT513")


def _struct(module: ModuleContext, ci: ClassInfo, cdef: ClassDef) -> ir.Struct:
    fields = []
    for name, ty in ci.fields:
        module.note_type(ty)
        if isinstance(ty, rt.UnknownT):
            raise Unsupported(cdef, f"field `{name}` of unknown type", "PRT502")
        if _contains_inline(ty, ci.name) and not ci.shared:
            # a linked structure: Python shares the nodes, a Rust value would own (and
            # copy) them; needs Rc<RefCell<..>> or an arena, which this translator lacks
            raise Unsupported(cdef, f"recursive field `{name}` (linked nodes)", "PRT526")
        fields.append((rust_ident(name), ty.render()))
    doc = []
    if (
        cdef.defs.body
        and isinstance(cdef.defs.body[0], ExpressionStmt)
        and isinstance(cdef.defs.body[0].expr, StrExpr)
    ):
        doc = doc_lines(cdef.defs.body[0].expr.value)
    return ir.Struct(ci.name, fields, class_traits.derives(ci), doc, span=span_of(cdef))


def _contains_inline(ty: rt.RType, name: str) -> bool:
    if isinstance(ty, rt.StructT):
        return ty.name == name
    if isinstance(ty, rt.OptionT):
        return _contains_inline(ty.inner, name)
    if isinstance(ty, rt.TupleT):
        return any(_contains_inline(t, name) for t in ty.items)
    return False


def _class_constant_items(
    module: ModuleContext, ci: ClassInfo
) -> tuple[list[ir.Function | ir.RawItem], list[ir.Item]]:
    """Class attributes become associated constants (`Self::LOW_STOCK`), or a module-level
    `static` (`LazyLock`) for a value that cannot be a `const` (`KINDS = ("a", "b")`)."""
    consts: list[ir.Function | ir.RawItem] = []
    statics: list[ir.Item] = []
    ctx = FnContext(module, None, None)
    ctx.in_static = True  # type: ignore[attr-defined]  # a static's value must be `Sync`
    for name, expr in ci.class_consts:
        ty = class_const_type(module, ci, name, expr)
        try:
            value = lower_expr(ctx, expr, ty)
            if class_const_is_static(module, ci, name, expr):
                module.use("std::sync::LazyLock")
                module.note_type(ty)
                statics.append(
                    ir.Const(
                        class_static_name(ci, name),
                        f"LazyLock<{ty.render()}>",
                        f"LazyLock::new(|| {values.owned(value)})",
                        keyword="static",
                        span=span_of(expr),
                    )
                )
            elif isinstance(ty, rt.StrT):
                consts.append(ir.RawItem(f"const {const_name(name)}: &'static str = {value.code};"))
            else:
                code = values.owned(value)
                consts.append(ir.RawItem(f"const {const_name(name)}: {ty.render()} = {code};"))
        except Exception as caught:  # costs this attribute only (its reads do not compile)
            err = _reported(expr, caught)
            module.placeholder(err.node, err.what, err.code)
    return consts, statics


def class_const_type(module: ModuleContext, ci: ClassInfo, name: str, expr: Expression) -> rt.RType:
    """The declared type of a class attribute (`KINDS: Final[tuple[str, ...]]`), else the
    value's."""
    sym = ci.info.names.get(name)
    var = sym.node if sym is not None else None
    if isinstance(var, Var) and var.type is not None and not var.is_inferred:
        return module.map_type(var.type)
    return module.type_of(expr)


def class_const_is_static(
    module: ModuleContext, ci: ClassInfo, name: str, expr: Expression
) -> bool:
    ty = class_const_type(module, ci, name, expr)
    if isinstance(ty, rt.StrT):
        return not isinstance(expr, StrExpr)
    return not (ty.is_copy and not isinstance(ty, rt.StructT))


def class_static_name(ci: ClassInfo, name: str) -> str:
    return f"{const_name(ci.name)}_{const_name(name)}"


def const_name(name: str) -> str:
    return name.upper()


def _member_constructor(
    module: ModuleContext, ci: ClassInfo, cdef: ClassDef
) -> ir.Function | ir.RawItem:
    sig = module.signatures.get(f"{ci.info.fullname}.__init__")
    if sig is None:  # reported where it was built; the class cannot be constructed
        raise Unsupported(cdef, f"constructor of `{ci.name}`", "PRT511")
    try:
        return _constructor(module, ci, cdef, sig)
    except Exception as caught:
        from backend.transpiler.lower.functions import return_type_text

        found = class_hierarchy.init_of(module, ci)
        where: FuncDef | ClassDef = found[0] if found is not None else cdef
        placeholder = _placeholder_method(module, where, sig, _reported(where, caught))
        if isinstance(placeholder, ir.Function):
            placeholder.ret = return_type_text(sig) if sig.fallible else "Self"
        return placeholder


def _constructor(module: ModuleContext, ci: ClassInfo, cdef: ClassDef, sig: FuncSig) -> ir.Function:
    found = class_hierarchy.init_of(module, ci)
    init = found[0] if found is not None else None
    from backend.transpiler.lower.functions import param_type_text, return_type_text

    params = [ir.Param(rust_ident(p.name), param_type_text(p)) for p in sig.params]
    ret = return_type_text(sig) if sig.fallible else "Self"
    if init is None:
        body = _dataclass_new_body(module, ci, sig)
        return ir.Function("new", params, ret, body, span=span_of(cdef))
    return ir.Function("new", params, ret, _init_body(module, ci, init, sig), span=span_of(init))


def _dataclass_new_body(module: ModuleContext, ci: ClassInfo, sig: FuncSig) -> list[ir.Stmt]:
    parts = []
    for name, ty in ci.fields:
        if name in ci.init_fields:
            parts.append(rust_ident(name))
            continue
        default = ci.field_defaults.get(name)
        code = None
        if default is not None and not _is_bare_field_call(default):
            code = values.owned(lower_expr(FnContext(module, None, None), default, ty))
        code = code or rt.default_value(ty)
        if code is None:
            raise Unsupported(
                ci.info.defn, f"field `{name}` needs a value before `__post_init__`", "PRT503"
            )
        parts.append(f"{rust_ident(name)}: {code}")
    literal = f"Self {{ {', '.join(parts)} }}"
    if not ci.post_init:
        return [ir.RawStmt([literal])]
    call = f"this.{ci.dunders['__post_init__']}()"
    post_sig = module.signatures.get(f"{ci.info.fullname}.__post_init__")
    if post_sig is not None and post_sig.fallible:
        call += "?"
    ok = "Ok(this)" if sig.fallible else "this"
    return [ir.Let("this", None, literal, mutable=True), ir.ExprStmt(call), ir.RawStmt([ok])]


def _is_bare_field_call(expr: Expression) -> bool:
    """`field(init=False)` without a default: the type's zero value until `__post_init__`."""
    return (
        isinstance(expr, CallExpr)
        and isinstance(expr.callee, NameExpr)
        and expr.callee.fullname == "dataclasses.field"
        and not any(n in ("default", "default_factory") for n in expr.arg_names)
    )


def _init_body(module: ModuleContext, ci: ClassInfo, init: FuncDef, sig: FuncSig) -> list[ir.Stmt]:
    """Leading statements that do not touch `self`, then `Self { .. }` from the leading
    `self.x = ..` assignments (their values become `field_x` locals, evaluated in order);
    whatever follows runs on a `this` that is returned."""
    from backend.transpiler.lower.declarations import plan_declarations
    from backend.transpiler.lower.functions import declare_params
    from backend.transpiler.lower.statements import lower_block

    facts = module.mutation.of(f"{init.info.fullname}.__init__")
    ctx = FnContext(module, sig, facts, init)
    prologue = declare_params(ctx, sig)
    ctx.declare("self", struct_type(ci), Kind.PLACE).rust_name = "this"
    super_call, early, body = init_statements(init)
    types = dict(ci.fields)
    # fields set before `super().__init__(..)`: the base's own assignments overwrite them
    early_lowered, before = _field_locals(
        ctx, lower_block(ctx, early), [_self_field(st) or "" for st in early], types
    )
    prologue.extend(early_lowered)
    inherited: dict[str, str] = {}  # base fields set by `super().__init__(..)`
    if super_call is not None:
        parent, inherited = class_hierarchy.super_init(ctx, ci, init, super_call)
        prologue.extend([parent] if parent is not None else [])
    inherited = {**before, **inherited}
    params = {p.name for p in sig.params} | {"self"}
    ctx.plan = plan_declarations(body, params, facts.mutated if facts else set())  # type: ignore[attr-defined]
    run_end, assigned = field_run(body)
    head = lower_block(ctx, body[:run_end])
    head, initial = _field_locals(ctx, head, assigned, types)
    for name, ty in ci.fields:
        if name not in initial and name in inherited:
            initial[name] = inherited[name]
        if name not in initial:
            default = rt.default_value(ty)
            if default is None:
                raise Unsupported(
                    init, f"field `{name}` is not set before other code in __init__", "PRT503"
                )
            initial[name] = default
    for stmt in early_lowered:  # an early value the base overwrote: evaluated, not used
        field_let = isinstance(stmt, ir.Let) and stmt.pattern.startswith("field_")
        name = stmt.pattern.removeprefix("field_") if field_let else ""  # type: ignore[attr-defined]
        if name and isinstance(stmt, ir.Let) and initial.get(name) != stmt.pattern:
            stmt.pattern = f"_{stmt.pattern}"
    order = [*assigned, *(n for n, _ in ci.fields if n not in assigned)]
    literal = "Self { " + ", ".join(_field_init(n, initial[n]) for n in order) + " }"
    rest = body[run_end:]
    if not rest or shared_init.has_tail(module, ci):  # a node's tail runs on its handle
        return [*prologue, *head, ir.RawStmt([f"Ok({literal})" if sig.fallible else literal])]
    tail = lower_block(ctx, rest)
    mutable = _mutates_self(module, rest)
    done = "Ok(this)" if sig.fallible else "this"
    return [
        *prologue,
        *head,
        ir.Let("this", None, literal, mutable=mutable),
        *tail,
        ir.RawStmt([done]),
    ]


def init_statements(
    init: FuncDef,
) -> tuple[CallExpr | None, list[Statement], list[Statement]]:
    """`__init__`'s `super().__init__(..)` call (if any: first, or after fields set from
    values that do not read `self`), the field assignments before it, and the statements
    after it (without the docstring)."""
    body = list(init.body.body)
    if body and isinstance(body[0], ExpressionStmt) and isinstance(body[0].expr, StrExpr):
        body = body[1:]
    index = 0
    while (
        index < len(body)
        and _self_field(body[index]) is not None
        and not _mentions_self(body[index].rvalue)  # type: ignore[attr-defined]
    ):
        index += 1
    super_call = class_hierarchy.is_super_init(body[index], init) if index < len(body) else None
    if super_call is None:
        return None, [], body
    return super_call, body[:index], body[index + 1 :]


def field_run(body: list[Statement]) -> tuple[int, list[str]]:
    """Where the leading statements that build the struct end (those that do not touch
    `self`, then `self.x = ..` assignments that do not read `self`), and the fields set."""
    lead = 0
    while lead < len(body) and _self_field(body[lead]) is None and not _mentions_self(body[lead]):
        lead += 1
    run_end = lead
    assigned: list[str] = []
    while run_end < len(body):
        target = _self_field(body[run_end])
        if target is None or target in assigned or _mentions_self(body[run_end].rvalue):  # type: ignore[attr-defined]
            break
        assigned.append(target)
        run_end += 1
    return run_end, assigned


def _field_locals(
    ctx: FnContext, lowered: list[ir.Stmt], names: list[str], types: dict[str, rt.RType]
) -> tuple[list[ir.Stmt], dict[str, str]]:
    """Turn the lowered `this.x = v;` of the leading run into `let field_x: T = v;` (or use
    `v` directly when it is a plain name, `Self { x: v }`); returns each field's value."""
    out = list(lowered)
    initial: dict[str, str] = {}
    for name in names:
        for index, stmt in enumerate(out):
            if (
                isinstance(stmt, ir.Assign)
                and stmt.target == f"this.{rust_ident(name)}"
                and stmt.op == "="
            ):
                if stmt.value.isidentifier():
                    initial[name] = stmt.value
                    del out[index]
                else:
                    initial[name] = f"field_{name}"
                    out[index] = ir.Let(
                        f"field_{name}", types[name].render(), stmt.value, span=stmt.span
                    )
                break
        else:
            raise Unsupported(ctx.fn, f"assignment of field `{name}` in __init__", "PRT503")  # type: ignore[arg-type]
    return out, initial


def _field_init(name: str, value: str) -> str:
    return rust_ident(name) if value == rust_ident(name) else f"{rust_ident(name)}: {value}"


def _self_field(stmt: object) -> str | None:
    if isinstance(stmt, AssignmentStmt) and len(stmt.lvalues) == 1:
        lv = stmt.lvalues[0]
        if isinstance(lv, MemberExpr) and isinstance(lv.expr, NameExpr) and lv.expr.name == "self":
            return lv.name
    return None


def _mentions_self(node: object) -> bool:
    from backend.transpiler.analyze.walk import Walker

    found: list[bool] = []

    class Finder(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            if o.name == "self":
                found.append(True)

    Finder().visit(node)  # type: ignore[arg-type]
    return bool(found)


def _mutates_self(module: ModuleContext, stmts: list[Statement]) -> bool:
    facts = FunctionFacts(["self"])
    _FactCollector(facts).visit_all(stmts)
    if "self" in facts.mutated:
        return True
    for method, root in facts.method_calls:
        callee = module.mutation.of(method)
        if root == "self" and callee is not None and "self" in callee.mutated:
            return True
    return False


# the expression side lives in class_uses.py; callers reach it through this module
from backend.transpiler.lower.class_uses import (  # noqa: E402
    binary_operator,
    call_class_member,
    call_dunder,
    call_method,
    call_super,
    construct,
    identity,
    int_operands,
    lower_class_attr,
    lower_class_index,
    lower_class_name,
    lower_field_call,
    lower_instance_attr,
    namedtuple_as_tuple,
)

__all__ = [
    "binary_operator",
    "call_class_member",
    "call_dunder",
    "call_method",
    "call_super",
    "construct",
    "identity",
    "int_operands",
    "lower_class_attr",
    "lower_class_index",
    "lower_class_name",
    "lower_field_call",
    "lower_instance_attr",
    "namedtuple_as_tuple",
]
