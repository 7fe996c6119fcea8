"""Builtin functions, one dispatch entry each (`BUILTINS["builtins.len"] = lower_len`)."""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import (
    ARG_POS,
    CallExpr,
    DictExpr,
    Expression,
    GeneratorExpr,
    IntExpr,
    LambdaExpr,
    ListExpr,
    MemberExpr,
    NameExpr,
    StrExpr,
    TupleExpr,
    TypeInfo,
    Var,
)

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import int_ops, sorts, values
from backend.transpiler.lower.calls import Call, Lowerer
from backend.transpiler.lower.context import FnContext
from backend.transpiler.lower.expressions import coerce, lower_expr, type_of
from backend.transpiler.lower.iteration import Shape, iter_source
from backend.transpiler.lower.literals import rust_str_literal

BUILTINS: dict[str, Lowerer] = {}


def builtin(*names: str) -> Callable[[Lowerer], Lowerer]:
    def register(fn: Lowerer) -> Lowerer:
        for name in names:
            BUILTINS[f"builtins.{name}"] = fn
        return fn

    return register


def _owned_items(src_iterator: str, shape: Shape) -> str:
    """An iterator expression yielding owned items (copied/cloned references)."""
    if shape.ref and isinstance(shape.ty, rt.TupleT):  # `&(A, B)` items: copy the tuple whole
        return f"{src_iterator}.{'copied' if shape.ty.is_copy else 'cloned'}()"
    if shape.is_tuple:
        names = [f"x{i}" for i in range(len(shape.parts))]
        pats = []
        outs = []
        for name, part in zip(names, shape.parts, strict=True):
            if part.ref and part.ty.is_copy:
                pats.append(f"&{name}")
                outs.append(name)
            elif part.ref:
                pats.append(name)
                outs.append(f"{name}.clone()")
            else:
                pats.append(name)
                outs.append(name)
        if all(o == n for o, n in zip(outs, names, strict=True)) and not any(
            p.startswith("&") for p in pats
        ):
            return src_iterator
        return f"{src_iterator}.map(|({', '.join(pats)})| ({', '.join(outs)}))"
    if shape.ref:
        return f"{src_iterator}.{'copied' if shape.ty.is_copy else 'cloned'}()"
    return src_iterator


def _elem_type(shape: Shape) -> rt.RType:
    if shape.is_tuple:
        return rt.TupleT(tuple(_elem_type(p) for p in shape.parts))
    return shape.ty


def owned_iterator(call: Call, index: int = 0) -> tuple[str, rt.RType]:
    """(iterator code with owned items, item type) for an iterable argument."""
    node = call.args[index]
    if isinstance(node, GeneratorExpr):
        from backend.transpiler.lower import comprehensions

        code, elem = comprehensions.generator_iterator(call.ctx, node)
        return code, elem
    src = iter_source(call.ctx, node)
    if src.shape.ty == rt.CHAR:
        return f"{src.iterator}.map(String::from)", rt.STR
    return _owned_items(src.iterator, src.shape), _elem_type(src.shape)


def _collect(code: str, target: str) -> str:
    return f"{code}.collect::<{target}>()"


@builtin("print")
def lower_print(call: Call) -> Expr:
    from backend.transpiler.lower import formatting

    return formatting.lower_print(call)


@builtin("len")
def lower_len(call: Call) -> Expr:
    arg = call.arg(0)
    ty = arg.ty
    if isinstance(ty, rt.StructT):
        from backend.transpiler.lower import classes

        found = classes.call_dunder(call.ctx, call.node, arg, "__len__", [])
        if found is not None:
            return found
    if isinstance(ty, rt.StrT):
        return Expr(f"{arg.at(Prec.POSTFIX)}.chars().count() as i64", rt.INT, Kind.OWNED, Prec.CAST)
    if isinstance(ty, rt.TupleT):
        return Expr(str(len(ty.items)), rt.INT)
    if isinstance(ty, rt.IterT):  # `len(range(0, 100, 7))`: a stepped range has no `len()`
        return Expr(f"{arg.at(Prec.POSTFIX)}.count() as i64", rt.INT, Kind.OWNED, Prec.CAST)
    return Expr(f"{arg.at(Prec.POSTFIX)}.len() as i64", rt.INT, Kind.OWNED, Prec.CAST)


@builtin("abs")
def lower_abs(call: Call) -> Expr:
    arg = values.value_expr(call.arg(0))
    if isinstance(arg.ty, rt.StructT):
        from backend.transpiler.lower import classes

        found = classes.call_dunder(call.ctx, call.node, arg, "__abs__", [])
        if found is not None:
            return found
    if arg.ty == rt.BOOL:
        arg = coerce(call.ctx, arg, rt.INT)
    if arg.ty == rt.INT:
        return int_ops.absolute(call.ctx, arg)
    if arg.ty == rt.COMPLEX:
        return Expr(f"{arg.at(Prec.POSTFIX)}.abs()", rt.FLOAT, Kind.OWNED, Prec.POSTFIX)
    return Expr(f"{values.receiver(arg)}.abs()", arg.ty, Kind.OWNED, Prec.POSTFIX)


def _min_max(call: Call, which: str) -> Expr:
    ctx = call.ctx
    result_t = call.result_type
    key = call.kwargs.get("key")
    default = call.kwargs.get("default")
    if len(call.args) >= 2:
        items = [coerce(ctx, call.arg(i), result_t) for i in range(len(call.args))]
        if key is None and result_t in (rt.INT, rt.FLOAT):
            code = values.receiver(values.value_expr(items[0]))  # `1.5_f64.max(m)`
            for item in items[1:]:
                code = f"{code}.{which}({values.value(item)})"
            return Expr(code, result_t, Kind.OWNED, Prec.POSTFIX)
        iterator = f"[{', '.join(values.owned(i) for i in items)}].into_iter()"
        elem = result_t
    else:
        if default is not None and _empty_display(call.args[0]):
            return lower_expr(ctx, default, result_t)  # `max([], default=d)` is just `d`
        iterator, elem = owned_iterator(call)
    if key is not None:
        helper = f"py_{which}_by"
        call.helper(helper)
        key_fn = _key_closure(call, key, elem)
        if default is not None:
            fallback = values.owned(lower_expr(ctx, default, elem))
            code = (
                f"{{ let items: Vec<_> = {iterator}.collect(); "
                f"if items.is_empty() {{ {fallback} }} else {{ {helper}(items, {key_fn}) }} }}"
            )
            return Expr(code, elem, Kind.OWNED)
        return Expr(f"{helper}({values.argument(iterator)}, {key_fn})", elem, Kind.OWNED)
    if default is not None:
        fallback = values.owned(lower_expr(ctx, default, elem))
        if elem.is_ord:
            return Expr(
                f"{iterator}.{which}().unwrap_or({fallback})", elem, Kind.OWNED, Prec.POSTFIX
            )
        call.helper(f"py_{which}")
        code = (
            f"{{ let items: Vec<_> = {iterator}.collect(); "
            f"if items.is_empty() {{ {fallback} }} else {{ py_{which}(items) }} }}"
        )
        return Expr(code, elem, Kind.OWNED)
    if elem.is_ord and not isinstance(elem, rt.UnknownT):
        msg = f"{which}() arg is an empty sequence"
        return Expr(f'{iterator}.{which}().expect("{msg}")', elem, Kind.OWNED, Prec.POSTFIX)
    helper = f"py_{which}"
    call.helper(helper)
    return Expr(f"{helper}({values.argument(iterator)})", elem, Kind.OWNED)


def _key_closure(call: Call, key_node, elem: rt.RType) -> str:  # type: ignore[no-untyped-def]
    """A closure `|x: &T| key(x)` for key= arguments (lambdas or function names)."""
    from backend.transpiler.lower import functions

    if isinstance(key_node, LambdaExpr):
        return functions.lower_lambda_with(call.ctx, key_node, [elem], by_ref=True).code
    return reference_closure(call.ctx, key_node, [elem], by_ref=True).code


def reference_closure(
    ctx: FnContext, fn_node: Expression, params: list[rt.RType], by_ref: bool
) -> Expr:
    """A function named as a value (`len`, `str.lower`, `abs`, a user function) where a
    closure is wanted: `|x| f(x)`, lowered as the call `f(x)` itself so builtins and
    methods take their usual translation. `by_ref`: the closure receives `&T`."""
    names = ["x"] if len(params) == 1 else [f"x{i}" for i in range(len(params))]
    ctx.push()
    pats = []
    args: list[Expression] = []
    for name, ty in zip(names, params, strict=True):
        if by_ref and ty.is_copy:
            ctx.declare(name, ty, Kind.PLACE)
            # a numeric item type is written out: rustc cannot pick `abs` for `{integer}`
            pats.append(f"&{name}: &{ty.render()}" if ty in (rt.INT, rt.FLOAT) else f"&{name}")
        else:
            ctx.declare(name, ty, Kind.BORROWED if by_ref else Kind.PLACE)
            pats.append(name)
        arg = NameExpr(name)
        arg.node = Var(name)
        args.append(arg)
    try:
        if (
            isinstance(fn_node, MemberExpr)
            and isinstance(fn_node.expr, NameExpr)
            and isinstance(fn_node.expr.node, TypeInfo)
        ):
            # `str.lower` is the method called on its first argument
            callee: Expression = MemberExpr(args[0], fn_node.name)
            synthetic = CallExpr(
                callee, args[1:], [ARG_POS] * (len(args) - 1), [None] * (len(args) - 1)
            )
        else:
            synthetic = CallExpr(fn_node, args, [ARG_POS] * len(args), [None] * len(args))
        for node in (synthetic, synthetic.callee):
            node.set_line(fn_node)
        body = lower_expr(ctx, synthetic)
    finally:
        ctx.pop()
    return Expr(
        f"|{', '.join(pats)}| {values.owned(body)}",
        rt.FnT(tuple(params), body.ty),
        Kind.OWNED,
        Prec.CLOSURE,
    )


@builtin("min")
def lower_min(call: Call) -> Expr:
    return _min_max(call, "min")


@builtin("max")
def lower_max(call: Call) -> Expr:
    return _min_max(call, "max")


@builtin("sum")
def lower_sum(call: Call) -> Expr:
    result_t = call.result_type
    start = call.args[1] if len(call.args) > 1 else call.kwargs.get("start")
    first_arg = call.args[0]
    if isinstance(first_arg, ListExpr | TupleExpr) and not first_arg.items:
        # the sum of an empty display is its start value (and Rust could not type the Vec)
        return lower_expr(call.ctx, start, result_t) if start is not None else Expr("0", rt.INT)
    iterator, elem = owned_iterator(call)
    if isinstance(result_t, rt.UnknownT):
        result_t = elem
    if elem == rt.BOOL:
        iterator = f"{iterator}.map(i64::from)"
    elif elem == rt.INT and result_t == rt.FLOAT:
        iterator = f"{iterator}.map(|v| v as f64)"
    if result_t == rt.INT:
        total = int_ops.sum_of(call.ctx, iterator)
    else:
        total = Expr(f"{iterator}.sum::<{result_t.render()}>()", result_t, Kind.OWNED, Prec.POSTFIX)
    if start is not None and not (isinstance(start, IntExpr) and start.value == 0):
        first = lower_expr(call.ctx, start, result_t)
        if result_t == rt.INT:
            return int_ops.arithmetic(call.ctx, "+", values.value_expr(first), total)
        code = f"{values.value_expr(first).at(Prec.ADD)} + {total.at(Prec(Prec.ADD + 1))}"
        return Expr(code, result_t, Kind.OWNED, Prec.ADD)
    return total


@builtin("sorted")
def lower_sorted(call: Call) -> Expr:
    arg_t = type_of(call.ctx, call.args[0])
    if (
        isinstance(arg_t, rt.ListT)
        and not isinstance(arg_t.elem, rt.UnknownT)
        and not _empty_display(call.args[0])
    ):
        # a list is copied as a whole (`xs.clone()`), not item by item
        items = call.arg(0)
        elem = items.ty.elem if isinstance(items.ty, rt.ListT) else arg_t.elem
        start = values.owned(items)
    else:
        iterator, elem = owned_iterator(call)
        start = f"{iterator}.collect::<Vec<_>>()"
    result_t = rt.ListT(elem)
    sort = sort_statement(call, "v", elem)
    code = f"{{ let mut v = {start}; {sort}; v }}"
    return Expr(code, result_t, Kind.OWNED)


def sort_statement(call: Call, target: str, elem: rt.RType) -> str:
    """`v.sort()` and friends for list.sort()/sorted(), with key= and reverse=."""
    key = call.kwargs.get("key")
    reverse_node = call.kwargs.get("reverse")
    reverse = "false"
    if reverse_node is not None:
        reverse = values.value(lower_expr(call.ctx, reverse_node, rt.BOOL))
    if key is not None:
        return _key_sort(call, target, key, elem, reverse)
    if elem.is_ord:  # see lower/sorts.py
        method = "sort_unstable" if sorts.equal_means_identical(elem) else "sort"
        if reverse == "false":
            return f"{target}.{method}()"
        if reverse == "true":
            return f"{target}.{method}_by(|a, b| b.cmp(a))"
    if sorts.floats_ordered(elem):
        call.helper("py_sort_floats")
        return f"py_sort_floats(&mut {target}, {reverse})"
    call.helper("py_sort")
    return f"py_sort(&mut {target}, {reverse})"


def _key_sort(call: Call, target: str, key: Expression, elem: rt.RType, reverse: str) -> str:
    closure = _key_closure(call, key, elem)
    body = sorts.pure_key_body(key)
    key_t = type_of(call.ctx, body) if body is not None else None
    if key_t is not None and key_t.is_ord and reverse in ("false", "true"):
        method = "sort_by_key" if key_t.is_copy else "sort_by_cached_key"
        if reverse == "false":
            return f"{target}.{method}({closure})"
        if closure.startswith("|"):  # `|p| p.score`: the projection only, no captures
            params_end = closure.index("|", 1) + 1
            reversed_key = (
                f"{closure[:params_end]} std::cmp::Reverse({closure[params_end:].strip()})"
            )
            return f"{target}.{method}({reversed_key})"
    call.helper("py_sort_by_key")
    return f"py_sort_by_key(&mut {target}, {closure}, {reverse})"


@builtin("reversed")
def lower_reversed(call: Call) -> Expr:
    iterator, elem = owned_iterator(call)
    return Expr(f"{iterator}.rev()", rt.IterT(elem), Kind.OWNED, Prec.POSTFIX)


@builtin("enumerate", "zip", "range", "iter")
def lower_iterator_value(call: Call) -> Expr:
    callee = call.node.callee
    is_iter = isinstance(callee, NameExpr) and callee.fullname == "builtins.iter"
    # iter(x) iterates x itself; enumerate/zip/range are sources of their own
    src = iter_source(call.ctx, call.args[0] if is_iter else call.node)
    code = _owned_items(src.iterator, src.shape)
    elem = _elem_type(src.shape)
    if code == f"({src.code})" and ".." in src.code and "(" not in src.code:
        return Expr(src.code, rt.IterT(elem), Kind.OWNED, Prec.RANGE)  # `let r = 0..n;`
    return Expr(code, rt.IterT(elem), Kind.OWNED, Prec.POSTFIX)


@builtin("bytes")
def lower_bytes_call(call: Call) -> Expr:
    """`bytes(b ^ key for b in data)`: ints in range(256) (ValueError otherwise, as in
    Python); `bytes(text, encoding[, errors])` is `text.encode(encoding, errors)`.
    `bytes(n)` (zeros) is not translated."""
    if not call.args:
        return Expr("Vec::<u8>::new()", rt.BYTES, Kind.OWNED)
    text = call.ctx.module.type_of(call.args[0]) in (rt.STR, rt.CHAR)
    if text and (len(call.args) > 1 or "encoding" in call.kwargs):
        return _bytes_of_text(call)
    if len(call.args) > 1 or call.kwargs or call.ctx.module.type_of(call.args[0]) == rt.INT:
        raise call.fail("bytes() of anything but an iterable of ints", "PRT167")
    iterator, elem = owned_iterator(call)
    if elem != rt.INT:
        raise call.fail("bytes() of anything but an iterable of ints", "PRT167")
    check = '.expect("ValueError: bytes must be in range(0, 256)")'
    code = f"{iterator}.map(|b| u8::try_from(b){check}).collect::<Vec<u8>>()"
    return Expr(code, rt.BYTES, Kind.OWNED, Prec.POSTFIX)


def _bytes_of_text(call: Call) -> Expr:
    from backend.transpiler.analyze.raising import codec_name
    from backend.transpiler.lower.str_methods import encode_text

    errors = call.args[2] if len(call.args) > 2 else call.kwargs.get("errors")
    strict = errors is None or (isinstance(errors, StrExpr) and errors.value == "strict")
    return encode_text(call, call.arg(0), codec_name(call.node, 1), strict)


@builtin("list", "tuple")
def lower_list_call(call: Call) -> Expr:
    if not call.args:
        return Expr("Vec::new()", call.result_type)
    iterator, elem = owned_iterator(call)
    target = call.result_type
    if not isinstance(target, rt.ListT):
        target = rt.ListT(elem)
    return Expr(_collect(iterator, "Vec<_>"), target, Kind.OWNED, Prec.POSTFIX)


@builtin("set", "frozenset")
def lower_set_call(call: Call) -> Expr:
    target = call.result_type
    if not call.args:
        if not isinstance(target, rt.SetT) or isinstance(target.elem, rt.UnknownT):
            # mypy could not type the empty set: let rustc infer the (ordered) elements
            call.ctx.module.use("std::collections::BTreeSet")
            return Expr("BTreeSet::new()", rt.SetT(rt.UNKNOWN))
        call.ctx.module.note_type(target)
        return Expr(f"{target.render().split('<')[0]}::new()", target)
    iterator, elem = owned_iterator(call)
    if not isinstance(target, rt.SetT) or isinstance(target.elem, rt.UnknownT):
        target = rt.SetT(elem)
    call.ctx.module.note_type(target)
    kind = target.render().split("<")[0]
    return Expr(_collect(iterator, f"{kind}<_>"), target, Kind.OWNED, Prec.POSTFIX)


@builtin("dict")
def lower_dict_call(call: Call) -> Expr:
    target = call.result_type
    call.ctx.module.note_type(target)
    base = _dict_base(call, target)
    if not call.kwargs:
        return base
    # `dict(a=1, b=2)` / `dict(pairs, a=1)`: the keywords are str keys inserted after the
    # positional items, in order (a repeated key keeps its first place, as in Python)
    value_t = target.value if isinstance(target, rt.DictT) else None
    entries = ", ".join(
        f"(String::from({rust_str_literal(name)}), "
        f"{values.owned(lower_expr(call.ctx, node, value_t))})"
        for name, node in call.kwargs.items()
    )
    code = f"{{ let mut d: {target.render()} = {base.code}; d.extend([{entries}]); d }}"
    return Expr(code, target, Kind.OWNED)


def _dict_base(call: Call, target: rt.RType) -> Expr:
    """The dict that `dict(x)`'s positional argument gives (empty without one)."""
    if not call.args:
        return Expr("PyDict::new()", target, Kind.OWNED)
    arg_t = type_of(call.ctx, call.args[0])
    if isinstance(arg_t, rt.DictT):
        return values.owned_expr(call.arg(0))
    iterator, elem = owned_iterator(call)
    if isinstance(elem, rt.TupleT) and len(elem.items) == 2 and rt.CHAR in elem.items:
        # `dict(zip("ab", ...))`: a str's items are one-char strs, keys of `dict[str, _]`
        k, v = (
            "k.to_string()" if t == rt.CHAR else n for t, n in zip(elem.items, "kv", strict=True)
        )
        iterator = f"{iterator}.map(|(k, v)| ({k}, {v}))"
    return Expr(_collect(iterator, "PyDict<_, _>"), target, Kind.OWNED, Prec.POSTFIX)


@builtin("str")
def lower_str_call(call: Call) -> Expr:
    from backend.transpiler.lower import formatting

    return formatting.lower_str_builtin(call)


@builtin("repr")
def lower_repr(call: Call) -> Expr:
    from backend.transpiler.lower import formatting

    return formatting.lower_str_builtin(call, "r")


@builtin("int")
def lower_int_call(call: Call) -> Expr:
    if not call.args:
        return Expr("0", rt.INT)
    arg = call.arg(0)
    if isinstance(arg.ty, rt.StrT) or arg.ty == rt.CHAR:
        if len(call.args) > 1 or "base" in call.kwargs:
            base_node = call.args[1] if len(call.args) > 1 else call.kwargs["base"]
            base = values.value(lower_expr(call.ctx, base_node, rt.INT))
            return _parse(call, arg, "py_int_parse_base", "i64", "builtins.int", base)
        return _parse(call, arg, "py_int_parse", "i64", "builtins.int")
    if arg.ty == rt.FLOAT:
        return Expr(f"{values.value_expr(arg).at(Prec.CAST)} as i64", rt.INT, Kind.OWNED, Prec.CAST)
    if arg.ty == rt.BIGINT:
        return arg  # `int(n)` of an arbitrary-precision int is itself
    return coerce(call.ctx, values.value_expr(arg), rt.INT)


@builtin("float")
def lower_float_call(call: Call) -> Expr:
    if not call.args:
        return Expr("0.0", rt.FLOAT)
    arg = call.arg(0)
    if isinstance(arg.ty, rt.StrT):
        return _parse(call, arg, "py_float_parse", "f64", "builtins.float")
    return coerce(call.ctx, values.value_expr(arg), rt.FLOAT)


def _parse(
    call: Call, arg: Expr, helper: str, rust_t: str, fullname: str, base: str | None = None
) -> Expr:
    ctx = call.ctx
    ty = rt.INT if rust_t == "i64" else rt.FLOAT
    text = values.borrow_str(arg) if base is None else f"{values.borrow_str(arg)}, {base}"
    if ctx.module.raising.implicit_fallible(fullname):
        from backend.transpiler.lower import exceptions

        call.helper(helper)
        result = Expr(f"{helper}({text})", ty, Kind.OWNED, Prec.POSTFIX)
        return exceptions.propagate(ctx, call.node, result)
    call.helper(helper, "py_uncaught")
    code = f"{helper}({text}).unwrap_or_else(|e| py_uncaught(e))"
    return Expr(code, ty, Kind.OWNED, Prec.POSTFIX)


@builtin("bool")
def lower_bool_call(call: Call) -> Expr:
    if not call.args or _empty_display(call.args[0]):
        return Expr("false", rt.BOOL)
    return values.truthy(call.ctx, call.args[0], call.arg(0))


def _empty_display(node: Expression) -> bool:
    """`[]`, `()`, `{}`, `set()`: falsy constants (and Rust could not type them alone)."""
    if isinstance(node, ListExpr | TupleExpr | DictExpr) and not node.items:
        return True
    return (
        isinstance(node, CallExpr)
        and not node.args
        and isinstance(node.callee, NameExpr)
        and node.callee.fullname
        in ("builtins.set", "builtins.list", "builtins.dict", "builtins.tuple")
    )


@builtin("round")
def lower_round(call: Call) -> Expr:
    arg = values.value_expr(call.arg(0))
    if arg.ty == rt.INT:
        digits_node = call.args[1] if len(call.args) > 1 else call.kwargs.get("ndigits")
        if digits_node is None or (isinstance(digits_node, IntExpr) and digits_node.value >= 0):
            return arg
        return _round_int(call, arg, values.value(lower_expr(call.ctx, digits_node, rt.INT)))
    if len(call.args) > 1 or "ndigits" in call.kwargs:
        node = call.args[1] if len(call.args) > 1 else call.kwargs["ndigits"]
        digits = values.value(lower_expr(call.ctx, node, rt.INT))
        call.helper("py_round_to")
        return Expr(f"py_round_to({arg.code}, {digits})", rt.FLOAT, Kind.OWNED)
    call.helper("py_round")
    return Expr(f"py_round({arg.code})", rt.INT, Kind.OWNED)


def _round_int(call: Call, arg: Expr, digits: str) -> Expr:
    """`round(n, -k)` on an int: to a multiple of 10**k, ties to even (as CPython)."""
    code = (
        f"{{ let (x, k): (i64, i64) = ({arg.code}, {digits}); if k >= 0 {{ x }} else {{ "
        f"let p = 10_i64.pow((-k) as u32); let (q, r) = (x.div_euclid(p), x.rem_euclid(p)); "
        f"let q = if 2 * r > p || (2 * r == p && q % 2 != 0) {{ q + 1 }} else {{ q }}; q * p }} }}"
    )
    return Expr(code, rt.INT, Kind.OWNED)


@builtin("divmod")
def lower_divmod(call: Call) -> Expr:
    if rt.FLOAT in (type_of(call.ctx, call.args[0]), type_of(call.ctx, call.args[1])):
        x = values.value(coerce(call.ctx, call.arg(0), rt.FLOAT))
        y = values.value(coerce(call.ctx, call.arg(1), rt.FLOAT))
        call.helper("py_floordiv_f", "py_mod_f")
        code = f"{{ let (x, y) = ({x}, {y}); (py_floordiv_f(x, y), py_mod_f(x, y)) }}"
        return Expr(code, rt.TupleT((rt.FLOAT, rt.FLOAT)), Kind.OWNED)
    if rt.BIGINT in (type_of(call.ctx, call.args[0]), type_of(call.ctx, call.args[1])):
        from backend.transpiler.lower import bigints

        return bigints.divmod_(call.ctx, call.arg(0), call.arg(1))  # arbitrary precision
    a = values.value(coerce(call.ctx, call.arg(0), rt.INT))
    b = values.value(coerce(call.ctx, call.arg(1), rt.INT))
    call.helper("py_divmod")
    return Expr(f"py_divmod({a}, {b})", rt.TupleT((rt.INT, rt.INT)), Kind.OWNED)


@builtin("pow")
def lower_pow(call: Call) -> Expr:
    """`pow(a, b)` is `a ** b`; `pow(a, b, m)` the modular power (as CPython's, the result
    has the sign of `m`: non-negative for a positive modulus, negative bases included)."""
    from backend.transpiler.lower import operators

    if len(call.args) != len(call.node.args) or not 2 <= len(call.args) <= 3:
        raise call.fail("pow() with keyword arguments", "PRT160")
    raw_base, raw_exp = call.arg(0), call.arg(1)
    if rt.BIGINT in (call.result_type, raw_base.ty, raw_exp.ty):
        from backend.transpiler.lower import bigints

        base, exp = values.value_expr(raw_base), values.value_expr(raw_exp)
        if len(call.args) == 3:
            return bigints.pow_mod(call.ctx, base, exp, call.arg(2))
        return bigints.power(call.ctx, call.node, base, exp)
    base = values.value_expr(coerce(call.ctx, raw_base, rt.INT))
    exp = values.value_expr(coerce(call.ctx, raw_exp, rt.INT))
    if len(call.args) == 3:
        mod = values.value(coerce(call.ctx, call.arg(2), rt.INT))
        call.helper("py_powmod")
        return Expr(f"py_powmod({base.code}, {exp.code}, {mod})", rt.INT, Kind.OWNED)
    if call.result_type == rt.FLOAT or rt.FLOAT in (base.ty, exp.ty):
        b = coerce(call.ctx, base, rt.FLOAT)
        e = coerce(call.ctx, exp, rt.FLOAT)
        return int_ops.float_power(call.ctx, b, e)
    return operators.int_power(call.ctx, call.node, base, exp, call.args[1])


def _any_all(call: Call, which: str) -> Expr:
    node = call.args[0]
    if isinstance(node, ListExpr | TupleExpr) and not node.items:
        return Expr("false" if which == "any" else "true", rt.BOOL)
    if isinstance(node, GeneratorExpr) and len(node.sequences) == 1 and not node.condlists[0]:
        from backend.transpiler.lower import comprehensions

        code = comprehensions.predicate_over(call.ctx, node, which)
        return Expr(code, rt.BOOL, Kind.OWNED, Prec.POSTFIX)
    iterator, elem = owned_iterator(call)
    test = values.truthy(call.ctx, call.node, Expr("v", elem, Kind.PLACE)).code
    return Expr(f"{iterator}.{which}(|v| {test})", rt.BOOL, Kind.OWNED, Prec.POSTFIX)


@builtin("any")
def lower_any(call: Call) -> Expr:
    return _any_all(call, "any")


@builtin("all")
def lower_all(call: Call) -> Expr:
    return _any_all(call, "all")


@builtin("map")
def lower_map(call: Call) -> Expr:
    """`map(f, xs)`: `xs.map(|x| f(x))`; `map(f, xs, ys)`: `xs.zip(ys).map(|(x, y)| ..)`,
    stopping at the shortest, as Python. The items' type is what `f` returns."""
    from backend.transpiler.lower.closures import callable_closure

    if len(call.args) < 2 or call.kwargs:
        raise call.fail("map() without an iterable", "PRT165")
    sources = [owned_iterator(call, index) for index in range(1, len(call.args))]
    zipped = sources[0][0] + "".join(f".zip({iterator})" for iterator, _ in sources[1:])
    mode = "owned" if len(sources) == 1 else "zipped"
    closure = callable_closure(call.ctx, call.args[0], [elem for _, elem in sources], mode)
    out_elem = closure.ty.ret if isinstance(closure.ty, rt.FnT) else rt.UNKNOWN
    if isinstance(out_elem, rt.UnknownT):
        result_t = call.result_type
        out_elem = result_t.elem if isinstance(result_t, rt.IterT) else rt.UNKNOWN
    return Expr(f"{zipped}.map({closure.code})", rt.IterT(out_elem), Kind.OWNED, Prec.POSTFIX)


@builtin("filter")
def lower_filter(call: Call) -> Expr:
    """`filter(f, xs)` keeps the items `f` says are truthy; `filter(None, xs)` the truthy
    items themselves."""
    from backend.transpiler.lower.closures import callable_closure

    fn_node = call.args[0]
    iterator, elem = owned_iterator(call, 1)
    if isinstance(fn_node, NameExpr) and fn_node.fullname == "builtins.None":
        test = values.truthy(call.ctx, call.node, Expr("x", elem, Kind.BORROWED)).code
        return Expr(f"{iterator}.filter(|x| {test})", rt.IterT(elem), Kind.OWNED, Prec.POSTFIX)
    closure = callable_closure(call.ctx, fn_node, [elem], "ref")
    verdict = closure.ty.ret if isinstance(closure.ty, rt.FnT) else rt.UNKNOWN
    if verdict != rt.BOOL:  # `filter(len, words)`: the predicate's result is tested for truth
        pattern, _, body = closure.code.partition("| ")
        result = Expr(f"({body})", verdict, Kind.OWNED, Prec.ATOM)
        test = values.truthy(call.ctx, call.node, result).code
        closure = Expr(f"{pattern}| {test}", rt.FnT((elem,), rt.BOOL))
    return Expr(f"{iterator}.filter({closure.code})", rt.IterT(elem), Kind.OWNED, Prec.POSTFIX)


@builtin("ord")
def lower_ord(call: Call) -> Expr:
    arg = call.arg(0)
    if arg.ty == rt.CHAR:
        return Expr(f"{arg.at(Prec.CAST)} as i64", rt.INT, Kind.OWNED, Prec.CAST)
    call.helper("py_ord")
    return Expr(f"py_ord({values.borrow_str(arg)})", rt.INT, Kind.OWNED)


@builtin("chr")
def lower_chr(call: Call) -> Expr:
    call.helper("py_chr")
    return Expr(f"py_chr({values.value(call.arg(0, rt.INT))})", rt.STR, Kind.OWNED)


@builtin("isinstance")
def lower_isinstance(call: Call) -> Expr:
    value_t = type_of(call.ctx, call.args[0])
    from backend.transpiler.lower import type_tests

    declared = type_tests.declared_class_answer(call.ctx, call.node)  # an overload's variant
    if declared is not None:
        return declared
    if value_t == rt.StructT("PyException"):  # exceptions carry their class at run time
        from backend.transpiler.lower import exceptions

        return exceptions.lower_exception_isinstance(call)
    from backend.transpiler.lower import unions

    variant_test = unions.lower_isinstance(call.ctx, call.node)  # `int | str` values
    if variant_test is not None:
        return variant_test
    from backend.transpiler.lower import class_hierarchy

    user_class = class_hierarchy.lower_isinstance(call, value_t)  # subclasses, hierarchy enums
    if user_class is not None:
        return user_class
    if isinstance(value_t, rt.UnknownT):
        raise call.fail("isinstance() on a value of unknown type", "PRT166")
    return type_tests.lower_static_isinstance(call.ctx, call.node)


@builtin("issubclass")
def lower_issubclass(call: Call) -> Expr:
    from backend.transpiler.lower import exceptions

    return exceptions.lower_issubclass(call)


@builtin("hex", "bin", "oct")
def lower_radix(call: Call) -> Expr:
    name = call.node.callee.name  # type: ignore[attr-defined]
    spec = {"hex": "#x", "bin": "#b", "oct": "#o"}[name]
    call.helper("py_format")
    arg = values.receiver(values.value_expr(call.arg(0, rt.INT)))  # `(a - b).py_format(..)`
    return Expr(f'{arg}.py_format("{spec}")', rt.STR, Kind.OWNED, Prec.POSTFIX)


@builtin("format")
def lower_format_call(call: Call) -> Expr:
    arg = call.arg(0)
    spec = call.arg(1) if len(call.args) > 1 else Expr('""', rt.STR, Kind.BORROWED)
    call.helper("py_format")
    return Expr(
        f"{arg.at(Prec.POSTFIX)}.py_format({values.borrow_str(spec)})",
        rt.STR,
        Kind.OWNED,
        Prec.POSTFIX,
    )


@builtin("next")
def lower_next(call: Call) -> Expr:
    it = call.arg(0)
    elem = it.ty.elem if isinstance(it.ty, rt.IterT) else call.result_type
    if len(call.args) > 1:
        default = values.owned(call.arg(1, elem))
        return Expr(
            f"{it.at(Prec.POSTFIX)}.next().unwrap_or({default})", elem, Kind.OWNED, Prec.POSTFIX
        )
    return Expr(
        f'{it.at(Prec.POSTFIX)}.next().expect("StopIteration")', elem, Kind.OWNED, Prec.POSTFIX
    )
