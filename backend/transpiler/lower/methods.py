"""Methods of builtin types, one table per receiver family; adding one is one entry."""

from __future__ import annotations

from collections.abc import Callable

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call, Lowerer
from backend.transpiler.lower.context import Unsupported
from backend.transpiler.lower.literals import rust_char_literal

STR_METHODS: dict[str, Lowerer] = {}
LIST_METHODS: dict[str, Lowerer] = {}
DICT_METHODS: dict[str, Lowerer] = {}
SET_METHODS: dict[str, Lowerer] = {}
DEQUE_METHODS: dict[str, Lowerer] = {}
NUMBER_METHODS: dict[str, Lowerer] = {}
TUPLE_METHODS: dict[str, Lowerer] = {}
BYTES_METHODS: dict[str, Lowerer] = {}


def method(table: dict[str, Lowerer], *names: str) -> Callable[[Lowerer], Lowerer]:
    def register(fn: Lowerer) -> Lowerer:
        for name in names:
            table[name] = fn
        return fn

    return register


def lower_method(call: Call, name: str) -> Expr:
    recv = call.receiver
    assert recv is not None
    ty = recv.ty
    from backend.transpiler.lower import implicit_errors

    checked = implicit_errors.checked_method(call.ctx, call.node, recv, name)  # a handler sees it
    if checked is not None:
        return checked
    table: dict[str, Lowerer] | None = None
    from backend.transpiler.lower import regex

    if ty == rt.COMPLEX:
        from backend.transpiler.lower import complex_numbers

        return complex_numbers.lower_method(call, name)
    if regex.is_regex_type(ty):
        return regex.lower_method(call, name)
    from backend.transpiler.lower import streams

    if streams.is_stream(ty):
        return streams.lower_method(call, name)
    if isinstance(ty, rt.StrT) or ty == rt.CHAR:
        table = STR_METHODS
    elif isinstance(ty, rt.ListT):
        table = LIST_METHODS
        if isinstance(ty, rt.ArrayT) and ty.typecode:
            from backend.transpiler.lower import arrays

            return arrays.lower_narrow_method(call, name)
    elif isinstance(ty, rt.DictT):
        table = DICT_METHODS
    elif isinstance(ty, rt.SetT):
        table = SET_METHODS
    elif isinstance(ty, rt.DequeT):
        table = DEQUE_METHODS
    elif ty in (rt.INT, rt.FLOAT):
        table = NUMBER_METHODS
    elif ty == rt.BIGINT:
        from backend.transpiler.lower.bigints import METHODS as table  # arbitrary precision
    elif isinstance(ty, rt.TupleT):
        table = TUPLE_METHODS
    elif isinstance(ty, rt.BytesT):
        table = BYTES_METHODS
    elif (
        isinstance(ty, rt.StructT | rt.IterT)
        or (isinstance(ty, rt.OptionT) and isinstance(ty.inner, rt.StructT))  # a narrowed field
    ):
        from backend.transpiler.lower import classes

        return classes.call_method(call, name)
    _load_families()
    if table is not None and name in table:
        return table[name](call)
    raise Unsupported(call.node, f"method `{name}` on {ty.render()}", "PRT170")


def _recv(call: Call) -> Expr:
    assert call.receiver is not None
    return call.receiver


def _r(call: Call) -> str:
    return values.receiver(_recv(call))  # a literal receiver gets its type suffix


def _out(code: str, ty: rt.RType, prec: Prec = Prec.POSTFIX) -> Expr:
    return Expr(code, ty, Kind.OWNED, prec)


def _str_arg(call: Call, index: int) -> str:
    """A `&str` or `char` pattern argument for str methods (chars are cheaper and idiomatic)."""
    node = call.args[index]
    from mypy.nodes import StrExpr

    if isinstance(node, StrExpr) and len(node.value) == 1:
        return rust_char_literal(node.value)
    arg = call.arg(index)
    if arg.ty == rt.CHAR:
        return arg.code
    return values.borrow_str(arg)


def _char_recv(call: Call) -> str:
    """Receiver as `&str` (a char receiver is widened first)."""
    recv = _recv(call)
    if recv.ty == rt.CHAR:
        return f"{recv.at(Prec.POSTFIX)}.to_string()"
    return recv.at(Prec.POSTFIX)


def _load_families() -> None:
    """The family modules register their entries on import."""
    from backend.transpiler.lower import (  # noqa: F401
        bytes_methods,
        collection_methods,
        str_methods,
    )
