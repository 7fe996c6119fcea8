"""Python's `complex` as the runtime's `PyComplex` (runtime/complex.rs): literals (`2j`),
`complex(re, im)`, `+ - * /` with ints and floats made complex first (CPython 3.11),
`==`, `abs`, `.real`, `.imag`, `.conjugate()`, `str`/`repr`, and the `cmath` functions
whose CPython results the plain formulas reproduce (`phase`, `polar`, `rect`). The others
(`sqrt`, `exp`, `log`, ...) use algorithms of CPython's own and stay placeholders."""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import ComplexExpr, Expression

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call, Lowerer
from backend.transpiler.lower.context import FnContext, Unsupported
from backend.transpiler.lower.literals import rust_float_literal

FUNCTIONS: dict[str, Lowerer] = {}


def _new(re: str, im: str) -> Expr:
    return Expr(f"PyComplex::new({re}, {im})", rt.COMPLEX, Kind.OWNED, Prec.POSTFIX)


def lower_literal(ctx: FnContext, node: ComplexExpr) -> Expr:
    ctx.module.use_helper("py_complex")
    value = complex(node.value)
    return _new(rust_float_literal(value.real), rust_float_literal(value.imag))


def as_complex(ctx: FnContext, e: Expr, node: Expression) -> Expr:
    """An int, bool or float operand as `complex(x, 0.0)`."""
    ctx.module.use_helper("py_complex")
    if e.ty == rt.COMPLEX:
        return values.value_expr(e)
    value = values.value_expr(e)
    if e.ty in (rt.INT, rt.BOOL, rt.USIZE):
        return _new(f"{value.at(Prec.CAST)} as f64", "0.0")
    if e.ty == rt.FLOAT:
        return _new(value.code, "0.0")
    raise Unsupported(node, f"a {e.ty.render()} in complex arithmetic", "PRT130")


def binary(ctx: FnContext, node: Expression, op: str, left: Expr, right: Expr) -> Expr:
    a, b = as_complex(ctx, left, node), as_complex(ctx, right, node)
    if op in ("+", "-", "*"):
        prec = Prec.MUL if op == "*" else Prec.ADD
        return Expr(f"{a.at(prec)} {op} {b.at(Prec(prec + 1))}", rt.COMPLEX, Kind.OWNED, prec)
    if op == "/":
        if ctx.module.raising.may_be_caught("ZeroDivisionError"):
            # the division by zero stops the program; a handler would need it as a Result
            raise Unsupported(node, "complex `/` where a handler may catch its error", "PRT130")
        return Expr(f"{a.at(Prec.POSTFIX)}.py_div({b.code})", rt.COMPLEX, Kind.OWNED, Prec.POSTFIX)
    raise Unsupported(node, f"operator `{op}` on complex", "PRT130")


def compare(ctx: FnContext, node: Expression, op: str, left: Expr, right: Expr) -> Expr:
    if op not in ("==", "!="):
        raise Unsupported(node, f"`{op}` on complex", "PRT130")
    a, b = as_complex(ctx, left, node), as_complex(ctx, right, node)
    return Expr(f"{a.at(Prec.CMP)} {op} {b.at(Prec.CMP)}", rt.BOOL, Kind.OWNED, Prec.CMP)


def attribute(e: Expr, name: str, node: Expression) -> Expr:
    """`z.real`, `z.imag`."""
    if name == "real":
        return Expr(f"{e.at(Prec.POSTFIX)}.re", rt.FLOAT, Kind.OWNED, Prec.POSTFIX)
    if name == "imag":
        return Expr(f"{e.at(Prec.POSTFIX)}.im", rt.FLOAT, Kind.OWNED, Prec.POSTFIX)
    raise Unsupported(node, f"`complex.{name}`", "PRT130")


def lower_method(call: Call, name: str) -> Expr:
    recv = call.receiver
    assert recv is not None
    if name == "conjugate" and not call.args:
        code = f"{recv.at(Prec.POSTFIX)}.conjugate()"
        return Expr(code, rt.COMPLEX, Kind.OWNED, Prec.POSTFIX)
    raise call.fail(f"`complex.{name}()`", "PRT130")


def construct(call: Call) -> Expr:
    """`complex()`, `complex(re)`, `complex(re, im)` of numbers."""
    ctx = call.ctx
    ctx.module.use_helper("py_complex")
    if call.kwargs or len(call.args) > 2:
        raise call.fail("complex() with keyword arguments", "PRT160")
    parts = [_real(call, i) for i in range(len(call.args))]
    if any(p is None for p in parts):
        raise call.fail("complex() of a string or a complex", "PRT160")
    re, im = ([*parts, "0.0", "0.0"])[:2]
    assert re is not None and im is not None
    return _new(re, im)


def _real(call: Call, index: int) -> str | None:
    e = values.value_expr(call.arg(index))
    if e.ty in (rt.INT, rt.BOOL):
        return f"{e.at(Prec.CAST)} as f64"
    return e.code if e.ty == rt.FLOAT else None


def _cmath(name: str) -> Callable[[Lowerer], Lowerer]:
    def register(fn: Lowerer) -> Lowerer:
        FUNCTIONS[f"cmath.{name}"] = fn
        return fn

    return register


@_cmath("phase")
def cmath_phase(call: Call) -> Expr:
    z = as_complex(call.ctx, call.arg(0), call.node)
    return Expr(f"{{ let z = {z.code}; z.im.atan2(z.re) }}", rt.FLOAT, Kind.OWNED, Prec.ATOM)


@_cmath("polar")
def cmath_polar(call: Call) -> Expr:
    z = as_complex(call.ctx, call.arg(0), call.node)
    code = f"{{ let z = {z.code}; (z.abs(), z.im.atan2(z.re)) }}"
    return Expr(code, rt.TupleT((rt.FLOAT, rt.FLOAT)), Kind.OWNED, Prec.ATOM)


@_cmath("rect")
def cmath_rect(call: Call) -> Expr:
    """CPython's `rect` for finite inputs (`phi == 0` keeps `r` exactly); an infinite or NaN
    input has special cases of CPython's own: reported at run time, not guessed."""
    call.ctx.module.use_helper("py_complex")
    r = values.value_expr(call.arg(0))
    phi = values.value_expr(call.arg(1))
    rv = f"{r.at(Prec.CAST)} as f64" if r.ty != rt.FLOAT else r.code
    pv = f"{phi.at(Prec.CAST)} as f64" if phi.ty != rt.FLOAT else phi.code
    code = (
        f"{{ let (r, phi): (f64, f64) = ({rv}, {pv}); "
        'assert!(r.is_finite() && phi.is_finite(), "Portalis: cmath.rect of inf or nan"); '
        "if phi == 0.0 { PyComplex::new(r, r * phi) } "
        "else { PyComplex::new(r * phi.cos(), r * phi.sin()) } }"
    )
    return Expr(code, rt.COMPLEX, Kind.OWNED, Prec.ATOM)
