"""Methods of `bytes` (a `Vec<u8>`): the ASCII case changes and `decode()`."""

from __future__ import annotations

from mypy.nodes import StrExpr

from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.raising import codec_name
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call
from backend.transpiler.lower.methods import BYTES_METHODS, method


def _receiver(call: Call) -> str:
    assert call.receiver is not None
    return call.receiver.at(Prec.POSTFIX)


@method(BYTES_METHODS, "upper")
def bytes_upper(call: Call) -> Expr:
    # bytes.upper() changes ASCII letters only, as `to_ascii_uppercase` does
    return Expr(f"{_receiver(call)}.to_ascii_uppercase()", rt.BYTES, Kind.OWNED, Prec.POSTFIX)


@method(BYTES_METHODS, "lower")
def bytes_lower(call: Call) -> Expr:
    return Expr(f"{_receiver(call)}.to_ascii_lowercase()", rt.BYTES, Kind.OWNED, Prec.POSTFIX)


# codec (as `raising.codec_name` normalizes it) -> runtime helper
DECODERS: dict[str, str] = {"utf8": "py_decode_utf8", "ascii": "py_decode_ascii"}


@method(BYTES_METHODS, "decode")
def bytes_decode(call: Call) -> Expr:
    codec = codec_name(call.node)
    if codec not in DECODERS or not strict_errors(call):
        raise call.fail("bytes.decode() other than to UTF-8 or ASCII, strict", "PRT262")
    assert call.receiver is not None
    code = f"{DECODERS[codec]}({values.borrow(call.receiver)})"
    return codec_result(call, DECODERS[codec], code, rt.STR, "UnicodeDecodeError")


def strict_errors(call: Call) -> bool:
    """Whether the call keeps the default `errors="strict"`."""
    errors = call.args[1] if len(call.args) > 1 else call.kwargs.get("errors")
    return errors is None or (isinstance(errors, StrExpr) and errors.value == "strict")


def codec_result(call: Call, helper: str, code: str, ty: rt.RType, kind: str) -> Expr:
    """A codec helper's `Result`: propagated where a handler sees the error, else it ends
    the program with CPython's traceback line."""
    from backend.transpiler.lower import exceptions, implicit_errors

    if implicit_errors.checks(call.ctx, kind):
        call.helper(helper, "py_exception")
        return exceptions.propagate(call.ctx, call.node, Expr(code, ty, Kind.OWNED, Prec.POSTFIX))
    call.helper(helper, "py_uncaught")
    return Expr(f"{code}.unwrap_or_else(|e| py_uncaught(e))", ty, Kind.OWNED, Prec.POSTFIX)


@method(BYTES_METHODS, "join")
def bytes_join(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, elem = owned_iterator(call)
    if elem != rt.BYTES:
        raise call.fail(f"bytes.join() of {elem.render()} items", "PRT170")
    assert call.receiver is not None
    sep = values.borrow(call.receiver)
    code = f"{{ let sep: &[u8] = {sep}; {iterator}.collect::<Vec<Vec<u8>>>().join(sep) }}"
    return Expr(code, rt.BYTES, Kind.OWNED)


@method(BYTES_METHODS, "hex")
def bytes_hex(call: Call) -> Expr:
    if call.args or call.kwargs:
        raise call.fail("bytes.hex() with a separator", "PRT170")
    code = f'{_receiver(call)}.iter().map(|b| format!("{{b:02x}}")).collect::<String>()'
    return Expr(code, rt.STR, Kind.OWNED, Prec.POSTFIX)
