"""Which Rust sort a Python `list.sort()` / `sorted()` becomes.

Python's sort is stable. Rust's `sort_unstable` gives the same result where equal
elements cannot be told apart (ints, strings, bools, chars and tuples, lists and
Optionals of those: two equal ones are the same value). Floats are the exception:
`-0.0 == 0.0` are equal but print differently and NaN compares false both ways, so
float lists keep a stable sort with Python's `<` ordering (`py_sort_floats`: std's stable
sort when no NaN is present, where the result is then unique; `py_sort`'s `<`-only merge
otherwise).

`key=`: a key that is a pure projection of the item (`lambda p: p.age`,
`lambda t: (t[1], t[0])`, `lambda s: len(s)`: no call that could print or raise) may be
called any number of times without anyone noticing, so a `Copy` + `Ord` key uses std's
stable `sort_by_key`, and a non-`Copy` `Ord` key `sort_by_cached_key` (one key per item,
stable). Other keys keep `py_sort_by_key`, which calls the key exactly once per item, in
order, as CPython does.
"""

from __future__ import annotations

from mypy.nodes import (
    CallExpr,
    Expression,
    IndexExpr,
    IntExpr,
    LambdaExpr,
    MemberExpr,
    NameExpr,
    ReturnStmt,
    TupleExpr,
)

from backend.transpiler import rtypes as rt

_PURE_CALLS = {"builtins.len"}


def equal_means_identical(ty: rt.RType) -> bool:
    """Whether two elements that compare equal are the same value (a sort's stability is
    then unobservable)."""
    if isinstance(ty, rt.StrT | rt.BigIntT | rt.BytesT):
        return True
    if isinstance(ty, rt.TupleT):
        return all(equal_means_identical(t) for t in ty.items)
    if isinstance(ty, rt.ListT):
        return equal_means_identical(ty.elem)
    if isinstance(ty, rt.OptionT):
        return equal_means_identical(ty.inner)
    return ty in (rt.INT, rt.BOOL, rt.CHAR, rt.USIZE)


def floats_ordered(ty: rt.RType) -> bool:
    """Floats, or tuples of floats, ints, strings and bools: `<` is a total preorder on
    them once no NaN is present (`x.partial_cmp(x)` is None exactly for a NaN inside)."""
    if isinstance(ty, rt.TupleT):
        return all(floats_ordered(t) or equal_means_identical(t) for t in ty.items)
    return ty == rt.FLOAT


def pure_key_body(key: Expression) -> Expression | None:
    """The body of a `lambda x: ...` key that only projects `x` (no call that could be
    observed), else None."""
    if not (isinstance(key, LambdaExpr) and len(key.arguments) == 1):
        return None
    body = key.body.body
    if len(body) != 1 or not isinstance(body[0], ReturnStmt) or body[0].expr is None:
        return None
    param = key.arguments[0].variable
    return body[0].expr if _projects(body[0].expr, param.name) else None


def _projects(node: Expression, param: str) -> bool:
    if isinstance(node, NameExpr):
        return node.name == param
    if isinstance(node, MemberExpr):
        return _projects(node.expr, param)
    if isinstance(node, IndexExpr):  # a tuple item by a constant (checked when typed)
        return isinstance(node.index, IntExpr) and _projects(node.base, param)
    if isinstance(node, TupleExpr):
        return all(_projects(item, param) for item in node.items)
    if isinstance(node, CallExpr) and isinstance(node.callee, NameExpr):
        return node.callee.fullname in _PURE_CALLS and all(_projects(a, param) for a in node.args)
    return False
