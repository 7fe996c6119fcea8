"""Statement lowering: assignments, control flow, loops with `else`, returns.

Each statement is lowered on its own; an untranslatable one becomes a `todo!()`
placeholder with a diagnostic at its Python range (never dropped), and the variables it
would have declared are still declared so the rest of the function compiles.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mypy.nodes import (
    ARG_STAR,
    LDEF,
    AssertStmt,
    AssignmentStmt,
    Block,
    BreakStmt,
    CallExpr,
    ContinueStmt,
    Decorator,
    DelStmt,
    EllipsisExpr,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    GlobalDecl,
    IfStmt,
    Import,
    ImportAll,
    ImportFrom,
    IndexExpr,
    ListExpr,
    MemberExpr,
    NameExpr,
    NonlocalDecl,
    OperatorAssignmentStmt,
    PassStmt,
    RaiseStmt,
    ReturnStmt,
    SliceExpr,
    StarExpr,
    Statement,
    StrExpr,
    TryStmt,
    TupleExpr,
    Var,
    WhileStmt,
    YieldExpr,
    YieldFromExpr,
)
from mypy.types import CallableType, get_proper_type

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.kept_objects import returns_kept_object
from backend.transpiler.analyze.mutation import rebound_names
from backend.transpiler.analyze.walk import is_builtin_call
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import class_links, formatting, int_ops, values
from backend.transpiler.lower.context import (
    FnContext,
    Unsupported,
    VarInfo,
    internal_error,
    rust_ident,
    span_of,
)
from backend.transpiler.lower.declarations import Plan, plan_declarations
from backend.transpiler.lower.expressions import coerce, lower_expr, type_of
from backend.transpiler.lower.iteration import (
    Source,
    bind_target,
    iter_source,
    mutable_source,
    source_of_value,
    value_shape,
)
from backend.transpiler.lower.subscripts import key_ref, store_place

Lowered = list[ir.Stmt]


def lower_body(ctx: FnContext, body: list[Statement], is_function_body: bool = False) -> Lowered:
    if is_function_body:
        params = {p.name for p in ctx.sig.params} if ctx.sig else set()
        first = ctx.fn.arguments[0].variable.name if ctx.fn and ctx.fn.arguments else None
        if first == "self" or (first and isinstance(ctx.fn, FuncDef) and ctx.fn.is_class):
            params.add(first)  # `self`, or a classmethod's `cls`
        params |= getattr(ctx, "captured", set())  # a closure's captures live outside it
        mutated = ctx.facts.mutated if ctx.facts else set()
        ctx.plan = plan_declarations(body, params, mutated)  # type: ignore[attr-defined]
    out = lower_block(ctx, body)
    if is_function_body:
        out = _finish_function_body(ctx, body, out)
    return out


def _plan(ctx: FnContext) -> Plan:
    plan = getattr(ctx, "plan", None)
    return plan if plan is not None else Plan()


def lower_block(ctx: FnContext, stmts: list[Statement]) -> Lowered:
    out: Lowered = []
    plan = _plan(ctx)
    for index, stmt in enumerate(stmts):
        for decl in plan.ahead_of(stmts, index):
            out.append(_declare_ahead(ctx, decl.name, decl.needs_default, decl.mutable, stmt))
        ctx.current = (stmts, index)  # type: ignore[attr-defined]
        out.extend(lower_statement(ctx, stmt))
    return out


def _declare_ahead(
    ctx: FnContext, name: str, default: bool, mutable: bool, stmt: Statement
) -> ir.Stmt:
    ty = _declared_type(ctx, name, stmt)
    value = rt.default_value(ty) if default else None
    if (
        default
        and value is None
        and (isinstance(ty, rt.StructT) or class_links.aliases(ctx.module, ty))
    ):
        # read where a path may not have assigned it (after a loop that may run zero
        # times): an Option, unwrapped where it is read (Python raises UnboundLocalError)
        ty, value = rt.OptionT(ty), "None"
    info = ctx.declare(name, ty)
    ctx.module.note_type(ty)
    type_text = ty.render() if not isinstance(ty, rt.UnknownT) else None
    return ir.Let(info.rust_name, type_text, value, mutable=mutable, span=span_of(stmt))


def _rebound_local(ctx: FnContext, name: str) -> bool:
    """Assigned again after its first binding (a loop assigns it again)."""
    facts = ctx.facts
    return facts is not None and (facts.assigned.get(name, 0) > 1 or name in facts.assigned_in_loop)


def _declared_type(ctx: FnContext, name: str, stmt: Statement) -> rt.RType:
    var = _find_var(ctx, name)
    if var is not None and var.type is not None:
        return ctx.module.var_type(var)
    return rt.UNKNOWN


def _find_var(ctx: FnContext, name: str) -> Var | None:
    fn = ctx.fn
    if fn is None:
        return None
    from backend.transpiler.analyze.walk import Walker

    found: list[Var] = []

    class Finder(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            if o.name == name and isinstance(o.node, Var) and not found:
                found.append(o.node)

    Finder().visit(fn.body)
    return found[0] if found else None


def lower_statement(ctx: FnContext, stmt: Statement) -> Lowered:
    handler = _STATEMENTS.get(type(stmt))
    from backend.transpiler.lower import module_state

    depth = module_state.begin_statement(ctx)
    try:
        if handler is None:
            raise Unsupported(
                stmt, f"{type(stmt).__name__.replace('Stmt', '')} statement", "PRT300"
            )
        aliased = ctx.aliased_change(stmt)
        if aliased is not None:
            raise Unsupported(
                stmt,
                f"a change to `{aliased}`'s object, which another name or a container also "
                "holds (the translation keeps a copy there, which would not see the change)",
                "PRT350",
            )
        lowered = module_state.end_statement(ctx, stmt, handler(ctx, stmt))  # locks module state
    except Unsupported as err:
        module_state.abandon_statement(ctx, depth)
        return _placeholder(ctx, stmt, err.placed(stmt))
    except Exception as err:  # an engine bug costs this statement only
        module_state.abandon_statement(ctx, depth)
        return _placeholder(ctx, stmt, internal_error(stmt, err))
    if lowered and lowered[0].span is None:
        lowered[0].span = span_of(stmt)
    return lowered


def _placeholder(ctx: FnContext, stmt: Statement, err: Unsupported) -> Lowered:
    todo = ctx.module.placeholder(err.node, err.what, err.code)
    ctx.has_placeholder = True  # type: ignore[attr-defined]
    out: Lowered = []
    names = []
    if isinstance(stmt, AssignmentStmt):
        names = [n for lv in stmt.lvalues for n in _simple_names(lv)]
    plan = _plan(ctx)
    current = getattr(ctx, "current", None)
    for name in names:
        if ctx.lookup(name) is None and current and plan.let_here(current[0], current[1], name):
            ty = _declared_type(ctx, name, stmt)
            info = ctx.declare(name, ty)
            type_text = ty.render() if not isinstance(ty, rt.UnknownT) else None
            decl = plan.declarations[name]
            out.append(
                ir.Let(info.rust_name, type_text, todo, mutable=decl.mutable, span=span_of(stmt))
            )
    if not out:
        out.append(ir.ExprStmt(todo, span=span_of(stmt)))
    return out


def _simple_names(node: Expression) -> list[str]:
    if isinstance(node, NameExpr):
        return [node.name]
    if isinstance(node, TupleExpr | ListExpr):
        return [n for i in node.items for n in _simple_names(i)]
    if isinstance(node, StarExpr):
        return _simple_names(node.expr)
    return []


def _finish_function_body(ctx: FnContext, body: list[Statement], out: Lowered) -> Lowered:
    """Turn a final `return x` into a tail expression; close fallible unit functions."""
    sig = ctx.sig
    fallible = bool(sig and sig.fallible)
    if out and isinstance(out[-1], ir.Return) and body and isinstance(body[-1], ReturnStmt):
        last = out.pop()
        assert isinstance(last, ir.Return)
        value = last.value
        if value is None:
            value = "Ok(())" if fallible else None
        if value is not None and _tail_borrows_local(ctx, value):
            # temporaries of a tail expression outlive the locals they borrow (E0597)
            name = "result"
            while ctx.lookup(name) is not None:
                name += "_"
            out.append(ir.Let(name, None, value, span=last.span))
            value = name
        if value is not None:
            out.append(ir.RawStmt([ir.statement_safe(value)], span=last.span))
        return out
    last_stmt = out[-1] if out else None
    tail_if = isinstance(last_stmt, ir.If) and _tail_if(ctx, last_stmt)
    if sig is not None and not sig.generator and isinstance(last_stmt, ir.If) and tail_if:
        _returns_to_tails(last_stmt)  # `if c { a } else { b }` as the tail (needless_return)
        return out
    if sig is None or sig.generator or _ends_diverging(body):
        return out
    if isinstance(sig.ret, rt.UnknownT):
        if fallible:
            out.append(ir.RawStmt(["Ok(())"]))
        return out
    tail = _fall_off_value(ctx)
    if fallible:
        out.append(ir.RawStmt([f"Ok({tail})"]))
    elif tail != "()":
        out.append(ir.RawStmt([tail]))
    return out


def _tail_if(ctx: FnContext, stmt: ir.Stmt) -> bool:
    """An `if`/`else` (chain) ending the body whose every branch ends with `return value`,
    none of them borrowing a local (see `_tail_borrows_local`)."""
    if not isinstance(stmt, ir.If) or not stmt.then or not stmt.orelse:
        return False
    for branch in (stmt.then, stmt.orelse):
        last = branch[-1]
        if isinstance(last, ir.Return):
            if last.value is None or _tail_borrows_local(ctx, last.value):
                return False
        elif not _tail_if(ctx, last):
            return False
    return True


def _returns_to_tails(stmt: ir.If) -> None:
    for branch in (stmt.then, stmt.orelse):
        assert branch
        last = branch[-1]
        if isinstance(last, ir.Return):
            assert last.value is not None
            branch[-1] = ir.RawStmt([ir.statement_safe(last.value)], span=last.span)
        else:
            assert isinstance(last, ir.If)
            _returns_to_tails(last)


_BORROWING_CALL = re.compile(
    r"\b(?P<root>[a-z_]\w*)\."
    r"(?:iter|values|keys|chars|bytes|borrow|lines|split\w*|windows|chunks)\("
)


def _tail_borrows_local(ctx: FnContext, value: str) -> bool:
    """A tail expression whose temporaries borrow a local (not a parameter, which outlives
    the body): Rust 2021 drops those temporaries after the locals."""
    params = {p.name for p in ctx.sig.params} if ctx.sig else set()
    return any(
        m["root"] not in params and m["root"] not in ("self", "this")
        for m in _BORROWING_CALL.finditer(value)
    )


def _fall_off_value(ctx: FnContext) -> str:
    """What falling off the end of the function returns: Python's implicit `None` where the
    return type admits it; otherwise a panic where mypy proved the end unreachable (a call
    to a `NoReturn` function, `assert False`), and a reported placeholder where mypy says
    the end is reachable ("Missing return statement")."""
    assert ctx.sig is not None
    none = none_of(ctx, ctx.sig.ret)
    if none is not None:
        return none
    if ctx.fn is not None and _mypy_missing_return(ctx, ctx.fn.line):
        ctx.has_placeholder = True  # type: ignore[attr-defined]
        what = "the end of a function whose return type does not admit None is reachable"
        return ctx.module.placeholder(ctx.fn, what, "PRT316")
    return 'unreachable!("the type checker proved this end of the function unreachable")'


def none_of(ctx: FnContext, ret: rt.RType) -> str | None:
    """Python's `None` as a value of `ret` (`()`, `None`, a union's None variant), or None
    when `ret` does not admit None."""
    if ret == rt.UNIT:
        return "()"
    none = coerce(ctx, Expr("None", rt.UNIT, Kind.OWNED), ret)
    return none.code if none.ty == ret else None


def _mypy_missing_return(ctx: FnContext, line: int) -> bool:
    pattern = re.compile(rf"^[^:]*:{line}:(?:\d+:)? error: Missing return statement")
    return any(pattern.match(message) for message in ctx.module.typed.errors)


def _ends_diverging(body: list[Statement]) -> bool:
    if not body:
        return False
    last = body[-1]
    if isinstance(last, ReturnStmt | RaiseStmt):
        return True
    if isinstance(last, WhileStmt) and _is_true(last.expr) and not _has_break(last.body.body):
        return True
    if isinstance(last, IfStmt) and last.else_body is not None:
        return all(_ends_diverging(b.body) for b in last.body) and _ends_diverging(
            last.else_body.body
        )
    if isinstance(last, TryStmt):
        return _ends_diverging(last.body.body) and all(
            _ends_diverging(h.body) for h in last.handlers
        )
    return False


def _is_true(node: Expression) -> bool:
    return isinstance(node, NameExpr) and node.fullname == "builtins.True"


def _has_break(stmts: list[Statement]) -> bool:
    for stmt in stmts:
        if isinstance(stmt, BreakStmt):
            return True
        if isinstance(stmt, IfStmt) and (
            any(_has_break(b.body) for b in stmt.body)
            or (stmt.else_body and _has_break(stmt.else_body.body))
        ):
            return True
        if isinstance(stmt, TryStmt):
            blocks = [stmt.body, *stmt.handlers, stmt.else_body, stmt.finally_body]
            if any(b is not None and _has_break(b.body) for b in blocks):
                return True
    return False


# ---- assignments ----


def lower_assignment(ctx: FnContext, stmt: AssignmentStmt) -> Lowered:
    if len(stmt.lvalues) > 1:
        return _chained_assignment(ctx, stmt)
    target = stmt.lvalues[0]
    if isinstance(stmt.rvalue, _TempNode) or type(stmt.rvalue).__name__ == "TempNode":
        return _bare_annotation(ctx, stmt, target)
    if isinstance(target, NameExpr):
        return _assign_name(ctx, stmt, target, stmt.rvalue)
    if isinstance(target, TupleExpr | ListExpr):
        return _assign_tuple(ctx, stmt, target)
    if isinstance(target, IndexExpr):
        return _assign_index(ctx, target, stmt.rvalue)
    if isinstance(target, MemberExpr):
        return _assign_member(ctx, target, stmt.rvalue)
    raise Unsupported(stmt, "assignment target", "PRT310")


class _TempNode:  # marker for mypy's TempNode (annotation without value)
    pass


def _bare_annotation(ctx: FnContext, stmt: AssignmentStmt, target: Expression) -> Lowered:
    return []  # `x: int` alone: the declaration plan already declared it where needed


def _chained_assignment(ctx: FnContext, stmt: AssignmentStmt) -> Lowered:
    value = lower_expr(ctx, stmt.rvalue)
    if not value.ty.is_copy:
        raise Unsupported(stmt, "chained assignment of a non-Copy value", "PRT311")
    out: Lowered = []
    if not _SIMPLE_VALUE.match(value.code):
        # `a = b = f()` calls `f` once: its value is bound first, then given to each target
        name = "chained_value"
        while ctx.lookup(name) is not None:
            name += "_"
        out.append(ir.Let(name, None, values.value(value)))
        value = Expr(name, value.ty, Kind.OWNED)
    for target in stmt.lvalues:  # left to right, as Python assigns them
        if isinstance(target, NameExpr):
            out.extend(_bind_name(ctx, stmt, target, value))
        elif isinstance(target, MemberExpr):
            out.extend(_store_member(ctx, target, value))
        elif isinstance(target, IndexExpr):
            out.extend(_store_index(ctx, target, value))
        else:
            raise Unsupported(stmt, "chained assignment to a pattern", "PRT311")
    return out


_SIMPLE_VALUE = re.compile(r"^(?:-?[\d_.]+(?:_?[a-z]\d*)?|[A-Za-z_]\w*|true|false)$")


def _assign_name(ctx: FnContext, stmt: Statement, target: NameExpr, rvalue: Expression) -> Lowered:
    if _bind_alias(ctx, target, rvalue):
        return []
    shared = _bind_stored_object(ctx, target, rvalue)
    if shared is not None:
        return shared
    _refuse_changing_a_kept_object(ctx, stmt, target, rvalue)
    info = ctx.lookup(target.name)
    declared_t = info.ty if info is not None else _target_type(ctx, target)
    value = lower_expr(ctx, rvalue, declared_t)
    return _bind_name(ctx, stmt, target, value)


def _bind_alias(ctx: FnContext, target: NameExpr, rvalue: Expression) -> bool:
    """`alias = xs` for a never-rebound pair: Python shares one object, so `alias` becomes
    another name for `xs` (a copy would lose mutations made through either name)."""
    plan = _plan(ctx)
    current = getattr(ctx, "current", None)
    if (
        not isinstance(rvalue, NameExpr)
        or plan.aliases.get(target.name) != rvalue.name
        or current is None
    ):
        return False
    source = ctx.lookup(plan.aliases[target.name])
    if (
        source is None
        or source.ty.is_copy
        or not plan.let_here(current[0], current[1], target.name)
    ):
        return False
    ctx.scopes[-1][target.name] = source
    return True


_SHARED_OBJECT_TYPES = (rt.StructT, rt.ListT, rt.DictT, rt.SetT, rt.DequeT)


def _bind_stored_object(ctx: FnContext, target: NameExpr, rvalue: Expression) -> Lowered | None:
    """`item = self.items[k]; item.qty -= n`: Python names the object stored in the
    container, so changing it through `item` changes the container's; bind a `&mut` to the
    stored place (`d.get(k)` -> `get_mut`, an `Option<&mut T>`) instead of a copy."""
    facts, plan = ctx.facts, _plan(ctx)
    current = getattr(ctx, "current", None)
    if facts is None or current is None or target.name not in facts.mutated_in_place:
        return None
    if facts.assigned.get(target.name, 0) > 1 or not plan.let_here(
        current[0], current[1], target.name
    ):
        return None
    decl = plan.declarations.get(target.name)
    if decl is None or not getattr(decl, "at_assignment", False):
        return None
    ty = _target_type(ctx, target)
    inner = ty.inner if isinstance(ty, rt.OptionT) else ty
    if not isinstance(inner, _SHARED_OBJECT_TYPES) or (
        isinstance(ty, rt.StructT) and ty.name == "PyException"
    ):
        return None
    code = _mut_lookup(ctx, rvalue, isinstance(ty, rt.OptionT))
    if code is None:
        return None
    ctx.declare(target.name, ty, Kind.MUT_BORROWED)
    from backend.transpiler.analyze.mutation import root_name

    root = root_name(rvalue.callee.expr if isinstance(rvalue, CallExpr) else rvalue)  # type: ignore[attr-defined]
    if root is not None:
        ctx.object_aliases[target.name] = root
    # an `Option<&mut T>` is narrowed with `.as_mut()`, which needs a mutable binding
    return [ir.Let(rust_ident(target.name), None, code, mutable=isinstance(ty, rt.OptionT))]


def _refuse_changing_a_kept_object(
    ctx: FnContext, stmt: Statement, target: NameExpr, rvalue: Expression
) -> None:
    """`m = self.member(name); m.fines += 1`: `member()` hands out the object it stores, so
    Python changes the stored one; the translation would change a copy. Say so instead."""
    facts = ctx.facts
    if facts is None or target.name not in facts.mutated_in_place:
        return
    if not isinstance(rvalue, CallExpr) or not isinstance(
        _target_type(ctx, target), _SHARED_OBJECT_TYPES
    ):
        return
    if class_links.aliases(ctx.module, _target_type(ctx, target)):
        return  # a handle: the change is made to the kept object itself
    callee = get_proper_type(ctx.module.mypy_type(rvalue.callee))
    fn = callee.definition if isinstance(callee, CallableType) else None
    if (
        isinstance(fn, FuncDef)
        and fn.fullname in ctx.module.mutation.functions
        and returns_kept_object(fn)
    ):
        raise Unsupported(
            stmt,
            f"changing the object `{fn.name}()` returns: in Python it is the object "
            f"`{fn.name}()` keeps, so the change is seen there (the translation would "
            "change a copy)",
            "PRT315",
        )


def _mut_lookup(ctx: FnContext, rvalue: Expression, optional: bool) -> str | None:
    """`&mut xs[i]` / `&mut obj.attr` / `d.get_mut(k)` for a lookup of a stored object."""
    if optional:
        if not isinstance(rvalue, CallExpr):
            return None
        callee = rvalue.callee
        if not (isinstance(callee, MemberExpr) and callee.name == "get" and len(rvalue.args) == 1):
            return None
        base = lower_expr(ctx, callee.expr)
        if not isinstance(base.ty, rt.DictT) or base.kind is Kind.BORROWED:
            return None
        key = lower_expr(ctx, rvalue.args[0], base.ty.key)
        return f"{base.at(Prec.POSTFIX)}.get_mut({key_ref(key)})"
    if isinstance(rvalue, IndexExpr) and isinstance(rvalue.index, SliceExpr):
        return None  # a slice is a new list
    if not isinstance(rvalue, IndexExpr | MemberExpr):
        return None
    place = lower_expr(ctx, rvalue)
    if place.kind is Kind.MUT_BORROWED:
        return place.code
    if place.kind is not Kind.PLACE:
        return None
    return f"&mut {place.at(Prec.UNARY)}"


def _target_type(ctx: FnContext, target: NameExpr) -> rt.RType:
    if isinstance(target.node, Var) and target.node.type is not None:
        return ctx.module.var_type(target.node)
    return type_of(ctx, target)


def _bind_name(ctx: FnContext, stmt: Statement, target: NameExpr, value: Expr) -> Lowered:
    plan = _plan(ctx)
    current = getattr(ctx, "current", None)
    info = ctx.lookup(target.name)
    slot = getattr(ctx.module, "module_slots", {}).get(target.name)
    if info is None and slot is not None:  # `global planner; planner = Planner()`
        value = coerce(ctx, value, ctx.module.constants[target.name].ty)
        store = f"{slot}.with(|slot| *slot.borrow_mut() = value)"
        return [ir.Block([ir.Let("value", None, values.owned(value)), ir.ExprStmt(store)])]
    if info is None and target.name in getattr(ctx.module, "mutable_globals", ()):
        from backend.transpiler.lower import module_state

        module_state.note_use(ctx, target.name)  # `global x; x = ...`
        info = ctx.module.constants[target.name]
    if target.name == "_":
        return [ir.Let("_", None, value.code)]
    if info is None and formatting.only_inlined_template(ctx, target):
        # every use has the literal text inlined into its `format!`: known, never emitted
        ctx.declare(target.name, value.ty)
        return []
    if info is None or (current and plan.let_here(current[0], current[1], target.name)):
        ty = _target_type(ctx, target)
        if isinstance(ty, rt.UnknownT) or (
            isinstance(ty, rt.ListT) and isinstance(ty.elem, rt.UnknownT)
        ):
            ty = value.ty
        elif (
            isinstance(ty, rt.DictT)
            and isinstance(ty.value, rt.UnknownT)
            and isinstance(value.ty, rt.DictT)
        ):
            ty = value.ty  # `{"id": 1, "name": "bo"}`: dict[str, object] holds an enum
        value = coerce(ctx, value, ty)
        decl = plan.declarations.get(target.name)
        if _binds_mut_ref(ctx, target, value, decl):
            # `row = d.setdefault(k, [])`: Python names the stored object; keep the `&mut`
            ctx.declare(target.name, value.ty, Kind.MUT_BORROWED)
            return [ir.Let(rust_ident(target.name), None, value.code)]
        mutable = decl.mutable if decl else bool(ctx.facts and ctx.facts.needs_mut(target.name))
        mutable = mutable or (isinstance(value.ty, rt.FnT) and value.ty.mutable)  # FnMut
        init = values.owned(value)  # before the name is declared: it may be unsupported
        info = ctx.declare(target.name, ty if not isinstance(ty, rt.UnknownT) else value.ty)
        if class_links.aliases(ctx.module, info.ty):  # changed through `.borrow_mut()`
            mutable = decl.rebound if decl else _rebound_local(ctx, target.name)
        ctx.module.note_type(info.ty)
        annotation = info.ty.render() if _needs_annotation(value, info.ty) else None
        return [ir.Let(info.rust_name, annotation, init, mutable=mutable)]
    value = coerce(ctx, value, info.ty)
    if info.kind is Kind.MUT_BORROWED:
        return [ir.Assign(f"*{info.rust_name}", "=", values.owned(value))]
    return [ir.Assign(info.rust_name, "=", values.owned(value))]


def _binds_mut_ref(ctx: FnContext, target: NameExpr, value: Expr, decl: object) -> bool:
    if value.kind is not Kind.MUT_BORROWED or value.ty.is_copy or decl is None:
        return False
    facts = ctx.facts
    return (
        facts is not None
        and facts.assigned.get(target.name, 0) <= 1
        and getattr(decl, "at_assignment", False)
    )


def _needs_annotation(value: Expr, ty: rt.RType) -> bool:
    if isinstance(ty, rt.UnknownT | rt.IterT | rt.FnT):
        return False
    code = value.code
    if ty in (rt.INT, rt.FLOAT) and values.is_numeric_literal(code):
        return True  # `{integer}` would leave `x.abs()` / `x.rem_euclid(..)` ambiguous
    if code.startswith("vec![(") and _numeric_parts(ty):
        return True  # `vec![(3, 1)]`: the same, inside literal tuples
    empty = code in ("Vec::new()", "PyDict::new()", "None", "String::new()") or code.endswith(
        "::new()"
    )
    return (
        empty or (".collect::<" in code and "Vec<_>" in code and False) or code.startswith("vec![]")
    )


def _numeric_parts(ty: rt.RType) -> bool:
    """A list of tuples, fully known, with an int or float part."""
    inner = ty.elem if isinstance(ty, rt.ListT) else None
    if not isinstance(inner, rt.TupleT) or "_" in ty.render():
        return False
    return any(p in (rt.INT, rt.FLOAT) for p in inner.items)


def _assign_tuple(ctx: FnContext, stmt: AssignmentStmt, target: TupleExpr | ListExpr) -> Lowered:
    items = target.items
    if any(isinstance(i, StarExpr) for i in items):
        return _assign_star(ctx, stmt, target)
    if not all(isinstance(i, NameExpr) for i in items):
        return _assign_tuple_places(ctx, stmt, target)
    names = [i for i in items if isinstance(i, NameExpr)]
    rvalue = stmt.rvalue
    value = _list_as_tuple(_lower_unpacked(ctx, rvalue, len(names)), len(names))
    value = _widened_tuple(ctx, rvalue, value, names)
    plan = _plan(ctx)
    current = getattr(ctx, "current", None)
    fresh = [
        ctx.lookup(n.name) is None
        or (current is not None and plan.let_here(current[0], current[1], n.name))
        for n in names
    ]
    item_types = _tuple_item_types(ctx, value, names)
    if all(fresh):
        pats = []
        for name, ty in zip(names, item_types, strict=True):
            decl = plan.declarations.get(name.name)
            info = ctx.declare(name.name, ty)
            mut = "mut " if decl is not None and decl.mutable else ""
            pats.append(f"{mut}{info.rust_name}" if name.name != "_" else "_")
        tuple_t = rt.TupleT(tuple(item_types))
        known = not any(isinstance(t, rt.UnknownT) for t in item_types)
        annotation = tuple_t.render() if known and _has_numeric_literal(value) else None
        return [ir.Let(f"({', '.join(pats)})", annotation, values.owned(value))]
    if not any(fresh):
        targets = []
        for name in names:
            found = ctx.lookup(name.name)
            assert found is not None
            info = found
            targets.append(
                f"*{info.rust_name}" if info.kind is Kind.MUT_BORROWED else info.rust_name
            )
        return [ir.Assign(f"({', '.join(targets)})", "=", _tuple_value(ctx, rvalue, value, names))]
    temps = [f"new_{n.name}" for n in names]
    out: Lowered = [ir.Let(f"({', '.join(temps)})", None, values.owned(value))]
    for name, temp, ty in zip(names, temps, item_types, strict=True):
        out.extend(_bind_name(ctx, stmt, name, Expr(temp, ty, Kind.OWNED)))
    return out


def _widened_tuple(ctx: FnContext, rvalue: Expression, value: Expr, names: list[NameExpr]) -> Expr:
    """`a, b = 0, 1` where `a` and `b` are arbitrary-precision ints: each item converted."""
    targets = [_target_type(ctx, n) for n in names]
    if rt.BIGINT not in targets or not isinstance(rvalue, TupleExpr):
        return value
    if len(rvalue.items) != len(names):
        return value
    parts = [lower_expr(ctx, item, t) for item, t in zip(rvalue.items, targets, strict=True)]
    code = f"({', '.join(values.owned(p) for p in parts)})"
    return Expr(code, rt.TupleT(tuple(p.ty for p in parts)), Kind.OWNED, Prec.ATOM)


def _has_numeric_literal(value: Expr) -> bool:
    if not value.code.startswith("("):
        return False
    return any(values.is_numeric_literal(p.strip()) for p in value.code[1:-1].split(","))


def _tuple_value(ctx: FnContext, rvalue: Expression, value: Expr, names: list[NameExpr]) -> str:
    if isinstance(rvalue, TupleExpr):
        parts = []
        for item, name in zip(rvalue.items, names, strict=False):
            info = ctx.lookup(name.name)
            e = lower_expr(ctx, item, info.ty if info else None)
            parts.append(values.owned(e))
        return f"({', '.join(parts)})"
    return values.owned(value)


def _lower_unpacked(ctx: FnContext, rvalue: Expression, count: int) -> Expr:
    """`a, b = [1, 2]` unpacks the literal's items as a tuple (mypy types them one by one)."""
    unzipped = _unzipped_columns(ctx, rvalue, count)
    if unzipped is not None:
        return unzipped
    if not isinstance(rvalue, ListExpr) or any(isinstance(i, StarExpr) for i in rvalue.items):
        return _record_as_tuple(ctx, lower_expr(ctx, rvalue))
    items = [lower_expr(ctx, item) for item in rvalue.items]
    parts = [values.owned(item) for item in items]
    code = f"({parts[0]},)" if len(parts) == 1 else f"({', '.join(parts)})"
    return Expr(code, rt.TupleT(tuple(item.ty for item in items)), Kind.OWNED, Prec.ATOM)


def _record_as_tuple(ctx: FnContext, value: Expr) -> Expr:
    """A named tuple is taken apart as the tuple of its fields."""
    from backend.transpiler.lower import classes

    return classes.namedtuple_as_tuple(ctx, value) or value


def _unzipped_columns(ctx: FnContext, rvalue: Expression, count: int) -> Expr | None:
    """`names, scores = zip(*pairs)` over a list of `count`-tuples: each column becomes a
    `tuple[T, ...]` (a Vec); no rows at all is Python's "not enough values" ValueError."""
    if not (
        isinstance(rvalue, CallExpr)
        and isinstance(rvalue.callee, NameExpr)
        and rvalue.callee.fullname == "builtins.zip"
        and rvalue.arg_kinds == [ARG_STAR]
    ):
        return None
    rows = lower_expr(ctx, rvalue.args[0])
    if not isinstance(rows.ty, rt.ListT) or not isinstance(rows.ty.elem, rt.TupleT):
        return None
    items = rows.ty.elem.items
    if len(items) != count:
        return None
    columns = [
        f"rows.iter().map(|r| r.{i}{'' if t.is_copy else '.clone()'}).collect::<Vec<_>>()"
        for i, t in enumerate(items)
    ]
    check = (
        'if rows.is_empty() { panic!("ValueError: not enough values to unpack '
        f'(expected {count}, got 0)") }}'
    )
    code = f"{{ let rows = {values.borrow(rows)}; {check} ({', '.join(columns)}) }}"
    return Expr(code, rt.TupleT(tuple(rt.VarTupleT(t) for t in items)), Kind.OWNED, Prec.ATOM)


def _list_as_tuple(value: Expr, count: int) -> Expr:
    """`key, value = s.split("=", 1)`: a Rust pattern cannot destructure a Vec, so the list
    becomes a tuple through a slice pattern (another length raises ValueError, as in
    Python). Other values pass through unchanged."""
    if not isinstance(value.ty, rt.ListT):
        return value
    elem = value.ty.elem
    names = [f"item_{i}" for i in range(count)]
    if value.kind is Kind.OWNED:
        known = not isinstance(elem, rt.UnknownT)
        array = f"[{elem.render() if known else '_'}; {count}]"
        matched = f"<{array}>::try_from({value.code})"
        pattern, parts, rest = f"Ok([{', '.join(names)}])", names, "Err(items)"
    else:
        parts = [f"*{n}" if elem.is_copy else f"{n}.clone()" for n in names]
        matched = f"&{value.at(Prec.POSTFIX)}[..]"
        pattern, rest = f"[{', '.join(names)}]", "items"
    short = f"not enough values to unpack (expected {count}, got {{}})"
    error = (
        f'if items.len() < {count} {{ panic!("ValueError: {short}", items.len()) }} '
        f'panic!("ValueError: too many values to unpack (expected {count})")'
    )
    tuple_code = f"({', '.join(parts)},)" if count == 1 else f"({', '.join(parts)})"
    code = f"match {matched} {{ {pattern} => {tuple_code}, {rest} => {{ {error} }} }}"
    return Expr(code, rt.TupleT((elem,) * count), Kind.OWNED, Prec.ATOM)


def _tuple_item_types(ctx: FnContext, value: Expr, names: list[NameExpr]) -> list[rt.RType]:
    if isinstance(value.ty, rt.TupleT) and len(value.ty.items) == len(names):
        return list(value.ty.items)
    return [_target_type(ctx, n) for n in names]


def _assign_tuple_places(
    ctx: FnContext, stmt: AssignmentStmt, target: TupleExpr | ListExpr
) -> Lowered:
    """`xs[i], xs[j] = xs[j], xs[i]`: evaluate the right side first, then assign in order."""
    return _unpack_into(ctx, stmt, target, lower_expr(ctx, stmt.rvalue), "tmp")


def _unpack_into(
    ctx: FnContext, stmt: AssignmentStmt, target: TupleExpr | ListExpr, value: Expr, prefix: str
) -> Lowered:
    """Bind the parts of `value` to temporaries, then store each into its target; a nested
    target (`(a, b), (c, d) = pairs`) takes its temporary apart in turn."""
    value = _list_as_tuple(_record_as_tuple(ctx, value), len(target.items))
    temps = [f"{prefix}_{i}" for i in range(len(target.items))]
    out: Lowered = [ir.Let(f"({', '.join(temps)})", None, values.owned(value))]
    types = value.ty.items if isinstance(value.ty, rt.TupleT) else [rt.UNKNOWN] * len(temps)
    for item, temp, ty in zip(target.items, temps, types, strict=True):
        tmp = Expr(temp, ty, Kind.OWNED)
        if isinstance(item, NameExpr):
            out.extend(_bind_name(ctx, stmt, item, tmp))
        elif isinstance(item, IndexExpr):
            out.extend(_store_index(ctx, item, tmp))
        elif isinstance(item, MemberExpr):
            out.extend(_store_member(ctx, item, tmp))
        elif isinstance(item, TupleExpr | ListExpr) and not any(
            isinstance(i, StarExpr) for i in item.items
        ):
            out.extend(_unpack_into(ctx, stmt, item, tmp, temp))
        else:
            raise Unsupported(stmt, "assignment target", "PRT310")
    return out


def _star_source(ctx: FnContext, rvalue: Expression) -> Expr:
    """The list that star-unpacking takes apart: a list as it is, a literal list whose
    items mypy typed one by one, or a tuple whose items all have one type."""
    if isinstance(rvalue, ListExpr) and rvalue.items:
        first = type_of(ctx, rvalue.items[0])
        if not isinstance(first, rt.UnknownT) and not isinstance(type_of(ctx, rvalue), rt.ListT):
            return lower_expr(ctx, rvalue, rt.ListT(first))
    value = lower_expr(ctx, rvalue)
    if not isinstance(value.ty, rt.TupleT) or len(set(value.ty.items)) != 1:
        return value
    elem = value.ty.items[0]
    take = "" if elem.is_copy else ".clone()"
    source = "t" if value.kind is Kind.OWNED else value.at(Prec.POSTFIX)
    fields = ", ".join(f"{source}.{i}{take}" for i in range(len(value.ty.items)))
    code = f"vec![{fields}]"
    if value.kind is Kind.OWNED:
        code = f"{{ let t = {value.code}; {code} }}"
    return Expr(code, rt.ListT(elem), Kind.OWNED, Prec.ATOM)


def _assign_star(ctx: FnContext, stmt: AssignmentStmt, target: TupleExpr | ListExpr) -> Lowered:
    value = _star_source(ctx, stmt.rvalue)
    if not isinstance(value.ty, rt.ListT):
        raise Unsupported(stmt, "star-unpacking a non-list", "PRT312")
    items = target.items
    star_at = next(i for i, item in enumerate(items) if isinstance(item, StarExpr))
    after = len(items) - star_at - 1
    out: Lowered = [ir.Let("items", None, values.owned(value))]
    src = Expr("items", value.ty, Kind.PLACE)
    for index, item in enumerate(items):
        if isinstance(item, StarExpr):
            end = f"items.len() - {after}" if after else "items.len()"
            rest = Expr(f"items[{star_at}..{end}].to_vec()", value.ty, Kind.OWNED)
            assert isinstance(item.expr, NameExpr)
            out.extend(_bind_name(ctx, stmt, item.expr, rest))
            continue
        position = str(index) if index < star_at else f"items.len() - {len(items) - index}"
        elem = Expr(f"items[{position}]", value.ty.elem, Kind.PLACE)
        if not isinstance(item, NameExpr):
            raise Unsupported(stmt, "star-unpacking into a non-name", "PRT312")
        out.extend(_bind_name(ctx, stmt, item, values.owned_expr(elem)))
    del src
    return [ir.Block(out)] if False else out


def _assign_index(ctx: FnContext, target: IndexExpr, rvalue: Expression) -> Lowered:
    base_t = type_of(ctx, target.base)
    expected = None
    if isinstance(base_t, rt.ListT):
        expected = base_t.elem
    elif isinstance(base_t, rt.DictT):
        expected = base_t.value
    value = lower_expr(ctx, rvalue, expected)
    return _store_index(ctx, target, value)


def _store_index(ctx: FnContext, target: IndexExpr, value: Expr) -> Lowered:
    base = class_links.mutable_place(lower_expr(ctx, target.base))  # a node's dict
    ty = base.ty
    from backend.transpiler.lower import arrays

    if isinstance(target.index, SliceExpr):
        from backend.transpiler.lower.subscripts import store_slice

        arrays.reject_unchecked_store(target, ty, "slice assignment")
        return [ir.ExprStmt(store_slice(ctx, target.base, target.index, value))]
    if isinstance(ty, rt.DictT):
        key = values.owned(lower_expr(ctx, target.index, ty.key))
        item = values.owned(coerce(ctx, value, ty.value))
        return _dict_insert(ctx, base.at(Prec.POSTFIX), key, item)
    if isinstance(ty, rt.ListT | rt.DequeT):
        value = arrays.checked_item(ctx.module, ty, coerce(ctx, value, ty.elem))
        prelude, place = store_place(ctx, target)
        return _with_prelude(prelude, ir.Assign(place.code, "=", values.owned(value)))
    raise Unsupported(target, f"item assignment on {ty.render()}", "PRT313")


def _dict_insert(ctx: FnContext, base: str, key: str, item: str) -> Lowered:
    """`d[k] = v`. A value or key that reads the dict itself (`seen[n] = 1 - seen[m]` on a
    defaultdict borrows it mutably) is bound first, in Python's order: value, then key."""
    root = re.match(r"[A-Za-z_]\w*", base)
    reads_base = root is not None and re.search(rf"\b{root.group(0)}\b", f"{key} {item}")
    if not reads_base:
        return [ir.ExprStmt(f"{base}.insert({key}, {item})")]
    value_name, key_name = "new_value", "new_key"
    while ctx.lookup(value_name) is not None or ctx.lookup(key_name) is not None:
        value_name, key_name = f"{value_name}_", f"{key_name}_"
    return [
        ir.Block(
            [
                ir.Let(value_name, None, item),
                ir.Let(key_name, None, key),
                ir.ExprStmt(f"{base}.insert({key_name}, {value_name})"),
            ]
        )
    ]


def _with_prelude(prelude: list[ir.Stmt], stmt: ir.Stmt) -> Lowered:
    """A store whose subscripts were bound to locals first, scoped in a block."""
    if not prelude:
        return [stmt]
    return [ir.Block([*prelude, stmt])]


def _assign_member(ctx: FnContext, target: MemberExpr, rvalue: Expression) -> Lowered:
    expected = type_of(ctx, target)
    value = lower_expr(ctx, rvalue, expected)
    return _store_member(ctx, target, value)


def _store_member(ctx: FnContext, target: MemberExpr, value: Expr) -> Lowered:
    from backend.transpiler.lower import class_links

    place = class_links.store_place(lower_expr(ctx, target), target)  # nodes: `.borrow_mut()`
    value = coerce(ctx, value, place.ty)
    return class_links.store(place.code, values.owned(value))


# ---- augmented assignment ----

_AUG_DIRECT = {"+", "-", "*", "&", "|", "^", "<<", ">>"}


def lower_aug_assign(ctx: FnContext, stmt: OperatorAssignmentStmt) -> Lowered:
    target = stmt.lvalue
    if isinstance(target, IndexExpr) and isinstance(type_of(ctx, target.base), rt.DictT):
        return _aug_dict(ctx, stmt, target)
    prelude: list[ir.Stmt] = []
    if isinstance(target, IndexExpr):
        from backend.transpiler.lower import arrays

        arrays.reject_unchecked_store(target, type_of(ctx, target.base), "augmented assignment")
        prelude, place = store_place(ctx, target)
    else:
        from backend.transpiler.lower import class_links

        place = class_links.store_place(lower_expr(ctx, target), target)  # nodes: `.borrow_mut()`
    if prelude:
        inner = lower_aug_assign_to(ctx, stmt, place)
        return (
            _with_prelude(prelude, inner[0]) if len(inner) == 1 else [ir.Block([*prelude, *inner])]
        )
    return lower_aug_assign_to(ctx, stmt, place)


def lower_aug_assign_to(ctx: FnContext, stmt: OperatorAssignmentStmt, place: Expr) -> Lowered:
    target = stmt.lvalue
    if place.kind is Kind.BORROWED and not isinstance(target, NameExpr):
        raise Unsupported(stmt, "augmented assignment through a shared reference", "PRT314")
    place_code = place.code
    info = ctx.lookup(target.name) if isinstance(target, NameExpr) else None
    if info is None and isinstance(target, NameExpr):
        info = ctx.module.constants.get(target.name)  # `global n; n += 1` (module state)
    if info is not None and info.kind is Kind.MUT_BORROWED and place.ty.is_copy:
        place_code = f"*{place_code}"
    ty = place.ty
    op = stmt.op
    rhs = lower_expr(ctx, stmt.rvalue)
    if isinstance(ty, rt.StrT):
        if op != "+":
            raise Unsupported(stmt, f"`{op}=` on str", "PRT314")
        if rhs.ty == rt.CHAR:
            return [ir.ExprStmt(f"{place.at(Prec.POSTFIX)}.push({rhs.code})")]
        return [ir.Assign(place_code, "+=", values.borrow_str(rhs))]
    if isinstance(ty, rt.ListT):
        if op == "+":
            from backend.transpiler.lower.builtins import _owned_items

            src = iter_source(ctx, stmt.rvalue)
            return [
                ir.ExprStmt(
                    f"{place.at(Prec.POSTFIX)}.extend({_owned_items(src.iterator, src.shape)})"
                )
            ]
        raise Unsupported(stmt, f"`{op}=` on list", "PRT314")
    if isinstance(ty, rt.SetT) and op in ("|", "&", "-", "^"):
        if op == "|":
            items = (
                f"{rhs.at(Prec.POSTFIX)}.into_iter()"
                if rhs.kind is Kind.OWNED
                else f"{rhs.at(Prec.POSTFIX)}.iter().cloned()"
            )
            return [ir.ExprStmt(f"{place.at(Prec.POSTFIX)}.extend({items})")]
        return [ir.Assign(place_code, "=", f"&{place.at(Prec.UNARY)} {op} {values.borrow(rhs)}")]
    if ty == rt.BIGINT:
        from backend.transpiler.lower import bigints

        return bigints.aug_assign(ctx, stmt, place_code, place, rhs)
    if ty in (rt.INT, rt.FLOAT, rt.USIZE):
        rhs = coerce(ctx, rhs, ty)
        if op in _AUG_DIRECT and ty == rt.INT:
            return [int_ops.augmented(ctx, op, place_code, rhs)]
        if op in _AUG_DIRECT or (op == "/" and ty == rt.FLOAT):
            return class_links.store(place_code, values.value(rhs), f"{op}=")
        from mypy.nodes import OpExpr

        combined = OpExpr(op, target, stmt.rvalue)
        combined.set_line(stmt)
        ctx.module.typed.types[combined] = ctx.module.typed.types.get(target)  # type: ignore[assignment]
        result = lower_expr(ctx, combined, ty)
        return class_links.store(place_code, values.owned(result))
    raise Unsupported(stmt, f"`{op}=` on {ty.render()}", "PRT314")


def _aug_dict(ctx: FnContext, stmt: OperatorAssignmentStmt, target: IndexExpr) -> Lowered:
    base = lower_expr(ctx, target.base)
    ty = base.ty
    assert isinstance(ty, rt.DictT)
    key_e = lower_expr(ctx, target.index, ty.key)
    rhs = coerce(ctx, lower_expr(ctx, stmt.rvalue), ty.value)
    op = stmt.op
    if ty.flavour == "defaultdict":  # a missing key starts from the factory's value
        slot = f"*{base.at(Prec.POSTFIX)}.py_default_entry({values.owned(key_e)})"
    elif ty.flavour == "counter":
        slot = (
            f"*{base.at(Prec.POSTFIX)}.get_or_insert_with({values.owned(key_e)}, Default::default)"
        )
    else:
        slot = f'*{base.at(Prec.POSTFIX)}.get_mut({key_ref(key_e)}).expect("KeyError")'
    if isinstance(ty.value, rt.StrT) and op == "+":
        return [ir.Assign(slot, "+=", values.borrow_str(rhs))]
    if op in _AUG_DIRECT and ty.value == rt.INT:
        return [int_ops.augmented(ctx, op, slot, rhs)]
    if op in _AUG_DIRECT and ty.value == rt.FLOAT:
        return [ir.Assign(slot, f"{op}=", values.value(rhs))]
    if isinstance(ty.value, rt.ListT) and op == "+":
        return [ir.ExprStmt(f"{slot[1:]}.extend({values.owned(rhs)})")]
    raise Unsupported(stmt, f"`{op}=` on a dict item", "PRT314")


# ---- control flow ----


def lower_if(ctx: FnContext, stmt: IfStmt) -> Lowered:
    from backend.transpiler.lower import unions

    if_let = unions.lower_if_let(ctx, stmt)  # `if isinstance(v, int):` binds the payload
    if if_let is not None:
        return if_let
    cond = values.truthy(ctx, stmt.expr[0], lower_expr(ctx, stmt.expr[0])).code
    then = _scoped_block(ctx, stmt.body[0])
    orelse = None
    if stmt.else_body is not None:
        orelse = _scoped_block(ctx, stmt.else_body)
    return [ir.If(cond, then, orelse)]


def _scoped_block(ctx: FnContext, block: Block) -> Lowered:
    ctx.push()
    try:
        return lower_block(ctx, block.body)
    finally:
        ctx.pop()


def _loop_context(ctx: FnContext, has_else: bool) -> dict[str, str | None]:
    frame: dict[str, str | None] = {
        "break": ctx.new_label("found") if has_else else None,
        "label": None,
    }
    ctx.loops.append(frame)
    return frame


def lower_while(ctx: FnContext, stmt: WhileStmt) -> Lowered:
    frame = _loop_context(ctx, stmt.else_body is not None)
    try:
        body = _scoped_block(ctx, stmt.body)
    finally:
        ctx.loops.pop()
    label = frame["label"]
    if _is_true(stmt.expr):
        loop: ir.Stmt = ir.Loop(body, label=label)
    else:
        cond = values.truthy(ctx, stmt.expr, lower_expr(ctx, stmt.expr)).code
        loop = ir.While(cond, body, label=label)
    return _with_else(ctx, loop, stmt.else_body, frame)


def _with_else(
    ctx: FnContext, loop: ir.Stmt, else_body: Block | None, frame: dict[str, str | None]
) -> Lowered:
    if else_body is None:
        return [loop]
    if not frame.get("broken"):  # no `break`: the `else` always runs, no labelled block
        return [loop, *_scoped_block(ctx, else_body)]
    # the `else` runs inside the labelled block a `break` leaves: a `break`/`continue` of an
    # enclosing loop there needs that loop's label (rustc E0695), as inside a `try` block
    depths: list[int] = getattr(ctx, "try_loop_depths", [])
    ctx.try_loop_depths = [*depths, len(ctx.loops)]  # type: ignore[attr-defined]
    try:
        tail = _scoped_block(ctx, else_body)
    finally:
        ctx.try_loop_depths = depths  # type: ignore[attr-defined]
    return [ir.Block([loop, *tail], label=frame["break"])]


def lower_for(ctx: FnContext, stmt: ForStmt) -> Lowered:
    handles = _node_handle_list(ctx, stmt)
    if handles is not None:
        return _for_over_node_list(ctx, stmt, handles)
    keys = _dict_key_copy(ctx, stmt)
    if keys is not None:
        src, size, start, check = keys
        loop = _lower_for(ctx, stmt, src, [ir.ExprStmt(check)])
        return [ir.Let(size, None, start), *loop, ir.ExprStmt(check)]  # (checked at the end)
    src = _index_counter_source(ctx, stmt) or mutable_source(
        ctx, stmt.index, _loop_source(ctx, stmt)
    )
    return _lower_for(ctx, stmt, src, [])


def _dict_key_copy(ctx: FnContext, stmt: ForStmt) -> tuple[Source, str, str, str] | None:
    """`for k in d:` whose body may insert into `d` (a defaultdict read): the keys are
    copied, and CPython's size check before each next key is spelled out
    (loop_snapshots.key_copy_is_exact says when that is exact). Returns the source, the
    name and the value of the size at the start, and the check."""
    from backend.transpiler.lower import loop_snapshots

    types = ctx.module.typed.types
    if not (
        loop_snapshots.body_reaches_container(stmt)
        and loop_snapshots.key_copy_is_exact(types, stmt)
        and not ctx.module.raising.may_be_caught("RuntimeError")
    ):
        return None
    e = lower_expr(ctx, stmt.expr)
    base = e.at(Prec.POSTFIX)
    if not isinstance(e.ty, rt.DictT) or e.kind is Kind.OWNED or not _PATH.fullmatch(base):
        return None
    ctx.module.use_helper("py_exception", "py_uncaught")
    size = ctx.new_label("dict_size")
    error = 'PyException::new("RuntimeError", "dictionary changed size during iteration")'
    check = f"if {base}.len() != {size} {{ py_uncaught({error}); }}"
    copy = f"{base}.keys().cloned().collect::<Vec<_>>()"
    source = Source(copy, f"{copy}.into_iter()", value_shape(e.ty.key))
    return source, size, f"{base}.len()", check


_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")


def _lower_for(ctx: FnContext, stmt: ForStmt, src: Source, prefix: list[ir.Stmt]) -> Lowered:
    frame = _loop_context(ctx, stmt.else_body is not None)
    rebound = frozenset(rebound_names(stmt.body.body))
    ctx.push()
    try:
        # A loop variable outlives the loop in Python (its last value, or its value before a
        # loop that ran zero times): a target the function also uses outside the loop binds
        # a fresh name and copies it to the outer variable first thing in every iteration.
        outer_names = [n for n in _target_name_nodes(stmt.index) if _outer_declared(ctx, n.name)]
        outer = {n.name: ctx.lookup(n.name) for n in outer_names}
        renamed = _renamed_target(stmt.index, {n.name for n in outer_names})
        pattern = bind_target(ctx, renamed, src.shape, rebound=rebound)
        prebound = [_copy_out(ctx, n.name, outer[n.name]) for n in outer_names]
        outer_index = _enter_range_index(ctx, stmt, src.below_stop, src.nonneg, rebound)
        body = prefix + prebound + lower_block(ctx, stmt.body.body)
    finally:
        ctx.pop()
        ctx.loops.pop()
    if isinstance(stmt.index, NameExpr):
        _leave_range_index(ctx, stmt.index.name, outer_index)
    loop: ir.Stmt = ir.For(pattern, values.array_if_display(src.code), body, label=frame["label"])
    if _is_range_call(stmt.expr) and ".borrow()" in src.code:
        # `range(len(node.items))`: its bounds are computed once (as in Python) before the
        # loop, so the node's `Ref` does not live on through the body
        bounded = ir.For(pattern, "node_range", body, label=frame["label"])
        loop = ir.Block([ir.Let("node_range", None, src.code), bounded])
    return _with_else(ctx, loop, stmt.else_body, frame)


def _node_handle_list(ctx: FnContext, stmt: ForStmt) -> Expr | None:
    """`for c in v.constraints:` where `v` is a node and the list holds handles: the list
    as a place (see `_for_over_node_list`)."""
    if not (isinstance(stmt.expr, MemberExpr) and isinstance(stmt.index, NameExpr)):
        return None
    if _outer_declared(ctx, stmt.index.name):
        return None
    if not class_links.aliases(ctx.module, type_of(ctx, stmt.expr.expr)):
        return None
    ty = type_of(ctx, stmt.expr)
    if not (isinstance(ty, rt.ListT) and class_links.aliases(ctx.module, ty.elem)):
        return None
    place = lower_expr(ctx, stmt.expr)
    return place if ".borrow()" in place.code else None


def _for_over_node_list(ctx: FnContext, stmt: ForStmt, items: Expr) -> Lowered:
    """Python's list iterator, by index: each step borrows the node just to take the next
    handle, so the body may change the node (or the list: the loop sees it, as in Python)."""
    assert isinstance(stmt.index, NameExpr) and isinstance(items.ty, rt.ListT)
    frame = _loop_context(ctx, stmt.else_body is not None)
    ctx.push()
    try:
        info = ctx.declare(stmt.index.name, items.ty.elem, Kind.PLACE)
        body = [ir.Assign("node_index", "+=", "1"), *lower_block(ctx, stmt.body.body)]
    finally:
        ctx.pop()
        ctx.loops.pop()
    step = f"{{ let item = {items.at(Prec.POSTFIX)}.get(node_index).cloned(); item }}"
    mut = "mut " if stmt.index.name in rebound_names(stmt.body.body) else ""
    loop = ir.While(f"let Some({mut}{info.rust_name}) = {step}", body, label=frame["label"])
    block = ir.Block([ir.Let("node_index", None, "0", mutable=True), loop])
    return _with_else(ctx, block, stmt.else_body, frame)


def _is_range_call(expr: Expression) -> bool:
    return is_builtin_call(expr, "range")


def _loop_source(ctx: FnContext, stmt: ForStmt) -> Source:
    """What the loop iterates: a copy of `graph[u]` where the body also uses `graph` (a
    Rust borrow of the list would conflict) and the copy is exact (loop_snapshots.py)."""
    from backend.transpiler.lower import loop_snapshots

    types = ctx.module.typed.types
    listed = loop_snapshots.iterated_list_type(types, stmt)
    if (
        listed is None
        or not loop_snapshots.immutable_items(listed)
        or not loop_snapshots.body_reaches_container(stmt)
        or not loop_snapshots.copy_is_exact(types, stmt, listed)
    ):
        return iter_source(ctx, stmt.expr)
    e = lower_expr(ctx, stmt.expr)
    copy = Expr(f"{e.at(Prec.POSTFIX)}.clone()", e.ty, Kind.OWNED, Prec.POSTFIX)
    return source_of_value(ctx, stmt.expr, copy)


def _index_counter_source(ctx: FnContext, stmt: ForStmt) -> Source | None:
    """`for i in range(len(xs))` whose `i` only indexes lists (transform/ranges.py): a
    `usize` counter, `for i in 0..xs.len()`, so that `xs[i]` needs no conversion."""
    reads = ctx.ranges.index_counters.get(id(stmt))
    if reads is None or not isinstance(stmt.expr, CallExpr):
        return None
    sized = stmt.expr.args[0]
    assert isinstance(sized, CallExpr)  # `len(xs)`, as the pass checked
    indexed = [ctx.module.type_of(read.base) for read in reads] + [
        ctx.module.type_of(sized.args[0])
    ]
    if not all(isinstance(ty, rt.ListT | rt.DequeT) for ty in indexed):
        return None
    base = lower_expr(ctx, sized.args[0])
    code = f"0..{base.at(Prec.POSTFIX)}.len()"
    return Source(code, f"({code})", value_shape(rt.USIZE), nonneg=True, below_stop=True)


def _enter_range_index(
    ctx: FnContext, stmt: ForStmt, below_stop: bool, nonneg: bool, rebound: frozenset[str]
) -> tuple[VarInfo, bool] | None:
    """Record a `range()` loop variable the body never rebinds (int_ops skips the overflow
    check of `i + 1` on it); returns what the name recorded before, to restore."""
    if not isinstance(stmt.index, NameExpr):
        return None
    name = stmt.index.name
    outer = ctx.range_indexes.pop(name, None)
    info = ctx.lookup(name)
    if below_stop and name not in rebound and info is not None:
        ctx.range_indexes[name] = (info, nonneg)
    return outer


def _leave_range_index(ctx: FnContext, name: str, outer: tuple[VarInfo, bool] | None) -> None:
    ctx.range_indexes.pop(name, None)
    if outer is not None:
        ctx.range_indexes[name] = outer


def _outer_declared(ctx: FnContext, name: str) -> bool:
    info = ctx.lookup(name)
    return info is not None and info.kind is Kind.PLACE and name in _plan(ctx).declarations


def _target_name_nodes(target: Expression) -> list[NameExpr]:
    if isinstance(target, NameExpr):
        return [target] if target.name != "_" else []
    if isinstance(target, TupleExpr | ListExpr):
        return [n for item in target.items for n in _target_name_nodes(item)]
    return []


def _renamed_target(target: Expression, names: set[str]) -> Expression:
    """The loop target with the names in `names` bound as `{name}_item`."""
    if isinstance(target, NameExpr) and target.name in names:
        clone = NameExpr(f"{target.name}_item")
        clone.set_line(target)
        clone.node = target.node
        clone.kind = target.kind
        return clone
    if isinstance(target, TupleExpr | ListExpr) and names:
        items = [_renamed_target(item, names) for item in target.items]
        copy = TupleExpr(items) if isinstance(target, TupleExpr) else ListExpr(items)
        copy.set_line(target)
        return copy
    return target


def _copy_out(ctx: FnContext, name: str, outer: VarInfo | None) -> ir.Stmt:
    """`i = i_item;` (the outer variable's type: an `enumerate` index is a `usize`)."""
    inner = ctx.lookup(f"{name}_item")
    assert outer is not None and inner is not None
    item = coerce(ctx, Expr(inner.rust_name, inner.ty, inner.kind), outer.ty)
    ctx.scopes[-1][name] = outer  # the body reads and writes the outer variable
    return ir.Assign(outer.rust_name, "=", values.owned(item))


def lower_break(ctx: FnContext, stmt: BreakStmt) -> Lowered:
    if not ctx.loops:
        raise Unsupported(stmt, "`break` outside a loop", "PRT320")
    from backend.transpiler.lower import exceptions

    routed = exceptions.route_loop_exit(ctx, stmt)  # inside `try ... finally`
    if routed is not None:
        return routed
    frame = ctx.loops[-1]
    if frame["break"]:
        frame["broken"] = frame["break"]
        return [ir.Break(frame["break"])]
    if ctx.try_labels and getattr(ctx, "loop_depth_at_try", [0])[-1] == len(ctx.loops):
        frame["label"] = frame["label"] or ctx.new_label("outer")
        return [ir.Break(frame["label"])]
    return [ir.Break(frame["label"] if _needs_label(ctx) else None)]


def _needs_label(ctx: FnContext) -> bool:
    """Inside a labelled `try` block, an unlabelled `break` would be rejected by rustc."""
    depth = getattr(ctx, "try_loop_depths", [])
    if depth and depth[-1] == len(ctx.loops):
        frame = ctx.loops[-1]
        frame["label"] = frame["label"] or ctx.new_label("outer")
        return True
    return False


def lower_continue(ctx: FnContext, stmt: ContinueStmt) -> Lowered:
    if not ctx.loops:
        raise Unsupported(stmt, "`continue` outside a loop", "PRT320")
    from backend.transpiler.lower import exceptions

    routed = exceptions.route_loop_exit(ctx, stmt)  # inside `try ... finally`
    if routed is not None:
        return routed
    return [ir.Continue(ctx.loops[-1]["label"] if _needs_label(ctx) else None)]


def lower_return(ctx: FnContext, stmt: ReturnStmt) -> Lowered:
    sig = ctx.sig
    if sig is not None and sig.generator:
        from backend.transpiler.lower import exceptions

        return exceptions.return_stmts(ctx, "()")  # through any `finally` on the way
    if stmt.expr is None or (
        isinstance(stmt.expr, NameExpr)
        and stmt.expr.fullname == "builtins.None"
        and sig
        and sig.ret == rt.UNIT
    ):
        none = none_of(ctx, sig.ret) if sig is not None else None
        value = None if none in (None, "()") else none  # a bare `return` returns None
    else:
        ret_t = sig.ret if sig is not None else None
        e = lower_expr(ctx, stmt.expr, ret_t)
        if isinstance(ret_t, rt.StructT) and isinstance(e.ty, rt.StructT) and e.ty != ret_t:
            # an overload's variant of the body (lower/overloads.py) on a path where the
            # implementation returns another class than that overload declares
            raise Unsupported(
                stmt, f"returning `{e.ty.name}` where `{ret_t.name}` is declared", "PRT500"
            )
        if ret_t is not None and e.ty != ret_t and _mypy_return_mismatch(ctx, stmt.line):
            e = _as_declared_return(ctx, stmt, e, ret_t)
        value = _moved_local(ctx, stmt.expr, e) or values.owned(e)
    if ctx.fallible:
        value = f"Ok({value if value is not None else '()'})"
    from backend.transpiler.lower import exceptions

    routed = exceptions.route_return(ctx, value)  # inside `try ... finally`
    return routed if routed is not None else [ir.Return(value)]


def _mypy_return_mismatch(ctx: FnContext, line: int) -> bool:
    pattern = re.compile(rf"^[^:]*:{line}:(?:\d+:)? error: Incompatible return value type")
    return any(pattern.match(message) for message in ctx.module.typed.errors)


def _as_declared_return(ctx: FnContext, stmt: ReturnStmt, e: Expr, ret_t: rt.RType) -> Expr:
    """A returned value whose type mypy rejects (`tuple[float, ...] | None` from a function
    declared `-> tuple[float, float]`): the values the declared type holds are converted;
    the others (None, another length) have no translation: one reported placeholder."""
    optional = isinstance(e.ty, rt.OptionT) and not isinstance(ret_t, rt.OptionT)
    value_t = e.ty.inner if isinstance(e.ty, rt.OptionT) and optional else e.ty
    to_tuple = (
        isinstance(ret_t, rt.TupleT)
        and isinstance(value_t, rt.ListT)
        and all(item == value_t.elem for item in ret_t.items)
    )
    if not to_tuple and (not optional or value_t != ret_t):
        return e  # (rustc reports the mismatch)
    n = len(ret_t.items) if isinstance(ret_t, rt.TupleT) else 0
    problems = (["None"] if optional else []) + ([f"a tuple of another length than {n}"] * to_tuple)
    what = f"returning {' or '.join(problems)} where the declared return type does not admit it"
    todo = ctx.module.placeholder(stmt, what, "PRT317")
    value = "v" if optional else values.owned(e)
    if to_tuple:
        assert isinstance(value_t, rt.ListT)
        names = ", ".join(f"v{i}" for i in range(n))
        array = f"<[{value_t.elem.render()}; {n}]>::try_from({value})"
        value = f"match {array} {{ Ok([{names}]) => ({names}), Err(_) => {todo} }}"
    if optional:
        value = f"match {values.owned(e)} {{ Some(v) => {value}, None => {todo} }}"
    return Expr(value, ret_t, Kind.OWNED)


def _moved_local(ctx: FnContext, node: Expression, e: Expr) -> str | None:
    """`return out` of a local variable the function owns: moved, not cloned (nothing
    reads a local after the function returns). Not inside `try`/`finally` (a `finally`
    runs after the return and may read it) or a closure (it cannot move out a capture)."""
    from backend.transpiler.lower import exceptions

    if not (isinstance(node, NameExpr) and node.kind == LDEF and e.kind is Kind.PLACE):
        return None
    info = ctx.lookup(node.name)
    if info is None or info.kind is not Kind.PLACE or e.code != info.rust_name:
        return None
    return e.code if exceptions.returns_directly(ctx) else None


def lower_expression_stmt(ctx: FnContext, stmt: ExpressionStmt) -> Lowered:
    expr = stmt.expr
    if isinstance(expr, StrExpr | EllipsisExpr):
        return []  # docstrings and `...` do nothing
    if isinstance(expr, YieldExpr | YieldFromExpr):
        from backend.transpiler.lower import generators

        return generators.lower_yield_stmt(ctx, stmt)
    e = lower_expr(ctx, expr)
    if isinstance(expr, CallExpr):
        discards_value = (
            e.ty not in (rt.UNIT,)
            and not isinstance(e.ty, rt.UnknownT)
            and not e.code.endswith("!()")
            and "println!" not in e.code
            and "print!" not in e.code
            and e.kind is Kind.OWNED
            and not isinstance(e.ty, rt.IterT)
            and not e.code.startswith("assert!")
        )
        if discards_value and _must_use(e):
            return [ir.Let("_", None, e.code)]
        return [ir.ExprStmt(e.code)]
    return [ir.Let("_", None, e.code)]


def _must_use(e: Expr) -> bool:
    return isinstance(e.ty, rt.ResultT) or (
        e.code.endswith(".pop()") is False
        and e.ty != rt.UNIT
        and "(" in e.code
        and (e.code.rstrip(")").endswith("collect::<Vec<_>>(") or ".to_" in e.code)
    )


def lower_pass(ctx: FnContext, stmt: PassStmt) -> Lowered:
    return []


def lower_assert(ctx: FnContext, stmt: AssertStmt) -> Lowered:
    cond = values.truthy(ctx, stmt.expr, lower_expr(ctx, stmt.expr)).code
    if stmt.msg is not None:
        msg = lower_expr(ctx, stmt.msg)
        return [ir.ExprStmt(f'assert!({cond}, "AssertionError: {{}}", {msg.code})')]
    return [ir.ExprStmt(f'assert!({cond}, "AssertionError")')]


def _delete_local(ctx: FnContext, name: str) -> Lowered:
    """`del x`: the value is released now (a generator closes, running its `finally`);
    a borrowed or `Copy` value has nothing to release, and mypy rejects later reads."""
    info = ctx.lookup(name)
    assert info is not None
    if info.kind in (Kind.BORROWED, Kind.MUT_BORROWED) or info.ty.is_copy:
        return []
    return [ir.ExprStmt(f"drop({info.rust_name})")]


def lower_del(ctx: FnContext, stmt: DelStmt) -> Lowered:
    target = stmt.expr
    targets = target.items if isinstance(target, TupleExpr) else [target]
    out: Lowered = []
    for item in targets:
        if isinstance(item, NameExpr) and ctx.lookup(item.name) is not None:
            out.extend(_delete_local(ctx, item.name))
            continue
        if not isinstance(item, IndexExpr):
            raise Unsupported(stmt, "`del` of a global or an attribute", "PRT330")
        base = lower_expr(ctx, item.base)
        if isinstance(base.ty, rt.DictT):
            key = key_ref(lower_expr(ctx, item.index, base.ty.key))
            out.append(ir.ExprStmt(f'{base.at(Prec.POSTFIX)}.remove({key}).expect("KeyError")'))
        elif isinstance(base.ty, rt.ListT):
            if isinstance(item.index, SliceExpr):
                from backend.transpiler.lower.subscripts import delete_slice

                out.append(ir.ExprStmt(delete_slice(ctx, item.base, item.index)))
                continue
            prelude, place = store_place(ctx, item)
            index = place.code[len(base.at(Prec.POSTFIX)) + 1 : -1]
            removal = ir.ExprStmt(f"{base.at(Prec.POSTFIX)}.remove({index})")
            out.extend(_with_prelude(prelude, removal))
        else:
            raise Unsupported(stmt, f"`del` on {base.ty.render()}", "PRT330")
    return out


def lower_nested_def(ctx: FnContext, stmt: FuncDef) -> Lowered:
    from backend.transpiler.lower import closures

    return closures.lower_nested_function(ctx, stmt)


def lower_nested_decorated(ctx: FnContext, stmt: Decorator) -> Lowered:
    """`@lru_cache` / `@cache` on an inner `def`: a memo table local to the outer call."""
    from backend.transpiler.lower import closures, nested_fns

    if not nested_fns.memo_decorator(stmt):
        what = "a decorator on a nested function other than @lru_cache/@cache"
        raise Unsupported(stmt, what, "PRT300")
    return closures.lower_nested_function(ctx, stmt.func, memo=True)


def lower_import(ctx: FnContext, stmt: Statement) -> Lowered:
    return []  # imports only bring names into scope; lowering resolves them by fullname


def lower_raise(ctx: FnContext, stmt: RaiseStmt) -> Lowered:
    from backend.transpiler.lower import exceptions

    return exceptions.lower_raise(ctx, stmt)


def lower_try(ctx: FnContext, stmt: TryStmt) -> Lowered:
    from backend.transpiler.lower import exceptions

    return exceptions.lower_try(ctx, stmt)


def lower_global(ctx: FnContext, stmt: Statement) -> Lowered:
    names: set[str] = getattr(ctx.module, "mutable_globals", set())
    names = names | set(getattr(ctx.module, "module_slots", {}))  # thread-local handles
    missing = [n for n in stmt.names if n not in names]  # type: ignore[attr-defined]
    if missing:
        raise Unsupported(
            stmt, f"`global {missing[0]}` of a name not assigned at module level", "PRT340"
        )
    return []  # the module-level state itself (lower/module_state.py)


def lower_nonlocal(ctx: FnContext, stmt: Statement) -> Lowered:
    return []  # the closure captures the variable itself (lower/closures.py)


_STATEMENTS: dict[type, Callable[[FnContext, Statement], Lowered]] = {
    AssignmentStmt: lower_assignment,  # type: ignore[dict-item]
    OperatorAssignmentStmt: lower_aug_assign,  # type: ignore[dict-item]
    IfStmt: lower_if,  # type: ignore[dict-item]
    WhileStmt: lower_while,  # type: ignore[dict-item]
    ForStmt: lower_for,  # type: ignore[dict-item]
    BreakStmt: lower_break,  # type: ignore[dict-item]
    ContinueStmt: lower_continue,  # type: ignore[dict-item]
    ReturnStmt: lower_return,  # type: ignore[dict-item]
    ExpressionStmt: lower_expression_stmt,  # type: ignore[dict-item]
    PassStmt: lower_pass,  # type: ignore[dict-item]
    AssertStmt: lower_assert,  # type: ignore[dict-item]
    DelStmt: lower_del,  # type: ignore[dict-item]
    FuncDef: lower_nested_def,  # type: ignore[dict-item]
    Decorator: lower_nested_decorated,  # type: ignore[dict-item]
    Import: lower_import,
    ImportFrom: lower_import,
    ImportAll: lower_import,
    RaiseStmt: lower_raise,  # type: ignore[dict-item]
    TryStmt: lower_try,  # type: ignore[dict-item]
    GlobalDecl: lower_global,
    NonlocalDecl: lower_nonlocal,
}
