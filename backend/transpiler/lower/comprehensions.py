"""Comprehensions and generator expressions as iterator chains (one `for`), or as an
explicit loop that fills the collection (several `for`s)."""

from __future__ import annotations

import re
from collections.abc import Callable

from mypy.nodes import (
    DictionaryComprehension,
    Expression,
    GeneratorExpr,
    ListComprehension,
    NameExpr,
    SetComprehension,
)

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import FnContext
from backend.transpiler.lower.expressions import lower_expr, type_of
from backend.transpiler.lower.iteration import (
    Shape,
    Source,
    bind_target,
    iter_source,
    unpacked_rows,
)

# lowers the element(s) a comprehension produces: (Rust code, element type)
Produce = Callable[[], tuple[str, rt.RType]]


def _all_of(ctx: FnContext, conds: list[Expression]) -> str:
    """The `if` clauses of one generator joined with `&&` (each keeps its own precedence:
    `if a if b or c` is `a && (b || c)`)."""
    tests = [values.truthy(ctx, c, lower_expr(ctx, c)) for c in conds]
    return " && ".join(t.at(Prec.AND) if len(tests) > 1 else t.code for t in tests)


def _simple_copy_source(src: Source) -> tuple[str, Shape]:
    """Turn references to Copy items into values, so closures bind plain values."""
    shape = src.shape
    if not shape.is_tuple and shape.ref and shape.ty.is_copy:
        return f"{src.iterator}.copied()", Shape(shape.ty, False)
    return src.iterator, shape


def _chain(
    ctx: FnContext,
    target: Expression,
    src: Source,
    conds: list[Expression],
    produce: Produce,
) -> tuple[str, rt.RType]:
    """`iter.filter(..).map(..)` for one generator; `produce()` lowers the element(s)."""
    src = unpacked_rows(ctx, target, src)
    iterator, shape = _simple_copy_source(src)
    if conds and shape.is_tuple:
        ctx.push()
        pat = bind_target(ctx, target, shape)
        test = _all_of(ctx, conds)
        out, ty = produce()
        ctx.pop()
        pat = _unused_as_wildcard(pat, test, out)
        return f"{iterator}.filter_map(|{pat}| if {test} {{ Some({out}) }} else {{ None }})", ty
    code = iterator
    if conds:
        ctx.push()
        fpat = _filter_pattern(ctx, target, shape)
        test = _all_of(ctx, conds)
        ctx.pop()
        code = f"{code}.filter(|{_unused_as_wildcard(fpat, test)}| {test})"
    ctx.push()
    pat = bind_target(ctx, target, shape)
    out, ty = produce()
    ctx.pop()
    if out != pat or pat.startswith("&") or pat.startswith("mut "):
        if isinstance(target, NameExpr) and out == target.name and not shape.ref:
            return code, ty
        code = f"{code}.map(|{_unused_as_wildcard(pat, out)}| {out})"
    return code, ty


_BINDING = re.compile(r"(?<![\w.'])(?:mut )?([a-z_][A-Za-z0-9_]*)\b(?!\s*[(:!])")


def _unused_as_wildcard(pattern: str, *uses: str) -> str:
    """Replace names the closure body never mentions by `_` (rustc warns on unused ones)."""
    body = " ".join(uses)

    def swap(m: re.Match[str]) -> str:
        name = m.group(1)
        # a use follows no identifier char and no single `.` (a field), but may follow `..`
        if name in ("mut", "ref", "_") or re.search(
            rf"(?<!\w)(?<!(?<!\.)\.){re.escape(name)}\b", body
        ):
            return m.group(0)
        return "_"

    return _BINDING.sub(swap, pattern)


def _filter_pattern(ctx: FnContext, target: Expression, shape: Shape) -> str:
    """Filter closures receive `&Item`: bind one level deeper than the loop would."""
    if isinstance(target, NameExpr) and not shape.is_tuple:
        name = target.name
        if shape.ty.is_copy and not shape.ref:
            ctx.declare(name, shape.ty, Kind.PLACE)
            return f"&{name}"
        if shape.ref:
            ctx.declare(name, shape.ty, Kind.BORROWED)
            return f"&{name}"
        ctx.declare(name, shape.ty, Kind.BORROWED)
        return name
    return bind_target(ctx, target, shape)


def _element(ctx: FnContext, node: Expression, elem_t: rt.RType) -> Produce:
    def produce() -> tuple[str, rt.RType]:
        e = lower_expr(ctx, node, elem_t)
        return values.owned(e), e.ty if isinstance(elem_t, rt.UnknownT) else elem_t

    return produce


def generator_iterator(
    ctx: FnContext, node: GeneratorExpr, wanted: rt.RType | None = None
) -> tuple[str, rt.RType]:
    """An iterator with owned items for a generator expression (single or nested `for`);
    `wanted` is the item type of the container being built (a list of closures boxes
    each one)."""
    ty = type_of(ctx, node)
    elem_t = ty.elem if isinstance(ty, rt.IterT) else rt.UNKNOWN
    if wanted is not None and not isinstance(wanted, rt.UnknownT):
        elem_t = wanted
    if len(node.sequences) == 1:
        src = iter_source(ctx, node.sequences[0])
        chain = _chain(
            ctx,
            node.indices[0],
            src,
            list(node.condlists[0]),
            _element(ctx, node.left_expr, elem_t),
        )
        if not propagates_error(chain[0]):
            return chain
    # several `for`s, or a body that raises (`?` cannot leave a closure): an explicit loop
    code, elem = _nested_loops(
        ctx,
        node.indices,
        node.sequences,
        node.condlists,
        lambda: _push_value(ctx, node.left_expr, elem_t),
        "Vec::new()",
    )
    return f"{code}.into_iter()", elem


def _push_value(ctx: FnContext, node: Expression, elem_t: rt.RType) -> tuple[str, rt.RType]:
    e = lower_expr(ctx, node, elem_t)
    return f"result.push({values.owned(e)});", e.ty if isinstance(elem_t, rt.UnknownT) else elem_t


def _nested_loops(
    ctx: FnContext,
    indices: list[Expression],
    sequences: list[Expression],
    condlists: list[list[Expression]],
    body: Produce,
    init: str,
) -> tuple[str, rt.RType]:
    """`{ let mut result = init; for .. { for .. { if .. { body } } } result }`"""
    opened = 0
    # a loop header is ("PATTERN", pattern, rest): unused names in the pattern become `_`
    # once the whole text after it is known
    parts: list[str | tuple[str, str, str]] = [f"{{ let mut result = {init}; "]
    elem: rt.RType = rt.UNKNOWN
    for target, seq, conds in zip(indices, sequences, condlists, strict=True):
        src = unpacked_rows(ctx, target, iter_source(ctx, seq))
        ctx.push()
        opened += 1
        pat = bind_target(ctx, target, src.shape)
        parts.append(("PATTERN", pat, f" in {src.code} {{ "))
        for cond in conds:
            parts.append(f"if {values.truthy(ctx, cond, lower_expr(ctx, cond)).code} {{ ")
            opened += 1
    stmt, elem = body()
    parts.append(stmt)
    closes = opened
    for _ in range(len(indices)):
        ctx.pop()
    parts.append(" }" * closes)
    parts.append(" result }")
    text = ""
    for index, part in enumerate(parts):
        if isinstance(part, tuple):
            later = "".join(p if isinstance(p, str) else p[2] for p in parts[index + 1 :])
            text += f"for {_unused_as_wildcard(part[1], part[2], later)}{part[2]}"
        else:
            text += part
    return text, elem


def _raises_in_closure(ctx: FnContext, gen: GeneratorExpr) -> bool:
    return propagates_error(generator_iterator(ctx, gen)[0])


def lower_list_comprehension(ctx: FnContext, node: ListComprehension) -> Expr:
    gen = node.generator
    ty = type_of(ctx, node)
    elem_t = ty.elem if isinstance(ty, rt.ListT) else rt.UNKNOWN
    if len(gen.sequences) == 1 and not _raises_in_closure(ctx, gen):
        code, elem = generator_iterator(ctx, gen, elem_t)
        return Expr(
            f"{code}.collect::<Vec<_>>()",
            rt.ListT(elem if isinstance(elem_t, rt.UnknownT) else elem_t),
            Kind.OWNED,
            Prec.POSTFIX,
        )
    code, elem = _nested_loops(
        ctx,
        gen.indices,
        gen.sequences,
        gen.condlists,
        lambda: _push_value(ctx, gen.left_expr, elem_t),
        "Vec::new()",
    )
    return Expr(code, rt.ListT(elem), Kind.OWNED)


def lower_set_comprehension(ctx: FnContext, node: SetComprehension) -> Expr:
    gen = node.generator
    ty = type_of(ctx, node)
    ctx.module.note_type(ty)
    kind = ty.render().split("<")[0]
    if len(gen.sequences) == 1 and not _raises_in_closure(ctx, gen):
        code, _ = generator_iterator(ctx, gen)
        return Expr(f"{code}.collect::<{kind}<_>>()", ty, Kind.OWNED, Prec.POSTFIX)
    elem_t = ty.elem if isinstance(ty, rt.SetT) else rt.UNKNOWN

    def insert() -> tuple[str, rt.RType]:
        e = lower_expr(ctx, gen.left_expr, elem_t)
        return f"result.insert({values.owned(e)});", e.ty

    code, _ = _nested_loops(
        ctx, gen.indices, gen.sequences, gen.condlists, insert, f"{kind}::new()"
    )
    return Expr(code, ty, Kind.OWNED)


def lower_dict_comprehension(ctx: FnContext, node: DictionaryComprehension) -> Expr:
    ty = type_of(ctx, node)
    ctx.module.note_type(ty)
    ctx.module.use_helper("py_dict")
    key_t = ty.key if isinstance(ty, rt.DictT) else rt.UNKNOWN
    val_t = ty.value if isinstance(ty, rt.DictT) else rt.UNKNOWN

    def pair() -> tuple[str, rt.RType]:
        # `key` is None only for `{**d for ...}` (PEP 798 unpacking), which Python 3.11 rejects
        assert node.key is not None
        k = values.owned(lower_expr(ctx, node.key, key_t))
        v = values.owned(lower_expr(ctx, node.value, val_t))
        return f"({k}, {v})", rt.TupleT((key_t, val_t))

    if len(node.sequences) == 1:
        src = iter_source(ctx, node.sequences[0])
        code, _ = _chain(ctx, node.indices[0], src, list(node.condlists[0]), pair)
        if not propagates_error(code):
            return Expr(f"{code}.collect::<PyDict<_, _>>()", ty, Kind.OWNED, Prec.POSTFIX)

    def insert() -> tuple[str, rt.RType]:
        text, t = pair()
        return f"result.insert{text};", t

    code, _ = _nested_loops(
        ctx, node.indices, node.sequences, node.condlists, insert, "PyDict::new()"
    )
    return Expr(code, ty, Kind.OWNED)


def lower_generator_expr(ctx: FnContext, node: GeneratorExpr) -> Expr:
    code, elem = generator_iterator(ctx, node)
    return Expr(code, rt.IterT(elem), Kind.OWNED, Prec.POSTFIX)


def predicate_over(ctx: FnContext, node: GeneratorExpr, which: str) -> str:
    """`any(cond for x in xs)` as `xs.iter().any(|&x| cond)`."""
    src = unpacked_rows(ctx, node.indices[0], iter_source(ctx, node.sequences[0]))
    iterator, shape = _simple_copy_source(src)
    ctx.push()
    pat = bind_target(ctx, node.indices[0], shape)
    test = values.truthy(ctx, node.left_expr, lower_expr(ctx, node.left_expr)).code
    ctx.pop()
    if len(node.sequences) > 1 or node.condlists[0] or propagates_error(test):
        return _predicate_loop(ctx, node, which)
    return f"{iterator}.{which}(|{_unused_as_wildcard(pat, test)}| {test})"


def _predicate_loop(ctx: FnContext, node: GeneratorExpr, which: str) -> str:
    """`all(f(x) for ...)` where `f` raises (or with several `for`s / conditions): a loop
    that stops at the first deciding item, as Python's short-circuit does, and lets `?`
    reach the function."""
    stop = "false" if which == "all" else "true"
    label = ctx.new_label("scan")

    def decide() -> tuple[str, rt.RType]:
        test = values.truthy(ctx, node.left_expr, lower_expr(ctx, node.left_expr))
        negated = f"!{test.at(Prec.UNARY)}" if which == "all" else test.code
        return f"if {negated} {{ result = {stop}; break '{label}; }}", rt.BOOL

    code, _ = _nested_loops(
        ctx,
        node.indices,
        node.sequences,
        node.condlists,
        decide,
        "true" if which == "all" else "false",
    )
    return code.replace("for ", f"'{label}: for ", 1)


_STRING_LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"' r"|'(?:[^'\\]|\\.)'")


_LABELLED_EXIT = re.compile(r"\b(?:break|continue) '(\w+)")


def propagates_error(code: str) -> bool:
    """Does closure code contain a `?` (a raising call) or a `break` to a label it does not
    define (an error leaving for an enclosing `try`)? A closure can do neither."""
    code = _STRING_LITERAL.sub("", code)
    if "?" in code:
        return True
    return any(f"'{label}:" not in code for label in _LABELLED_EXIT.findall(code))
