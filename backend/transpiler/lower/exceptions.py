"""Exceptions: `raise` and `try` as Rust `Result`s.

A function that can raise returns `Result<T, PyException>`; calls propagate with `?`.
A `try` body is a labelled block: an error stores itself in the block's error slot and
breaks out, then the handlers test the error's kind (including subclasses) in order.
"""

from __future__ import annotations

from mypy.nodes import CallExpr, Expression, NameExpr, RaiseStmt, RefExpr, TryStmt

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.raising import handler_names, raised_kind
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import FnContext, Unsupported, span_of
from backend.transpiler.lower.expressions import lower_expr


def propagate(ctx: FnContext, node: Expression, result: Expr) -> Expr:
    """A `Result`-returning call, unwrapped the way the surrounding code handles errors."""
    ctx.module.use_helper("py_exception")
    if ctx.try_labels:
        label, slot = ctx.try_labels[-1], ctx.error_slots[-1]
        mark_try_used(ctx)
        code = (
            f"match {result.code} {{ Ok(value) => value, Err(err) => "
            f"{{ {slot} = Some(err); break '{label}; }} }}"
        )
        return Expr(code, result.ty, Kind.OWNED, Prec.ATOM)
    if ctx.fallible and ctx.closure_depth == 0:
        return Expr(f"{result.at(Prec.POSTFIX)}?", result.ty, Kind.OWNED, Prec.POSTFIX)
    ctx.module.use_helper("py_uncaught")
    return Expr(f"{result.at(Prec.POSTFIX)}.unwrap_or_else(|e| py_uncaught(e))", result.ty, Kind.OWNED, Prec.POSTFIX)


def mark_try_used(ctx: FnContext) -> None:
    used = getattr(ctx, "try_used", None)
    if used:
        used[-1] = True


def exception_value(ctx: FnContext, node: Expression) -> str:
    """`PyException::new("Kind", message)` for the raised expression."""
    ctx.module.use_helper("py_exception")
    if isinstance(node, CallExpr) and isinstance(node.callee, RefExpr):
        kind = node.callee.name
        if not node.args:
            return f'PyException::new("{kind}", "")'
        if len(node.args) > 1:
            raise Unsupported(node, "exception with several arguments", "PRT400")
        arg = lower_expr(ctx, node.args[0])
        if kind == "KeyError":
            message = values.repr_of(ctx.module, arg)
        else:
            message = values.str_of(ctx.module, arg)
        return f'PyException::new("{kind}", {message})'
    if isinstance(node, RefExpr):
        return f'PyException::new("{node.name}", "")'
    e = lower_expr(ctx, node)
    if isinstance(e.ty, rt.StructT) and e.ty.name == "PyException":
        return values.owned(e)
    raise Unsupported(node, "raising a computed exception", "PRT400")


def lower_raise(ctx: FnContext, stmt: RaiseStmt) -> list[ir.Stmt]:
    if stmt.expr is None:
        handler_var = getattr(ctx, "handler_vars", [])
        if not handler_var:
            raise Unsupported(stmt, "bare `raise` outside an except block", "PRT401")
        exc = f"{handler_var[-1]}.clone()"
    else:
        exc = exception_value(ctx, stmt.expr)
    return raise_value(ctx, exc)


def raise_value(ctx: FnContext, exc: str) -> list[ir.Stmt]:
    if ctx.try_labels:
        mark_try_used(ctx)
        return [
            ir.Assign(ctx.error_slots[-1], "=", f"Some({exc})"),
            ir.Break(ctx.try_labels[-1]),
        ]
    if ctx.fallible and ctx.closure_depth == 0:
        return [ir.Return(f"Err({exc})")]
    ctx.module.use_helper("py_uncaught")
    return [ir.ExprStmt(f"py_uncaught({exc})")]


def lower_try(ctx: FnContext, stmt: TryStmt) -> list[ir.Stmt]:
    from backend.transpiler.lower.statements import _scoped_block

    if stmt.finally_body is not None and _contains_return(stmt.body.body):
        raise Unsupported(stmt, "`return` inside `try` with `finally`", "PRT402")
    label = ctx.new_label("attempt")
    slot = f"error_{label.split('_')[-1]}"
    ctx.try_labels.append(label)
    ctx.error_slots.append(slot)
    used: list[bool] = getattr(ctx, "try_used", [])
    used.append(False)
    ctx.try_used = used  # type: ignore[attr-defined]
    depths: list[int] = getattr(ctx, "try_loop_depths", [])
    depths.append(len(ctx.loops))
    ctx.try_loop_depths = depths  # type: ignore[attr-defined]
    try:
        body = _scoped_block(ctx, stmt.body)
    finally:
        ctx.try_labels.pop()
        ctx.error_slots.pop()
        depths.pop()
        was_used = used.pop()
    out: list[ir.Stmt] = []
    else_body = _scoped_block(ctx, stmt.else_body) if stmt.else_body is not None else []
    if not was_used:
        if stmt.handlers:
            ctx.module.diagnose(
                stmt,
                "the `except` clauses are not translated: nothing in the `try` body raises "
                "a Python exception in the translation (errors such as IndexError are panics)",
                "PRT403",
            )
        out.extend(body)
        out.extend(else_body)
    else:
        ctx.module.use_helper("py_exception")
        out.append(ir.Let(slot, "Option<PyException>", "None", mutable=True))
        out.append(ir.Block(body, label=label))
        out.extend(_handlers(ctx, stmt, slot, else_body))
    if stmt.finally_body is not None:
        out.extend(_scoped_block(ctx, stmt.finally_body))
    return out


def _handlers(ctx: FnContext, stmt: TryStmt, slot: str, else_body: list[ir.Stmt]) -> list[ir.Stmt]:
    from backend.transpiler.lower.statements import _scoped_block

    hierarchy = ctx.module.hierarchy
    chain: ir.If | None = None
    current: ir.If | None = None
    catch_all: list[ir.Stmt] | None = None
    for typ, var, handler in zip(stmt.types, stmt.vars, stmt.handlers, strict=True):
        names = handler_names(TryStmt(stmt.body, [typ], [var], [handler], None, None))
        ctx.push()
        if var is not None:
            ctx.declare(var.name, rt.StructT("PyException"), Kind.BORROWED)
        bound = var.name if var is not None else "err"
        hv: list[str] = getattr(ctx, "handler_vars", [])
        hv.append(bound)
        ctx.handler_vars = hv  # type: ignore[attr-defined]
        try:
            body = _scoped_block(ctx, handler)
        finally:
            hv.pop()
            ctx.pop()
        if any(n is None or n in ("Exception",) for n in names):
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
    rethrow = raise_value(ctx, "err")
    fallback = catch_all if catch_all is not None else rethrow
    if chain is None:
        handled: list[ir.Stmt] = fallback
    else:
        assert current is not None
        current.orelse = fallback
        handled = [chain]
    bindings = {var.name for var in stmt.vars if var is not None}
    pattern = "Some(err)"
    if len(bindings) == 1:
        only = bindings.pop()
        pattern = f"Some({only})" if only == "err" else "Some(err)"
        if only != "err":
            handled = [ir.Let(only, None, "&err"), *handled]
    arms = [ir.MatchArm(pattern, handled), ir.MatchArm("None", else_body)]
    return [ir.Match(slot, arms, span=span_of(stmt))]


def _contains_return(stmts) -> bool:  # type: ignore[no-untyped-def]
    from mypy.nodes import ReturnStmt

    from backend.transpiler.analyze.walk import Walker

    found = []

    class Finder(Walker):
        def visit_ReturnStmt(self, o: ReturnStmt) -> None:
            found.append(o)

        def visit_FuncDef(self, o: object) -> None:
            return

    Finder().visit_all(stmts)
    return bool(found)


def handler_kind(node: Expression) -> str | None:
    if isinstance(node, NameExpr):
        return node.name
    return None


__all__ = ["lower_raise", "lower_try", "propagate", "raised_kind"]
