"""Methods of `bytes` (a `Vec<u8>`): the ASCII case changes and `decode()`."""

from __future__ import annotations

from mypy.nodes import StrExpr

from backend.transpiler import rtypes as rt
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


@method(BYTES_METHODS, "decode")
def bytes_decode(call: Call) -> Expr:
    encoding = call.args[0] if call.args else call.kwargs.get("encoding")
    if encoding is not None and not (
        isinstance(encoding, StrExpr) and encoding.value.lower().replace("-", "") == "utf8"
    ):
        raise call.fail("bytes.decode() with an encoding other than UTF-8", "PRT262")
    assert call.receiver is not None
    data = values.borrow(call.receiver)
    code = (
        f"std::str::from_utf8({data})"
        ".expect(\"UnicodeDecodeError: 'utf-8' codec can't decode bytes\")"
        ".to_string()"
    )
    return Expr(code, rt.STR, Kind.OWNED, Prec.POSTFIX)
