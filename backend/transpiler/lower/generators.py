"""Generator functions: a lazy `PyGenerator` whose body is an `async` block that rustc turns
into a state machine, one resume point per `yield`; it runs in lock-step with its consumer,
so infinite generators consumed with `break` and interleaved side effects behave as in Python."""

from __future__ import annotations

from mypy.nodes import Expression, ExpressionStmt, FuncDef, YieldExpr, YieldFromExpr
from mypy.types import Instance, get_proper_type

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.emit import INDENT, emit_module
from backend.transpiler.ir import Kind
from backend.transpiler.lower import values
from backend.transpiler.lower.context import FnContext, Unsupported
from backend.transpiler.lower.expressions import lower_expr


def lower_generator_body(ctx: FnContext, fn: FuncDef, prologue: list[ir.Stmt]) -> list[ir.Stmt]:
    """The body inside `PyGenerator::new(move |co| async move { ... })`; `prologue`
    (parameter setup) runs inside too, at the first `next()` as in Python."""
    from backend.transpiler.lower.declarations import plan_declarations
    from backend.transpiler.lower.statements import _ends_diverging, lower_body

    ctx.module.use_helper("py_generator")
    ctx.in_generator = True
    ctx.closure_depth += 1
    ctx.generator_depth = ctx.closure_depth
    params = {p.name for p in ctx.sig.params} if ctx.sig else set()
    mutated = ctx.facts.mutated if ctx.facts else set()
    receiver = ctx.lookup("self")
    outside: list[ir.Stmt] = []
    if receiver is not None:
        # the body outlives the call: it works on its own copy of the object
        params.add("self")
        outside.append(ir.Let("this", None, "self.clone()"))
        ctx.declare("self", receiver.ty, Kind.PLACE, rust_name="this")
    ctx.plan = plan_declarations(fn.body.body, params, mutated)  # type: ignore[attr-defined]
    body = prologue + lower_body(ctx, fn.body.body)
    ctx.closure_depth -= 1
    if not _ends_diverging(fn.body.body):
        body.append(ir.RawStmt(["Some(())"]))
    inner = _render(body)
    lines = ["PyGenerator::new(move |co| async move {", *[INDENT + line for line in inner], "})"]
    return [*outside, ir.RawStmt(lines)]


def _render(body: list[ir.Stmt]) -> list[str]:
    fn = ir.Function("body", [], None, body)
    text = emit_module(ir.Module([], [fn], [])).code
    lines = text.rstrip("\n").split("\n")[1:-1]
    return [line[len(INDENT) :] if line.startswith(INDENT) else line for line in lines]


def _is_str(ctx: FnContext, expr: Expression) -> bool:
    typ = get_proper_type(ctx.module.mypy_type(expr))
    return isinstance(typ, Instance) and typ.type.fullname == "builtins.str"


def lower_yield_stmt(ctx: FnContext, stmt: ExpressionStmt) -> list[ir.Stmt]:
    expr = stmt.expr
    if isinstance(expr, YieldFromExpr):
        inner = lower_expr(ctx, expr.expr)
        from backend.transpiler.lower.builtins import _owned_items
        from backend.transpiler.lower.iteration import source_of_value

        src = source_of_value(ctx, expr.expr, inner)
        items = _owned_items(src.iterator, src.shape)
        # Python's str yields one-character strings; Rust's `chars()` yields `char`s.
        item = "item.to_string()" if _is_str(ctx, expr.expr) else "item"
        return [ir.For("item", values.unparenthesized_range(items), _suspend(ctx, item))]
    assert isinstance(expr, YieldExpr)
    if not ctx.in_generator:
        raise Unsupported(stmt, "`yield` outside a generator function", "PRT600")
    sig = ctx.sig
    elem = sig.ret.elem if sig is not None and isinstance(sig.ret, rt.IterT) else None
    if expr.expr is None:
        return _suspend(ctx, "()")
    value = lower_expr(ctx, expr.expr, elem)
    return _suspend(ctx, values.owned(value))


def _suspend(ctx: FnContext, value: str) -> list[ir.Stmt]:
    """`yield value`. Resuming gives `None` when the generator is closed (dropped while
    suspended): Python raises GeneratorExit there, so the body leaves through its
    `finally` blocks, which the routed return runs."""
    from backend.transpiler.lower import exceptions

    resumed = f"co.yield_({value}).await"
    closing = exceptions.route_return(ctx, None)
    if closing is None:
        return [ir.ExprStmt(f"{resumed}?")]
    return [ir.If(f"{resumed}.is_none()", closing)]
