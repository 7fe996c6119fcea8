"""Functions: signatures (borrow/mutate/own each parameter), bodies, lambdas, nested defs."""

from __future__ import annotations

from mypy.nodes import (
    ARG_NAMED,
    ARG_NAMED_OPT,
    ARG_OPT,
    ARG_POS,
    ARG_STAR,
    ArgKind,
    AssignmentStmt,
    CallExpr,
    ComparisonExpr,
    DictExpr,
    Expression,
    FloatExpr,
    FuncDef,
    IfStmt,
    IndexExpr,
    IntExpr,
    LambdaExpr,
    ListExpr,
    MemberExpr,
    NameExpr,
    ReturnStmt,
    SetExpr,
    Statement,
    StrExpr,
    TupleExpr,
    UnaryExpr,
    YieldExpr,
    YieldFromExpr,
)
from mypy.types import CallableType, Instance, TupleType, Type, get_proper_type

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.mutation import FunctionFacts
from backend.transpiler.analyze.walk import Walker
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import (
    FnContext,
    FuncSig,
    ModuleContext,
    ParamSig,
    Unsupported,
    param_ident,
    rust_ident,
    span_of,
)
from backend.transpiler.lower.docstrings import doc_lines


def is_generator(fn: FuncDef) -> bool:
    return bool(fn.is_generator)


def build_signature(
    module: ModuleContext, fullname: str, fn: FuncDef, owner: str | None = None
) -> FuncSig:
    facts = module.mutation.of(fullname)
    typ = get_proper_type(fn.type) if fn.type is not None else None
    arg_types = list(typ.arg_types) if isinstance(typ, CallableType) else [None] * len(fn.arguments)
    ret_t = module.map_type(typ.ret_type) if isinstance(typ, CallableType) else rt.UNKNOWN
    ret_t = module.return_type(fullname, ret_t)  # PyBigInt where it may exceed i64
    if isinstance(typ, CallableType) and fn.is_generator:
        ret_t = _generator_item(module, typ, fn)
    if isinstance(ret_t, rt.FnT):
        from backend.transpiler.lower.closures import returns_stateful_closure, stateful

        ret_t = stateful(ret_t) if returns_stateful_closure(fn) else ret_t
    params = []
    args = fn.arguments
    self_mode = None
    start = 0
    if owner is not None and not fn.is_static:
        start = 1
        mutates_self = facts is not None and "self" in facts.mutated
        self_mode = "&mut self" if mutates_self and not _is_shared(module, owner) else "&self"
        if fn.name == "__init__" or fn.is_class:
            self_mode = None  # classmethods take `cls`: associated functions returning Self
    for arg, arg_t in zip(args[start:], arg_types[start:], strict=False):
        if arg.kind not in (ARG_POS, ARG_OPT, ARG_NAMED, ARG_NAMED_OPT):
            raise Unsupported(fn, "`*args` or `**kwargs` parameters", "PRT200")
        ty = module.map_type(arg_t)
        if _is_object(arg_t) and _only_printed(fn, arg.variable.name):
            ty = rt.PRINTABLE
        if ty == rt.INT or ty == rt.ListT(rt.INT) or isinstance(ty, rt.DictT):
            ty = module.var_type(arg.variable)  # PyBigInt where a caller passes a big int
        name = arg.variable.name
        mode = _param_mode(module, ty, name, facts, fn.is_generator)
        if _is_iterable(arg_t):
            ty, mode = rt.IterT(ty.elem if isinstance(ty, rt.ListT) else rt.UNKNOWN), "iter"
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


def _is_object(typ: Type | None) -> bool:
    from mypy.types import Instance

    proper = get_proper_type(typ)
    return isinstance(proper, Instance) and proper.type.fullname == "builtins.object"


_PRINTERS = ("builtins.print", "builtins.str", "builtins.repr")


def _only_printed(fn: FuncDef, name: str) -> bool:
    """Is every use of parameter `name` a plain argument of `print`/`str`/`repr`?"""
    from mypy.nodes import NameExpr, RefExpr

    from backend.transpiler.analyze.walk import Walker

    uses: list[NameExpr] = []
    printed: set[int] = set()

    class Finder(Walker):
        def visit_CallExpr(self, o: CallExpr) -> None:
            if isinstance(o.callee, RefExpr) and o.callee.fullname in _PRINTERS:
                printed.update(id(a) for a in o.args if isinstance(a, NameExpr))
            self.generic(o)

        def visit_NameExpr(self, o: NameExpr) -> None:
            if o.name == name:
                uses.append(o)

    Finder().visit_all(fn.body.body)
    return bool(uses) and all(id(u) in printed for u in uses)


def _is_shared(module: ModuleContext, owner: str) -> bool:
    """Methods of a shared class run on its handle (`&Rc<RefCell<..>>`), which changes the
    object through the `RefCell`: `&self` whatever the method does."""
    return any(ci.shared and ci.name == owner for ci in module.classes.values())


def _generator_item(module: ModuleContext, typ: CallableType, fn: FuncDef) -> rt.RType:
    ret = module.map_type(typ.ret_type)
    if isinstance(ret, rt.IterT):
        return ret
    # No annotation: the item type is what every `yield` produces, when they agree.
    yielded = {t.render(): t for t in _yielded_types(module, fn)}
    if len(yielded) == 1:
        (only,) = yielded.values()
        if not isinstance(only, rt.UnknownT):
            return rt.IterT(only)
    raise Unsupported(
        fn,
        "a generator without a return annotation whose item type is unclear "
        "(annotate it, e.g. `-> Iterator[int]`)",
        "PRT601",
    )


def _yielded_types(module: ModuleContext, fn: FuncDef) -> list[rt.RType]:
    collector = _YieldCollector()
    collector.visit_all(fn.body.body)
    found: list[rt.RType] = []
    for expr in collector.yields:
        found.append(rt.UNKNOWN if expr.expr is None else module.type_of(expr.expr))
    for source in collector.yields_from:
        found.append(module.map_type(_iterated_item(module.mypy_type(source))))
    return found


def _iterated_item(typ: Type | None) -> Type | None:
    """The item type of an iterable mypy type (`list[T]`, `Iterator[T]`, `range`, ...)."""
    proper = get_proper_type(typ) if typ is not None else None
    if not isinstance(proper, Instance):
        return None
    if proper.type.fullname in ("builtins.range", "builtins.str"):
        return proper.type.mro[0].bases[0].args[0] if proper.type.mro[0].bases else None
    return proper.args[0] if proper.args else None


class _YieldCollector(Walker):
    """The `yield`s of one function body (not of functions nested in it)."""

    def __init__(self) -> None:
        self.yields: list[YieldExpr] = []
        self.yields_from: list[Expression] = []

    def visit_YieldExpr(self, node: YieldExpr) -> None:
        self.yields.append(node)
        self.generic(node)

    def visit_YieldFromExpr(self, node: YieldFromExpr) -> None:
        self.yields_from.append(node.expr)

    def visit_FuncDef(self, node: FuncDef) -> None:
        return None

    def visit_LambdaExpr(self, node: LambdaExpr) -> None:
        return None


def _is_iterable(typ: Type | None) -> bool:
    """`Iterable[T]` parameters accept lists and iterators alike: `impl IntoIterator`."""
    proper = get_proper_type(typ) if typ is not None else None
    return isinstance(proper, Instance) and proper.type.fullname == "typing.Iterable"


def _param_mode(
    module: ModuleContext, ty: rt.RType, name: str, facts: FunctionFacts | None, generator: bool
) -> str:
    if ty.is_copy or isinstance(ty, rt.FnT | rt.IterT):
        return "value"
    if ty == rt.BIGINT:  # an int: `n //= 10` rebinds (a private copy), it never mutates
        return "value" if facts is not None and facts.rebinds(name) else "ref"
    from backend.transpiler.lower.class_links import aliases

    if aliases(module, ty):
        return "owned"  # an `Rc` handle to a linked node: cloning it aliases, as in Python
    if generator:
        return "owned"  # the generator body outlives the call
    if facts is not None and facts.mutates_param(name):
        return "mut"
    return "ref"


def param_type_text(param: ParamSig, generator: bool = False) -> str:
    ty = param.ty
    # a generator's body outlives the call: what it captures must be `'static`
    bounds = " + 'static" if generator else ""
    if param.mode == "iter":
        elem = ty.elem if isinstance(ty, rt.IterT) else rt.UNKNOWN
        return f"impl IntoIterator<Item = {elem.render()}>{bounds}"
    if isinstance(ty, rt.IterT | rt.FnT) and generator:
        return ty.render() + bounds
    if param.mode == "mut":
        if isinstance(ty, rt.OptionT) and not ty.inner.is_copy:
            # `xs: list | None = None` changed in place: the caller's list, or none
            return f"Option<&mut {ty.inner.render()}>"
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


def _unused_params(fn: FuncDef, sig: FuncSig) -> set[str]:
    """Parameters the body never reads (an overridden method's, say): Rust spells them with
    a leading `_`, as its unused-variable lint asks. Only plain ones: a default or a private
    copy refers to the parameter by name."""
    read: set[str] = set()

    class Reads(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            read.add(o.name)

        def visit_FuncDef(self, o: FuncDef) -> None:
            self.generic(o)  # nested functions read what they capture

    Reads().visit_all(fn.body.body)
    return {
        p.name
        for p in sig.params
        if p.name not in read and p.default is None and not p.rebound and p.mode != "iter"
    }


def _param_name(name: str, unused: set[str]) -> str:
    ident = param_ident(name)
    return f"_{ident.removeprefix('r#')}" if name in unused else ident


def declare_params(ctx: FnContext, sig: FuncSig, unused: set[str] | None = None) -> list[ir.Stmt]:
    """Bind parameters in scope; rebound borrowed ones get a private owned copy."""
    prologue: list[ir.Stmt] = []
    for param in sig.params:
        kind = {"ref": Kind.BORROWED, "mut": Kind.MUT_BORROWED}.get(param.mode, Kind.PLACE)
        if param.mode == "ref" and isinstance(param.ty, rt.OptionT):
            kind = Kind.BORROWED
        rust_name = _param_name(param.name, unused or set())
        info = ctx.declare(param.name, param.ty, kind, rust_name=rust_name)
        if param.mode == "iter":
            mutable = bool(ctx.facts and param.name in ctx.facts.mutated)
            prologue.append(
                ir.Let(info.rust_name, None, f"{info.rust_name}.into_iter()", mutable=mutable)
            )
        if param.rebound and param.mode == "ref":
            copy = values.owned(Expr(info.rust_name, param.ty, Kind.BORROWED))
            prologue.append(ir.Let(info.rust_name, None, copy, mutable=True))
            info.kind = Kind.PLACE
    return prologue


def lower_function(module: ModuleContext, fullname: str, fn: FuncDef, sig: FuncSig) -> ir.Function:
    from backend.transpiler.lower import generators, statements

    facts = module.mutation.of(fullname)
    ctx = FnContext(module, sig, facts, fn)
    if sig.self_mode is not None:
        from backend.transpiler.lower.classes import declare_self

        declare_self(ctx, sig)
    unused = _unused_params(fn, sig)
    prologue = declare_params(ctx, sig, unused)
    for param in sig.params:
        module.note_type(param.ty)
    module.note_type(sig.ret)
    if sig.fallible:
        module.use_helper("py_exception")
    if sig.generator:
        body = generators.lower_generator_body(ctx, fn, prologue)
    else:
        filled, rest = _fill_optional_params(ctx, sig, fn.body.body)
        body = prologue + filled + statements.lower_body(ctx, rest, is_function_body=True)
    params = [
        ir.Param(
            _param_name(p.name, unused),
            param_type_text(p, sig.generator),
            mutable=_param_is_mut(p, facts),
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


def _fill_optional_params(
    ctx: FnContext, sig: FuncSig, body: list[Statement]
) -> tuple[list[ir.Stmt], list[Statement]]:
    """`if target is None: target = []` at the top of a function whose `target` is an
    `Option<&mut T>` parameter: from there on it is the caller's object or a fresh one,
    `let target = target.unwrap_or(&mut fresh)` (a default that is not a plain display
    is built only when needed)."""
    out: list[ir.Stmt] = []
    index = 0
    optional_mut = {
        p.name: p for p in sig.params if p.mode == "mut" and isinstance(p.ty, rt.OptionT)
    }
    while index < len(body):
        param = _filled_param(body[index], optional_mut)
        if param is None:
            break
        stmt = body[index]
        assert isinstance(stmt, IfStmt) and isinstance(param.ty, rt.OptionT)
        assign = stmt.body[0].body[0]
        assert isinstance(assign, AssignmentStmt)
        from backend.transpiler.lower.expressions import lower_expr

        default = values.owned(lower_expr(ctx, assign.rvalue, param.ty.inner))
        name = rust_ident(param.name)
        fresh = f"{param.name}_default"
        inner = param.ty.inner.render()
        if _is_display(assign.rvalue):
            out.append(ir.Let(fresh, inner, default, mutable=True))
            out.append(ir.Let(name, None, f"{name}.unwrap_or(&mut {fresh})"))
        else:
            out.append(ir.Let(fresh, inner, None, mutable=True))
            arms = f"Some(given) => given, None => {{ {fresh} = {default}; &mut {fresh} }}"
            out.append(ir.Let(name, None, f"match {name} {{ {arms} }}"))
        ctx.declare(param.name, param.ty.inner, Kind.MUT_BORROWED)
        index += 1
    return out, body[index:]


def _filled_param(stmt: Statement, params: dict[str, ParamSig]) -> ParamSig | None:
    if not isinstance(stmt, IfStmt) or stmt.else_body is not None or len(stmt.body) != 1:
        return None
    test = stmt.expr[0]
    block = stmt.body[0].body
    if not (isinstance(test, ComparisonExpr) and test.operators == ["is"] and len(block) == 1):
        return None
    subject, none = test.operands
    assign = block[0]
    if not (
        isinstance(subject, NameExpr)
        and subject.name in params
        and isinstance(none, NameExpr)
        and none.fullname == "builtins.None"
        and isinstance(assign, AssignmentStmt)
        and len(assign.lvalues) == 1
        and isinstance(assign.lvalues[0], NameExpr)
        and assign.lvalues[0].name == subject.name
    ):
        return None
    return params[subject.name]


def _is_display(node: Expression) -> bool:
    """Cheap, side-effect-free defaults: built eagerly."""
    if isinstance(node, ListExpr | SetExpr | TupleExpr):
        return all(_is_display(i) for i in node.items)
    if isinstance(node, DictExpr):
        return all(k is not None and _is_display(k) and _is_display(v) for k, v in node.items)
    if isinstance(node, CallExpr) and isinstance(node.callee, NameExpr):
        empty = ("builtins.list", "builtins.dict", "builtins.set")
        return not node.args and node.callee.fullname in empty
    return isinstance(node, IntExpr | StrExpr | FloatExpr)


def _param_is_mut(param: ParamSig, facts: FunctionFacts | None) -> bool:
    """`mut x: T` for by-value parameters the body rebinds or advances (iterators)."""
    if param.mode == "owned" and param.rebound:
        return True  # e.g. a linked-node cursor `node = node.next`
    if param.mode != "value" or isinstance(param.ty, rt.FnT):
        return False
    advanced = isinstance(param.ty, rt.IterT) and facts is not None and param.name in facts.mutated
    return param.rebound or advanced


def _docstring(fn: FuncDef) -> list[str]:
    body = fn.body.body
    if body and type(body[0]).__name__ == "ExpressionStmt":
        expr = body[0].expr  # type: ignore[attr-defined]
        if type(expr).__name__ == "StrExpr":
            return doc_lines(expr.value)
    return []


# ---- lambdas ----


def lower_lambda(ctx: FnContext, node: LambdaExpr) -> Expr:
    fn_t = ctx.module.type_of(node)
    params: list[rt.RType] = (
        list(fn_t.params) if isinstance(fn_t, rt.FnT) else [rt.UNKNOWN] * len(node.arguments)
    )
    return lower_lambda_with(ctx, node, params, by_ref=False, annotate=True)


def lower_lambda_with(
    ctx: FnContext,
    node: LambdaExpr,
    param_types: list[rt.RType],
    by_ref: bool,
    annotate: bool = False,
    zipped: bool = False,
) -> Expr:
    """A closure; `by_ref` when the caller passes `&T` (sort keys, filters); `zipped` when
    it receives its arguments as the nested pairs of `a.zip(b).zip(c)`."""
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
    from backend.transpiler.lower.closures import lambda_escapes

    owner = "move " if lambda_escapes(ctx, node) else ""  # returned: it owns its captures
    params = zipped_pattern(pats) if zipped else ", ".join(pats)
    code = f"{owner}|{params}| {values.owned(result)}"
    fn_t = rt.FnT(tuple(param_types), result.ty)
    return Expr(code, fn_t, Kind.OWNED, Prec.CLOSURE)


def zipped_pattern(pats: list[str]) -> str:
    """`(a, b)`, `((a, b), c)`: how `a.zip(b).zip(c)` hands over its items."""
    pattern = pats[0]
    for pat in pats[1:]:
        pattern = f"({pattern}, {pat})"
    return pattern


# ---- call sites ----


def optional_mut_arg(ctx: FnContext, node: Expression) -> str:
    """The argument for an `Option<&mut T>` parameter: `None`, `Some(&mut xs)` (the callee
    changes the caller's object, as in Python), or `opt.as_mut()` for an Optional value."""
    from backend.transpiler.lower.expressions import lower_expr

    e = lower_expr(ctx, node)
    if e.ty == rt.UNIT or e.code == "None":
        return "None"
    if isinstance(e.ty, rt.OptionT):
        method = "as_deref_mut" if e.kind is Kind.MUT_BORROWED else "as_mut"
        return f"{e.at(Prec.POSTFIX)}.{method}()"
    if e.kind is Kind.MUT_BORROWED:
        return f"Some({e.code})"
    return f"Some({values.borrow_mut(e)})"


def spread_tuple_args(ctx: FnContext, node: CallExpr) -> CallExpr:
    """`f(*t)` with a fixed-size tuple `t` held in a variable: `f(t[0], t[1], ...)`."""
    args: list[Expression] = []
    kinds: list[ArgKind] = []
    names: list[str | None] = []
    for arg, kind, name in zip(node.args, node.arg_kinds, node.arg_names, strict=True):
        if kind != ARG_STAR:
            args.append(arg)
            kinds.append(kind)
            names.append(name)
            continue
        typ = get_proper_type(ctx.module.mypy_type(arg))
        if not isinstance(typ, TupleType) or not _pure(arg):
            what = "`*args` at a call site (only a fixed-size tuple spreads)"
            raise Unsupported(node, what, "PRT202")
        for position, item_t in enumerate(typ.items):
            item = IndexExpr(arg, IntExpr(position))
            item.set_line(arg)
            ctx.module.typed.types[item] = item_t
            args.append(item)
            kinds.append(ARG_POS)
            names.append(None)
    spread = CallExpr(node.callee, args, kinds, names)
    spread.set_line(node)
    ctx.module.typed.types[spread] = ctx.module.typed.types.get(node)  # type: ignore[assignment]
    return spread


def _pure(node: object) -> bool:
    """Cheap to evaluate again for each spread item: `t`, `self.t`, `ts[0]`, `ts[i]`."""
    if isinstance(node, NameExpr):
        return True
    if isinstance(node, MemberExpr):
        return _pure(node.expr)
    if isinstance(node, IndexExpr):
        index = node.index
        simple = isinstance(index, IntExpr | NameExpr) or (
            isinstance(index, UnaryExpr) and isinstance(index.expr, IntExpr)
        )
        return simple and _pure(node.base)
    return False
