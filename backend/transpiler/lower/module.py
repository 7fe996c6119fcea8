"""Module lowering: discover classes and functions, build every signature, then lower the
selected items in source order, module constants, and the `__main__` block as `fn main`."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from mypy.nodes import (
    AssignmentStmt,
    Block,
    CallExpr,
    ClassDef,
    Context,
    Decorator,
    Expression,
    ExpressionStmt,
    FuncDef,
    IfStmt,
    Import,
    ImportAll,
    ImportFrom,
    MemberExpr,
    MypyFile,
    NamedTupleExpr,
    NameExpr,
    OverloadedFuncDef,
    ParamSpecExpr,
    Statement,
    StrExpr,
    TypeVarExpr,
    TypeVarTupleExpr,
)

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze import int_width
from backend.transpiler.analyze.mutation import MutationAnalysis
from backend.transpiler.analyze.oracle import TypedModule
from backend.transpiler.analyze.raising import Hierarchy, RaisingAnalysis
from backend.transpiler.analyze.typemap import TypeMapper
from backend.transpiler.ir import Kind
from backend.transpiler.lower import (
    bigints,
    class_hierarchy,
    class_links,
    classes,
    functions,
    generic_classes,
    overloads,
    regex,
    unions,
)
from backend.transpiler.lower.context import (
    FnContext,
    FuncSig,
    ModuleContext,
    Unsupported,
    VarInfo,
    internal_error,
    rust_ident,
    span_of,
)
from backend.transpiler.record import Severity

MEMO_DECORATORS = {"functools.lru_cache", "functools.cache"}
IGNORED_DECORATORS = {"typing.final", "functools.wraps"}


@dataclass
class LoweredModule:
    module: ir.Module
    context: ModuleContext
    has_main: bool


def is_main_guard(stmt: Statement) -> bool:
    if not isinstance(stmt, IfStmt) or len(stmt.expr) != 1:
        return False
    test = stmt.expr[0]
    from mypy.nodes import ComparisonExpr

    if not isinstance(test, ComparisonExpr) or test.operators != ["=="]:
        return False
    names = [o for o in test.operands if isinstance(o, NameExpr) and o.name == "__name__"]
    strs = [o for o in test.operands if isinstance(o, StrExpr) and o.value == "__main__"]
    return bool(names and strs)


def _decorator_fullname(node: object) -> str:
    if isinstance(node, CallExpr):
        node = node.callee
    if isinstance(node, NameExpr | MemberExpr):
        return node.fullname or node.name
    return ""


def lower_module(
    typed: TypedModule, module_name: str, selection: set[str] | None, *, in_crate: bool = False
) -> LoweredModule:
    """`module_name` is the user's name for the module (shown in output); fullnames use
    the name mypy checked it under. `in_crate`: part of a translate-project crate, which may
    depend on crates (lower/regex.py)."""
    display_name, module_name = module_name, typed.name or module_name
    tree: MypyFile = typed.tree
    mapper = TypeMapper({})
    classdefs = [d for node in tree.defs if (d := class_of_item(node)) is not None]
    for cdef in classdefs:
        mapper.classes[cdef.info.fullname] = rt.StructT(cdef.name)  # type: ignore[index]
    funcs, _methods, main_body, other = _partition(tree)
    sibling_classes, sibling_funcs = _sibling_items(typed)
    for cdef in sibling_classes:
        mapper.classes[cdef.info.fullname] = rt.StructT(cdef.name)  # type: ignore[index]
    unions.register_aliases(mapper, tree)  # `Json = ...` names its enum
    unbound_generics = generic_classes.bind_type_parameters(
        mapper, classdefs + sibling_classes, typed.types
    )  # `Stack[int]` only: `T` is `int` in `Stack`
    all_funcs: dict[str, FuncDef] = {f.fullname: f for f in funcs + sibling_funcs}
    for cdef in classdefs + sibling_classes:
        for m in classes.class_methods(cdef):
            all_funcs[f"{cdef.info.fullname}.{m.name}"] = m
        constructor = classes.constructor_def(cdef)
        if constructor is not None:  # `C(...)` raises what `__init__`/`__post_init__` raise
            all_funcs[cdef.info.fullname] = constructor
    main_def = FuncDef("main", [], Block(other + main_body))
    main_def._fullname = f"{module_name}.__main_block__"
    all_funcs[main_def._fullname] = main_def
    hierarchy = Hierarchy()
    for cdef in classdefs + sibling_classes:
        if cdef.info.has_base("builtins.BaseException"):
            hierarchy.add_user_class(cdef.info)
    overrides = class_hierarchy.method_overrides(classdefs + sibling_classes)
    mutation = MutationAnalysis(all_funcs, overrides, typed.types)
    raising = RaisingAnalysis(all_funcs, hierarchy, typed.types, overrides)
    ctx = ModuleContext(typed, mapper, mutation, raising, hierarchy, module_name, display_name)
    constants = int_width.module_int_constants(tree.defs)
    ctx.int_width = int_width.IntWidth(all_funcs, typed.types, constants)  # PyBigInt or i64
    ctx.in_crate = in_crate
    generic_classes.report_unbound(ctx, classdefs, unbound_generics)
    _collect_classes(ctx, classdefs + sibling_classes)
    _collect_signatures(ctx, funcs + sibling_funcs, classdefs + sibling_classes, bool(main_body))
    _import_siblings(ctx, typed)
    items: list[ir.Item] = []
    items.extend(_lower_constants(ctx, tree, selection))
    for node in tree.defs:
        name = _item_name(node)
        if name is None or (selection is not None and name not in selection):
            continue
        items.extend(_lower_item(ctx, class_of_item(node) or node))
    has_main = bool(main_body) and selection is None
    user_main = ctx.signatures.get(f"{module_name}.main")
    if has_main and not (user_main is not None and user_main.rust_name == "main"):
        items.append(_lower_main(ctx, main_def))
    items[:0] = unions.union_items(ctx, items)  # the enums of the unions the items use
    bigints.report(ctx, selection)
    items.extend(regex.runtime_items(ctx))
    uses = sorted(ctx.uses)
    module = ir.Module([u for u in uses], items, [])
    return LoweredModule(module, ctx, has_main)


def _sibling_items(typed: TypedModule) -> tuple[list[ClassDef], list[FuncDef]]:
    """Classes and functions of the project's other modules (translate-project)."""
    classdefs: list[ClassDef] = []
    funcs: list[FuncDef] = []
    for tree in typed.siblings.values():
        for node in tree.defs:
            cdef = class_of_item(node)
            if cdef is not None:
                classdefs.append(cdef)
            elif isinstance(node, FuncDef):
                funcs.append(node)
            elif isinstance(node, Decorator):
                funcs.append(node.func)
            elif (impl := overloads.implementation(node)) is not None:
                funcs.append(impl)
    return classdefs, funcs


def _import_siblings(ctx: ModuleContext, typed: TypedModule) -> None:
    """`from pkg.mod import f` -> `use crate::pkg::mod_::f;`; `import pkg` -> qualified paths."""
    from backend.transpiler.module_paths import rust_module_path

    imported: set[str] = set()
    for node in typed.tree.defs:
        if isinstance(node, ImportFrom) and node.id in typed.siblings:
            path = rust_module_path(node.id)
            for name, alias in node.names:
                rust_name = f"{name} as {alias}" if alias and alias != name else name
                ctx.use(f"{path}::{rust_name}")
                imported.add(f"{node.id}.{name}")
    for fullname, sig in ctx.signatures.items():
        module_id = fullname.rsplit(".", 1)[0]
        if module_id in typed.siblings and fullname not in imported and sig.owner is None:
            sig.rust_name = f"{rust_module_path(module_id)}::{sig.rust_name}"
    for module_id, tree in typed.siblings.items():
        for node in tree.defs:
            if isinstance(node, AssignmentStmt) and _is_constant(node):
                target = node.lvalues[0]
                assert isinstance(target, NameExpr)
                if f"{module_id}.{target.name}" in imported:
                    typ = getattr(target.node, "type", None)
                    ty = ctx.map_type(typ)
                    kind = Kind.BORROWED if isinstance(ty, rt.StrT) else Kind.PLACE
                    ctx.constants.setdefault(
                        target.name, VarInfo(_const_name(target.name), ty, kind)
                    )


def _const_name(name: str) -> str:
    return name if name.isupper() else name.upper()


def _partition(
    tree: MypyFile,
) -> tuple[list[FuncDef], list[FuncDef], list[Statement], list[Statement]]:
    funcs: list[FuncDef] = []
    main_body: list[Statement] = []
    other: list[Statement] = []
    for node in tree.defs:
        if isinstance(node, FuncDef):
            funcs.append(node)
        elif isinstance(node, Decorator):
            funcs.append(node.func)
        elif overloads.implementation(node) is not None:
            funcs.append(overloads.implementation(node))  # type: ignore[arg-type]
        elif is_main_guard(node):
            assert isinstance(node, IfStmt)
            main_body.extend(node.body[0].body)
        elif isinstance(node, ClassDef | Import | ImportFrom | ImportAll) or class_of_item(node):
            continue
        elif isinstance(node, AssignmentStmt) and (_is_constant(node) or node.is_alias_def):
            continue  # (a type alias is resolved by mypy wherever it is used)
        elif isinstance(node, AssignmentStmt) and _declares_type_variable(node):
            continue  # `T = TypeVar("T")`: typing only (generic_classes.py binds T)
        elif isinstance(node, ExpressionStmt) and isinstance(node.expr, StrExpr):
            continue  # module docstring
        else:
            other.append(node)
    return funcs, [], main_body, other


def _declares_type_variable(node: AssignmentStmt) -> bool:
    analyzed = getattr(node.rvalue, "analyzed", None)
    return isinstance(analyzed, TypeVarExpr | ParamSpecExpr | TypeVarTupleExpr)


def class_of_item(node: Statement) -> ClassDef | None:
    """A `class` statement, or the class `Pair = NamedTuple("Pair", [("a", int)])` defines
    (mypy gives it a class definition of its own, placed here at the assignment)."""
    if isinstance(node, ClassDef):
        return node
    analyzed = getattr(node.rvalue, "analyzed", None) if isinstance(node, AssignmentStmt) else None
    if not isinstance(analyzed, NamedTupleExpr):
        return None
    cdef = analyzed.info.defn
    if cdef.line < 1:
        cdef.set_line(node)
    return cdef


def _is_constant(stmt: AssignmentStmt) -> bool:
    return (
        len(stmt.lvalues) == 1
        and isinstance(stmt.lvalues[0], NameExpr)
        and (stmt.lvalues[0].is_inferred_def or stmt.type is not None)
        and type(stmt.rvalue).__name__ != "TempNode"
        and not stmt.is_alias_def  # `Matrix = list[list[int]]` is a type, not a value
        and class_of_item(stmt) is None  # `Pair = NamedTuple(..)` is a class
    )


def _item_name(node: Statement) -> str | None:
    if isinstance(node, FuncDef | ClassDef | OverloadedFuncDef):
        return node.name
    cdef = class_of_item(node)
    if cdef is not None:
        return cdef.name
    if isinstance(node, Decorator):
        return node.func.name
    return None


def _collect_classes(ctx: ModuleContext, classdefs: list[ClassDef]) -> None:
    for cdef in classdefs:
        try:
            ci = classes.collect_class(ctx, cdef)
        except Exception as caught:
            err = _unsupported(cdef, caught)
            ctx.diagnose(err.node, f"not translated: {err.what}", err.code)
            continue
        ctx.classes[cdef.info.fullname] = ci
        # user exceptions are `PyException` values with their own kind name
        struct = rt.StructT("PyException") if ci.is_exception else classes.struct_type(ci)
        ctx.mapper.classes[cdef.info.fullname] = struct  # type: ignore[index]
    class_hierarchy.link_hierarchies(ctx)  # base-class static types -> the hierarchy's enum
    for ci in ctx.classes.values():
        classes.resolve_field_types(ctx, ci)
    class_links.link_shared_classes(ctx)  # linked nodes -> Rc<RefCell<..>>


def _collect_signatures(
    ctx: ModuleContext, funcs: list[FuncDef], classdefs: list[ClassDef], has_main: bool
) -> None:
    overloaded = {
        impl.fullname
        for tree in [ctx.typed.tree, *ctx.typed.siblings.values()]
        for node in tree.defs
        if (impl := overloads.implementation(node)) is not None
    }
    for fn in funcs:
        try:
            sig = functions.build_signature(ctx, fn.fullname, fn)
            _require_rust_types(fn, sig)
        except Exception as caught:
            err = _unsupported(fn, caught)
            ctx.diagnose(err.node, f"not translated: {err.what}", err.code)
            if err.code == "PRT203":
                ctx.dropped_defs.add(fn.fullname)
            continue
        if fn.name == "main" and has_main:
            sig.rust_name = "main" if _main_is_entry(ctx, fn, sig) else "run_main"
        sig.overloaded = fn.fullname in overloaded
        ctx.signatures[fn.fullname] = sig
    for cdef in classdefs:
        ci = ctx.classes.get(cdef.info.fullname)
        if ci is None:
            continue
        if not ci.is_exception and not ci.is_enum:
            try:
                ctx.signatures[f"{cdef.info.fullname}.__init__"] = classes.constructor_signature(
                    ctx, ci, cdef
                )
            except Exception as caught:
                err = _unsupported(cdef, caught)
                ctx.diagnose(err.node, f"not translated: {err.what}", err.code)
        for m in classes.class_methods(cdef):
            if m.name == "__init__":
                continue
            fullname = f"{cdef.info.fullname}.{m.name}"
            try:
                sig = functions.build_signature(ctx, fullname, m, owner=ci.name)
                _require_rust_types(m, sig)
            except Exception as caught:
                err = _unsupported(m, caught)
                variants = overloads.variant_signatures(ctx, cdef, m, fullname, ci.name)
                if err.code == "PRT203" and variants and all(_has_rust_types(v) for v in variants):
                    ctx.overload_variants[fullname] = variants  # one Rust method per overload
                    continue
                ctx.diagnose(err.node, f"not translated: {err.what}", err.code)
                continue
            sig.rust_name = classes.DUNDER_NAMES.get(m.name, rust_ident(m.name))
            sig.overloaded = m.name in ci.overloaded
            ctx.signatures[fullname] = sig
    class_hierarchy.inherit_signatures(ctx)


def _require_rust_types(fn: FuncDef, sig: FuncSig) -> None:
    """A parameter or return type with no Rust type (a union with a class, say) leaves no
    signature to write (`fn f(v: &_)` is no Rust): the def is reported, its calls too."""
    types = [*(p.ty for p in sig.params), sig.ret]
    for ty in types:
        unknown = _first_unknown(ty)
        if unknown is not None and unknown.reason:  # (`object` parameters have uses of their own)
            what = f"`{fn.name}`: its signature has a type with no Rust type ({unknown.reason})"
            raise Unsupported(fn, what, "PRT203")


def _has_rust_types(sig: FuncSig) -> bool:
    return all(_first_unknown(t) is None for t in [*(p.ty for p in sig.params), sig.ret])


def _first_unknown(ty: rt.RType) -> rt.UnknownT | None:
    if isinstance(ty, rt.UnknownT):
        return ty
    for attr in ("elem", "key", "value", "inner", "ok"):
        inner = getattr(ty, attr, None)
        if isinstance(inner, rt.RType):
            found = _first_unknown(inner)
            if found is not None:
                return found
    if isinstance(ty, rt.TupleT):
        for item in ty.items:
            found = _first_unknown(item)
            if found is not None:
                return found
    return None


def _unsupported(node: Context, caught: Exception) -> Unsupported:
    """What the translator could not do: a construct it reports, or (an engine bug) an
    internal error, located at the item it was working on."""
    return caught if isinstance(caught, Unsupported) else internal_error(node, caught)


def _lower_item(ctx: ModuleContext, node: Statement) -> list[ir.Item]:
    try:
        return _lower_item_or_raise(ctx, node)
    except Exception as caught:  # an engine bug costs this item only
        return _untranslated_item(ctx, node, _unsupported(node, caught))


def _untranslated_item(ctx: ModuleContext, node: Statement, err: Unsupported) -> list[ir.Item]:
    ctx.placeholder(err.node, err.what, err.code)
    name = _item_name(node) or "item"
    return [
        ir.RawItem(
            f"// Portalis: `{name}` was not translated: {err.what} (line {err.node.line})",
            span=span_of(node),
        )
    ]


def _lower_item_or_raise(ctx: ModuleContext, node: Statement) -> list[ir.Item]:
    if isinstance(node, ClassDef):
        return classes.lower_class(ctx, node)
    if isinstance(node, OverloadedFuncDef):  # the stubs only type the calls
        impl = node.impl
        if impl is None or node.is_property:
            raise Unsupported(node, "`@overload` stubs without an implementation", "PRT500")
        node = impl
    fn = node.func if isinstance(node, Decorator) else node
    assert isinstance(fn, FuncDef)
    sig = ctx.signatures.get(fn.fullname)
    if sig is None and fn.fullname in ctx.dropped_defs:  # reported with its signature
        ctx.placeholders += 1
        note = f"// Portalis: `{fn.name}` was not translated (line {fn.line})"
        return [ir.RawItem(note, span=span_of(fn))]
    if sig is None:
        raise Unsupported(fn, f"function `{fn.name}`", "PRT200")
    memo = False
    if isinstance(node, Decorator):
        for dec in node.decorators:
            name = _decorator_fullname(dec)
            if name in MEMO_DECORATORS:
                memo = True
            elif name not in IGNORED_DECORATORS:
                raise Unsupported(dec, f"decorator `{name}`", "PRT210")
    item = functions.lower_function(ctx, fn.fullname, fn, sig)
    if memo:
        from backend.transpiler.lower import memo as memo_mod

        return memo_mod.memoize(ctx, item, sig)
    return [item]


def _lower_main(ctx: ModuleContext, main_def: FuncDef) -> ir.Function:
    from backend.transpiler.lower.statements import lower_body

    sig = FuncSig("main", [], rt.UNIT)
    fn_ctx = FnContext(ctx, sig, ctx.mutation.of(main_def._fullname), main_def)
    body = main_def.body.body
    lowered = lower_body(fn_ctx, body, is_function_body=True)
    return ir.Function("main", [], None, lowered, span=span_of(body[0]) if body else None)


def _main_is_entry(ctx: ModuleContext, fn: FuncDef, sig: FuncSig) -> bool:
    """`if __name__ == "__main__": main()` with a plain `def main() -> None`: that function
    becomes Rust's `fn main` directly."""
    guard = next((d for d in ctx.typed.tree.defs if is_main_guard(d)), None)
    if guard is None or sig.params or sig.fallible or sig.ret not in (rt.UNIT, rt.UNKNOWN):
        return False
    body = guard.body[0].body  # type: ignore[attr-defined]
    others = [
        d
        for d in ctx.typed.tree.defs
        if not isinstance(
            d, FuncDef | Decorator | OverloadedFuncDef | ClassDef | Import | ImportFrom | ImportAll
        )
        and not is_main_guard(d)
        and class_of_item(d) is None
        and not (isinstance(d, AssignmentStmt) and (_is_constant(d) or d.is_alias_def))
        and not (isinstance(d, ExpressionStmt) and isinstance(d.expr, StrExpr))
    ]
    return len(body) == 1 and not others and _is_call_to_user_main(ctx, body[0])


def _is_call_to_user_main(ctx: ModuleContext, stmt: Statement) -> bool:
    return (
        isinstance(stmt, ExpressionStmt)
        and isinstance(stmt.expr, CallExpr)
        and isinstance(stmt.expr.callee, NameExpr)
        and stmt.expr.callee.fullname == f"{ctx.module_name}.main"
        and not stmt.expr.args
    )


# ---- module constants ----

_CONST_OK = re.compile(r'^(-?[0-9_.eE+-]+|true|false|"[^"]*")$')


def _lower_constants(
    ctx: ModuleContext, tree: MypyFile, selection: set[str] | None
) -> list[ir.Item]:
    items: list[ir.Item] = []
    fn_ctx = FnContext(ctx, None, None)
    fn_ctx.in_static = True  # type: ignore[attr-defined]  # values must be `Sync`
    from backend.transpiler.lower import module_state

    constants = [n for n in tree.defs if isinstance(n, AssignmentStmt) and _is_constant(n)]
    names = {n.lvalues[0].name for n in constants}  # type: ignore[attr-defined]
    ctx.mutable_globals = module_state.mutable_globals(ctx, names)  # type: ignore[attr-defined]
    ctx.mutable_globals_static = {}  # type: ignore[attr-defined]
    for node in tree.defs:
        if not (isinstance(node, AssignmentStmt) and _is_constant(node)):
            continue
        target = node.lvalues[0]
        assert isinstance(target, NameExpr)
        try:
            items.append(_lower_constant(ctx, fn_ctx, node, target))
        except Exception as caught:
            err = _unsupported(node, caught)
            ctx.placeholder(err.node, err.what, err.code)
            items.append(
                ir.RawItem(f"// Portalis: constant `{target.name}` was not translated: {err.what}")
            )
    return items


def _lower_constant(
    ctx: ModuleContext, fn_ctx: FnContext, node: AssignmentStmt, target: NameExpr
) -> ir.Item:
    from backend.transpiler.lower import values
    from backend.transpiler.lower.expressions import lower_expr

    declared = getattr(target.node, "type", None)
    ty = ctx.map_type(declared) if declared is not None else ctx.type_of(node.rvalue)
    ty = _shareable(ty)
    value = lower_expr(fn_ctx, node.rvalue, ty)
    folded = int_width.constant_int(node.rvalue)  # `2**61 - 1` is a `const` literal
    if ty == rt.INT and folded is not None and bigints.fits_i64(folded):
        value = ir.Expr(str(folded), rt.INT)
    name = _const_name(target.name)
    ctx.note_type(ty)
    from backend.transpiler.lower import module_state

    if class_links.aliases(ctx, ty) and target.name not in module_state.rebound_globals(ctx):
        return _module_object(ctx, node, target.name, name, ty, values.owned(value))
    if class_links.aliases(ctx, ty):
        return _module_slot(ctx, node, target.name, name, ty, values.owned(value))
    if target.name in getattr(ctx, "mutable_globals", set()):
        return _mutable_static(ctx, node, target.name, name, ty, values.owned(value))
    if isinstance(ty, rt.StrT) and value.code.startswith('"'):
        ctx.constants[target.name] = VarInfo(name, rt.STR, Kind.BORROWED)
        return ir.Const(name, "&str", value.code, span=span_of(node))
    if (ty.is_copy and _CONST_OK.match(value.code)) or (ty.is_copy and _const_expr(value.code)):
        ctx.constants[target.name] = VarInfo(name, ty, Kind.PLACE)
        return ir.Const(name, ty.render(), value.code, span=span_of(node))
    if isinstance(ty, rt.IterT) and _is_range_call(node.rvalue):
        return _range_constant(ctx, node, target.name, name, ty, value.code)
    ctx.use("std::sync::LazyLock")
    # read as the value the `LazyLock` holds: method calls deref by themselves, `==` and
    # other operators do not
    ctx.constants[target.name] = VarInfo(f"(*{name})", ty, Kind.PLACE)
    return ir.Const(
        name,
        f"LazyLock<{ty.render()}>",
        f"LazyLock::new(|| {values.owned(value)})",
        keyword="static",
        span=span_of(node),
    )


def _module_object(
    ctx: ModuleContext, node: AssignmentStmt, py_name: str, name: str, ty: rt.RType, value: str
) -> ir.Item:
    """`area = WorkArea()` of a shared class: one object, held by a thread-local of the
    module; each use of the name is a handle to it (changed through `.borrow_mut()` like
    any node, so no lock: a `static` could not hold an `Rc` anyway)."""
    getattr(ctx, "mutable_globals", set()).discard(py_name)
    ctx.constants[py_name] = VarInfo(f"{name}.with(Clone::clone)", ty, Kind.OWNED)
    code = f"thread_local! {{\n    static {name}: {ty.render()} = {value};\n}}"
    return ir.RawItem(code, span=span_of(node))


def _module_slot(
    ctx: ModuleContext, node: AssignmentStmt, py_name: str, name: str, ty: rt.RType, value: str
) -> ir.Item:
    """`planner: Optional[Planner] = None` that functions rebind (`global planner`): a
    thread-local cell holding the current handle; a read takes a copy of the handle (the
    same object), an assignment replaces it (statements.py)."""
    getattr(ctx, "mutable_globals", set()).discard(py_name)
    if not hasattr(ctx, "module_slots"):
        ctx.module_slots = {}  # type: ignore[attr-defined]
    ctx.module_slots[py_name] = name  # type: ignore[attr-defined]
    ctx.constants[py_name] = VarInfo(f"{name}.with(|slot| slot.borrow().clone())", ty, Kind.OWNED)
    ctx.use("std::cell::RefCell")
    code = (
        f"thread_local! {{\n    static {name}: RefCell<{ty.render()}> = RefCell::new({value});\n}}"
    )
    return ir.RawItem(code, span=span_of(node))


def _is_range_call(expr: Expression) -> bool:
    return (
        isinstance(expr, CallExpr)
        and isinstance(expr.callee, NameExpr)
        and expr.callee.fullname == "builtins.range"
    )


def _range_constant(
    ctx: ModuleContext, node: AssignmentStmt, py_name: str, name: str, ty: rt.RType, value: str
) -> ir.Item:
    """`SPAN = range(n)`: a Python range is an immutable sequence that every `for` iterates
    afresh, while a Rust range is a one-shot iterator (and no `static` can hold an `impl
    Iterator`): the constant is a function that returns a fresh range at each use."""
    ctx.constants[py_name] = VarInfo(f"{name}()", ty, Kind.OWNED)
    code = f"#[allow(non_snake_case)]\nfn {name}() -> {ty.render()} + Clone {{\n    {value}\n}}"
    return ir.RawItem(code, span=span_of(node))


def _mutable_static(
    ctx: ModuleContext, node: AssignmentStmt, py_name: str, name: str, ty: rt.RType, value: str
) -> ir.Item:
    """State that functions change: `static NAME: LazyLock<Mutex<T>>`, locked per statement
    (lower/module_state.py)."""
    from backend.transpiler.lower import module_state

    ctx.use("std::sync::LazyLock")
    ctx.use("std::sync::Mutex")
    guard = module_state.guard_name(name)
    # a Copy value is reached through the guard like a `&mut` (`*counter += 1`)
    kind = Kind.MUT_BORROWED if ty.is_copy else Kind.PLACE
    ctx.constants[py_name] = VarInfo(guard, ty, kind)
    ctx.mutable_globals_static[py_name] = name  # type: ignore[attr-defined]
    static_t = f"LazyLock<Mutex<{ty.render()}>>"
    init = f"LazyLock::new(|| Mutex::new({value}))"
    return ir.Const(name, static_t, init, keyword="static", span=span_of(node))


def _shareable(ty: rt.RType) -> rt.RType:
    """A `static` must be `Sync`: boxed callables in it are `dyn Fn.. + Send + Sync`."""
    if isinstance(ty, rt.FnT):
        return dataclasses.replace(ty, sync=True) if ty.boxed else ty
    changes: dict[str, object] = {}
    for f in dataclasses.fields(ty):
        v = getattr(ty, f.name)
        if isinstance(v, rt.RType):
            changes[f.name] = _shareable(v)
        elif isinstance(v, tuple) and all(isinstance(i, rt.RType) for i in v):
            changes[f.name] = tuple(_shareable(i) for i in v)
    return dataclasses.replace(ty, **changes) if changes else ty


def _const_expr(code: str) -> bool:
    return bool(re.fullmatch(r"[0-9A-Z_ +\-*/().]+", code))


def severity_of_placeholders(ctx: ModuleContext) -> Severity:
    return Severity.WARNING if ctx.placeholders else Severity.INFORMATION
