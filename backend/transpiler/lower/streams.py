"""`io.StringIO`: an in-memory text stream (the runtime's `PyStringIO`, a `String` that
`write`, `print(..., file=stream)` and `getvalue` use). A `typing.IO[str]`/`TextIO`
parameter is such a stream too (typemap.py); the standard streams stay `print!`/`eprint!`
(formatting.py)."""

from __future__ import annotations

from mypy.nodes import Expression

from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.typemap import STRINGIO_T
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call, Lowerer
from backend.transpiler.lower.context import FnContext, Unsupported

FUNCTIONS: dict[str, Lowerer] = {}  # merged into stdlib.FUNCTIONS
STRINGIO_METHODS: dict[str, Lowerer] = {}


def is_stream(ty: rt.RType) -> bool:
    return ty == STRINGIO_T


def stringio_new(call: Call) -> Expr:
    if call.args or call.kwargs:
        # `StringIO(text)` starts at position 0: writes would overwrite, not append
        raise call.fail("StringIO() with an initial value", "PRT181")
    call.helper("py_stringio")
    return Expr("PyStringIO::new()", STRINGIO_T, Kind.OWNED, Prec.POSTFIX)


FUNCTIONS["io.StringIO"] = FUNCTIONS["_io.StringIO"] = stringio_new


def _write(call: Call) -> Expr:
    assert call.receiver is not None
    stream = values.mutable_place(call.receiver)
    text = values.borrow_str(call.arg(0, rt.STR))
    return Expr(f"{stream.at(Prec.POSTFIX)}.write({text})", rt.INT, Kind.OWNED, Prec.POSTFIX)


def _getvalue(call: Call) -> Expr:
    assert call.receiver is not None
    code = f"{call.receiver.at(Prec.POSTFIX)}.getvalue()"
    return Expr(code, rt.STR, Kind.OWNED, Prec.POSTFIX)


STRINGIO_METHODS["write"] = _write
STRINGIO_METHODS["getvalue"] = _getvalue


def lower_method(call: Call, name: str) -> Expr:
    if name not in STRINGIO_METHODS:
        raise call.fail(f"method `{name}` of a StringIO", "PRT181")
    return STRINGIO_METHODS[name](call)


def print_target(ctx: FnContext, file_node: Expression) -> str | None:
    """The stream `print(..., file=...)` writes into with `write!`, when it is a StringIO."""
    if not is_stream(ctx.module.type_of(file_node)):
        return None
    from backend.transpiler.lower.expressions import lower_expr

    stream = values.mutable_place(lower_expr(ctx, file_node))
    if not is_stream(stream.ty):
        raise Unsupported(file_node, "print(file=...) to this stream", "PRT180")
    return stream.at(Prec.POSTFIX)
