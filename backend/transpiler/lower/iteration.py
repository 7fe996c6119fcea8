"""What a Python `for` iterates over, as Rust iterators, and how loop targets bind.

An item *shape* says whether the iterator yields owned values or references; the pattern
for the loop target follows from it (`&x` for Copy references, `(k, v)` for pairs…), and so
does the kind of each bound variable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mypy.nodes import (
    ARG_STAR,
    CallExpr,
    Expression,
    IntExpr,
    ListExpr,
    MemberExpr,
    NameExpr,
    StarExpr,
    TupleExpr,
)

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import FnContext, Unsupported, rust_ident
from backend.transpiler.lower.expressions import lower_expr, type_of
from backend.transpiler.lower.functions import zipped_pattern
from backend.transpiler.lower.subscripts import literal_int


@dataclass(frozen=True)
class Shape:
    """One yielded item: a value or a reference of `ty`, or a tuple of shapes."""

    ty: rt.RType
    ref: bool = False
    parts: tuple[Shape, ...] = ()
    mutable: bool = False  # `&mut T` items (`iter_mut()`): the body changes the objects

    @property
    def is_tuple(self) -> bool:
        return bool(self.parts)


def value_shape(ty: rt.RType) -> Shape:
    return Shape(ty, False)


def ref_shape(ty: rt.RType) -> Shape:
    if isinstance(ty, rt.TupleT):
        return Shape(ty, True, tuple(Shape(t, True) for t in ty.items))
    return Shape(ty, True)


@dataclass
class Source:
    """`code` is used directly after `in` of a Rust `for`; `iterator` is an Iterator value."""

    code: str
    iterator: str
    shape: Shape
    nonneg: bool = False  # a range that yields non-negative ints only
    below_stop: bool = False  # a range stepped upward: each item is below an i64 stop


def _src(
    code: str,
    shape: Shape,
    iterator: str | None = None,
    nonneg: bool = False,
    below_stop: bool = False,
) -> Source:
    return Source(code, iterator or code, shape, nonneg, below_stop)


def iter_source(ctx: FnContext, node: Expression) -> Source:
    if isinstance(node, CallExpr):
        special = _call_source(ctx, node)
        if special is not None:
            return special
    e = lower_expr(ctx, node)
    return source_of_value(ctx, node, e)


def source_of_value(ctx: FnContext, node: Expression, e: Expr) -> Source:
    ty = e.ty
    base = e.at(Prec.POSTFIX)
    if isinstance(ty, rt.StrT):
        return _src(f"{base}.chars()", value_shape(rt.CHAR))
    if isinstance(ty, rt.ListT | rt.SetT | rt.DequeT):
        if e.kind is Kind.OWNED:
            return _src(e.code, value_shape(ty.elem), f"{base}.into_iter()")
        if e.kind is Kind.BORROWED:
            return _src(base, ref_shape(ty.elem), f"{base}.iter()")  # `for &x in xs`
        if e.kind is Kind.MUT_BORROWED:
            return _src(f"{base}.iter()", ref_shape(ty.elem))
        if any(c.rust_name == e.code for c in ctx.module.constants.values()):
            return _src(f"{base}.iter()", ref_shape(ty.elem))  # a `LazyLock` static derefs
        return _src(f"&{e.at(Prec.UNARY)}", ref_shape(ty.elem), f"{base}.iter()")
    if isinstance(ty, rt.DictT):
        if e.kind is Kind.OWNED:
            return _src(f"{base}.into_iter().map(|(k, _)| k)", value_shape(ty.key))
        return _src(f"{base}.keys()", ref_shape(ty.key))
    if isinstance(ty, rt.IterT):
        if e.kind is Kind.PLACE and _iterator_reused(ctx, node):
            # a generator held in a variable: Python's `for` leaves it usable afterwards
            return _src(f"{base}.by_ref()", value_shape(ty.elem))
        return _src(e.code, value_shape(ty.elem), base)
    if isinstance(ty, rt.BytesT):
        return _src(f"{base}.iter().map(|&b| i64::from(b))", value_shape(rt.INT))
    if isinstance(ty, rt.StructT):
        from backend.transpiler.lower.class_uses import call_dunder

        items = call_dunder(ctx, node, e, "__iter__", [])  # an object whose class has `__iter__`
        if items is not None and isinstance(items.ty, rt.IterT):
            return _src(items.code, value_shape(items.ty.elem))
    if isinstance(ty, rt.TupleT) and len(set(ty.items)) == 1:
        if isinstance(node, TupleExpr):  # `all((a, b, c))`: the items themselves
            parts = [values.owned(lower_expr(ctx, item)) for item in node.items]
            array = f"[{', '.join(parts)}]"
        elif re.fullmatch(r"[A-Za-z_]\w*", base):
            array = f"[{', '.join(f'{base}.{i}' for i in range(len(ty.items)))}]"
        else:  # evaluated once, as Python evaluates it, then taken apart
            fields = ", ".join(f"tuple_items.{i}" for i in range(len(ty.items)))
            array = f"{{ let tuple_items = {values.owned(e)}; [{fields}] }}"
        return _src(array, value_shape(ty.items[0]), f"{array}.into_iter()")
    raise Unsupported(node, f"iterating over {ty.render()}", "PRT150")


def _iterator_reused(ctx: FnContext, node: Expression) -> bool:
    """The mutation analysis marks iterator variables advanced in place (`next`, `for`)."""
    return isinstance(node, NameExpr) and ctx.facts is not None and node.name in ctx.facts.mutated


def _call_source(ctx: FnContext, node: CallExpr) -> Source | None:
    callee = node.callee
    if isinstance(callee, NameExpr):
        handler = _BUILTIN_SOURCES.get(callee.fullname)
        if handler is not None:
            return handler(ctx, node)
    if isinstance(callee, MemberExpr) and not node.args:
        recv_t = type_of(ctx, callee.expr)
        if isinstance(recv_t, rt.DictT) and callee.name in ("items", "keys", "values"):
            recv = lower_expr(ctx, callee.expr)
            if isinstance(recv.ty, rt.DictT):
                recv_t = recv.ty  # the held type (a `dict[str, object]` display holds an enum)
            base = recv.at(Prec.POSTFIX)
            if recv.kind is Kind.OWNED:
                return None
            if callee.name == "items":
                shape = Shape(
                    rt.TupleT((recv_t.key, recv_t.value)),
                    False,
                    (ref_shape(recv_t.key), ref_shape(recv_t.value)),
                )
                return _src(f"{base}.iter()", shape)
            if callee.name == "keys":
                return _src(f"{base}.keys()", ref_shape(recv_t.key))
            return _src(f"{base}.values()", ref_shape(recv_t.value))
    return None


def _range_source(ctx: FnContext, node: CallExpr) -> Source:
    args = node.args
    lowered = [values.value_expr(lower_expr(ctx, a, rt.INT)) for a in args]
    ints = [e.code for e in lowered]
    if all(values.is_numeric_literal(i) for i in ints[:2]):
        # `(0..4).map(..)` alone leaves `{integer}` open: Python ranges yield int (i64)
        ints[0] = f"{ints[0]}_i64" if len(args) > 1 else ints[0]
        if len(args) == 1:
            ints[0] = f"{ints[0]}_i64"
    start = literal_int(args[0])
    nonneg_start = len(args) == 1 or (start is not None and start >= 0)
    if len(args) == 1:
        code = f"0..{_range_end(ints[0])}"
        return _src(code, value_shape(rt.INT), f"({code})", nonneg=True, below_stop=True)
    if len(args) == 2:
        code = f"{ints[0]}..{_range_end(ints[1])}"
        return _src(code, value_shape(rt.INT), f"({code})", nonneg=nonneg_start, below_stop=True)
    step = literal_int(args[2])
    if step is None:
        ctx.module.use_helper("py_range")
        code = f"py_range({ints[0]}, {ints[1]}, {ints[2]})"
        return _src(code, value_shape(rt.INT))
    if step > 0:
        code = f"({ints[0]}..{_range_end(ints[1])}).step_by({step})"
        return _src(code, value_shape(rt.INT), nonneg=nonneg_start, below_stop=True)
    if step == 0:
        raise Unsupported(node, "range() with a zero step", "PRT151")
    stop = _plus_one(lowered[1])
    code = f"({stop}..={ints[0]}).rev()"
    if step != -1:
        code += f".step_by({-step})"
    stop_literal = literal_int(args[1])
    nonneg = stop_literal is not None and stop_literal >= -1
    return _src(code, value_shape(rt.INT), nonneg=nonneg)


def _range_end(code: str) -> str:
    return (
        code if " " not in code or code.startswith("(") else f"({code})" if ".." in code else code
    )


def _plus_one(e: Expr) -> str:
    """`stop + 1`, simplified where that is safe (`n - 1` + 1 is `n`, but `a << b - 1` is
    no `- 1` at the top: only a sum or difference ends in its last operand)."""
    code = e.code
    if code.lstrip("-").isdigit():
        return str(int(code) + 1)
    if e.prec is Prec.ADD and code.endswith(" - 1"):
        return code[: -len(" - 1")]
    return f"{e.at(Prec.ADD)} + 1"


def as_iterator(src: Source) -> str:
    return src.iterator


def _enumerate_source(ctx: FnContext, node: CallExpr) -> Source:
    inner = iter_source(ctx, node.args[0])
    if len(node.args) > 1:
        start = values.value(lower_expr(ctx, node.args[1], rt.INT))
        code = f"({start}..).zip({inner.iterator})"
        return _src(code, Shape(rt.UNKNOWN, False, (value_shape(rt.INT), inner.shape)))
    code = f"{_chainable(inner.iterator)}.enumerate()"
    return _src(code, Shape(rt.UNKNOWN, False, (value_shape(rt.USIZE), inner.shape)))


def _chainable(code: str) -> str:
    return code if not (".." in code and not code.startswith("(")) else f"({code})"


def _zip_source(ctx: FnContext, node: CallExpr) -> Source:
    if node.arg_kinds == [ARG_STAR]:
        return _transpose_source(ctx, node)
    sources = [iter_source(ctx, a) for a in node.args]
    if len(sources) < 2:
        raise Unsupported(node, "zip() with fewer than two iterables", "PRT152")
    code = _chainable(sources[0].iterator)
    shape: Shape = sources[0].shape
    for other in sources[1:]:
        code = f"{code}.zip({other.iterator})"
        shape = Shape(rt.UNKNOWN, False, (shape, other.shape))
    if len(sources) > 2:
        # flatten ((a, b), c) into (a, b, c) for the loop pattern
        flat = tuple(_flatten(shape))
        names = [f"x{i}" for i in range(len(flat))]
        nested = zipped_pattern(names)
        code = f"{code}.map(|{nested}| ({', '.join(names)}))"
        shape = Shape(rt.UNKNOWN, False, flat)
    return _src(code, shape)


def _transpose_source(ctx: FnContext, node: CallExpr) -> Source:
    """`zip(*rows)`: the columns of a list of lists, each a `tuple[T, ...]` (a Vec), as
    many as the shortest row has items."""
    rows = lower_expr(ctx, node.args[0])
    if not isinstance(rows.ty, rt.ListT) or not isinstance(rows.ty.elem, rt.ListT):
        raise Unsupported(node, f"zip(*...) over {rows.ty.render()}", "PRT154")
    elem = rows.ty.elem.elem
    take = "r[j]" if elem.is_copy else "r[j].clone()"
    code = (
        f"{{ let rows = {values.owned(rows) if rows.kind is Kind.OWNED else values.borrow(rows)}; "
        f"let n = rows.iter().map(|r| r.len()).min().unwrap_or(0); "
        f"(0..n).map(move |j| rows.iter().map(|r| {take}).collect::<Vec<_>>()) }}"
    )
    return _src(code, value_shape(rt.VarTupleT(elem)))


def unpacked_rows(ctx: FnContext, target: Expression, src: Source) -> Source:
    """`for a, b, c in rows` over lists: Rust patterns cannot destructure a Vec, so each
    row becomes a tuple first (a row of another length raises ValueError, as in Python)."""
    shape = src.shape
    if isinstance(target, NameExpr) and shape.is_tuple and _has_ref_part(shape):
        return _owned_tuples(src)
    if (
        not isinstance(target, TupleExpr | ListExpr)
        or shape.is_tuple
        or not isinstance(shape.ty, rt.ListT)
    ):
        return src
    if any(isinstance(i, StarExpr) for i in target.items):
        return src
    elem = shape.ty.elem
    count = len(target.items)
    take = "" if elem.is_copy else ".clone()"
    parts = ", ".join(f"row[{i}]{take}" for i in range(count))
    items = f"({parts},)" if count == 1 else f"({parts})"
    check = (
        f"if row.len() != {count} {{ "
        f'panic!("ValueError: expected {count} values to unpack, got {{}}", row.len()) }}'
    )
    iterator = f"{_chainable(src.iterator)}.map(|row| {{ {check} {items} }})"
    return _src(iterator, value_shape(rt.TupleT((elem,) * count)), nonneg=src.nonneg)


def _has_ref_part(shape: Shape) -> bool:
    return shape.ref or any(_has_ref_part(p) for p in shape.parts)


def _owned_tuples(src: Source) -> Source:
    """`for pair in zip(names, names[1:])`: one name holds the whole item, which Python
    uses as a value (a dict key, an element), so yield owned tuples instead of a tuple
    of references."""
    counter = iter(range(1_000))

    def part(shape: Shape) -> tuple[str, str]:
        if shape.is_tuple and not shape.ref:
            pats, vals = zip(*(part(p) for p in shape.parts), strict=True)
            return f"({', '.join(pats)})", f"({', '.join(vals)})"
        name = f"x{next(counter)}"
        if not shape.ref:
            return name, name
        if _all_copy(shape.ty):
            return f"&{name}", name
        return name, f"{name}.clone()"

    pattern, item = part(src.shape)
    iterator = f"{_chainable(src.iterator)}.map(|{pattern}| {item})"
    return _src(iterator, value_shape(rt.UNKNOWN), nonneg=src.nonneg)


def _flatten(shape: Shape) -> list[Shape]:
    if shape.is_tuple and shape.ty == rt.UNKNOWN and len(shape.parts) == 2:
        return [*_flatten(shape.parts[0]), shape.parts[1]]
    return [shape]


def _reversed_source(ctx: FnContext, node: CallExpr) -> Source:
    arg = node.args[0]
    if (
        isinstance(arg, CallExpr)
        and isinstance(arg.callee, NameExpr)
        and arg.callee.fullname == "builtins.range"
    ):
        inner = _range_source(ctx, arg)
        code = f"{_chainable(inner.code)}.rev()"
        return _src(code, inner.shape, nonneg=inner.nonneg)
    inner = iter_source(ctx, arg)
    e_ty = type_of(ctx, arg)
    if isinstance(e_ty, rt.StrT):
        return _src(f"{inner.iterator}.rev()", inner.shape)
    return _src(f"{_chainable(inner.iterator)}.rev()", inner.shape)


def _sorted_source(ctx: FnContext, node: CallExpr) -> Source | None:
    return None  # sorted() yields an owned Vec: the generic path handles it


_BUILTIN_SOURCES = {
    "builtins.range": _range_source,
    "builtins.enumerate": _enumerate_source,
    "builtins.zip": _zip_source,
    "builtins.reversed": _reversed_source,
}


# ---- binding loop targets ----


def _without_ignored_star(target: TupleExpr | ListExpr, shape: Shape) -> list[Expression]:
    """`for *_, last in rows` over fixed-size tuples: the ignored star stands for as many
    `_` as the tuple has items left over. A star whose list is used is not translated."""
    stars = [i for i, item in enumerate(target.items) if isinstance(item, StarExpr)]
    if not stars:
        return list(target.items)
    width = len(shape.parts) if shape.is_tuple else None
    if width is None and isinstance(shape.ty, rt.TupleT):
        width = len(shape.ty.items)
    star = target.items[stars[0]]
    assert isinstance(star, StarExpr)
    ignored = isinstance(star.expr, NameExpr) and star.expr.name.startswith("_")
    left_over = None if width is None else width - (len(target.items) - 1)
    if len(stars) > 1 or not ignored or left_over is None or left_over < 0:
        raise Unsupported(
            target, "star target in a for loop (other than an ignored `*_`)", "PRT153"
        )
    placeholder = NameExpr("_")
    items = list(target.items)
    items[stars[0] : stars[0] + 1] = [placeholder] * left_over
    return items


def bind_target(
    ctx: FnContext,
    target: Expression,
    shape: Shape,
    rebound: frozenset[str] | None = None,
) -> str:
    """Declare the loop variables in the current scope; return the Rust pattern.
    `rebound`: the names the loop body reassigns, when known (a Copy loop variable needs
    `mut` only then; the function's other assignments to the name are other variables)."""
    if isinstance(target, TupleExpr | ListExpr):
        items = _without_ignored_star(target, shape)
        if shape.ref and isinstance(shape.ty, rt.TupleT) and len(shape.ty.items) == len(items):
            return _bind_tuple_ref(ctx, items, shape.ty, rebound)
        if shape.is_tuple and len(shape.parts) == len(items):
            pats = [
                bind_target(ctx, item, part, rebound=rebound)
                for item, part in zip(items, shape.parts, strict=True)
            ]
            return f"({', '.join(pats)})"
        if isinstance(shape.ty, rt.TupleT) and len(shape.ty.items) == len(items):
            parts = [Shape(t, shape.ref) for t in shape.ty.items]
            pats = [
                bind_target(ctx, item, part, rebound=rebound)
                for item, part in zip(items, parts, strict=True)
            ]
            inner = f"({', '.join(pats)})"
            if shape.ref and all(p.ty.is_copy for p in parts):
                return "&" + inner.replace("&", "")
            return inner
        record = _bind_record(ctx, items, shape, rebound)
        if record is not None:
            return record
        raise Unsupported(target, "loop target does not match the items", "PRT153")
    if not isinstance(target, NameExpr):
        raise Unsupported(target, "loop target that is not a name", "PRT153")
    ty = shape.ty
    declared_t = ctx.module.type_of(target)
    if ty == rt.UNKNOWN:
        ty = declared_t
    if target.name == "_":
        return "_"
    name = rust_ident(target.name)
    if shape.ref and ty.is_copy:
        ctx.declare(target.name, ty, Kind.PLACE)
        if _reassigned(ctx, target.name, rebound):
            return f"&(mut {name})"  # the copied-out value is rebound in the body (`d *= 2`)
        return f"&{name}"
    if shape.ref and shape.mutable:
        ctx.declare(target.name, ty, Kind.MUT_BORROWED)
        return name
    kind = Kind.BORROWED if shape.ref else Kind.PLACE
    ctx.declare(target.name, ty, kind)
    facts = ctx.facts
    if facts is not None and facts.needs_mut(target.name) and not shape.ref:
        if ty.is_copy and not _reassigned(ctx, target.name, rebound):
            return name  # a Copy value changes only by assignment (passing it copies it)
        return f"mut {name}"
    return name


def _bind_record(
    ctx: FnContext, items: list[Expression], shape: Shape, rebound: frozenset[str] | None
) -> str | None:
    """`for x, y in points` over named tuples: a struct pattern over the fields in order."""
    from backend.transpiler.lower.classes import class_of

    ci = class_of(ctx.module, shape.ty)
    if ci is None or not ci.is_namedtuple or len(ci.fields) != len(items):
        return None
    types = [t for _, t in ci.fields]
    copied = not shape.ref or all(_all_copy(t) for t in types)
    pats = [
        bind_target(ctx, item, Shape(t), rebound=rebound) if copied else _bind_by_ref(ctx, item, t)
        for item, t in zip(items, types, strict=True)
    ]
    fields = ", ".join(
        p if p == rust_ident(n) else f"{rust_ident(n)}: {p}"
        for (n, _), p in zip(ci.fields, pats, strict=True)
    )
    by_copy = "&" if shape.ref and copied else ""
    return f"{by_copy}{ci.name} {{ {fields} }}"


def _reassigned(ctx: FnContext, name: str, rebound: frozenset[str] | None = None) -> bool:
    if rebound is not None:
        return name in rebound
    facts = ctx.facts
    return (
        facts is not None
        and facts.needs_mut(name)
        and bool(facts.assigned.get(name, 0) or name in facts.assigned_in_loop)
    )


def _bind_tuple_ref(
    ctx: FnContext, items: list[Expression], ty: rt.TupleT, rebound: frozenset[str] | None
) -> str:
    """Unpack a `&(A, B)` item: `&(a, b)` when every part is Copy, else match-ergonomic
    `(a, b)` which binds each part by reference."""
    if all(_all_copy(t) for t in ty.items):
        parts = [Shape(t, False, ()) for t in ty.items]
        pats = [
            bind_target(ctx, item, part, rebound=rebound)
            for item, part in zip(items, parts, strict=True)
        ]
        return f"&({', '.join(pats)})"
    pats = [_bind_by_ref(ctx, item, t) for item, t in zip(items, ty.items, strict=True)]
    return f"({', '.join(pats)})"


def _all_copy(ty: rt.RType) -> bool:
    if isinstance(ty, rt.TupleT):
        return all(_all_copy(t) for t in ty.items)
    return ty.is_copy


def _bind_by_ref(ctx: FnContext, target: Expression, ty: rt.RType) -> str:
    """A pattern under a default `ref` binding mode: every name binds a reference."""
    if (
        isinstance(target, TupleExpr | ListExpr)
        and isinstance(ty, rt.TupleT)
        and len(ty.items) == len(target.items)
    ):
        pats = [_bind_by_ref(ctx, item, t) for item, t in zip(target.items, ty.items, strict=True)]
        return f"({', '.join(pats)})"
    if not isinstance(target, NameExpr):
        raise Unsupported(target, "loop target that is not a name", "PRT153")
    if target.name == "_":
        return "_"
    ctx.declare(target.name, ty, Kind.BORROWED)
    return rust_ident(target.name)


def loop_var_is_int(node: Expression) -> bool:
    return isinstance(node, IntExpr)


def mutable_source(ctx: FnContext, target: Expression, src: Source) -> Source:
    """`for p in people: p.age += 1`: the loop changes the objects in the container, which
    Python shares with it, so iterate with `iter_mut()` (mutation analysis made the
    container itself mutable)."""
    src = unpacked_rows(ctx, target, src)
    shape = src.shape
    if not (isinstance(target, NameExpr) and ctx.facts and shape.ref and not shape.is_tuple):
        return src
    if target.name not in ctx.facts.mutated_in_place or shape.ty.is_copy:
        return src
    from backend.transpiler.lower.class_links import is_shared

    if is_shared(shape.ty):
        return src  # shared nodes change through their `RefCell`: the list stays as it is
    if not isinstance(shape.ty, rt.StructT | rt.ListT | rt.DictT | rt.SetT | rt.DequeT):
        return src
    mut_shape = Shape(shape.ty, True, (), mutable=True)
    if src.code.startswith("&") and not src.code.startswith("&mut "):
        iterator = src.iterator.removesuffix(".iter()") + ".iter_mut()"
        return Source(f"&mut {src.code[1:]}", iterator, mut_shape, src.nonneg)
    if src.code.endswith(".iter()"):
        code = src.code.removesuffix(".iter()") + ".iter_mut()"
        return Source(code, code, mut_shape, src.nonneg)
    return src
