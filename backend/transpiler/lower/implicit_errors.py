"""Builtin operations that raise (`d[k]` KeyError, `xs[i]` IndexError, `a // 0`
ZeroDivisionError, `xs.pop()` on an empty list IndexError, `xs.index(x)` ValueError) in
their checked form: a `Result` propagated like a call to a raising function.

Only where a handler can see the error (an enclosing `try` of the function catches it, or
the raising analysis made the function return `Result` because some handler in the program
names that error); everywhere else the plain form panics, which also ends the program.
"""

from __future__ import annotations

from mypy.nodes import CallExpr, IndexExpr, MemberExpr, OpExpr

from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.raising import (
    implicit_index_kind,
    implicit_method_kind,
    implicit_op_kind,
)
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import FnContext
from backend.transpiler.operations import LIST_POP

RESULT_ERR = "PyException"


def checks(ctx: FnContext, kind: str) -> bool:
    """Whether an operation that raises `kind` must be lowered in its checked form."""
    from backend.transpiler.lower import exceptions

    if ctx.closure_depth or getattr(ctx, "in_closure_expr", False):
        return False  # a `?`/`break` cannot leave a closure
    if exceptions.catches_locally(ctx, kind):
        return True
    wanted = ctx.module.raising.implicit_wanted_by_name(kind)
    return wanted and (bool(ctx.try_labels) or ctx.fallible)


def _propagate(ctx: FnContext, node: object, result: Expr) -> Expr:
    from backend.transpiler.lower import exceptions

    ctx.module.use_helper("py_exception")
    return exceptions.propagate(ctx, node, result)  # type: ignore[arg-type]


# ---- d[k], xs[i], s[i] ----


def checked_index(ctx: FnContext, node: IndexExpr) -> Expr | None:
    from backend.transpiler.lower.expressions import lower_expr
    from backend.transpiler.lower.subscripts import key_ref

    kind = implicit_index_kind(ctx.module.typed.types, node)
    if kind is None or not checks(ctx, kind):
        return None
    base = lower_expr(ctx, node.base)
    ty = base.ty
    if isinstance(ty, rt.DictT) and ty.flavour == "dict":
        key = lower_expr(ctx, node.index, ty.key)
        repr_key = values.repr_of(ctx.module, key)
        code = (
            f"{base.at(Prec.POSTFIX)}.get({key_ref(key)})"
            f'.ok_or_else(|| PyException::new("KeyError", {repr_key}))'
        )
        return _propagate(ctx, node, Expr(code, ty.value, Kind.BORROWED, Prec.POSTFIX))
    if isinstance(ty, rt.ListT):
        index = _checked_position(ctx, node, base, lower_expr(ctx, node.index, rt.INT), "list")
        return Expr(f"{base.at(Prec.POSTFIX)}[{index.code}]", ty.elem, Kind.PLACE, Prec.POSTFIX)
    if isinstance(ty, rt.StrT):
        count = Expr(f"{base.at(Prec.POSTFIX)}.chars().count()", rt.USIZE, Kind.OWNED, Prec.POSTFIX)
        index = _checked_position(
            ctx, node, count, lower_expr(ctx, node.index, rt.INT), "string", counted=True
        )
        code = f"{base.at(Prec.POSTFIX)}.chars().nth({index.code}).unwrap().to_string()"
        return Expr(code, rt.STR, Kind.OWNED, Prec.POSTFIX)
    return None


def _checked_position(
    ctx: FnContext, node: object, base: Expr, index: Expr, what: str, counted: bool = False
) -> Expr:
    ctx.module.use_helper("py_checked_index")
    length = base.code if counted else f"{base.at(Prec.POSTFIX)}.len()"
    code = f'py_checked_index({values.value(index)}, {length}, "{what}")'
    return _propagate(ctx, node, Expr(code, rt.USIZE, Kind.OWNED, Prec.POSTFIX))


# ---- a / b, a // b, a % b ----


def checked_division(
    ctx: FnContext, node: OpExpr, left: Expr, right: Expr, num_t: rt.RType
) -> Expr | None:
    """`left`/`right` are already numeric values of `num_t` (floats for `/`)."""
    kind = implicit_op_kind(ctx.module.typed.types, node)
    if kind is None or not checks(ctx, kind):
        return None
    if node.op == "/":
        ints = all(
            ctx.module.type_of(side) in (rt.INT, rt.BOOL) for side in (node.left, node.right)
        )
        message = "division by zero" if ints else "float division by zero"
        ctx.module.use_helper("py_checked_div")
        code = f'py_checked_div({left.code}, {right.code}, "{message}")'
        return _propagate(ctx, node, Expr(code, rt.FLOAT, Kind.OWNED, Prec.POSTFIX))
    if num_t != rt.INT:
        return None  # float `//` and `%` by zero stay panics
    helper = "py_checked_floordiv" if node.op == "//" else "py_checked_mod"
    ctx.module.use_helper(helper)
    return _propagate(
        ctx, node, Expr(f"{helper}({left.code}, {right.code})", rt.INT, Kind.OWNED, Prec.POSTFIX)
    )


# ---- xs.pop(), xs.index(x), d.pop(k) ----


def checked_method(ctx: FnContext, node: CallExpr, receiver: Expr, name: str) -> Expr | None:
    from backend.transpiler.lower.expressions import lower_expr

    kind = implicit_method_kind(ctx.module.typed.types, node)
    if kind is None or not checks(ctx, kind) or not isinstance(node.callee, MemberExpr):
        return None
    ty = receiver.ty
    recv = receiver.at(Prec.POSTFIX)
    if isinstance(ty, rt.ListT) and name == "pop" and not node.args:
        empty = LIST_POP.raises[0]
        error = f'PyException::new("{empty.exception}", "{empty.message}")'
        code = f"{recv}.pop().ok_or_else(|| {error})"
        return _propagate(ctx, node, Expr(code, ty.elem, Kind.OWNED, Prec.POSTFIX))
    if isinstance(ty, rt.ListT) and name == "index" and len(node.args) == 1:
        item = lower_expr(ctx, node.args[0], ty.elem)
        if item.ty.is_copy:
            found = f"{recv}.iter().position(|&x| x == {values.value_expr(item).at(Prec.BITOR)})"
        else:
            found = f"{recv}.iter().position(|x| x == {values.borrow(item)})"
        message = f'format!("{{}} is not in list", {values.repr_of(ctx.module, item)})'
        code = f'{found}.map(|i| i as i64).ok_or_else(|| PyException::new("ValueError", {message}))'
        return _propagate(ctx, node, Expr(code, rt.INT, Kind.OWNED, Prec.POSTFIX))
    if isinstance(ty, rt.DictT) and name == "pop" and len(node.args) == 1:
        from backend.transpiler.lower.subscripts import key_ref

        key = lower_expr(ctx, node.args[0], ty.key)
        code = (
            f"{recv}.remove({key_ref(key)}).ok_or_else(|| "
            f'PyException::new("KeyError", {values.repr_of(ctx.module, key)}))'
        )
        return _propagate(ctx, node, Expr(code, ty.value, Kind.OWNED, Prec.POSTFIX))
    return None
