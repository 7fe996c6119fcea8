"""Self-referential classes (linked lists, trees, tries): Python's nodes are shared objects
(`cur = cur.next` aliases, `node.next = prev` relinks), so a value of such a class is an
`Rc<RefCell<Node>>`: cloning it aliases the same node, fields are read through `.borrow()`
and written through `.borrow_mut()`, and methods run on the borrowed struct (`self` is
`&Node` / `&mut Node` inside them). Parameters of these types are passed as `Rc` handles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mypy.nodes import CallExpr, Expression

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import (
    ClassInfo,
    FnContext,
    ModuleContext,
    Unsupported,
    rust_ident,
)


@dataclass(frozen=True)
class SharedT(rt.StructT):
    """A node of a self-referential class: `Rc<RefCell<Name>>`."""

    def render(self) -> str:
        return f"Rc<RefCell<{self.name}>>"


def is_shared(ty: rt.RType) -> bool:
    return isinstance(ty, SharedT) or (isinstance(ty, rt.OptionT) and isinstance(ty.inner, SharedT))


def aliases(module: ModuleContext, ty: rt.RType) -> bool:
    """Values of `ty` are handles: a copy of one is the same object (a node, or the enum
    of a shared hierarchy)."""
    from backend.transpiler.lower.class_hierarchy import poly_root

    if isinstance(ty, rt.OptionT):
        ty = ty.inner
    root = poly_root(module, ty)
    return isinstance(ty, SharedT) or (root is not None and root.shared)


def same_object(module: ModuleContext, left: Expr, right: Expr) -> Expr | None:
    """`a is b` on handles (optional ones too): the same object, not the same handle
    variable (`Rc::ptr_eq`; the hierarchy enum's `is_same`)."""
    from backend.transpiler.lower.class_hierarchy import upcast

    if not (aliases(module, left.ty) and aliases(module, right.ty)):
        return None
    lt = left.ty.inner if isinstance(left.ty, rt.OptionT) else left.ty
    rt_ = right.ty.inner if isinstance(right.ty, rt.OptionT) else right.ty
    if lt != rt_:  # a subclass's handle against its base's enum: compare as enums
        wider, narrow = (lt, right) if isinstance(rt_, SharedT) else (rt_, left)
        if isinstance(narrow.ty, rt.OptionT):
            return None
        raised = upcast(module, narrow, wider)
        if raised is None:
            return None
        left, right = (left, raised) if narrow is right else (raised, right)
        lt = wider

    def same(a: str, b: str) -> str:
        return (
            f"Rc::ptr_eq({a}, {b})"
            if isinstance(lt, SharedT)
            else f"{lt.render()}::is_same({a}, {b})"
        )

    lopt, ropt = isinstance(left.ty, rt.OptionT), isinstance(right.ty, rt.OptionT)
    if not lopt and not ropt:
        code = same(values.borrow(left), values.borrow(right))
    elif lopt and ropt:
        code = (
            f"match ({values.borrow(left)}, {values.borrow(right)}) {{ "
            f"(Some(x), Some(y)) => {same('x', 'y')}, (None, None) => true, _ => false }}"
        )
    else:
        option, other = (left, right) if lopt else (right, left)
        code = (
            f"{option.at(Prec.POSTFIX)}.as_ref().is_some_and(|x| {same('x', values.borrow(other))})"
        )
    return Expr(code, rt.BOOL, Kind.OWNED, Prec.ATOM)


def _refers_to(ty: rt.RType, names: set[str]) -> bool:
    if isinstance(ty, rt.StructT):
        return ty.name in names
    if isinstance(ty, rt.OptionT):
        return _refers_to(ty.inner, names)
    if isinstance(ty, rt.TupleT):
        return any(_refers_to(t, names) for t in ty.items)
    for attr in ("elem", "key", "value"):
        inner = getattr(ty, attr, None)
        if isinstance(inner, rt.RType) and _refers_to(inner, names):
            return True
    return False


def link_shared_classes(module: ModuleContext) -> None:
    """After field types are resolved: classes whose objects can reach their own kind
    through fields (a node's `next`, a task's `link` typed as its base class, two classes
    that refer to each other) are shared nodes, and so is every class their fields hold
    (a node hands its objects out: a copy would lose the changes made through it). A
    hierarchy is shared as a whole: its enum's variants are handles. Every field type that
    names them is re-resolved."""
    from backend.transpiler.lower.class_hierarchy import root_of, subclasses

    candidates = [ci for ci in module.classes.values() if not (ci.is_enum or ci.is_exception)]
    group = {ci.name: root_of(module, ci).name for ci in candidates}
    members: dict[str, set[str]] = {}
    for ci in candidates:
        members.setdefault(group[ci.name], set()).update(_type_names(module, ci))
    held = {
        g: {group[ci.name] for ci in candidates if ci.name in names or _poly(ci) in names}
        for g, names in members.items()
    }
    shared = {g for g in held if g in _reachable(held, held[g])}
    shared |= {group[ci.name] for ci in _module_objects_changed(module) if ci.name in group}
    stored_twice = _stored_twice(module)
    shared |= {group[ci.name] for ci in candidates if ci.info.fullname in stored_twice}
    plain = {group[ci.name] for ci in candidates if not ci.is_record}  # records stay values
    shared |= _reachable({g: held[g] & plain for g in held}, shared)
    if not shared:
        return
    for ci in candidates:
        if group[ci.name] in shared:
            ci.shared = True
            if not subclasses(module, ci):  # a class with subclasses is the enum of handles
                module.mapper.classes[ci.info.fullname] = SharedT(ci.name)  # type: ignore[index]
    module.use("std::rc::Rc")
    module.use("std::cell::RefCell")
    from backend.transpiler.lower.classes import resolve_field_types

    for ci in candidates:
        resolve_field_types(module, ci)


_STORING_METHODS = frozenset({"append", "add", "insert", "appendleft", "setdefault"})


def _stored_twice(module: ModuleContext) -> set[str]:
    """Classes an instance of which one name stores into two places (`by_id[n.id] = n;
    by_pos[n.pos] = n`): Python shares that object between them, so a change made
    through one place shows through the other, as a shared node does."""
    from mypy.nodes import AssignmentStmt, FuncDef, IndexExpr, MemberExpr, NameExpr, Var
    from mypy.types import Instance, get_proper_type

    from backend.transpiler.analyze.walk import Walker

    stores: dict[tuple[int, Var], int] = {}
    found: set[str] = set()
    scope = [0]

    def stored(value: Expression) -> None:
        if not isinstance(value, NameExpr) or not isinstance(value.node, Var):
            return
        typ = get_proper_type(value.node.type)
        if not isinstance(typ, Instance):
            return
        key = (scope[-1], value.node)
        stores[key] = stores.get(key, 0) + 1
        if stores[key] >= 2:
            found.add(typ.type.fullname)

    class Stores(Walker):
        def visit_FuncDef(self, o: FuncDef) -> None:
            scope.append(id(o))
            self.generic(o)
            scope.pop()

        def visit_AssignmentStmt(self, o: AssignmentStmt) -> None:
            if any(isinstance(lv, IndexExpr | MemberExpr) for lv in o.lvalues):
                stored(o.rvalue)
            self.generic(o)

        def visit_CallExpr(self, o: CallExpr) -> None:
            callee = o.callee
            if isinstance(callee, MemberExpr) and callee.name in _STORING_METHODS and o.args:
                stored(o.args[-1])
            self.generic(o)

    Stores().visit(module.typed.tree)
    return found


def _module_objects_changed(module: ModuleContext) -> list[ClassInfo]:
    """The classes of module-level objects (`area = WorkArea()`) that functions change:
    every function that names the object reaches the same one, so it is a shared node
    held by the module (lower/module.py), not a value behind a lock."""
    from mypy.nodes import AssignmentStmt, NameExpr, RefExpr

    from backend.transpiler.lower.module_state import mutable_globals, rebound_globals

    objects: dict[str, ClassInfo] = {}
    for stmt in module.typed.tree.defs:
        if not (
            isinstance(stmt, AssignmentStmt)
            and len(stmt.lvalues) == 1
            and isinstance(stmt.lvalues[0], NameExpr)
            and isinstance(stmt.rvalue, CallExpr)
            and isinstance(stmt.rvalue.callee, RefExpr)
        ):
            continue
        ci = module.classes.get(stmt.rvalue.callee.fullname)
        if ci is not None and not (ci.is_record or ci.is_enum or ci.is_exception):
            objects[stmt.lvalues[0].name] = ci
    changed = mutable_globals(module, set(objects)) - rebound_globals(module) if objects else set()
    slots = _rebound_object_slots(module)
    return [objects[name] for name in changed] + [
        slots[n] for n in rebound_globals(module) if n in slots
    ]


def _rebound_object_slots(module: ModuleContext) -> dict[str, ClassInfo]:
    """Module-level names declared as (optional) objects of a plain class
    (`planner: Optional[Planner] = None`), which functions may rebind."""
    from mypy.nodes import AssignmentStmt, NameExpr, Var
    from mypy.types import Instance, UnionType, get_proper_type

    out: dict[str, ClassInfo] = {}
    for stmt in module.typed.tree.defs:
        if not (isinstance(stmt, AssignmentStmt) and len(stmt.lvalues) == 1):
            continue
        target = stmt.lvalues[0]
        if not (isinstance(target, NameExpr) and isinstance(target.node, Var)):
            continue
        typ = get_proper_type(target.node.type)
        items = typ.items if isinstance(typ, UnionType) else [typ]
        classes = [get_proper_type(i) for i in items]
        for item in classes:
            if isinstance(item, Instance) and item.type.fullname in module.classes:
                ci = module.classes[item.type.fullname]
                if not (ci.is_record or ci.is_enum or ci.is_exception):
                    out[target.name] = ci
    return out


def _poly(ci: ClassInfo) -> str:
    from backend.transpiler.lower.class_hierarchy import POLY_PREFIX

    return f"{POLY_PREFIX}{ci.name}"


def _type_names(module: ModuleContext, ci: ClassInfo) -> set[str]:
    """The struct and enum names the fields of `ci` hold."""
    out: set[str] = set()
    for _, ty in ci.fields:
        _collect_names(ty, out)
    return out


def _collect_names(ty: rt.RType, out: set[str]) -> None:
    if isinstance(ty, rt.StructT):
        out.add(ty.name)
    for value in vars(ty).values():
        if isinstance(value, rt.RType):
            _collect_names(value, out)
        elif isinstance(value, tuple):
            for item in value:
                if isinstance(item, rt.RType):
                    _collect_names(item, out)


def _reachable(edges: dict[str, set[str]], start: set[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(start)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(edges.get(name, set()))
    return seen


def shared_class(module: ModuleContext, ty: rt.RType) -> ClassInfo | None:
    if not isinstance(ty, SharedT):
        return None
    for ci in module.classes.values():
        if ci.name == ty.name and ci.shared:
            return ci
    return None


def narrowed(e: Expr) -> Expr:
    """`self.left.insert(k)` after `if self.left is not None`: mypy narrowed the field (names
    are unwrapped where they are read; fields and other places here)."""
    if isinstance(e.ty, rt.OptionT) and isinstance(e.ty.inner, SharedT):
        code = (
            f"{e.at(Prec.POSTFIX)}.as_ref().unwrap()"
            if e.kind is not Kind.BORROWED
            else f"{e.at(Prec.POSTFIX)}.unwrap()"
        )
        return Expr(code, e.ty.inner, Kind.BORROWED, Prec.POSTFIX)
    return e


def wrap_new(ci: ClassInfo, e: Expr) -> Expr:
    """`Node(..)`: a fresh shared node."""
    return Expr(f"Rc::new(RefCell::new({e.code}))", SharedT(ci.name), Kind.OWNED, Prec.POSTFIX)


def field_read(ctx: FnContext, node: Expression, base: Expr, ci: ClassInfo, name: str) -> Expr:
    fields = dict(ci.fields)
    if name not in fields:
        prop = ctx.module.signatures.get(f"{ci.info.fullname}.{name}")
        if prop is not None:
            return Expr(  # a property: a method, which runs on the handle
                f"{base.at(Prec.POSTFIX)}.{rust_ident(name)}()",
                prop.ret,
                Kind.OWNED,
                Prec.POSTFIX,
            )
        raise Unsupported(node, f"attribute `{ci.name}.{name}`", "PRT508")
    ty = fields[name]
    # read through a clone of the handle: no borrow of the variable outlives the statement
    # (`cur = cur.next` reassigns it; a block's tail would drop the `Ref` after it)
    handle = base.code if base.kind is Kind.OWNED else f"Rc::clone({values.borrow(base)})"
    if base.code == "self":  # a method's handle: never reassigned
        handle = "self"
    place = f"{handle}.borrow().{rust_ident(name)}"
    if is_shared(ty):
        return Expr(f"{place}.clone()", ty, Kind.OWNED, Prec.POSTFIX)
    return Expr(place, ty, Kind.PLACE, Prec.POSTFIX)


_READ = re.compile(r"^Rc::clone\(&?(?P<base>.*)\)\.borrow\(\)\.(?P<field>\w+)(\.clone\(\))?$")


def store_place(place: Expr, target: Expression) -> Expr:
    """The target of `node.f = v` / `node.f += v`: the same field, borrowed mutably."""
    code = place.code
    if code.endswith(".clone()") and ".borrow()." in code:
        code = code.removesuffix(".clone()")  # a link read as a new handle: store into it
    m = _READ.match(code)
    if m is not None and _balanced(m["base"]):
        return Expr(f"{m['base']}.borrow_mut().{m['field']}", place.ty, Kind.PLACE, Prec.POSTFIX)
    head, sep, field = code.rpartition(".borrow().")
    if sep and field.isidentifier():
        return Expr(f"{head}.borrow_mut().{field}", place.ty, Kind.PLACE, Prec.POSTFIX)
    from backend.transpiler.lower import class_hierarchy

    shared = class_hierarchy.shared_store(place)  # a field through an enum of handles
    if shared is not None:
        return shared
    subtree = class_hierarchy.subtree_store(place)  # a middle class's field in the enum
    if subtree is not None:
        return subtree
    if place.kind is not Kind.PLACE and code.endswith("()"):
        raise Unsupported(
            target, "assigning a field through a base-class value (enum getter)", "PRT531"
        )
    narrowed = _NARROWED_FIELD.match(code)
    if narrowed is not None and _balanced(narrowed["head"]):  # a field of a narrowed Optional
        code = f"{narrowed['head']}.as_mut().unwrap().{narrowed['field']}"
        return Expr(code, place.ty, Kind.PLACE, Prec.POSTFIX)
    return place


_NARROWED_FIELD = re.compile(r"^(?P<head>.+)\.as_ref\(\)\.unwrap\(\)\.(?P<field>\w+)$")


def mutable_place(place: Expr) -> Expr:
    """A container held by a node, about to be changed in place (`node.items.append(x)`,
    `node.items[i] = x`): the same field, borrowed mutably (other places as they are)."""
    from backend.transpiler.lower import class_hierarchy

    shared = class_hierarchy.shared_store(place)
    if shared is not None:
        return shared
    code = place.code.removesuffix(".clone()") if ".borrow()." in place.code else place.code
    head, sep, field = code.rpartition(".borrow().")
    if sep and re.fullmatch(r"\w+", field):
        return Expr(f"{head}.borrow_mut().{field}", place.ty, Kind.PLACE, Prec.POSTFIX)
    return place


def _borrows_mutably(place: str) -> bool:
    return ".borrow_mut()." in place or "RefMut::map" in place or place.endswith("_mut()")


def _balanced(code: str) -> bool:
    """`a).b(` is not a handle: the regex matched across two calls."""
    depth = 0
    for char in code:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def store(place: str, value: str, op: str = "=") -> list[ir.Stmt]:
    """`place = value` (or `op=`); a value that reads a node is computed first (its `Ref`
    temporaries would otherwise still hold the node while `place` borrows it mutably)."""
    if _borrows_mutably(place) and (".borrow()" in value or "Ref::map" in value):
        return [ir.Block([ir.Let("value", None, value), ir.Assign(place, op, "value")])]
    return [ir.Assign(place, op, value)]


def call_method(ctx: FnContext, node: CallExpr, recv: Expr, ci: ClassInfo, name: str) -> Expr:
    """`node.m(..)`: the method runs on the handle (the node's `{Name}Handle` trait), so it
    can hand out, store or pass on `self`, and borrows the node only per field access."""
    from backend.transpiler.lower.calls import call_user

    sig = ctx.module.signatures.get(f"{ci.info.fullname}.{name}")
    if sig is None:
        raise Unsupported(node, f"method `{ci.name}.{name}`", "PRT509")
    if sig.self_mode is None:
        return call_user(ctx, node, sig, None)
    return call_user(ctx, node, sig, recv)


def handle_trait(name: str) -> str:
    return f"{name}Handle"


def split_handle_methods(
    items: list[ir.Function | ir.RawItem],
) -> tuple[list[ir.Function | ir.RawItem], list[ir.Function | ir.RawItem]]:
    """A shared class's `impl` items: (the struct's own: constants, `new`, static methods;
    the methods that take `self`, which run on the handle)."""
    own: list[ir.Function | ir.RawItem] = []
    handle: list[ir.Function | ir.RawItem] = []
    for item in items:
        is_method = isinstance(item, ir.Function) and item.self_param is not None
        is_dropped = isinstance(item, ir.RawItem) and item.code.startswith("// Portalis: method")
        (handle if is_method or is_dropped else own).append(item)
    return own, handle


def handle_impl(ci: ClassInfo, methods: list[ir.Function | ir.RawItem]) -> list[ir.Item]:
    """`trait NodeHandle { fn m(&self, ..); }` implemented for `Rc<RefCell<Node>>`: inside,
    `self` is the node's handle (Rust allows no `self: &Rc<RefCell<Self>>` receiver)."""
    fns = [m for m in methods if isinstance(m, ir.Function)]
    if not fns:
        return []
    for fn in fns:
        fn.self_param = "&self"
    generators = {fn.name for fn in fns if _is_generator(fn)}
    decls = "\n".join(f"    {_declaration(fn, fn.name in generators)}" for fn in fns)
    for fn in fns:
        if fn.name in generators:
            fn.ret = f"{fn.ret} + use<>"
    trait = handle_trait(ci.name)
    return [
        ir.RawItem(f"#[allow(non_snake_case)]\ntrait {trait} {{\n{decls}\n}}"),
        ir.Impl(f"Rc<RefCell<{ci.name}>>", methods, trait=trait),
    ]


def _is_generator(fn: ir.Function) -> bool:
    """A generator method: its iterator owns what it uses (`PyGenerator` bodies are
    `'static`), so it captures no borrow of the handle; saying so (`use<>`) lets a caller
    return it from a borrowed struct (a trait's `impl Iterator` captures `&self` otherwise)."""
    return bool(fn.ret and fn.ret.startswith("impl Iterator")) and any(
        isinstance(s, ir.RawStmt) and s.lines and s.lines[0].startswith("PyGenerator::new(")
        for s in fn.body
    )


def _declaration(fn: ir.Function, generator: bool = False) -> str:
    params = ["&self", *(f"{p.name}: {p.ty}" for p in fn.params)]
    ret = f" -> {fn.ret}" if fn.ret and fn.ret != "()" else ""
    if generator:
        ret += " + use<Self>"
    return f"fn {fn.name}{fn.generics}({', '.join(params)}){ret};"


def display(e: Expr) -> Expr | None:
    """`print(node)` / `str(node)`: the struct behind the handle formats itself."""
    if isinstance(e.ty, SharedT):
        return Expr(
            f"{e.at(Prec.POSTFIX)}.borrow()", rt.StructT(e.ty.name), Kind.OWNED, Prec.POSTFIX
        )
    return None


def reject_self_escape(ctx: FnContext, node: Expression) -> None:
    raise Unsupported(
        node,
        "`self` of a linked node used as a value (stored or passed on: needs the node's `Rc`)",
        "PRT530",
    )
