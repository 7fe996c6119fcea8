"""mypyc's native integer types (`from mypy_extensions import i64, i32, u8`).

Under CPython, where the differential check runs the program, `i64`, `i32`, `i16` and
`u8` are plain `int`: annotations do not narrow values and `i32(x)` is `int(x)`. So each is
an `i64` here, with the overflow checks every `int` has (the narrower ranges that only a
mypyc-compiled module enforces are not reproduced).
"""

from __future__ import annotations

from backend.transpiler.ir import Expr
from backend.transpiler.lower.calls import Call

NATIVE_INTS = ("i64", "i32", "i16", "u8")


def lower_native_int(call: Call) -> Expr:
    """`i32(x)`: `int(x)`."""
    from backend.transpiler.lower.builtins import lower_int_call

    return lower_int_call(call)


def register() -> None:
    from backend.transpiler.lower import stdlib

    for name in NATIVE_INTS:
        stdlib.FUNCTIONS[f"mypy_extensions.{name}"] = lower_native_int
