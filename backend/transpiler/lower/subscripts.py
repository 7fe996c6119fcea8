"""Indexing and slicing with Python semantics (negative indices, steps, char-based str)."""

from __future__ import annotations

import re

from mypy.nodes import Expression, IndexExpr, IntExpr, NameExpr, SliceExpr, TypeInfo, UnaryExpr

from backend.transpiler import emit, ir
from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import class_links, values
from backend.transpiler.lower.context import FnContext, Unsupported
from backend.transpiler.lower.expressions import coerce, lower_expr


def literal_int(node: Expression) -> int | None:
    if isinstance(node, IntExpr):
        return node.value
    if isinstance(node, UnaryExpr) and node.op == "-" and isinstance(node.expr, IntExpr):
        return -node.expr.value
    return None


def lower_index(ctx: FnContext, node: IndexExpr) -> Expr:
    if isinstance(node.index, SliceExpr):
        return lower_slice(ctx, node.base, node.index)
    if isinstance(node.base, NameExpr) and type(node.base.node) is TypeInfo:
        from backend.transpiler.lower import classes

        return classes.lower_class_index(ctx, node, node.base.node)  # `Color["RED"]`
    from backend.transpiler.lower import implicit_errors

    checked = implicit_errors.checked_index(ctx, node)  # KeyError/IndexError a handler sees
    if checked is not None:
        return checked
    if _is_range_call(node.base):
        return _range_index(ctx, node)
    base = lower_expr(ctx, node.base)
    ty = base.ty
    if isinstance(ty, rt.StructT):
        from backend.transpiler.lower import classes

        found = classes.call_dunder(ctx, node, base, "__getitem__", [node.index])
        if found is not None:
            return found
    if isinstance(ty, rt.ListT | rt.DequeT):
        return emit.render(ir.Index(base, index_expr(ctx, base, node.index), ty.elem))
    if isinstance(ty, rt.StrT):
        ctx.module.use_helper("py_str_index")
        index = values.value(lower_expr(ctx, node.index, rt.INT))
        return Expr(f"py_str_index({values.borrow_str(base)}, {index})", rt.STR, Kind.OWNED)
    if isinstance(ty, rt.DictT):
        return _dict_index(ctx, node, base, ty)
    if isinstance(ty, rt.TupleT):
        k = literal_int(node.index)
        if k is None:
            raise Unsupported(node, "tuple indexed by a non-constant", "PRT140")
        k = k + len(ty.items) if k < 0 else k
        # a field of a tuple, even behind a reference, is a place (`t.0` auto-derefs)
        return Expr(f"{base.at(Prec.POSTFIX)}.{k}", ty.items[k], Kind.PLACE, Prec.POSTFIX)
    if isinstance(ty, rt.BytesT):
        code = f"{base.at(Prec.POSTFIX)}[{seq_index(ctx, base, node.index)}] as i64"
        return Expr(code, rt.INT, Kind.OWNED, Prec.CAST)
    raise Unsupported(node, f"indexing {ty.render()}", "PRT140")


def _is_range_call(node: Expression) -> bool:
    from mypy.nodes import CallExpr

    return (
        isinstance(node, CallExpr)
        and isinstance(node.callee, NameExpr)
        and node.callee.fullname == "builtins.range"
    )


def _range_index(ctx: FnContext, node: IndexExpr) -> Expr:
    """`range(a, b, s)[i]`: the i-th value (negative from the end; IndexError past it)."""
    from backend.transpiler.lower.iteration import iter_source

    src = iter_source(ctx, node.base)
    values_code = f"{src.iterator}.collect::<Vec<i64>>()"
    index = values.value(lower_expr(ctx, node.index, rt.INT))
    ctx.module.use_helper("py_index")
    code = f"{{ let r = {values_code}; r[py_index({index}, r.len())] }}"
    return Expr(code, rt.INT, Kind.OWNED)


def _dict_index(ctx: FnContext, node: IndexExpr, base: Expr, ty: rt.DictT) -> Expr:
    key = lower_expr(ctx, node.index, ty.key)
    if ty.flavour in ("counter",):
        code = f"{base.at(Prec.POSTFIX)}.get({key_ref(key)}).copied().unwrap_or(0)"
        return Expr(code, rt.INT, Kind.OWNED, Prec.POSTFIX)
    if ty.flavour == "defaultdict":
        if base.kind is Kind.BORROWED:
            # a shared defaultdict cannot grow: read the value or the factory's default
            code = f"{base.at(Prec.POSTFIX)}.py_default_get({key_ref(key)})"
            return Expr(code, ty.value, Kind.OWNED, Prec.POSTFIX)
        # `d[k]` on a defaultdict inserts the factory's value for a missing key
        if ty.value.is_copy:
            # a block ends the mutable borrow at once (a `println!` argument would keep it)
            code = f"{{ *{base.at(Prec.POSTFIX)}.py_default_entry({values.owned(key)}) }}"
            return Expr(code, ty.value, Kind.OWNED, Prec.ATOM)
        code = f"(*{base.at(Prec.POSTFIX)}.py_default_entry({values.owned(key)}))"
        return Expr(code, ty.value, Kind.PLACE, Prec.ATOM)
    return Expr(f"{base.at(Prec.POSTFIX)}[{key_ref(key)}]", ty.value, Kind.PLACE, Prec.POSTFIX)


def key_ref(key: Expr) -> str:
    """A borrowed key for map lookups (`&k`, `"lit"`, `k` when already a reference)."""
    if isinstance(key.ty, rt.StrT):
        return values.borrow_str(key)
    if key.ty == rt.CHAR:
        return f"&{key.code}.to_string()"
    return values.borrow(key)


def seq_index(ctx: FnContext, base: Expr, index_node: Expression) -> str:
    """A `usize` index for a Vec/slice following Python's negative-index rule."""
    return emit.usize_index(index_expr(ctx, base, index_node))


def index_expr(ctx: FnContext, base: Expr, index_node: Expression) -> Expr:
    """The index of `base[index_node]` for an `ir.Index`: a `usize`, or an `i64` that the
    value-range pass proved non-negative (it indexes directly: past the end, Rust's bounds
    check stops the program as Python's IndexError would); any other int goes through
    `py_index` (negative indices count from the end)."""
    k = literal_int(index_node)
    if k is not None:
        code = str(k) if k >= 0 else f"{base.at(Prec.POSTFIX)}.len() - {-k}"
        return Expr(code, rt.USIZE, Kind.OWNED, Prec.ATOM if k >= 0 else Prec.ADD)
    index = lower_expr(ctx, index_node)
    if index.ty == rt.USIZE:
        return values.value_expr(index)
    index = values.value_expr(coerce(ctx, index, rt.INT))
    if ctx.ranges.is_nonneg(index_node):
        return index
    ctx.module.use_helper("py_index")
    code = f"py_index({index.code}, {base.at(Prec.POSTFIX)}.len())"
    return Expr(code, rt.USIZE, Kind.OWNED, Prec.POSTFIX)


def _bound(ctx: FnContext, node: Expression | None) -> str:
    if node is None:
        return "None"
    return f"Some({values.value(lower_expr(ctx, node, rt.INT))})"


def _tuple_slice(base_node: Expression, base: Expr, ty: rt.TupleT, sl: SliceExpr) -> Expr:
    """`point[::-1]`, `t[1:]`: with constant bounds the items taken are known, so the
    result is a tuple of those fields."""
    nodes = (sl.begin_index, sl.end_index, sl.stride)
    bounds = [None if n is None else literal_int(n) for n in nodes]
    if any(n is not None and b is None for n, b in zip(nodes, bounds, strict=True)):
        raise Unsupported(base_node, "slicing a tuple with bounds that are not constants", "PRT141")
    if bounds[2] == 0:
        raise Unsupported(base_node, "slicing a tuple with step 0", "PRT141")
    picked = list(range(len(ty.items)))[slice(*bounds)]
    owned = base.kind is Kind.OWNED
    source = "t" if owned else base.at(Prec.POSTFIX)
    parts = [f"{source}.{i}" + ("" if owned or ty.items[i].is_copy else ".clone()") for i in picked]
    tuple_code = f"({parts[0]},)" if len(parts) == 1 else f"({', '.join(parts)})"
    code = f"{{ let t = {base.code}; {tuple_code} }}" if owned and parts else tuple_code
    return Expr(code, rt.TupleT(tuple(ty.items[i] for i in picked)), Kind.OWNED, Prec.ATOM)


def lower_slice(ctx: FnContext, base_node: Expression, sl: SliceExpr) -> Expr:
    base = lower_expr(ctx, base_node)
    ty = base.ty
    step = literal_int(sl.stride) if sl.stride is not None else 1
    full = sl.begin_index is None and sl.end_index is None
    if isinstance(ty, rt.TupleT):
        return _tuple_slice(base_node, base, ty, sl)
    if full and step == -1:
        if isinstance(ty, rt.StrT):
            return Expr(
                f"{base.at(Prec.POSTFIX)}.chars().rev().collect::<String>()",
                rt.STR,
                Kind.OWNED,
                Prec.POSTFIX,
            )
        if isinstance(ty, rt.ListT):
            code = f"{base.at(Prec.POSTFIX)}.iter().rev().cloned().collect::<Vec<_>>()"
            return Expr(code, ty, Kind.OWNED, Prec.POSTFIX)
    if full and step == 1:
        return values.owned_expr(base) if base.kind is not Kind.OWNED else base
    stride = "1" if sl.stride is None else values.value(lower_expr(ctx, sl.stride, rt.INT))
    start, stop = _bound(ctx, sl.begin_index), _bound(ctx, sl.end_index)
    if isinstance(ty, rt.StrT):
        ctx.module.use_helper("py_str_slice")
        return Expr(
            f"py_str_slice({values.borrow_str(base)}, {start}, {stop}, {stride})",
            rt.STR,
            Kind.OWNED,
        )
    if isinstance(ty, rt.ListT | rt.BytesT):
        ctx.module.use_helper("py_slice")
        return Expr(f"py_slice({values.borrow(base)}, {start}, {stop}, {stride})", ty, Kind.OWNED)
    if isinstance(ty, rt.TupleT):
        raise Unsupported(base_node, "slicing a tuple", "PRT141")
    raise Unsupported(base_node, f"slicing {ty.render()}", "PRT141")


# ---- assignment targets ----


_PLAIN_INDEX = re.compile(r"^(?:\d+|[A-Za-z_]\w*(?: as usize)?)$")


def store_place(ctx: FnContext, node: IndexExpr) -> tuple[list[ir.Stmt], Expr]:
    """The place of an item-assignment target (`grid[r][c]`, `d[k][i]`) plus the `let`s
    that must run first.

    `IndexMut` borrows the container mutably for the whole place expression, so an index
    computed from the same container (`v[py_index(i, v.len())]`) is bound to a local
    first, as Python evaluates the subscripts before storing anyway.
    """
    prelude: list[ir.Stmt] = []
    place = _place(ctx, node, prelude)
    return prelude, place


def _place(ctx: FnContext, node: Expression, prelude: list[ir.Stmt]) -> Expr:
    if not isinstance(node, IndexExpr) or isinstance(node.index, SliceExpr):
        return lower_expr(ctx, node)
    base_t = ctx.module.type_of(node.base)
    if isinstance(base_t, rt.ListT | rt.DequeT):
        base = class_links.mutable_place(_place(ctx, node.base, prelude))  # a node's list
        index = _bound_index(ctx, seq_index(ctx, base, node.index), prelude)
        return Expr(f"{base.at(Prec.POSTFIX)}[{index}]", base_t.elem, Kind.PLACE, Prec.POSTFIX)
    if isinstance(base_t, rt.DictT) and base_t.flavour not in ("counter", "defaultdict"):
        base = class_links.mutable_place(_place(ctx, node.base, prelude))
        key = lower_expr(ctx, node.index, base_t.key)
        code = key_ref(key)
        if not _PLAIN_INDEX.match(code.lstrip("&")) and not code.startswith('"'):
            code = "&" + _bound_index(ctx, values.owned(key), prelude)
        return Expr(f"{base.at(Prec.POSTFIX)}[{code}]", base_t.value, Kind.PLACE, Prec.POSTFIX)
    return lower_expr(ctx, node)


def _bound_index(ctx: FnContext, code: str, prelude: list[ir.Stmt]) -> str:
    if _PLAIN_INDEX.match(code):
        return code
    name = f"at_{len(prelude)}"
    while ctx.lookup(name) is not None:
        name += "_"
    prelude.append(ir.Let(name, None, code))
    return name


def store_slice(ctx: FnContext, base_node: Expression, sl: SliceExpr, value: Expr) -> str:
    """`xs[a:b:c] = items` on a list (Python evaluates the items first)."""
    base = lower_expr(ctx, base_node)
    if not isinstance(base.ty, rt.ListT):
        raise Unsupported(base_node, f"assignment to a slice of {base.ty.render()}", "PRT142")
    if sl.stride is not None and literal_int(sl.stride) == 0:
        raise Unsupported(sl, "slice step of zero", "PRT142")
    stride = "1" if sl.stride is None else values.value(lower_expr(ctx, sl.stride, rt.INT))
    start, stop = _bound(ctx, sl.begin_index), _bound(ctx, sl.end_index)
    if isinstance(value.ty, rt.ListT):
        code = values.owned(value)
    else:
        code = f"{value.at(Prec.POSTFIX)}.into_iter().collect::<Vec<_>>()"
    ctx.module.use_helper("py_slice_assign")
    # The items are bound first: they may read the list that is being assigned to
    # (`xs[i:] = xs[i + 1:] + xs[i:i + 1]`), which cannot be borrowed while it is changed.
    items = "slice_items"
    while ctx.lookup(items) is not None:
        items += "_"
    target = f"py_slice_assign({values.borrow_mut(base)}, {start}, {stop}, {stride}, {items})"
    return f"{{ let {items} = {code}; {target} }}"


def delete_slice(ctx: FnContext, base_node: Expression, sl: SliceExpr) -> str:
    """`del xs[a:b:c]` on a list."""
    base = lower_expr(ctx, base_node)
    if not isinstance(base.ty, rt.ListT):
        raise Unsupported(base_node, f"`del` of a slice of {base.ty.render()}", "PRT142")
    stride = "1" if sl.stride is None else values.value(lower_expr(ctx, sl.stride, rt.INT))
    start, stop = _bound(ctx, sl.begin_index), _bound(ctx, sl.end_index)
    ctx.module.use_helper("py_slice_delete")
    return f"py_slice_delete({values.borrow_mut(base)}, {start}, {stop}, {stride})"
