"""Arbitrary-precision ints: the operations on values the int-width analysis made `PyBigInt`
(analyze/int_width.py, runtime/bigint.rs).

The other families call in here on a `PyBigInt` operand (one branch each) and stay as
they are for `i64`. Conversions to and from `i64` go through `coerce`: `PyBigInt::from(x)`
one way, the overflow-checked `x.to_i64()` (Python's OverflowError) the other, so a big
value never wraps where the translation keeps an `i64` (an index, a field, a dict value).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from mypy.nodes import CallExpr, Context, IntExpr, OperatorAssignmentStmt, OpExpr, UnaryExpr

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.int_width import I64_MAX, I64_MIN, Decision
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import FnContext, ModuleContext, Unsupported
from backend.transpiler.record import Severity

if TYPE_CHECKING:
    from backend.transpiler.lower.calls import Call

HELPER = "py_bigint"
BIG = rt.BIGINT

# Python operator -> PyBigInt's Rust operator (on this type `/` and `%` floor, as Python's)
_OPERATORS = {
    "+": ("+", Prec.ADD),
    "-": ("-", Prec.ADD),
    "*": ("*", Prec.MUL),
    "//": ("/", Prec.MUL),
    "%": ("%", Prec.MUL),
    "<<": ("<<", Prec.SHIFT),
    ">>": (">>", Prec.SHIFT),
    # Python's, on the two's-complement form (a negative value is infinitely sign-extended)
    "&": ("&", Prec.BITAND),
    "|": ("|", Prec.BITOR),
    "^": ("^", Prec.BITXOR),
}
_SMALL = (rt.INT, rt.BOOL, rt.USIZE)


def is_big(e: Expr) -> bool:
    return e.ty == BIG


def _use(ctx: FnContext) -> None:
    ctx.module.use_helper(HELPER)


def to_big(ctx: FnContext, e: Expr) -> Expr:
    """`e` as a `PyBigInt` (ints are converted; big values pass through)."""
    if e.ty == BIG:
        return e
    _use(ctx)
    if e.ty == rt.BOOL:
        return Expr(f"PyBigInt::from(i64::from({values.value(e)}))", BIG, Kind.OWNED, Prec.POSTFIX)
    if e.ty == rt.USIZE:
        code = f"PyBigInt::from({values.value_expr(e).at(Prec.CAST)} as i64)"
        return Expr(code, BIG, Kind.OWNED, Prec.POSTFIX)
    return Expr(f"PyBigInt::from({values.value(e)})", BIG, Kind.OWNED, Prec.POSTFIX)


def literal(ctx: FnContext, node: IntExpr) -> Expr:
    """An int literal beyond i64."""
    _use(ctx)
    return Expr(f'PyBigInt::parse("{node.value}")', BIG, Kind.OWNED, Prec.POSTFIX)


def coerce(ctx: FnContext, e: Expr, target: rt.RType) -> Expr | None:
    """Conversions between `PyBigInt` and the other numeric types (None: not one of them)."""
    if target == BIG and e.ty in _SMALL:
        return to_big(ctx, e)
    if e.ty == BIG and target == rt.INT:
        return Expr(f"{e.at(Prec.POSTFIX)}.to_i64()", rt.INT, Kind.OWNED, Prec.POSTFIX)
    if e.ty == BIG and target == rt.USIZE:
        code = f"{e.at(Prec.POSTFIX)}.to_i64() as usize"
        return Expr(code, rt.USIZE, Kind.OWNED, Prec.CAST)
    if e.ty == BIG and target == rt.FLOAT:
        return Expr(f"{e.at(Prec.POSTFIX)}.to_f64()", rt.FLOAT, Kind.OWNED, Prec.POSTFIX)
    if isinstance(e.ty, rt.DictT) and isinstance(target, rt.DictT) and e.code == "PyDict::new()":
        return Expr(e.code, target, Kind.OWNED)  # an empty dict takes the value type
    if isinstance(e.ty, rt.ListT) and isinstance(target, rt.ListT) and e.kind is Kind.OWNED:
        if e.code in ("Vec::new()", "vec![]"):
            return Expr("Vec::new()", target, Kind.OWNED)  # an empty list takes the item type
        if e.ty.elem in _SMALL and target.elem == BIG:  # a fresh list of ints, widened
            _use(ctx)
            return Expr(_mapped(e, "PyBigInt::from"), target, Kind.OWNED, Prec.POSTFIX)
        if e.ty.elem == BIG and target.elem == rt.INT:
            return Expr(_mapped(e, "|v| v.to_i64()"), target, Kind.OWNED, Prec.POSTFIX)
    return None


_INT_VEC = re.compile(r"^vec!\[(-?\d+(?:, -?\d+)*)\]$")


def _mapped(e: Expr, function: str) -> str:
    literals = _INT_VEC.match(e.code)
    if literals is not None and function == "PyBigInt::from":  # `vec![0, 1]`: each item
        items = ", ".join(f"PyBigInt::from({v})" for v in literals.group(1).split(", "))
        return f"vec![{items}]"
    return f"{e.at(Prec.POSTFIX)}.into_iter().map({function}).collect::<Vec<_>>()"


def operand(e: Expr, prec: Prec) -> str:
    """A `PyBigInt` operand of a Rust operator: temporaries move, places are borrowed."""
    if e.kind is Kind.OWNED:
        return e.at(prec)
    if e.kind is Kind.BORROWED:
        return e.at(prec)  # already `&PyBigInt`
    if e.kind is Kind.MUT_BORROWED:
        return f"&*{e.at(Prec.UNARY)}"
    return f"&{e.at(Prec.UNARY)}"


def _small_operand(ctx: FnContext, e: Expr) -> str:
    from backend.transpiler.lower.expressions import coerce as coerce_any

    return values.value_expr(coerce_any(ctx, e, rt.INT)).code  # (a literal infers i64)


def _side(ctx: FnContext, e: Expr, prec: Prec, right: bool) -> str:
    if e.ty == BIG:
        code = operand(e, prec)
        return code if not right or e.prec > prec or e.kind is not Kind.OWNED else f"({code})"
    code = _small_operand(ctx, e)
    return code if not right or " " not in code else f"({code})"


def lower_op(ctx: FnContext, node: OpExpr, left: Expr, right: Expr) -> Expr:
    """`left op right` where an operand, or the result, is a `PyBigInt`."""
    _use(ctx)
    op = node.op
    if rt.FLOAT in (left.ty, right.ty) or op == "/":
        return _float_op(ctx, node, left, right)
    if op == "**":
        return power(ctx, node, left, right)
    if op not in _OPERATORS:
        raise Unsupported(
            node, f"operator `{op}` on an arbitrary-precision int (values beyond i64)", "PRT721"
        )
    if op in ("<<", ">>"):
        left = to_big(ctx, left)
    elif left.ty != BIG and right.ty != BIG:
        left = to_big(ctx, left)  # a result the analysis says grows: compute it big
    rust_op, prec = _OPERATORS[op]
    code = f"{_side(ctx, left, prec, False)} {rust_op} {_side(ctx, right, prec, True)}"
    return Expr(code, BIG, Kind.OWNED, prec)


def _float_op(ctx: FnContext, node: OpExpr, left: Expr, right: Expr) -> Expr:
    """Python converts the int to float (`big * 0.5`); int / int is true division."""
    from backend.transpiler.lower.expressions import coerce as coerce_any

    if node.op == "/" and rt.FLOAT not in (left.ty, right.ty):
        a, b = to_big(ctx, left), to_big(ctx, right)
        code = f"{a.at(Prec.POSTFIX)}.true_div({values.borrow(b)})"
        return Expr(code, rt.FLOAT, Kind.OWNED, Prec.POSTFIX)
    if node.op not in ("+", "-", "*", "/"):
        raise Unsupported(node, f"`{node.op}` of an arbitrary-precision int and a float", "PRT721")
    a = values.value_expr(coerce_any(ctx, left, rt.FLOAT))
    b = values.value_expr(coerce_any(ctx, right, rt.FLOAT))
    prec = Prec.ADD if node.op in ("+", "-") else Prec.MUL
    right_code = b.code if b.prec > prec else f"({b.code})"
    return Expr(f"{a.at(prec)} {node.op} {right_code}", rt.FLOAT, Kind.OWNED, prec)


def power(ctx: FnContext, node: OpExpr | CallExpr, base: Expr, exp: Expr) -> Expr:
    """`base ** exp` as a `PyBigInt` (the exponent stays an i64; a big one is checked)."""
    _use(ctx)
    if isinstance(exp.code, str) and exp.code.startswith("-"):
        raise Unsupported(node, "`**` with a negative exponent on a big int (a float)", "PRT721")
    base = to_big(ctx, base)
    count = _small_operand(ctx, exp)
    return Expr(f"{base.at(Prec.POSTFIX)}.pow({count})", BIG, Kind.OWNED, Prec.POSTFIX)


def pow_mod(ctx: FnContext, base: Expr, exp: Expr, modulus: Expr) -> Expr:
    """`pow(base, exp, m)` where one of them is big."""
    _use(ctx)
    parts = [values.borrow(to_big(ctx, e)) for e in (exp, modulus)]
    base = to_big(ctx, base)
    code = f"{base.at(Prec.POSTFIX)}.pow_mod({parts[0]}, {parts[1]})"
    return Expr(code, BIG, Kind.OWNED, Prec.POSTFIX)


def lower_unary(ctx: FnContext, node: UnaryExpr, value: Expr) -> Expr:
    _use(ctx)
    if node.op == "+":
        return value
    negated = f"-{operand(value, Prec.UNARY)}"
    if node.op == "-":
        return Expr(negated, BIG, Kind.OWNED, Prec.UNARY)
    if node.op == "~":
        return Expr(f"{negated} - 1", BIG, Kind.OWNED, Prec.ADD)  # ~n == -n - 1
    raise Unsupported(node, f"unary `{node.op}` on an arbitrary-precision int", "PRT721")


def compare(ctx: FnContext, node: Context | None, op: str, left: Expr, right: Expr) -> Expr:
    """`left op right` (`==`, `<`, ...) where a side is a `PyBigInt`: exact, also against
    an i64 (`PartialOrd<i64>` both ways); a float side would round, so it is refused."""
    if rt.FLOAT in (left.ty, right.ty):
        raise Unsupported(
            node or Context(),
            "comparing an arbitrary-precision int with a float",
            "PRT721",
        )
    sides = []
    for e in (left, right):
        if e.ty == BIG:
            borrowed = e.kind in (Kind.BORROWED, Kind.MUT_BORROWED)
            sides.append(f"*{e.at(Prec.UNARY)}" if borrowed else e.at(Prec(Prec.CMP + 1)))
        else:
            sides.append(_small_operand(ctx, e))
    return Expr(f"{sides[0]} {op} {sides[1]}", rt.BOOL, Kind.OWNED, Prec.CMP)


def aug_assign(
    ctx: FnContext, stmt: OperatorAssignmentStmt, place_code: str, place: Expr, rhs: Expr
) -> list[ir.Stmt]:
    """`r *= i` on a `PyBigInt` place: the compound operators of the type, in place."""
    _use(ctx)
    op = stmt.op
    if op == "**":
        count = _small_operand(ctx, rhs)
        return [ir.Assign(place_code, "=", f"{place.at(Prec.POSTFIX)}.pow({count})")]
    if op in ("<<", ">>"):
        count = _small_operand(ctx, rhs)
        return [ir.Assign(place_code, "=", f"&{place.at(Prec.UNARY)} {op} {count}")]
    if op not in _OPERATORS:
        raise Unsupported(stmt, f"`{op}=` on an arbitrary-precision int", "PRT721")
    rust_op = _OPERATORS[op][0]
    value = operand(rhs, Prec.ASSIGN) if rhs.ty == BIG else _small_operand(ctx, rhs)
    return [ir.Assign(place_code, f"{rust_op}=", value)]


def divmod_(ctx: FnContext, a: Expr, b: Expr) -> Expr:
    """`divmod(a, b)` with a big operand: both parts are `PyBigInt`."""
    a, b = to_big(ctx, a), to_big(ctx, b)
    code = f"{a.at(Prec.POSTFIX)}.divmod({values.borrow(b)})"
    return Expr(code, rt.TupleT((BIG, BIG)), Kind.OWNED, Prec.POSTFIX)


def _bit_length(call: Call) -> Expr:
    assert call.receiver is not None
    code = f"{call.receiver.at(Prec.POSTFIX)}.bit_length() as i64"
    return Expr(code, rt.INT, Kind.OWNED, Prec.CAST)


# `int` methods on a PyBigInt receiver (lower/methods.py dispatches here)
METHODS: dict[str, Callable[[Call], Expr]] = {"bit_length": _bit_length}


def truthy(e: Expr) -> str:
    return f"!{e.at(Prec.POSTFIX)}.is_zero()"


def factorial(ctx: FnContext, n: Expr) -> Expr:
    _use(ctx)
    return Expr(f"PyBigInt::factorial({_small_operand(ctx, n)})", BIG, Kind.OWNED, Prec.POSTFIX)


def fits_i64(value: int) -> bool:
    return I64_MIN <= value <= I64_MAX


# ---- the Translation's report of the decisions ----


def report(module: ModuleContext, selection: set[str] | None) -> None:
    """One information diagnostic (PRT720) per name made arbitrary-precision, at its Python
    range, plus `module.int_width_report` for the Translation's metadata."""
    width = module.int_width
    if width is None:
        return
    seen: set[tuple[str, str]] = set()
    for decision in width.decisions:
        item = _item_of(module, decision.function)
        if (decision.function, decision.name) in seen or not _selected(item, selection):
            continue
        seen.add((decision.function, decision.name))
        where = "the `__main__` block" if item is None else f"`{_display(module, decision)}`"
        if decision.kind == "return":
            what = f"{where} returns an arbitrary-precision int"
        elif decision.kind == "list return":
            what = f"{where} returns a list of arbitrary-precision ints"
        elif decision.kind == "list":
            what = f"list `{decision.name}` in {where} holds arbitrary-precision ints"
        elif decision.kind == "dict values":
            what = f"dict `{decision.name}` in {where} holds arbitrary-precision int values"
        else:
            what = f"int {decision.kind} `{decision.name}` in {where} uses arbitrary precision"
        message = f"{what} (`PyBigInt`; values may exceed i64: {decision.reason})"
        module.diagnose(decision.node, message, "PRT720", Severity.INFORMATION)
        module.int_width_report.append(
            {
                "function": _display(module, decision) if item is not None else "__main__",
                "name": decision.name,
                "kind": decision.kind,
                "reason": decision.reason,
                "line": decision.node.line,
            }
        )


def _item_of(module: ModuleContext, fullname: str) -> str | None:
    """The top-level item a function belongs to (None: the `__main__` block)."""
    if fullname.endswith(".__main_block__"):
        return None
    prefix = module.module_name + "."
    local = fullname[len(prefix) :] if fullname.startswith(prefix) else fullname
    return local.split(".")[0]


def _display(module: ModuleContext, decision: Decision) -> str:
    prefix = module.module_name + "."
    name = decision.function
    return name[len(prefix) :] if name.startswith(prefix) else name


def _selected(item: str | None, selection: set[str] | None) -> bool:
    if selection is None:
        return True
    return item is not None and item in selection
