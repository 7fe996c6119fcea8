"""Nested functions: a nested `fn` when it captures nothing, a closure when it does."""

from __future__ import annotations

from mypy.nodes import LDEF, FuncDef, NameExpr

from backend.transpiler import ir
from backend.transpiler.analyze.mutation import collect_facts
from backend.transpiler.analyze.walk import Walker
from backend.transpiler.emit import INDENT, emit_module
from backend.transpiler.ir import Kind
from backend.transpiler.lower import functions
from backend.transpiler.lower.context import FnContext, Unsupported


def captured_names(fn: FuncDef, outer: FnContext) -> set[str]:
    params = {a.variable.name for a in fn.arguments}
    found: set[str] = set()

    class Finder(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            if o.kind == LDEF and o.name not in params and outer.lookup(o.name) is not None:
                found.add(o.name)

    Finder().visit(fn.body)
    return found


def lower_nested_function(ctx: FnContext, fn: FuncDef) -> list[ir.Stmt]:
    module = ctx.module
    facts = collect_facts(fn)
    module.mutation.facts[fn.fullname] = facts
    sig = functions.build_signature(module, fn.fullname, fn)
    module.signatures[fn.fullname] = sig
    captures = captured_names(fn, ctx)
    if not captures:
        item = functions.lower_function(module, fn.fullname, fn, sig)
        text = emit_module(ir.Module([], [item], [])).code.rstrip("\n").split("\n")
        return [ir.RawStmt(text)]
    if fn.is_generator:
        raise Unsupported(fn, "nested generator capturing outer variables", "PRT610")
    inner = FnContext(module, sig, facts, fn)
    inner.scopes = [dict(scope) for scope in ctx.scopes] + [{}]
    inner.closure_depth = ctx.closure_depth + 1
    for param in sig.params:
        kind = {"ref": Kind.BORROWED, "mut": Kind.MUT_BORROWED}.get(param.mode, Kind.PLACE)
        inner.declare(param.name, param.ty, kind)
    from backend.transpiler.lower.statements import lower_body

    body = lower_body(inner, fn.body.body, is_function_body=True)
    params = ", ".join(f"{p.name}: {functions.param_type_text(p)}" for p in sig.params)
    ret = functions.return_type_text(sig)
    head = f"let {sig.rust_name} = |{params}|" + (f" -> {ret}" if ret else "") + " {"
    holder = ir.Function("body", [], None, body)
    lines = emit_module(ir.Module([], [holder], [])).code.rstrip("\n").split("\n")[1:-1]
    lines = [line[len(INDENT):] if line.startswith(INDENT) else line for line in lines]
    return [ir.RawStmt([head, *[INDENT + line for line in lines], "};"])]
