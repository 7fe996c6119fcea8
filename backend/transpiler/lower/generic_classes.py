"""Generic classes (`class Stack(Generic[T])`) used with one type argument list.

A module that uses `Stack[int]` only gets `struct Stack` with `T` read as `int` in the
class's fields and methods: the monomorphic struct rustc would generate from a generic
one, without the trait bounds (`Clone + PartialEq + PyFmt` ...) a generic `impl` needs.
Where the module instantiates the class with several argument lists (`Stack[int]` and
`Stack[str]`), or with one the mapper cannot type, `T` stays unbound: a diagnostic says so
and the uses of `T` are placeholders rustc rejects (status `partial`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from mypy.nodes import ClassDef, Expression
from mypy.types import (
    CallableType,
    Instance,
    TupleType,
    Type,
    TypeVarType,
    UnionType,
    get_proper_type,
)

from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.typemap import TypeMapper
from backend.transpiler.lower.context import ModuleContext

_UNTYPED = re.compile(r"(?<!\w)_(?!\w)")  # `_` in a rendered type: a part not mapped


def bind_type_parameters(
    mapper: TypeMapper, classdefs: list[ClassDef], types: Mapping[Expression, Type]
) -> dict[str, int]:
    """Binds the type variables of every generic class instantiated with exactly one
    argument list (`mapper.type_vars`). Returns the other generic classes with the number
    of argument lists seen (0: never instantiated with concrete types)."""
    generic = {c.info.fullname: c for c in classdefs if c.info.type_vars}
    seen: dict[str, dict[str, Instance]] = {name: {} for name in generic}
    for typ in types.values():
        proper = get_proper_type(typ)
        if not isinstance(proper, Instance) or proper.type.fullname not in seen:
            continue
        if proper.args and not any(_has_type_var(a) for a in proper.args):
            seen[proper.type.fullname][str(proper)] = proper
    unbound: dict[str, int] = {}
    for name, found in seen.items():
        bound = _bindings(mapper, generic[name], list(found.values()))
        if bound is None:
            unbound[name] = len(found)
        else:
            mapper.type_vars.update(bound)
    return unbound


def _bindings(
    mapper: TypeMapper, cdef: ClassDef, found: list[Instance]
) -> dict[tuple[str, str], rt.RType] | None:
    if len(found) != 1:
        return None
    names = cdef.info.defn.type_vars
    args = [mapper.map(a) for a in found[0].args]
    if len(args) != len(names) or any(_UNTYPED.search(a.render()) for a in args):
        return None
    return {
        (cdef.info.fullname, tv.fullname): arg
        for tv, arg in zip(names, args, strict=True)
        if isinstance(tv, TypeVarType)
    }


def report_unbound(ctx: ModuleContext, classdefs: list[ClassDef], unbound: dict[str, int]) -> None:
    for cdef in classdefs:
        count = unbound.get(cdef.info.fullname)
        if count is None:
            continue
        how = "with several type arguments" if count > 1 else "without concrete type arguments"
        what = f"generic class `{cdef.name}` used {how} (one instantiation translates)"
        ctx.diagnose(cdef, f"not translated: {what}", "PRT510")


def _has_type_var(typ: Type) -> bool:
    proper = get_proper_type(typ)
    if isinstance(proper, TypeVarType):
        return True
    if isinstance(proper, Instance):
        return any(_has_type_var(a) for a in proper.args)
    if isinstance(proper, TupleType | UnionType):
        return any(_has_type_var(t) for t in proper.items)
    if isinstance(proper, CallableType):
        return any(_has_type_var(t) for t in [*proper.arg_types, proper.ret_type])
    return False
