"""Exceptions: `raise` and `try` as Rust `Result`s.

A function that can raise returns `Result<T, PyException>`; calls propagate with `?`.
A `try` body is a labelled block: an error stores itself in the block's error slot and
breaks out, then the handlers test the error's kind (including subclasses) in order.

`finally` wraps the whole statement in a second labelled block: whatever leaves the
`try` (an error no handler takes, a `return`) parks itself in a slot and breaks out of
that block, the `finally` body runs, then the parked error or return resumes.

User exception classes are `PyException` values with their own kind name; an `__init__`
that sets attributes gets a payload struct (`InsufficientFunds { shortfall }`) attached
to the exception and read back by the handlers that catch that class.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mypy.nodes import (
    AssignmentStmt,
    BreakStmt,
    CallExpr,
    ClassDef,
    ContinueStmt,
    Expression,
    ExpressionStmt,
    FuncDef,
    MemberExpr,
    NameExpr,
    PassStmt,
    RaiseStmt,
    RefExpr,
    Statement,
    StrExpr,
    SuperExpr,
    TryStmt,
    TupleExpr,
    TypeInfo,
)
from mypy.types import Instance, get_proper_type

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.raising import handler_names, raised_kind
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
    span_of,
)
from backend.transpiler.lower.expressions import lower_expr

EXCEPTION_T = rt.StructT("PyException")


# ---- per-function state: the `try` statements around the code being lowered ----


@dataclass
class FinallyFrame:
    """A `try ... finally` being lowered: where leaving paths park themselves."""

    label: str  # the block that `finally` follows
    pending: str  # Option<PyException>: an error on its way out
    returned: str  # Option<R>: a `return` on its way out
    loop_depth: int
    used_pending: bool = False
    used_return: bool = False
    # `break`/`continue` of a loop around the statement, parked as a flag: the flag's name
    # and the statement that resumes it once `finally` has run
    exits: dict[str, Statement] = field(default_factory=dict)


@dataclass
class TryState:
    used: list[bool] = field(default_factory=list)  # per open try body: an error reaches it
    catches: list[list[str | None]] = field(default_factory=list)  # per open try body
    handler_vars: list[str] = field(default_factory=list)  # the bound error of each handler
    finally_frames: list[FinallyFrame] = field(default_factory=list)


def _state(ctx: FnContext) -> TryState:
    state = getattr(ctx, "try_state", None)
    if state is None:
        state = TryState()
        ctx.try_state = state  # type: ignore[attr-defined]
    return state


def _push_target(ctx: FnContext, label: str, slot: str, catches: list[str | None]) -> None:
    """Errors raised from here on store themselves in `slot` and leave block `label`."""
    state = _state(ctx)
    ctx.try_labels.append(label)
    ctx.error_slots.append(slot)
    state.used.append(False)
    state.catches.append(catches)
    depths: list[int] = getattr(ctx, "try_loop_depths", [])
    depths.append(len(ctx.loops))
    ctx.try_loop_depths = depths  # type: ignore[attr-defined]


def _pop_target(ctx: FnContext) -> bool:
    state = _state(ctx)
    ctx.try_labels.pop()
    ctx.error_slots.pop()
    state.catches.pop()
    ctx.try_loop_depths.pop()  # type: ignore[attr-defined]
    return state.used.pop()


def _mark_used(ctx: FnContext) -> None:
    state = _state(ctx)
    if state.used:
        state.used[-1] = True
    for frame in state.finally_frames:
        if ctx.error_slots and ctx.error_slots[-1] == frame.pending:
            frame.used_pending = True


def catches_locally(ctx: FnContext, kind: str) -> bool:
    """An enclosing `try` of this function has a handler for `kind`."""
    hierarchy = ctx.module.hierarchy
    return any(hierarchy.catches(h, kind) for names in _state(ctx).catches for h in names)


# ---- propagating and raising ----


def propagate(ctx: FnContext, node: Expression, result: Expr) -> Expr:
    """A `Result`-returning call, unwrapped the way the surrounding code handles errors."""
    ctx.module.use_helper("py_exception")
    if ctx.try_labels and ctx.closure_depth == getattr(ctx, "try_closure_depth", ctx.closure_depth):
        label, slot = ctx.try_labels[-1], ctx.error_slots[-1]
        _mark_used(ctx)
        code = (
            f"match {result.code} {{ Ok(value) => value, Err(err) => "
            f"{{ {slot} = Some(err); break '{label}; }} }}"
        )
        return Expr(code, result.ty, result.kind, Prec.ATOM)
    if ctx.fallible and ctx.closure_depth == 0:
        return Expr(f"{result.at(Prec.POSTFIX)}?", result.ty, result.kind, Prec.POSTFIX)
    ctx.module.use_helper("py_uncaught")
    code = f"{result.at(Prec.POSTFIX)}.unwrap_or_else(|e| py_uncaught(e))"
    return Expr(code, result.ty, result.kind, Prec.POSTFIX)


def mark_try_used(ctx: FnContext) -> None:
    _mark_used(ctx)


def lower_raise(ctx: FnContext, stmt: RaiseStmt) -> list[ir.Stmt]:
    if stmt.expr is None:
        handler_vars = _state(ctx).handler_vars
        if not handler_vars:
            raise Unsupported(stmt, "bare `raise` outside an except block", "PRT401")
        exc = f"{handler_vars[-1]}.clone()"
    else:
        exc = exception_value(ctx, stmt.expr)
    if stmt.from_expr is not None and not _is_none(stmt.from_expr):
        cause = lower_expr(ctx, stmt.from_expr)
        if cause.ty != EXCEPTION_T:
            raise Unsupported(stmt.from_expr, "`raise ... from` a non-exception", "PRT405")
        exc = f"{exc}.with_cause({values.owned(cause)})"
    return raise_value(ctx, exc)


def _is_none(node: Expression) -> bool:
    return isinstance(node, NameExpr) and node.fullname == "builtins.None"


def raise_value(ctx: FnContext, exc: str) -> list[ir.Stmt]:
    ctx.module.use_helper("py_exception")
    if ctx.try_labels:
        _mark_used(ctx)
        return [ir.Assign(ctx.error_slots[-1], "=", f"Some({exc})"), ir.Break(ctx.try_labels[-1])]
    if ctx.fallible and ctx.closure_depth == 0:
        return [ir.Return(f"Err({exc})")]
    ctx.module.use_helper("py_uncaught")
    return [ir.ExprStmt(f"py_uncaught({exc})")]


def exception_value(ctx: FnContext, node: Expression) -> str:
    """`PyException::new("Kind", message)` for the raised expression."""
    ctx.module.use_helper("py_exception")
    if isinstance(node, CallExpr) and isinstance(node.callee, NameExpr | MemberExpr):
        info = node.callee.node
        if isinstance(info, TypeInfo):
            custom = _constructor_owner(ctx.module, info)
            if custom is not None:
                return _construct_custom(ctx, node, info, custom)
        kind = node.callee.name
        if not node.args:
            return f'PyException::new("{kind}", "")'
        if len(node.args) > 1:
            raise Unsupported(node, "exception with several arguments", "PRT400")
        arg = lower_expr(ctx, node.args[0])
        message = (
            values.repr_of(ctx.module, arg)
            if kind == "KeyError"
            else values.str_of(ctx.module, arg)
        )
        return f'PyException::new("{kind}", {message})'
    if isinstance(node, NameExpr | MemberExpr):
        return f'PyException::new("{node.name}", "")'
    e = lower_expr(ctx, node)
    if e.ty == EXCEPTION_T:
        return values.owned(e)
    raise Unsupported(node, "raising a computed exception", "PRT400")


# ---- try / except / else / finally ----


def lower_try(ctx: FnContext, stmt: TryStmt) -> list[ir.Stmt]:
    if stmt.finally_body is not None:
        return _try_finally(ctx, stmt)
    return _try_except(ctx, stmt)


def _try_except(ctx: FnContext, stmt: TryStmt) -> list[ir.Stmt]:
    from backend.transpiler.lower.statements import _ends_diverging, _scoped_block

    label = ctx.new_label("attempt")
    slot = f"error_{label.split('_')[-1]}"
    _push_target(ctx, label, slot, handler_names(stmt) if stmt.handlers else [])
    try:
        body = _scoped_block(ctx, stmt.body)
    finally:
        was_used = _pop_target(ctx)
    else_body = _scoped_block(ctx, stmt.else_body) if stmt.else_body is not None else []
    if not was_used:
        if stmt.handlers:
            ctx.module.diagnose(
                stmt,
                "the `except` clauses are not translated: nothing in the `try` body raises "
                "a Python exception in the translation (errors such as IndexError are panics)",
                "PRT403",
            )
        return [*body, *else_body]
    ctx.module.use_helper("py_exception")
    slot_decl = ir.Let(slot, "Option<PyException>", "None", mutable=True)
    if _ends_diverging(stmt.body.body):
        # the body only leaves by `return` or an error: the slot is set before it is read
        else_body = [ir.RawStmt(['unreachable!("the `try` body returns")'])]
        slot_decl = ir.Let(slot, "Option<PyException>", None)
    return [
        slot_decl,
        ir.Block(body, label=label),
        *_handlers(ctx, stmt, slot, else_body),
    ]


def _try_finally(ctx: FnContext, stmt: TryStmt) -> list[ir.Stmt]:
    from backend.transpiler.lower.statements import _scoped_block

    number = ctx.new_label("finally").split("_")[-1]
    frame = FinallyFrame(
        f"finally_{number}", f"pending_{number}", f"returned_{number}", len(ctx.loops)
    )
    state = _state(ctx)
    state.finally_frames.append(frame)
    _push_target(ctx, frame.label, frame.pending, [])
    try:
        inner = TryStmt(stmt.body, stmt.vars, stmt.types, stmt.handlers, stmt.else_body, None)
        inner.set_line(stmt)
        if stmt.handlers:
            guarded = _try_except(ctx, inner)
        else:
            guarded = _scoped_block(ctx, stmt.body)
            if stmt.else_body is not None:
                guarded += _scoped_block(ctx, stmt.else_body)
    finally:
        _pop_target(ctx)
        state.finally_frames.pop()
    out: list[ir.Stmt] = []
    if frame.used_pending:
        ctx.module.use_helper("py_exception")
        out.append(ir.Let(frame.pending, "Option<PyException>", "None", mutable=True))
    if frame.used_return:
        out.append(ir.Let(frame.returned, f"Option<{_return_type(ctx)}>", "None", mutable=True))
    for flag in frame.exits:
        out.append(ir.Let(flag, "bool", "false", mutable=True))
    if frame.used_pending or frame.used_return or frame.exits:
        out.append(ir.Block(guarded, label=frame.label))
    else:
        out.extend(guarded)
    out.extend(_scoped_block(ctx, stmt.finally_body))  # type: ignore[arg-type]
    if frame.used_pending:
        out.append(ir.If(f"let Some(err) = {frame.pending}", raise_value(ctx, "err")))
    for flag, leave in frame.exits.items():  # resumed where the statement stands now
        out.append(ir.If(flag, _resume_exit(ctx, leave)))
    if frame.used_return:
        from backend.transpiler.lower.statements import _ends_diverging

        if ctx.sig is not None and ctx.sig.generator:  # nothing to hand back: it ends
            out.append(ir.If(f"{frame.returned}.is_some()", return_stmts(ctx, "()")))
        elif _ends_diverging([stmt]) and not _state(ctx).finally_frames:
            # every path of the `try` returned or raised: nothing follows the statement
            out.append(ir.Let("Some(value)", None, f"{frame.returned} else {{ unreachable!() }}"))
            out.extend(return_stmts(ctx, "value"))
        else:
            out.append(ir.If(f"let Some(value) = {frame.returned}", return_stmts(ctx, "value")))
    return out


def _return_type(ctx: FnContext) -> str:
    from backend.transpiler.lower.functions import return_type_text

    sig = ctx.sig
    if sig is not None and sig.generator:
        return "()"  # a generator's `return` only ends it
    text = return_type_text(sig) if sig is not None else None
    return text or "()"


def route_return(ctx: FnContext, value: str | None) -> list[ir.Stmt] | None:
    """A `return` inside `try ... finally`: park the value and leave for the `finally`."""
    frames = _state(ctx).finally_frames
    if not frames or ctx.closure_depth > ctx.generator_depth:
        return None
    frame = frames[-1]
    frame.used_return = True
    return [ir.Assign(frame.returned, "=", f"Some({value or '()'})"), ir.Break(frame.label)]


def route_loop_exit(ctx: FnContext, stmt: BreakStmt | ContinueStmt) -> list[ir.Stmt] | None:
    """A `break`/`continue` of a loop around a `try ... finally`, from inside it: raise a
    flag and leave for the `finally`, which then resumes the `break`/`continue`."""
    frames = _state(ctx).finally_frames
    if not frames or frames[-1].loop_depth != len(ctx.loops):
        return None  # no `finally` between the statement and its loop
    if ctx.closure_depth or (ctx.sig is not None and ctx.sig.generator):
        raise Unsupported(stmt, "`break`/`continue` inside `try` with `finally`", "PRT404")
    frame = frames[-1]
    kind = "broke" if isinstance(stmt, BreakStmt) else "continued"
    flag = f"{kind}_{frame.label.split('_')[-1]}"
    frame.exits.setdefault(flag, stmt)
    return [ir.Assign(flag, "=", "true"), ir.Break(frame.label)]


def _resume_exit(ctx: FnContext, stmt: Statement) -> list[ir.Stmt]:
    from backend.transpiler.lower.statements import lower_break, lower_continue

    return lower_break(ctx, stmt) if isinstance(stmt, BreakStmt) else lower_continue(ctx, stmt)  # type: ignore[arg-type]


def returns_directly(ctx: FnContext) -> bool:
    """Whether a `return` here leaves the function at once (no `finally` runs after it)."""
    return not _state(ctx).finally_frames and not ctx.try_labels and not ctx.closure_depth


def return_stmts(ctx: FnContext, value: str) -> list[ir.Stmt]:
    routed = route_return(ctx, value)
    if routed is not None:
        return routed
    if ctx.sig is not None and ctx.sig.generator:
        return [ir.Return("None")]  # the body's `Option<()>`: finished
    return [ir.Return(value)]


def _handlers(ctx: FnContext, stmt: TryStmt, slot: str, else_body: list[ir.Stmt]) -> list[ir.Stmt]:
    from backend.transpiler.lower.statements import _scoped_block

    hierarchy = ctx.module.hierarchy
    chain: ir.If | None = None
    current: ir.If | None = None
    catch_all: list[ir.Stmt] | None = None
    state = _state(ctx)
    for typ, var, handler in zip(stmt.types, stmt.vars, stmt.handlers, strict=True):
        names = handler_names(TryStmt(stmt.body, [var], [typ], [handler], None, None))
        ctx.push()
        if var is not None:
            ctx.declare(var.name, EXCEPTION_T, Kind.BORROWED)
        state.handler_vars.append(rust_ident(var.name) if var is not None else "err")
        try:
            body = _scoped_block(ctx, handler)
        finally:
            state.handler_vars.pop()
            ctx.pop()
        if var is not None and rust_ident(var.name) != "err":
            body = [ir.Let(rust_ident(var.name), None, "&err"), *body]
        if any(n is None or n == "Exception" for n in names):
            catch_all = body
            break
        kinds: list[str] = []
        for name in names:
            assert name is not None
            kinds.extend(k for k in hierarchy.subclasses(name) if k not in kinds)
        listed = ", ".join(f'"{k}"' for k in kinds)
        node = ir.If(f"err.is_a(&[{listed}])", body, None)
        if chain is None:
            chain = current = node
        else:
            assert current is not None
            current.orelse = [node]
            current = node
    fallback = catch_all if catch_all is not None else raise_value(ctx, "err")
    if chain is None:
        handled: list[ir.Stmt] = fallback
    else:
        assert current is not None
        current.orelse = fallback
        handled = [chain]
    arms = [ir.MatchArm("Some(err)", handled), ir.MatchArm("None", else_body)]
    return [ir.Match(slot, arms, span=span_of(stmt))]


# ---- isinstance / issubclass ----


def _class_names(node: Expression) -> list[str] | None:
    items = node.items if isinstance(node, TupleExpr) else [node]
    names = [i.node.name for i in items if isinstance(i, RefExpr) and isinstance(i.node, TypeInfo)]
    return names if len(names) == len(items) else None


def lower_exception_isinstance(call: Call) -> Expr:
    """`isinstance(e, (A, B))` on an exception: its kind is one of A's or B's subclasses."""
    names = _class_names(call.args[1])
    if names is None:
        raise call.fail("isinstance() with a computed class", "PRT409")
    e = call.arg(0)
    kinds: list[str] = []
    for name in names:
        kinds.extend(k for k in call.ctx.module.hierarchy.subclasses(name) if k not in kinds)
    listed = ", ".join(f'"{k}"' for k in kinds)
    return Expr(f"{e.at(Prec.POSTFIX)}.is_a(&[{listed}])", rt.BOOL, Kind.OWNED, Prec.POSTFIX)


def lower_issubclass(call: Call) -> Expr:
    """`issubclass(A, B)` between classes named in the program: a constant, from mypy's
    class hierarchy (`bool` is an `int`, every class an `object`)."""
    from backend.transpiler.lower.type_tests import target_classes

    first, targets = target_classes(call.args[0]), target_classes(call.args[1])
    if first is None or len(first) != 1 or targets is None:
        raise call.fail("issubclass() with computed classes", "PRT409")
    subclass = any(first[0].has_base(t.fullname) for t in targets)
    return Expr("true" if subclass else "false", rt.BOOL, Kind.OWNED)


# ---- exception attributes ----


def lower_exception_attr(ctx: FnContext, node: MemberExpr) -> Expr | None:
    """`type(e).__name__`, `e.__cause__`, `e.args`, and a user exception's attributes;
    None when `node` is not an attribute of an exception."""
    base_node = node.expr
    if (
        node.name == "__name__"
        and isinstance(base_node, CallExpr)
        and isinstance(base_node.callee, NameExpr)
        and base_node.callee.fullname == "builtins.type"
        and len(base_node.args) == 1
        and ctx.module.type_of(base_node.args[0]) == EXCEPTION_T
    ):
        e = lower_expr(ctx, base_node.args[0])
        return Expr(f"{e.at(Prec.POSTFIX)}.kind", rt.STR, Kind.BORROWED, Prec.POSTFIX)
    if ctx.module.type_of(base_node) != EXCEPTION_T:
        return None
    e = lower_expr(ctx, base_node)
    if e.ty != EXCEPTION_T:
        return None
    base = e.at(Prec.POSTFIX)
    if node.name == "__cause__":
        ctx.module.note_type(EXCEPTION_T)
        code = f"{base}.cause.as_deref().cloned()"
        return Expr(code, rt.OptionT(EXCEPTION_T), Kind.OWNED, Prec.POSTFIX)
    if node.name == "args":
        raise Unsupported(node, "exception `.args`", "PRT406")
    typ = get_proper_type(ctx.module.mypy_type(base_node))
    if isinstance(typ, Instance):
        owner = _attribute_owner(ctx.module, typ.type, node.name)
        if owner is not None:
            field_t = dict(payload_fields(ctx.module, owner))[node.name]
            code = f"{base}.payload::<{owner.name}>().{rust_ident(node.name)}"
            return Expr(code, field_t, Kind.PLACE, Prec.POSTFIX)
    raise Unsupported(node, f"exception attribute `.{node.name}`", "PRT407")


def _class_info(module: ModuleContext, info: TypeInfo) -> ClassInfo | None:
    return module.classes.get(info.fullname)


def _attribute_owner(module: ModuleContext, info: TypeInfo, name: str) -> ClassInfo | None:
    """The class in `info`'s MRO whose `__init__` sets attribute `name`."""
    for base in info.mro:
        ci = _class_info(module, base)
        if ci is not None and name in dict(payload_fields(module, ci)):
            return ci
    return None


def payload_fields(module: ModuleContext, ci: ClassInfo) -> list[tuple[str, rt.RType]]:
    """The attributes a user exception's own `__init__` sets: `self.name = ...`."""
    init = _custom_init(ci)
    if init is None:
        return []
    fields: list[tuple[str, rt.RType]] = []
    for stmt in init.body.body:
        if isinstance(stmt, AssignmentStmt) and len(stmt.lvalues) == 1:
            target = stmt.lvalues[0]
            if (
                isinstance(target, MemberExpr)
                and isinstance(target.expr, NameExpr)
                and target.expr.name == "self"
            ):
                sym = ci.info.names.get(target.name)
                typ = getattr(sym.node, "type", None) if sym is not None else None
                if target.name not in dict(fields):
                    fields.append((target.name, module.map_type(typ)))
    return fields


# ---- user exception classes with a custom `__init__` ----


def _custom_init(ci: ClassInfo) -> FuncDef | None:
    node = ci.info.names.get("__init__")
    init = node.node if node is not None else None
    return init if isinstance(init, FuncDef) and ci.is_exception else None


def _constructor_owner(module: ModuleContext, info: TypeInfo) -> ClassInfo | None:
    """The nearest class (itself or a base) that defines `__init__`, if a user class."""
    for base in info.mro:
        if base.fullname.startswith("builtins."):
            return None
        ci = _class_info(module, base)
        if ci is not None and _custom_init(ci) is not None:
            return ci
    return None


def _constructor_sig(module: ModuleContext, ci: ClassInfo) -> FuncSig:
    from backend.transpiler.lower.functions import build_signature

    cache: dict[str, FuncSig] = getattr(module, "exception_constructors", {})
    module.exception_constructors = cache  # type: ignore[attr-defined]
    if ci.name not in cache:
        init = _custom_init(ci)
        assert init is not None
        sig = build_signature(module, f"{ci.info.fullname}.__init__", init, owner=ci.name)
        sig.rust_name, sig.self_mode, sig.ret, sig.fallible = "new", None, EXCEPTION_T, False
        cache[ci.name] = sig
    return cache[ci.name]


def _construct_custom(ctx: FnContext, node: CallExpr, info: TypeInfo, owner: ClassInfo) -> str:
    from backend.transpiler.lower.calls import call_arguments

    sig = _constructor_sig(ctx.module, owner)
    code = f"{owner.name}::new({', '.join(call_arguments(ctx, node, sig))})"
    if owner.info is not info:  # a subclass that inherits the constructor
        code = f'PyException {{ kind: "{info.name}", ..{code} }}'
    return code


def lower_exception_class(module: ModuleContext, ci: ClassInfo, cdef: ClassDef) -> list[ir.Item]:
    """Nothing for a plain `class E(Exception): pass`; for a class with `__init__`, its
    constructor (and the struct holding the attributes it sets)."""
    init = _custom_init(ci)
    if init is None:
        return []
    from backend.transpiler.lower.functions import declare_params, param_type_text

    sig = _constructor_sig(module, ci)
    ctx = FnContext(module, sig, module.mutation.of(f"{ci.info.fullname}.__init__"), init)
    prologue = declare_params(ctx, sig)
    message = '""'
    body: list[ir.Stmt] = list(prologue)
    assigned: list[str] = []
    for stmt in init.body.body:
        message, lowered = _init_statement(ctx, stmt, message, assigned)
        body.extend(lowered)
    fields = payload_fields(module, ci)
    result = f'PyException::new("{ci.name}", {message})'
    items: list[ir.Item] = []
    if fields:
        for _, ty in fields:
            module.note_type(ty)
        items.append(
            ir.Struct(
                ci.name,
                [(rust_ident(n), t.render()) for n, t in fields],
                derives=["Debug", "Clone"],
            )
        )
        inits = ", ".join(rust_ident(n) for n, _ in fields)
        result += f".with_payload({ci.name} {{ {inits} }})"
    else:  # no attributes: a unit struct only to namespace the constructor
        items.append(ir.Struct(ci.name, []))
    body.append(ir.RawStmt([result]))
    params = [ir.Param(rust_ident(p.name), param_type_text(p)) for p in sig.params]
    ctor = ir.Function("new", params, "PyException", body, span=span_of(init))
    items.append(ir.Impl(ci.name, [ctor], span=span_of(cdef)))
    module.use_helper("py_exception")
    return items


def _init_statement(
    ctx: FnContext, stmt: object, message: str, assigned: list[str]
) -> tuple[str, list[ir.Stmt]]:
    """One statement of an exception's `__init__`: `super().__init__(msg)` sets the
    message, `self.x = value` an attribute."""
    if isinstance(stmt, PassStmt) or (
        isinstance(stmt, ExpressionStmt) and isinstance(stmt.expr, StrExpr)
    ):
        return message, []
    if isinstance(stmt, ExpressionStmt) and _is_base_init(stmt.expr):
        call = stmt.expr
        assert isinstance(call, CallExpr)
        args = (
            call.args[1:]
            if isinstance(call.callee, MemberExpr) and _is_class_ref(call.callee.expr)
            else call.args
        )
        if len(args) > 1:
            raise Unsupported(stmt, "exception with several arguments", "PRT400")
        if not args:
            return '""', []
        arg = lower_expr(ctx, args[0])
        text = values.str_of(ctx.module, arg)
        return "message", [ir.Let("message", None, text)]
    if (
        isinstance(stmt, AssignmentStmt)
        and len(stmt.lvalues) == 1
        and isinstance(stmt.lvalues[0], MemberExpr)
        and isinstance(stmt.lvalues[0].expr, NameExpr)
        and stmt.lvalues[0].expr.name == "self"
    ):
        name = stmt.lvalues[0].name
        field_t = ctx.module.type_of(stmt.lvalues[0])
        value = lower_expr(ctx, stmt.rvalue, field_t)
        assigned.append(name)
        ctx.module.note_type(field_t)
        return message, [ir.Let(rust_ident(name), None, values.owned(value))]
    raise Unsupported(stmt, "statement in an exception's `__init__`", "PRT408")  # type: ignore[arg-type]


def _is_base_init(expr: Expression) -> bool:
    if not isinstance(expr, CallExpr):
        return False
    callee = expr.callee
    if isinstance(callee, SuperExpr):  # mypy's form of `super().__init__`
        return callee.name == "__init__"
    if not isinstance(callee, MemberExpr):
        return False
    if callee.name != "__init__":
        return False
    target = callee.expr
    is_super = isinstance(target, SuperExpr) or (
        isinstance(target, CallExpr)
        and isinstance(target.callee, NameExpr)
        and target.callee.name == "super"
    )
    return is_super or _is_class_ref(target)


def _is_class_ref(node: Expression) -> bool:
    return isinstance(node, NameExpr) and isinstance(node.node, TypeInfo)


__all__ = [
    "lower_exception_attr",
    "lower_exception_class",
    "lower_raise",
    "lower_try",
    "propagate",
    "raised_kind",
    "route_loop_exit",
    "route_return",
]
