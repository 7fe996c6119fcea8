"""Functions: signatures (borrow/mutate/own each parameter), bodies, lambdas, nested defs."""

from __future__ import annotations

from mypy.nodes import ARG_OPT, ARG_POS, FuncDef, LambdaExpr, ReturnStmt
from mypy.types import CallableType, get_proper_type

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.mutation import FunctionFacts
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import (
    FnContext,
    FuncSig,
    ModuleContext,
    ParamSig,
    Unsupported,
    rust_ident,
    span_of,
)


def is_generator(fn: FuncDef) -> bool:
    return bool(fn.is_generator)


def build_signature(
    module: ModuleContext, fullname: str, fn: FuncDef, owner: str | None = None
) -> FuncSig:
    facts = module.mutation.of(fullname)
    typ = get_proper_type(fn.type) if fn.type is not None else None
    arg_types = list(typ.arg_types) if isinstance(typ, CallableType) else [None] * len(fn.arguments)
    ret_t = module.map_type(typ.ret_type) if isinstance(typ, CallableType) else rt.UNKNOWN
    if isinstance(typ, CallableType) and fn.is_generator:
        ret_t = _generator_item(module, typ)
    params = []
    args = fn.arguments
    self_mode = None
    start = 0
    if owner is not None and not fn.is_static:
        start = 1
        mutates_self = facts is not None and "self" in facts.mutated
        self_mode = "&mut self" if mutates_self else "&self"
        if fn.name == "__init__":
            self_mode = None
    for arg, arg_t in zip(args[start:], arg_types[start:], strict=False):
        if arg.kind not in (ARG_POS, ARG_OPT):
            raise Unsupported(fn, "`*args`, `**kwargs` or keyword-only parameters", "PRT200")
        ty = module.map_type(arg_t)
        name = arg.variable.name
        mode = _param_mode(ty, name, facts, fn.is_generator)
        rebound = bool(facts and facts.rebinds(name))
        params.append(ParamSig(name, ty, mode, arg.initializer, rebound))
    return FuncSig(
        rust_name=rust_ident(fn.name),
        params=params,
        ret=ret_t,
        fallible=module.raising.raises(fullname),
        generator=fn.is_generator,
        self_mode=self_mode,
        owner=owner,
        is_static=bool(fn.is_static),
    )


def _generator_item(module: ModuleContext, typ: CallableType) -> rt.RType:
    ret = module.map_type(typ.ret_type)
    if isinstance(ret, rt.IterT):
        return ret
    return rt.IterT(rt.UNKNOWN)


def _param_mode(ty: rt.RType, name: str, facts: FunctionFacts | None, generator: bool) -> str:
    if ty.is_copy or isinstance(ty, rt.FnT | rt.IterT):
        return "value"
    if generator:
        return "owned"  # the generator body outlives the call
    if facts is not None and facts.mutates_param(name):
        return "mut"
    return "ref"


def param_type_text(param: ParamSig) -> str:
    ty = param.ty
    if param.mode == "mut":
        if isinstance(ty, rt.ListT):
            return f"&mut Vec<{ty.elem.render()}>"
        return f"&mut {ty.render()}"
    if param.mode == "ref":
        return rt.borrowed(ty)
    return ty.render()


def return_type_text(sig: FuncSig) -> str | None:
    ret = sig.ret
    text = None if ret == rt.UNIT else ret.render()
    if sig.fallible:
        sig_ok = "()" if text is None else text
        return f"Result<{sig_ok}, PyException>"
    if isinstance(ret, rt.UnknownT):
        return None
    return text


def declare_params(ctx: FnContext, sig: FuncSig) -> list[ir.Stmt]:
    """Bind parameters in scope; rebound borrowed ones get a private owned copy."""
    prologue: list[ir.Stmt] = []
    for param in sig.params:
        kind = {"ref": Kind.BORROWED, "mut": Kind.MUT_BORROWED}.get(param.mode, Kind.PLACE)
        if param.mode == "ref" and isinstance(param.ty, rt.OptionT):
            kind = Kind.BORROWED
        info = ctx.declare(param.name, param.ty, kind)
        if param.rebound and param.mode == "ref":
            copy = values.owned(Expr(info.rust_name, param.ty, Kind.BORROWED))
            prologue.append(ir.Let(info.rust_name, None, copy, mutable=True))
            info.kind = Kind.PLACE
    return prologue


def lower_function(
    module: ModuleContext, fullname: str, fn: FuncDef, sig: FuncSig
) -> ir.Function:
    from backend.transpiler.lower import generators, statements

    facts = module.mutation.of(fullname)
    ctx = FnContext(module, sig, facts, fn)
    prologue = declare_params(ctx, sig)
    for param in sig.params:
        module.note_type(param.ty)
    module.note_type(sig.ret)
    if sig.fallible:
        module.use_helper("py_exception")
    if sig.generator:
        body = generators.lower_generator_body(ctx, fn)
    else:
        body = prologue + statements.lower_body(ctx, fn.body.body, is_function_body=True)
    params = [
        ir.Param(
            rust_ident(p.name),
            param_type_text(p),
            mutable=p.mode == "value" and p.rebound and not isinstance(p.ty, rt.FnT),
        )
        for p in sig.params
    ]
    if sig.generator:
        params = [ir.Param(p.name, p.ty.replace("&mut ", ""), p.mutable) for p in params]
    return ir.Function(
        name=sig.rust_name,
        params=params,
        ret=return_type_text(sig) if not sig.generator else sig.ret.render(),
        body=body,
        doc=_docstring(fn),
        self_param=sig.self_mode,
        span=span_of(fn),
    )


def _docstring(fn: FuncDef) -> list[str]:
    body = fn.body.body
    if body and type(body[0]).__name__ == "ExpressionStmt":
        expr = body[0].expr  # type: ignore[attr-defined]
        if type(expr).__name__ == "StrExpr":
            return [line.strip() for line in expr.value.strip().splitlines()]
    return []


# ---- lambdas ----


def lower_lambda(ctx: FnContext, node: LambdaExpr) -> Expr:
    fn_t = ctx.module.type_of(node)
    params = list(fn_t.params) if isinstance(fn_t, rt.FnT) else [rt.UNKNOWN] * len(node.arguments)
    return lower_lambda_with(ctx, node, params, by_ref=False, annotate=True)


def lower_lambda_with(
    ctx: FnContext,
    node: LambdaExpr,
    param_types: list[rt.RType],
    by_ref: bool,
    annotate: bool = False,
) -> Expr:
    """A closure; `by_ref` when the caller passes `&T` (sort keys, filters)."""
    ctx.push()
    pats = []
    for arg, ty in zip(node.arguments, param_types, strict=False):
        name = arg.variable.name
        ident = rust_ident(name)
        if by_ref:
            if ty.is_copy:
                ctx.declare(name, ty, Kind.PLACE)
                pats.append(f"&{ident}")
            else:
                ctx.declare(name, ty, Kind.BORROWED)
                pats.append(ident)
        elif annotate and not isinstance(ty, rt.UnknownT):
            kind = Kind.PLACE if ty.is_copy else Kind.BORROWED
            ctx.declare(name, ty, kind)
            pats.append(f"{ident}: {ty.render() if ty.is_copy else rt.borrowed(ty)}")
        else:
            ctx.declare(name, ty, Kind.PLACE)
            pats.append(ident)
    body = node.body.body
    ret_node = body[-1] if body else None
    if not isinstance(ret_node, ReturnStmt) or ret_node.expr is None:
        ctx.pop()
        raise Unsupported(node, "lambda body", "PRT201")
    from backend.transpiler.lower.expressions import lower_expr

    result = lower_expr(ctx, ret_node.expr)
    ctx.pop()
    code = f"|{', '.join(pats)}| {values.owned(result)}"
    fn_t = rt.FnT(tuple(param_types), result.ty)
    return Expr(code, fn_t, Kind.OWNED, Prec.CLOSURE)
