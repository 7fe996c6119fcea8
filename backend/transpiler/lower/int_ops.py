"""Python `int` arithmetic: the one place that decides how ints lower.

A Python int never wraps. Portalis's int is `i64`, and every operation that can leave the
i64 range is checked in every build profile (a user's `rustc -O` or `cargo build --release`
must not wrap silently): `a.py_add(b)`, `a.py_mul(b)`, `x.py_neg()`, `x.py_abs()`,
`x.py_pow(2)`, `a.py_shl(n)` (runtime helper `py_int`), `py_ipow`, `py_int_sum`,
`py_int_product`. Each panics with `OverflowError: integer overflow in <a op b> ...`.

The plain Rust operator is kept only where the result provably fits: both operands are
literals whose Python result fits, a `range()` loop index stepped by one (`i + 1` is at
most the range's stop, `i - 1` at least -1 when the range starts at 0 or above), or a
`len()` plus or minus a small literal.

A wider integer type (for values beyond i64) would switch here: callers pass lowered
operands and get an `Expr`, and never spell integer arithmetic themselves.
"""

from __future__ import annotations

import re

from mypy.nodes import Expression, IntExpr, NameExpr, UnaryExpr

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.walk import is_builtin_call
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import FnContext

I64_MIN, I64_MAX = -(2**63), 2**63 - 1

_PREC = {
    "+": Prec.ADD,
    "-": Prec.ADD,
    "*": Prec.MUL,
    "<<": Prec.SHIFT,
    ">>": Prec.SHIFT,
    "&": Prec.BITAND,
    "^": Prec.BITXOR,
    "|": Prec.BITOR,
}
_CHECKED = {"+": "py_add", "-": "py_sub", "*": "py_mul", "<<": "py_shl", ">>": "py_shr"}


def literal_value(node: Expression) -> int | None:
    """The value of an int literal, `-5` included (mypy parses it as a unary minus)."""
    if isinstance(node, IntExpr):
        return node.value
    if isinstance(node, UnaryExpr) and node.op == "-" and isinstance(node.expr, IntExpr):
        return -node.expr.value
    return None


def arithmetic(
    ctx: FnContext,
    op: str,
    left: Expr,
    right: Expr,
    left_node: Expression | None = None,
    right_node: Expression | None = None,
) -> Expr:
    """`left op right` on two ints, for `+ - * << >> & | ^`."""
    if op in ("&", "|", "^") or _fits(ctx, op, left_node, right_node):
        return plain(left, op, right)
    if op == ">>" and right_node is not None:
        shift = literal_value(right_node)
        if shift is not None and 0 <= shift < 64:
            return plain(left, op, right)  # an arithmetic shift by less than 64 never fails
    ctx.module.use_helper("py_int")
    code = f"{values.receiver(left)}.{_CHECKED[op]}({values.argument(right.code)})"
    return Expr(code, rt.INT, Kind.OWNED, Prec.POSTFIX)


def augmented(ctx: FnContext, op: str, place: str, value: Expr) -> ir.Stmt:
    """`place op= value` on an int place (`total += x`, `counts[k] += 1`)."""
    if op in ("&", "|", "^"):
        return ir.Assign(place, f"{op}=", values.value(value))
    if _steps_counter(ctx, op, place, value):
        return ir.Assign(place, f"{op}=", value.code)
    ctx.module.use_helper("py_int")
    method = _CHECKED[op]
    argument = values.argument(values.value(value))
    if _SIMPLE_PLACE.match(place):  # a variable or field: `total = total.py_add(x)`
        return ir.Assign(place, "=", f"{_as_receiver(place)}.{method}({argument})")
    if not _SIMPLE_ARGUMENT.match(argument):
        # `row[c] += row[c - 1]`: the value may read what the place borrows mutably, so it
        # is computed first (Python computes it before the addition too)
        name = "increment"
        while ctx.lookup(name) is not None or re.search(rf"\b{name}\b", place):
            name += "_"
        call = f"{_as_receiver(place)}.{method}_assign({name})"
        return ir.Block([ir.Let(name, None, argument), ir.ExprStmt(call)])
    return ir.ExprStmt(f"{_as_receiver(place)}.{method}_assign({argument})")


_SIMPLE_ARGUMENT = re.compile(r"^(?:-?[\d_]+(?:_i64)?|[A-Za-z_]\w*)$")


_SIMPLE_PLACE = re.compile(r"^\*?[A-Za-z_][\w.]*$")


def _steps_counter(ctx: FnContext, op: str, place: str, value: Expr) -> bool:
    """`count += 1` on a counter (analyze/counters.py): it cannot leave i64."""
    if op not in ("+", "-") or not _SMALL_STEP.match(value.code):
        return False
    return any(
        info.rust_name == place and ctx.is_counter(name)
        for scope in ctx.scopes
        for name, info in scope.items()
    )


_SMALL_STEP = re.compile(r"^(?:[1-9]|1[0-6])(?:_i64)?$")


def _as_receiver(place: str) -> str:
    return f"({place})" if place.startswith("*") else place


def plain(left: Expr, op: str, right: Expr, ty: rt.RType = rt.INT) -> Expr:
    """The Rust operator itself (for results known to fit, and for floats)."""
    prec = _PREC.get(op, Prec.MUL)
    # left-associative: the right operand needs parentheses at equal precedence
    right_code = right.code if right.prec > prec else f"({right.code})"
    return Expr(f"{left.at(prec)} {op} {right_code}", ty, Kind.OWNED, prec)


def negate(ctx: FnContext, value: Expr, node: Expression) -> Expr:
    """`-x` on an int (`-i64::MIN` overflows)."""
    if isinstance(node, IntExpr):
        return Expr(f"-{node.value}", rt.INT, Kind.OWNED, Prec.UNARY)
    ctx.module.use_helper("py_int")
    return Expr(f"{values.receiver(value)}.py_neg()", rt.INT, Kind.OWNED, Prec.POSTFIX)


def absolute(ctx: FnContext, value: Expr) -> Expr:
    """`abs(x)` on an int (`abs(i64::MIN)` overflows)."""
    ctx.module.use_helper("py_int")
    return Expr(f"{values.receiver(value)}.py_abs()", rt.INT, Kind.OWNED, Prec.POSTFIX)


def power(ctx: FnContext, base: Expr, exp: Expr, exp_node: Expression, as_float: bool) -> Expr:
    """`base ** exp` on two ints. Python's result is an int for `exp >= 0` and a float for
    a negative exponent: `as_float` says the result is used as a float (a literal negative
    exponent, a `-> float` return), which the float power then computes."""
    literal = literal_value(exp_node)
    if literal is not None and literal < 0:
        return float_power(ctx, _as_float(base), Expr(f"{literal}.0", rt.FLOAT))
    if literal is None and as_float:
        ctx.module.use_helper("py_ipow_f")
        return Expr(f"py_ipow_f({base.code}, {exp.code})", rt.FLOAT, Kind.OWNED)
    if literal is not None and literal < 2**32:
        ctx.module.use_helper("py_int")
        code = f"{values.receiver(base)}.py_pow({literal})"
        return Expr(code, rt.INT, Kind.OWNED, Prec.POSTFIX)
    ctx.module.use_helper("py_ipow")
    return Expr(f"py_ipow({base.code}, {exp.code})", rt.INT, Kind.OWNED)


def float_power(ctx: FnContext, base: Expr, exp: Expr) -> Expr:
    """`base ** exp` on floats: CPython's `pow()` with its errors (`0.0 ** -1` raises
    ZeroDivisionError, an overflow OverflowError) instead of inf/NaN."""
    ctx.module.use_helper("py_fpow")
    return Expr(f"py_fpow({base.code}, {exp.code})", rt.FLOAT, Kind.OWNED)


def sum_of(ctx: FnContext, iterator: str) -> Expr:
    """`sum()` of ints (`Iterator::sum` wraps in a release build)."""
    ctx.module.use_helper("py_int_sum")
    return Expr(f"py_int_sum({values.argument(iterator)})", rt.INT, Kind.OWNED)


def product_of(ctx: FnContext, iterator: str) -> Expr:
    """`math.prod()` of ints."""
    ctx.module.use_helper("py_int_product")
    return Expr(f"py_int_product({values.argument(iterator)})", rt.INT, Kind.OWNED)


def _as_float(e: Expr) -> Expr:
    if values.is_numeric_literal(e.code):
        return Expr(f"{e.code}.0", rt.FLOAT, Kind.OWNED, e.prec)
    return Expr(f"{values.value_expr(e).at(Prec.CAST)} as f64", rt.FLOAT, Kind.OWNED, Prec.CAST)


def _fits(
    ctx: FnContext, op: str, left_node: Expression | None, right_node: Expression | None
) -> bool:
    """Whether `left op right` provably fits in i64 (see the module docstring)."""
    if left_node is None or right_node is None:
        return False
    a, b = literal_value(left_node), literal_value(right_node)
    if a is not None and b is not None:
        return op in ("+", "-", "*") and I64_MIN <= _apply(op, a, b) <= I64_MAX
    if is_len(left_node) and b is not None and 0 <= b <= _LEN_HEADROOM and op in ("+", "-"):
        return True
    if (
        isinstance(left_node, NameExpr)
        and op in ("+", "-")
        and b is not None
        and 1 <= b <= 16
        and ctx.is_counter(left_node.name)
    ):
        return True  # a counter's step (analyze/counters.py)
    if b != 1 or not isinstance(left_node, NameExpr):
        return False
    index = ctx.range_indexes.get(left_node.name)
    if index is None or index[0] is not ctx.lookup(left_node.name):  # shadowed since
        return False
    return op == "+" or (op == "-" and index[1])


# A `len()` is at most isize::MAX, and far below it in fact: no allocation comes within 2**32
# of that on a 64-bit target (address spaces have at most 57 bits), so `len(xs) + 1` fits.
_LEN_HEADROOM = 2**32


def is_len(node: Expression) -> bool:
    return is_builtin_call(node, "len")


def _apply(op: str, a: int, b: int) -> int:
    return a + b if op == "+" else a - b if op == "-" else a * b
