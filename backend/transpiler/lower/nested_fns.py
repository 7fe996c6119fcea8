"""Nested functions that a Rust closure cannot express: a recursive `def` inside a function
(a closure cannot name itself), and a memoised one (`@lru_cache`/`@cache` on an inner
`def`, whose table belongs to one call of the enclosing function).

Such a function becomes a nested `fn` item; what it reads of the enclosing function comes
in as extra parameters (`&T` for objects, values for Copy types), and a memo table is one
more `&mut PyDict` parameter, created by the enclosing function where the `def` stood. Every
call site passes them: the extra parameters carry the captured names as defaults, so
`calls.bind_arguments` fills them in (the outer function passes `&vocab`, the recursive call
inside passes its own `vocab` on).
"""

from __future__ import annotations

from mypy.nodes import CallExpr, Decorator, FuncDef, NameExpr, RefExpr

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.mutation import loop_targets, written_captures
from backend.transpiler.analyze.walk import Walker
from backend.transpiler.emit import emit_module
from backend.transpiler.lower import functions
from backend.transpiler.lower.context import FnContext, FuncSig, ParamSig, Unsupported, rust_ident

MEMO_DECORATORS = frozenset({"functools.lru_cache", "functools.cache"})


def memo_decorator(dec: Decorator) -> bool:
    """`@lru_cache`, `@lru_cache(maxsize=None)`, `@cache` (and nothing else)."""
    if len(dec.decorators) != 1:
        return False
    node = dec.decorators[0]
    target = node.callee if isinstance(node, CallExpr) else node
    return isinstance(target, RefExpr) and target.fullname in MEMO_DECORATORS


def lower_as_fn_item(ctx: FnContext, fn: FuncDef, captures: set[str], memo: bool) -> list[ir.Stmt]:
    """The nested `fn` item(s) for `fn`, plus the memo table's `let` in the outer body."""
    module = ctx.module
    facts = module.mutation.facts[fn.fullname]
    if fn.is_generator:
        raise Unsupported(fn, "nested generator capturing outer variables", "PRT610")
    captures = captures - loop_targets(fn)
    _no_sibling_calls(ctx, fn)
    written = written_captures(fn, facts) & captures
    if not _only_called(ctx, fn):
        raise Unsupported(fn, f"recursive nested function `{fn.name}` used as a value", "PRT212")
    sig = module.signatures[fn.fullname]
    own_params = list(sig.params)
    sig.params = own_params + [
        _capture_param(ctx, fn, name, name in written) for name in sorted(captures)
    ]
    memo_name = f"{fn.name}_memo"
    if memo:
        sig.params.append(_memo_param(fn, own_params, sig, memo_name))
    item = functions.lower_function(module, fn.fullname, fn, sig)
    items: list[ir.Item] = [item]
    out: list[ir.Stmt] = []
    if memo:
        items = [_memo_wrapper(item, own_params, sig, memo_name), item]
        item.name = f"{item.name}_uncached"
        item.doc = []
        module.use_helper("py_dict")
        table_t = sig.params[-1].ty
        module.note_type(table_t)
        ctx.declare(memo_name, table_t)
        out.append(ir.Let(rust_ident(memo_name), table_t.render(), "PyDict::new()", mutable=True))
    text = emit_module(ir.Module([], items, [])).code.rstrip("\n").split("\n")
    return [ir.RawStmt(text), *out]


def _capture_param(ctx: FnContext, fn: FuncDef, name: str, written: bool) -> ParamSig:
    """What the function reads comes in as `&T` (or a Copy value); what it changes, in
    place or by `nonlocal` rebinding, as `&mut T` to the enclosing function's variable."""
    info = ctx.lookup(name)
    assert info is not None
    ty = info.ty
    if isinstance(ty, rt.FnT):
        raise Unsupported(
            fn, f"recursive nested function that calls the local function `{name}`", "PRT212"
        )
    mode = "mut" if written else "value" if ty.is_copy else "ref"
    return ParamSig(name, ty, mode, default=_a_use_of(fn, name))


def _a_use_of(fn: FuncDef, name: str) -> NameExpr:
    """A NameExpr of the captured variable (typed by mypy) to stand as the default."""
    found: list[NameExpr] = []

    class Finder(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            if o.name == name and not found:
                found.append(o)

    Finder().visit(fn.body)
    return found[0] if found else NameExpr(name)


def _memo_param(fn: FuncDef, own: list[ParamSig], sig: FuncSig, memo_name: str) -> ParamSig:
    if any(p.ty == rt.FLOAT or (not p.ty.is_copy and not p.ty.is_ord) for p in own):
        raise Unsupported(fn, "lru_cache on unhashable parameters", "PRT211")
    key_t = own[0].ty if len(own) == 1 else rt.TupleT(tuple(p.ty for p in own))
    table = rt.DictT(key_t, sig.ret)
    use = NameExpr(memo_name)
    use.set_line(fn)
    return ParamSig(memo_name, table, "mut", default=use)


def _memo_wrapper(
    item: ir.Function, own: list[ParamSig], sig: FuncSig, memo_name: str
) -> ir.Function:
    """`fn f(args.., memo)`: the table's entry for the arguments, else the body's result
    (computed once, stored)."""
    keys = [rust_ident(p.name) if p.ty.is_copy else f"{rust_ident(p.name)}.to_owned()" for p in own]
    key = keys[0] if len(keys) == 1 else f"({', '.join(keys)})"
    memo = rust_ident(memo_name)
    args = ", ".join(p.name for p in item.params)
    ok = ("Ok(", ")") if sig.fallible else ("", "")
    hit, copy = ("*hit", "result") if sig.ret.is_copy else ("hit.clone()", "result.clone()")
    unwrap = "?" if sig.fallible else ""
    body: list[ir.Stmt] = [
        ir.Let("key", None, key),
        ir.RawStmt(
            [f"if let Some(hit) = {memo}.get(&key) {{", f"    return {ok[0]}{hit}{ok[1]};", "}"]
        ),
        ir.Let("result", None, f"{item.name}_uncached({args}){unwrap}"),
        ir.ExprStmt(f"{memo}.insert(key, {copy})"),
        ir.RawStmt([f"{ok[0]}result{ok[1]}"]),
    ]
    params = [ir.Param(p.name, p.ty, mutable=False) for p in item.params]
    return ir.Function(item.name, params, item.ret, body, doc=item.doc, span=item.span)


def _sibling_defs(ctx: FnContext) -> list[FuncDef]:
    """The nested defs of the enclosing function (at any depth of its body)."""
    found: list[FuncDef] = []

    class Siblings(Walker):
        def visit_FuncDef(self, o: FuncDef) -> None:
            found.append(o)  # (mypy names a nested def by its bare name)

    if ctx.fn is not None:
        Siblings().visit_all(ctx.fn.body.body)
    return found


def _calls_def(caller: FuncDef, callee: FuncDef) -> bool:
    hit: list[bool] = []

    class Finder(Walker):
        def visit_CallExpr(self, o: CallExpr) -> None:
            if isinstance(o.callee, NameExpr) and o.callee.node is callee:
                hit.append(True)
            self.generic(o)

    Finder().visit(caller.body)
    return bool(hit)


def called_by_fn_item(ctx: FnContext, fn: FuncDef) -> bool:
    """`safe` called by the recursive nested `place`: `place` becomes a `fn` item, which
    cannot see a closure, so `safe` must be a `fn` item taking its captures too."""
    from backend.transpiler.lower.closures import refers_to_self

    return any(
        other is not fn and refers_to_self(other) and _calls_def(other, fn)
        for other in _sibling_defs(ctx)
    )


def _no_sibling_calls(ctx: FnContext, fn: FuncDef) -> None:
    """A nested `fn` item sees no closure of the enclosing function (only the siblings that
    are `fn` items themselves: those that a recursive sibling calls, see `called_by_fn_item`)."""
    siblings = {id(o) for o in _sibling_defs(ctx) if not called_by_fn_item(ctx, o)}

    class Finder(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            target = o.node.func if isinstance(o.node, Decorator) else o.node
            if isinstance(target, FuncDef) and target is not fn and id(target) in siblings:
                what = f"nested function `{fn.name}` calling the local function `{o.name}`"
                raise Unsupported(fn, what, "PRT212")

    Finder().visit(fn.body)


def _only_called(ctx: FnContext, fn: FuncDef) -> bool:
    """Every mention of the function (in it and in the enclosing body) is a call."""
    called: set[int] = set()
    mentions: list[NameExpr] = []

    class Finder(Walker):
        def visit_CallExpr(self, o: CallExpr) -> None:
            if isinstance(o.callee, NameExpr):
                called.add(id(o.callee))
            self.generic(o)

        def visit_NameExpr(self, o: NameExpr) -> None:
            if o.node is fn or (isinstance(o.node, Decorator) and o.node.func is fn):
                mentions.append(o)

    outer = ctx.fn
    Finder().visit(outer.body if outer is not None else fn.body)
    return all(id(m) in called for m in mentions)
