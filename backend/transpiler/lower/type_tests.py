"""`isinstance(x, C)` answered from mypy's static type of `x`, where that type decides it.

Translated code is monomorphic: a value's class is its static class or (for the few
run-time subclasses Python allows there) a subclass of it. So `isinstance` is a constant
when every class the value can have at run time agrees (`list[int]` is a `list`, a `bool`
is an `int`, an `IntEnum` member is an `int`), a `None` test for an `Optional`, and
otherwise not decidable here: an `int` may be a `bool`, a `float` parameter may hold an
`int`, a `dict` may be a `Counter`. Those are reported (PRT168), never guessed.
"""

from __future__ import annotations

from mypy.nodes import (
    CallExpr,
    Expression,
    MemberExpr,
    NameExpr,
    OpExpr,
    RefExpr,
    TupleExpr,
    TypeInfo,
)
from mypy.types import (
    Instance,
    LiteralType,
    NoneType,
    ProperType,
    TupleType,
    TypedDictType,
    UnionType,
    get_proper_type,
)

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import FnContext, Unsupported
from backend.transpiler.lower.expressions import lower_expr

# A value of the static type on the left may be an instance of these classes at run time
# (mypy's numeric promotions: an `int` argument is accepted for a `float` parameter).
_PROMOTED_FROM = {
    "builtins.float": ("builtins.int",),
    "builtins.complex": ("builtins.float", "builtins.int"),
}
_NONE_CLASSES = ("builtins.object", "types.NoneType", "_typeshed.NoneType")


def lower_static_isinstance(ctx: FnContext, node: CallExpr) -> Expr:
    """The constant (or `is_some()`) `isinstance(node.args[0], node.args[1])` is, or PRT168."""
    value, target = node.args[0], node.args[1]
    classes = target_classes(target)
    if classes is None:
        raise Unsupported(node, "isinstance() with a computed class", "PRT409")
    typ = get_proper_type(ctx.module.mypy_type(value))
    if typ is None:
        raise Unsupported(node, "isinstance() on a value of unknown type", "PRT166")
    if isinstance(typ, UnionType):
        return _union_answer(ctx, node, typ, classes)
    answer = _answer(typ, classes)
    if answer is None:
        raise Unsupported(node, _undecided(typ, classes), "PRT168")
    return _constant(ctx, value, answer)


def declared_class_answer(ctx: FnContext, node: CallExpr) -> Expr | None:
    """`isinstance(other, Rate)` where mypy sees a union of classes but the variable is
    declared as one class of it (a parameter of one overload's variant of the body, see
    lower/overloads.py): the class decides, as for any value of a class type."""
    value, target = node.args[0], node.args[1]
    if not isinstance(value, NameExpr) or not isinstance(
        get_proper_type(ctx.module.mypy_type(value)), UnionType
    ):
        return None
    info = ctx.lookup(value.name)
    classes = target_classes(target)
    if info is None or not isinstance(info.ty, rt.StructT) or classes is None:
        return None
    ci = next((c for c in ctx.module.classes.values() if c.name == info.ty.name), None)
    if ci is None:
        return None
    answer = _class_answer(ci.info, classes)
    return None if answer is None else _constant(ctx, value, answer)


def target_classes(target: Expression) -> list[TypeInfo] | None:
    """The classes of `isinstance`'s second argument: a class, a (nested) tuple of them, or
    `A | B`; None where it is computed."""
    if isinstance(target, TupleExpr):
        out: list[TypeInfo] = []
        for item in target.items:
            found = target_classes(item)
            if found is None:
                return None
            out.extend(found)
        return out
    if isinstance(target, OpExpr) and target.op == "|":
        left, right = target_classes(target.left), target_classes(target.right)
        return None if left is None or right is None else left + right
    if isinstance(target, NameExpr | MemberExpr) and isinstance(target.node, TypeInfo):
        return [target.node]
    return None


def _answer(typ: ProperType, classes: list[TypeInfo]) -> bool | None:
    """True/False when every run-time class of a `typ` value gives that answer."""
    if isinstance(typ, NoneType):
        return any(c.fullname in _NONE_CLASSES for c in classes)
    info = _static_class(typ)
    if info is None:
        return None
    answers = {_class_answer(info, classes)}
    for promoted in _PROMOTED_FROM.get(info.fullname, ()):
        answers.add(_promoted_answer(promoted, classes))
    return answers.pop() if len(answers) == 1 else None


def _static_class(typ: ProperType) -> TypeInfo | None:
    if isinstance(typ, Instance):
        return typ.type
    if isinstance(typ, TupleType):
        return typ.partial_fallback.type
    if isinstance(typ, LiteralType | TypedDictType):
        return typ.fallback.type
    return None


def _class_answer(info: TypeInfo, classes: list[TypeInfo]) -> bool | None:
    """A value of class `info` or of any subclass of it, against the targets."""
    if any(info.has_base(c.fullname) for c in classes):
        return True
    if info.is_protocol or any(c.has_base(info.fullname) for c in classes):
        return None  # a subclass of the static class (`bool` for `int`) may be passed
    return False


def _promoted_answer(promoted: str, classes: list[TypeInfo]) -> bool | None:
    """A value of the builtin `promoted` (whose only base is `object`) or a subclass."""
    if any(c.fullname in (promoted, "builtins.object") for c in classes):
        return True
    if any(c.has_base(promoted) or c.is_protocol for c in classes):
        return None
    return False


def _union_answer(ctx: FnContext, node: CallExpr, typ: UnionType, classes: list[TypeInfo]) -> Expr:
    """`Optional[T]` (the other unions are enums, lower/unions.py): a `None` test when `T`
    decides it."""
    items = [get_proper_type(t) for t in typ.items]
    none = {_answer(t, classes) for t in items if isinstance(t, NoneType)}
    some = {_answer(t, classes) for t in items if not isinstance(t, NoneType)}
    if None in some or len(some) != 1:
        raise Unsupported(node, _undecided(typ, classes), "PRT168")
    if none <= some:
        return _constant(ctx, node.args[0], some.pop() is True)
    subject = lower_expr(ctx, node.args[0])
    if not isinstance(subject.ty, rt.OptionT):
        raise Unsupported(node, _undecided(typ, classes), "PRT168")
    test = "is_some" if some.pop() else "is_none"
    return Expr(f"{subject.at(Prec.POSTFIX)}.{test}()", rt.BOOL, Kind.OWNED, Prec.POSTFIX)


def _constant(ctx: FnContext, value: Expression, answer: bool) -> Expr:
    """The answer; an argument with effects (`isinstance(f(), int)`) is still evaluated."""
    constant = "true" if answer else "false"
    if isinstance(value, RefExpr):
        return Expr(constant, rt.BOOL)
    return values.evaluated_constant(lower_expr(ctx, value), constant)


def _undecided(typ: ProperType | None, classes: list[TypeInfo]) -> str:
    names = ", ".join(c.name for c in classes)
    return (
        f"isinstance() of a `{typ}` value against {names}: the static type does not decide "
        "the run-time class"
    )
