"""`__init__` of a shared class (lower/class_links.py) whose code after the fields uses the
new object (`registry.append(self)`, `area.first = self`): that code needs the object's
handle, which only exists once the struct is built. So the class gets

    fn new(..) -> Self                        // the fields (what `super().__init__` reuses)
    fn shared(..) -> Rc<RefCell<Self>>        // new, then init_tail on the handle
    trait NodeHandle { fn init_tail(&self, ..) }   // the rest of `__init__`

A subclass whose `__init__` starts with the base's runs the base's tail first, as a copy
lowered for the subclass (`self` is the subclass's handle): `self.base_init_tail(..)`.
"""

from __future__ import annotations

from dataclasses import replace

from mypy.nodes import (
    LDEF,
    AssignmentStmt,
    CallExpr,
    Expression,
    ForStmt,
    FuncDef,
    IntExpr,
    NameExpr,
    Statement,
    StrExpr,
)

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower.context import (
    ClassInfo,
    FnContext,
    FuncSig,
    ModuleContext,
    Unsupported,
    rust_ident,
    span_of,
)


def _parts(
    module: ModuleContext, ci: ClassInfo
) -> tuple[FuncDef, ClassInfo, CallExpr | None, list[Statement]] | None:
    """The `__init__` that builds `ci` (its own or inherited), its `super().__init__` call,
    and the statements after the fields."""
    from backend.transpiler.lower import class_hierarchy
    from backend.transpiler.lower.classes import field_run, init_statements

    found = class_hierarchy.init_of(module, ci)
    if not ci.shared or found is None:
        return None
    init, owner = found
    super_call, _, body = init_statements(init)
    run_end, _ = field_run(body)
    return init, owner, super_call, body[run_end:]


def _base(module: ModuleContext, owner: ClassInfo) -> ClassInfo | None:
    from backend.transpiler.lower import class_hierarchy

    found = class_hierarchy.resolve_method(module, owner, "__init__", after=owner.info.fullname)
    return found[1] if found is not None else None


def has_tail(module: ModuleContext, ci: ClassInfo) -> bool:
    """Does building `ci` run code on the new object after its fields (here or in a base)?"""
    parts = _parts(module, ci)
    if parts is None:
        return False
    _, owner, super_call, rest = parts
    if rest:
        return True
    base = _base(module, owner) if super_call is not None else None
    return base is not None and has_tail(module, base)


def construct(ci: ClassInfo, args: list[str]) -> Expr:
    from backend.transpiler.lower.class_links import SharedT

    return Expr(f"{ci.name}::shared({', '.join(args)})", SharedT(ci.name), Kind.OWNED, Prec.POSTFIX)


def shared_constructor(sig: FuncSig) -> ir.Function:
    """`fn shared(..)`: the struct from `new`, on a fresh handle, then the tail."""
    from backend.transpiler.lower.functions import param_type_text

    params = [ir.Param(rust_ident(p.name), param_type_text(p)) for p in sig.params]
    names = [rust_ident(p.name) for p in sig.params]
    copies = [n if p.ty.is_copy else f"{n}.clone()" for n, p in zip(names, sig.params, strict=True)]
    q = "?" if sig.fallible else ""
    handle = "Rc<RefCell<Self>>"
    body: list[ir.Stmt] = [
        ir.Let("this", None, f"Rc::new(RefCell::new(Self::new({', '.join(copies)}){q}))"),
        ir.ExprStmt(f"this.init_tail({', '.join(names)}){q}"),
        ir.RawStmt(["Ok(this)" if sig.fallible else "this"]),
    ]
    ret = f"Result<{handle}, PyException>" if sig.fallible else handle
    return ir.Function("shared", params, ret, body)


def tail_methods(module: ModuleContext, ci: ClassInfo) -> list[ir.Function | ir.RawItem]:
    """`init_tail` of `ci` and the copies of its bases' tails it calls."""
    from backend.transpiler.lower.classes import _placeholder_method, _reported

    out: list[ir.Function | ir.RawItem] = []
    name = "init_tail"
    current: ClassInfo | None = ci
    while current is not None and has_tail(module, current):
        parts = _parts(module, current)
        sig = module.signatures.get(f"{current.info.fullname}.__init__")
        if parts is None or sig is None:
            break
        init, owner, super_call, rest = parts
        base = _base(module, owner) if super_call is not None else None
        base_name = f"{_snake(base.name)}_init_tail" if base and has_tail(module, base) else None
        tail_sig = FuncSig(
            name,
            [replace(p) for p in sig.params],
            rt.UNIT,
            fallible=sig.fallible,
            self_mode="&self",
            owner=ci.name,
        )
        try:
            out.append(_tail_method(module, init, tail_sig, rest, super_call, base, base_name))
        except Exception as caught:
            out.append(_placeholder_method(module, init, tail_sig, _reported(init, caught)))
        if base_name is None:
            break
        name, current = base_name, base
    return out


def _tail_method(
    module: ModuleContext,
    init: FuncDef,
    sig: FuncSig,
    rest: list[Statement],
    super_call: CallExpr | None,
    base: ClassInfo | None,
    base_name: str | None,
) -> ir.Function:
    from backend.transpiler.lower.calls import call_arguments
    from backend.transpiler.lower.classes import declare_self
    from backend.transpiler.lower.declarations import plan_declarations
    from backend.transpiler.lower.functions import declare_params, param_type_text
    from backend.transpiler.lower.statements import lower_body

    facts = module.mutation.of(f"{init.info.fullname}.__init__")
    ctx = FnContext(module, sig, facts, init)
    declare_self(ctx, sig)
    body = declare_params(ctx, sig)
    _check_reads(ctx, sig, rest)
    if base_name is not None and super_call is not None and base is not None:
        base_sig = module.signatures[f"{base.info.fullname}.__init__"]
        for arg in super_call.args:
            if not _repeatable(arg):  # it was evaluated once already, for the fields
                raise Unsupported(
                    arg, "a computed argument of `super().__init__` in a shared class", "PRT503"
                )
        args = ", ".join(call_arguments(ctx, super_call, base_sig))
        body.append(ir.ExprStmt(f"self.{base_name}({args}){'?' if sig.fallible else ''}"))
    params = {p.name for p in sig.params} | {"self"}
    ctx.plan = plan_declarations(rest, params, facts.mutated if facts else set())  # type: ignore[attr-defined]
    body += lower_body(ctx, rest, is_function_body=True)
    from backend.transpiler.lower.functions import return_type_text

    return ir.Function(
        sig.rust_name,
        [ir.Param(rust_ident(p.name), param_type_text(p)) for p in sig.params],
        return_type_text(sig),
        body,
        self_param="&self",
        attrs=["#[allow(unused_variables)]"],
        span=span_of(init),
    )


def _repeatable(arg: Expression) -> bool:
    """Evaluating `arg` again gives the same value and does nothing else."""
    if isinstance(arg, IntExpr | StrExpr):
        return True
    return isinstance(arg, NameExpr)


def _check_reads(ctx: FnContext, sig: FuncSig, rest: list[Statement]) -> None:
    """The tail sees `__init__`'s parameters again (the struct took copies of them): only
    values a copy cannot tell apart (numbers, handles) may be read there, and no local
    computed before the fields."""
    from backend.transpiler.analyze.walk import Walker
    from backend.transpiler.lower import class_links

    types = {p.name: p.ty for p in sig.params}
    bad: list[NameExpr] = []
    own: set[str] = set()  # locals the tail binds itself

    class Binder(Walker):
        def visit_AssignmentStmt(self, o: AssignmentStmt) -> None:
            own.update(lv.name for lv in o.lvalues if isinstance(lv, NameExpr))
            self.generic(o)

        def visit_ForStmt(self, o: ForStmt) -> None:
            if isinstance(o.index, NameExpr):
                own.add(o.index.name)
            self.generic(o)

    class Finder(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            if o.kind != LDEF or o.name == "self" or o.name in own:
                return
            ty = types.get(o.name)
            if ty is None or not (ty.is_copy or class_links.aliases(ctx.module, ty)):
                bad.append(o)

    Binder().visit_all(rest)
    Finder().visit_all(rest)
    if bad:
        raise Unsupported(
            bad[0],
            f"`{bad[0].name}` read after the fields of a shared class's `__init__`, which "
            "runs on the new object's handle",
            "PRT503",
        )


def _snake(name: str) -> str:
    from backend.transpiler.lower.class_hierarchy import _snake as snake

    return snake(name)
