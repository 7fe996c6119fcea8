"""Nested functions and closures.

A nested `def` that captures nothing is a nested `fn` item. One that reads outer variables
is a Rust closure:
- it borrows what it captures when it stays inside the function that defines it, and is
  `move` when it escapes (returned, directly or through a local): Python keeps the captured
  cells alive, Rust needs the closure to own them;
- it is `FnMut` when it writes a captured variable (`nonlocal x; x += 1`) or changes one in
  place (`history.append(v)`); a function returning such a closure returns `impl FnMut`,
  and the variable its caller binds it to is `mut`.

Python closures see the *variable*, Rust `move` closures own a copy taken at creation. The
two agree when the outer function neither rebinds a captured variable after the closure is
made nor looks at state the closure changes; otherwise the closure is reported (PRT213).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from mypy.nodes import (
    ARG_POS,
    LDEF,
    AssignmentStmt,
    CallExpr,
    Expression,
    FuncDef,
    LambdaExpr,
    MemberExpr,
    NameExpr,
    OperatorAssignmentStmt,
    ReturnStmt,
    TypeInfo,
    Var,
    YieldExpr,
)
from mypy.types import CallableType, get_proper_type

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.mutation import collect_facts, own_locals, written_captures
from backend.transpiler.analyze.walk import Walker
from backend.transpiler.emit import INDENT, emit_module
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import functions, values
from backend.transpiler.lower.calls import Call
from backend.transpiler.lower.context import FnContext, FuncSig, Unsupported, var_expr
from backend.transpiler.lower.expressions import lower_expr

# ---- what a nested def reads and writes ----


def captured_names(fn: FuncDef, outer: FnContext) -> set[str]:
    facts = collect_facts(fn)
    own = own_locals(fn, facts)
    found: set[str] = set()

    class Finder(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            if o.kind == LDEF and o.name not in own and outer.lookup(o.name) is not None:
                found.add(o.name)

    Finder().visit(fn.body)
    return found


def _refers_to(node: Expression | None, name: str) -> bool:
    """`name` is used as a value in `node` (calling it is not: the result is what flows)."""
    if node is None:
        return False
    hit: list[bool] = []

    class Finder(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            if o.name == name:
                hit.append(True)

        def visit_CallExpr(self, o: CallExpr) -> None:
            if not (isinstance(o.callee, NameExpr) and o.callee.name == name):
                self.visit(o.callee)
            self.visit_all(o.args)

    Finder().visit(node)
    return bool(hit)


def _returned_names(fn: FuncDef | None) -> list[Expression]:
    """The expressions `fn` returns or yields (not those of nested defs)."""
    if fn is None:
        return []
    found: list[Expression] = []

    class Finder(Walker):
        def visit_ReturnStmt(self, o: ReturnStmt) -> None:
            if o.expr is not None:
                found.append(o.expr)

        def visit_YieldExpr(self, o: YieldExpr) -> None:
            if o.expr is not None:
                found.append(o.expr)

        def visit_FuncDef(self, o: FuncDef) -> None:
            return

    Finder().visit_all(fn.body.body)
    return found


def _escapes(outer: FuncDef | None, name: str) -> bool:
    """The closure named `name` is returned or yielded, directly or through a local alias."""
    names = {name}
    if outer is not None:

        class Aliases(Walker):
            def visit_AssignmentStmt(self, o: AssignmentStmt) -> None:
                if isinstance(o.rvalue, NameExpr) and o.rvalue.name in names:
                    names.update(lv.name for lv in o.lvalues if isinstance(lv, NameExpr))

            def visit_FuncDef(self, o: FuncDef) -> None:
                return

        Aliases().visit_all(outer.body.body)
    return any(_refers_to(expr, n) for expr in _returned_names(outer) for n in names)


def lambda_escapes(ctx: FnContext, node: LambdaExpr) -> bool:
    """A lambda that is returned (or stored in a local that is returned) must own what it
    captures: `move`."""
    outer = ctx.fn
    if outer is None:
        return False
    for expr in _returned_names(outer):
        if _contains(expr, node):
            return True

    class Bound(Walker):
        def __init__(self) -> None:
            self.names: list[str] = []

        def visit_AssignmentStmt(self, o: AssignmentStmt) -> None:
            if o.rvalue is node:
                self.names.extend(lv.name for lv in o.lvalues if isinstance(lv, NameExpr))

    bound = Bound()
    bound.visit_all(outer.body.body)
    return any(_escapes(outer, name) for name in bound.names)


def _contains(tree: Expression, node: Expression) -> bool:
    if tree is node:
        return True
    hit: list[bool] = []

    class Finder(Walker):
        def visit_LambdaExpr(self, o: LambdaExpr) -> None:
            if o is node:
                hit.append(True)
            else:
                self.visit(o.body)

    Finder().visit(tree)
    return bool(hit)


def returns_stateful_closure(fn: FuncDef) -> bool:
    """`fn` returns a nested def that writes what it captures: its type is `impl FnMut`."""
    nested: list[FuncDef] = []

    class Finder(Walker):
        def visit_FuncDef(self, o: FuncDef) -> None:
            nested.append(o)

    Finder().visit_all(fn.body.body)
    return any(written_captures(inner) and _escapes(fn, inner.name) for inner in nested)


def stateful(ty: rt.RType) -> rt.RType:
    return replace(ty, mutable=True) if isinstance(ty, rt.FnT) else ty


# ---- lowering ----


def lower_nested_function(ctx: FnContext, fn: FuncDef, memo: bool = False) -> list[ir.Stmt]:
    module = ctx.module
    facts = collect_facts(fn)
    module.mutation.facts[fn.fullname] = facts
    sig = functions.build_signature(module, fn.fullname, fn)
    module.signatures[fn.fullname] = sig
    captures = captured_names(fn, ctx)
    if memo or (captures and (_refers_to_self(fn) or _called_by_fn_item(ctx, fn))):
        from backend.transpiler.lower import nested_fns

        return nested_fns.lower_as_fn_item(ctx, fn, captures, memo)  # a closure cannot recurse
    if not captures:
        item = functions.lower_function(module, fn.fullname, fn, sig)
        text = emit_module(ir.Module([], [item], [])).code.rstrip("\n").split("\n")
        return [ir.RawStmt(text)]
    if fn.is_generator:
        raise Unsupported(fn, "nested generator capturing outer variables", "PRT610")
    if _refers_to_self(fn):
        raise Unsupported(fn, "recursive nested function that captures outer variables", "PRT212")
    written = written_captures(fn, facts) & captures
    escaping = _escapes(ctx.fn, fn.name)
    clones = _check_move(ctx, fn, captures, written) if escaping else []
    inner = FnContext(module, sig, facts, fn)
    inner.scopes = [dict(scope) for scope in ctx.scopes] + [{}]
    inner.closure_depth = ctx.closure_depth + 1
    inner.captured = captures  # type: ignore[attr-defined]  # not re-declared in the body
    body = functions.declare_params(inner, sig)
    from backend.transpiler.lower.statements import lower_body

    body += lower_body(inner, fn.body.body, is_function_body=True)
    return [ir.RawStmt(_closure_lines(ctx, fn, sig, body, escaping, bool(written), clones))]


def _closure_lines(
    ctx: FnContext,
    fn: FuncDef,
    sig: FuncSig,
    body: list[ir.Stmt],
    escaping: bool,
    writes: bool,
    clones: list[str],
) -> list[str]:
    params = ", ".join(f"{p.name}: {functions.param_type_text(p)}" for p in sig.params)
    ret = functions.return_type_text(sig)
    called = writes and _called_in(ctx.fn, fn.name)
    binding = f"let {'mut ' if called else ''}{sig.rust_name} = "
    head = ("move " if escaping else "") + f"|{params}|" + (f" -> {ret}" if ret else "") + " {"
    holder = ir.Function("body", [], None, body)
    lines = emit_module(ir.Module([], [holder], [])).code.rstrip("\n").split("\n")[1:-1]
    lines = [line[len(INDENT) :] if line.startswith(INDENT) else line for line in lines]
    closure = [head, *[INDENT + line for line in lines], "}"]
    if clones:
        # the outer function keeps reading these: the closure owns its own copies
        inner = clones + closure
        return [binding + "{", *[INDENT + line for line in inner], "};"]
    return [binding + closure[0], *closure[1:-1], "};"]


def _called_by_fn_item(ctx: FnContext, fn: FuncDef) -> bool:
    from backend.transpiler.lower.nested_fns import called_by_fn_item

    return called_by_fn_item(ctx, fn)


def refers_to_self(fn: FuncDef) -> bool:
    return _refers_to_self(fn)


def _refers_to_self(fn: FuncDef) -> bool:
    hit: list[bool] = []

    class Finder(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            if o.node is fn:
                hit.append(True)

    Finder().visit(fn.body)
    return bool(hit)


def _called_in(outer: FuncDef | None, name: str) -> bool:
    if outer is None:
        return False
    hit: list[bool] = []

    class Finder(Walker):
        def visit_CallExpr(self, o: CallExpr) -> None:
            callee = o.callee
            if isinstance(callee, NameExpr) and callee.name == name:
                hit.append(True)
            self.generic(o)

    Finder().visit_all(outer.body.body)
    return bool(hit)


def _check_move(ctx: FnContext, fn: FuncDef, captures: set[str], written: set[str]) -> list[str]:
    """A `move` closure copies what it captures. Report the cases where Python's shared
    variable would be observed to differ; return the `let` lines that give the closure its
    own copies of borrowed captures and of those the outer function still reads."""
    outer = ctx.fn
    if outer is None:
        return []
    after = _outer_uses_after(outer, fn)
    clones = []
    for name in sorted(captures):
        uses = after.get(name, set())
        if "store" in uses:
            what = f"closure `{fn.name}` escapes, but `{name}` changes after it is created"
            raise Unsupported(fn, what, "PRT213")
        if name in written and uses:
            what = f"closure `{fn.name}` changes `{name}`, which the enclosing function also uses"
            raise Unsupported(fn, what, "PRT213")
        info = ctx.lookup(name)
        if info is None or info.ty.is_copy:
            continue
        if info.kind is Kind.BORROWED or (uses and info.kind is Kind.PLACE):
            # a borrowed parameter cannot outlive the call; a local still read after
            # the def stays the outer function's: the closure owns a copy of either
            clones.append(f"let {info.rust_name} = {values.owned(var_expr(info))};")
    return clones


def _outer_uses_after(outer: FuncDef, fn: FuncDef) -> dict[str, set[str]]:
    """Per name: "load"/"store" for uses in `outer` after the def of `fn` (outside `fn`),
    including uses by other nested defs and lambdas."""
    uses: dict[str, set[str]] = {}
    end = fn.end_line or fn.line

    class Finder(Walker):
        def visit_FuncDef(self, o: FuncDef) -> None:
            if o is not fn:
                self.visit(o.body)

        def visit_NameExpr(self, o: NameExpr) -> None:
            if o.line > end and isinstance(o.node, Var):
                uses.setdefault(o.name, set()).add("load")

        def visit_AssignmentStmt(self, o: AssignmentStmt) -> None:
            if o.line > end:
                for lv in o.lvalues:
                    if isinstance(lv, NameExpr):
                        uses.setdefault(lv.name, set()).add("store")
            self.generic(o)

        def visit_OperatorAssignmentStmt(self, o: OperatorAssignmentStmt) -> None:
            if o.line > end and isinstance(o.lvalue, NameExpr):
                uses.setdefault(o.lvalue.name, set()).add("store")
            self.generic(o)

    Finder().visit_all(outer.body.body)
    return uses


# ---- builtin functions and methods used as values ----
#
# `map(str.strip, xs)`, `key=str.lower`, `fold(xs, max, 0)`: a closure that calls the
# builtin through the same lowering as a direct call, on parameters of the wanted types.

_PARAM_NAMES = ("x", "y", "z")


@dataclass
class _ValueCall(Call):
    """A call synthesised for a function value: its result type is the wanted one."""

    wanted: rt.RType = rt.UNKNOWN

    @property
    def result_type(self) -> rt.RType:
        found = super().result_type
        return self.wanted if isinstance(found, rt.UnknownT) else found


def function_value(
    ctx: FnContext,
    node: Expression,
    params: list[rt.RType] | None,
    ret: rt.RType = rt.UNKNOWN,
    mode: str = "typed",
) -> Expr | None:
    """A closure for a builtin function (`max`, `len`) or a builtin type's method
    (`str.strip`) named as a value; None when `node` names neither. `params` are the
    closure's parameter types (None: from mypy's signature). `mode` says how the caller
    passes arguments: "typed" (`|x: &str|`, a Callable value), "ref" (`&T`: sort keys,
    filters), "owned" (`T`: `map` over owned items)."""
    target = _builtin_target(ctx, node)
    if target is None:
        return None
    if params is None:
        params = _mypy_params(ctx, node)
        if params is None:
            return None
    if not 0 < len(params) <= len(_PARAM_NAMES):
        return None
    ctx.push()
    try:
        pats, arg_nodes = _bind_params(ctx, params, mode)
        body = target(arg_nodes, ret)
    finally:
        ctx.pop()
    if ")?" in body.code:
        return None  # `?` cannot leave a closure: the caller's own lowering decides
    pattern = functions.zipped_pattern(pats) if mode == "zipped" else ", ".join(pats)
    code = f"|{pattern}| {values.owned(body)}"
    return Expr(code, rt.FnT(tuple(params), body.ty), Kind.OWNED, Prec.CLOSURE)


def callable_closure(ctx: FnContext, node: Expression, params: list[rt.RType], mode: str) -> Expr:
    """A closure applying what `node` evaluates to (a lambda, a builtin, a builtin type's
    method, a translated function, a callable value) to arguments of `params` types, passed
    as `mode` says (see function_value). Its type is an `FnT` whose `ret` is the call's
    result type, which callers use for the items of `map()` (mypy types `any(map(f, xs))` as
    `map[object]` from `any`'s parameter, so the call's own type is no guide)."""
    if isinstance(node, LambdaExpr):
        return functions.lower_lambda_with(
            ctx, node, params, by_ref=mode == "ref", zipped=mode == "zipped"
        )
    found = function_value(ctx, node, params, rt.UNKNOWN, mode)
    if found is not None:
        return found
    if not 0 < len(params) <= len(_PARAM_NAMES):
        raise Unsupported(node, f"a function of {len(params)} arguments as a value", "PRT214")
    ctx.push()
    try:
        pats, arg_nodes = _bind_params(ctx, params, mode)
        body = lower_expr(ctx, _synthetic_call(ctx, node, node, arg_nodes))
    finally:
        ctx.pop()
    if ")?" in body.code:  # `?` cannot leave a closure
        raise Unsupported(node, "a function that raises, called through map()/filter()", "PRT214")
    pattern = functions.zipped_pattern(pats) if mode == "zipped" else ", ".join(pats)
    code = f"|{pattern}| {values.owned(body)}"
    return Expr(code, rt.FnT(tuple(params), body.ty), Kind.OWNED, Prec.CLOSURE)


def _bind_params(
    ctx: FnContext, params: list[rt.RType], mode: str
) -> tuple[list[str], list[NameExpr]]:
    pats: list[str] = []
    nodes: list[NameExpr] = []
    for name, ty in zip(_PARAM_NAMES, params, strict=False):
        owned = ty.is_copy or mode in ("owned", "zipped")
        ctx.declare(name, ty, Kind.PLACE if owned else Kind.BORROWED)
        if mode == "ref":
            pats.append(f"&{name}" if ty.is_copy else name)
        elif mode == "zipped":
            pats.append(name)
        elif mode == "owned":
            pats.append(f"{name}: {ty.render()}")
        else:
            pats.append(f"{name}: {rt.borrowed(ty)}")
        ref = NameExpr(name)
        ref.node = Var(name)
        ref.kind = LDEF
        nodes.append(ref)
    return pats, nodes


def _mypy_params(ctx: FnContext, node: Expression) -> list[rt.RType] | None:
    typ = get_proper_type(ctx.module.mypy_type(node))
    if not isinstance(typ, CallableType):
        return None
    mapped = [
        ctx.module.map_type(t)
        for t, k in zip(typ.arg_types, typ.arg_kinds, strict=True)
        if k == ARG_POS
    ]
    return None if any(isinstance(t, rt.UnknownT) for t in mapped) else mapped


def _builtin_target(ctx: FnContext, node: Expression):  # type: ignore[no-untyped-def]
    """How to call what `node` names, on argument nodes: None when it is no builtin."""
    from backend.transpiler.lower import builtins, methods

    if (
        isinstance(node, NameExpr)
        and node.fullname in builtins.BUILTINS
        and ctx.lookup(node.name) is None
    ):
        lower = builtins.BUILTINS[node.fullname]

        def call_builtin(args: list[NameExpr], ret: rt.RType) -> Expr:
            return lower(
                _ValueCall(ctx, _synthetic_call(ctx, node, NameExpr(node.name), args), wanted=ret)
            )

        return call_builtin
    if (
        isinstance(node, MemberExpr)
        and isinstance(node.expr, NameExpr)
        and isinstance(node.expr.node, TypeInfo)
        and node.expr.node.fullname in _BUILTIN_TYPES
    ):

        def call_method(args: list[NameExpr], ret: rt.RType) -> Expr:
            receiver = lower_expr(ctx, args[0])
            callee = MemberExpr(args[0], node.name)
            synth = _synthetic_call(ctx, node, callee, args[1:])
            return methods.lower_method(_ValueCall(ctx, synth, receiver, wanted=ret), node.name)

        return call_method
    return None


_BUILTIN_TYPES = frozenset(
    {
        "builtins.str",
        "builtins.list",
        "builtins.dict",
        "builtins.set",
        "builtins.int",
        "builtins.float",
    }
)


def _synthetic_call(
    ctx: FnContext, value: Expression, callee: Expression, args: list[NameExpr]
) -> CallExpr:
    if isinstance(callee, NameExpr) and isinstance(value, NameExpr):
        callee.fullname = value.fullname
        callee.node = value.node
        callee.kind = value.kind
    call = CallExpr(callee, list(args), [ARG_POS] * len(args), [None] * len(args))
    call.set_line(value)
    typ = get_proper_type(ctx.module.mypy_type(value))
    if isinstance(typ, CallableType):
        ctx.module.typed.types[call] = typ.ret_type
    return call


def map_several(call: Call) -> Expr:
    """`map(f, xs, ys)`: `xs.zip(ys).map(|(x, y)| ..)`, stopping at the shortest, as Python."""
    from backend.transpiler.lower.builtins import _elem_type, _owned_items
    from backend.transpiler.lower.iteration import iter_source

    ctx = call.ctx
    fn_node = call.args[0]
    sources = [iter_source(ctx, arg) for arg in call.args[1:]]
    iterators = [_owned_items(src.iterator, src.shape) for src in sources]
    elems = [_elem_type(src.shape) for src in sources]
    zipped = iterators[0] + "".join(f".zip({it})" for it in iterators[1:])
    result_t = call.result_type
    out_elem = result_t.elem if isinstance(result_t, rt.IterT) else rt.UNKNOWN
    if isinstance(fn_node, LambdaExpr):
        closure = functions.lower_lambda_with(ctx, fn_node, elems, by_ref=False, zipped=True)
    else:
        found = function_value(ctx, fn_node, elems, out_elem, mode="zipped")
        if found is None:
            raise call.fail("map() over several iterables with this function", "PRT214")
        closure = found
    return Expr(f"{zipped}.map({closure.code})", rt.IterT(out_elem), Kind.OWNED, Prec.POSTFIX)


def lower_reduce(call: Call) -> Expr:
    """`functools.reduce(f, xs[, initial])`: `fold` with an initial value, else `reduce`
    (an empty iterable is Python's TypeError)."""
    from backend.transpiler.lower.builtins import _elem_type, _owned_items
    from backend.transpiler.lower.iteration import iter_source

    ctx = call.ctx
    if len(call.args) not in (2, 3):
        raise call.fail("functools.reduce() with keyword arguments", "PRT215")
    fn_node = call.args[0]
    src = iter_source(ctx, call.args[1])
    items = _owned_items(src.iterator, src.shape)
    elem = _elem_type(src.shape)
    acc_t = call.result_type if not isinstance(call.result_type, rt.UnknownT) else elem
    if isinstance(fn_node, LambdaExpr):
        step = functions.lower_lambda_with(ctx, fn_node, [acc_t, elem], by_ref=False)
    else:
        found = function_value(ctx, fn_node, [acc_t, elem], acc_t, mode="owned")
        if found is None:
            found = _user_function_step(ctx, fn_node, [acc_t, elem])
        step = found
    if len(call.args) == 3:
        initial = values.owned(lower_expr(ctx, call.args[2], acc_t))
        return Expr(f"{items}.fold({initial}, {step.code})", acc_t, Kind.OWNED, Prec.POSTFIX)
    message = "TypeError: reduce() of empty iterable with no initial value"
    return Expr(f'{items}.reduce({step.code}).expect("{message}")', acc_t, Kind.OWNED, Prec.POSTFIX)


def _user_function_step(ctx: FnContext, node: Expression, params: list[rt.RType]) -> Expr:
    """`|acc, x| f(acc, x)` for a user function or a Callable value, arguments passed the
    way the callee takes them."""
    callee = lower_expr(ctx, node)
    if not isinstance(callee.ty, rt.FnT):
        raise Unsupported(node, "functools.reduce() with this function", "PRT215")
    args = []
    for name, ty in zip(("acc", "x"), params, strict=True):
        arg = Expr(name, ty, Kind.PLACE)
        args.append(values.owned(arg) if ty.is_copy else values.borrow(arg))
    code = f"|acc, x| {callee.at(Prec.POSTFIX)}({', '.join(args)})"
    return Expr(code, rt.FnT(tuple(params), callee.ty.ret), Kind.OWNED, Prec.CLOSURE)
