"""Map mypy types onto the Rust types of the IR."""

from __future__ import annotations

from collections.abc import Mapping

from mypy.types import (
    AnyType,
    CallableType,
    Instance,
    LiteralType,
    NoneType,
    Overloaded,
    TupleType,
    Type,
    TypeAliasType,
    TypeType,
    TypeVarType,
    UninhabitedType,
    UnionType,
    get_proper_type,
)

from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.union_types import UnionRegistry

# Builtin scalars and containers; adding one is one entry.
SCALARS: dict[str, rt.RType] = {
    "builtins.int": rt.INT,
    "builtins.float": rt.FLOAT,
    "builtins.complex": rt.COMPLEX,
    "builtins.bool": rt.BOOL,
    "builtins.str": rt.STR,
    "builtins.bytes": rt.BYTES,
    "builtins.bytearray": rt.BYTES,
    "builtins.object": rt.UNKNOWN,
    # mypyc's native ints are plain `int` under CPython (lower/native_ints.py)
    "mypy_extensions.i64": rt.INT,
    "mypy_extensions.i32": rt.INT,
    "mypy_extensions.i16": rt.INT,
    "mypy_extensions.u8": rt.INT,
}

LIST_LIKE = {
    "builtins.list",
    "typing.Sequence",
    "typing.MutableSequence",
    "typing.Iterable",
    "typing.Collection",
    "typing.Reversible",
}
ITERATOR_LIKE = {
    "typing.Iterator",
    "typing.Generator",
    "builtins.map",
    "builtins.filter",
    "builtins.enumerate",
    "builtins.zip",
    "builtins.reversed",
    "itertools.count",
    "itertools.cycle",
    "itertools.islice",
    "itertools.chain",
}
DICT_LIKE = {
    "builtins.dict": "dict",
    "typing.Mapping": "dict",
    "typing.MutableMapping": "dict",
    "collections.OrderedDict": "dict",
    "collections.defaultdict": "defaultdict",
}
SET_LIKE = {"builtins.set", "builtins.frozenset", "typing.AbstractSet", "typing.MutableSet"}

EXCEPTION_BASE = "builtins.BaseException"
# Library types with a runtime of their own (lower/regex.py defines these Rust types).
# `io.StringIO` (lower/streams.py); an `IO[str]`/`TextIO` parameter holds one as well
STRINGIO_T = rt.StructT("PyStringIO")
EXTERNAL_TYPES = {
    "re.Pattern": rt.StructT("PyRegex", copy=True),
    "re.Match": rt.StructT("PyMatch"),
    "io.StringIO": STRINGIO_T,
    "_io.StringIO": STRINGIO_T,
    "typing.TextIO": STRINGIO_T,
}


class TypeMapper:
    """Maps mypy types to Rust types; knows the module's own classes."""

    def __init__(self, classes: Mapping[str, rt.StructT]) -> None:
        self.classes = classes  # fullname -> struct type
        # (class fullname, type variable fullname) -> the one type argument the module
        # instantiates a generic class with (lower/generic_classes.py)
        self.type_vars: dict[tuple[str, str], rt.RType] = {}
        self.unions = UnionRegistry(lambda: {c.name for c in self.classes.values()})

    def map(self, typ: Type | None) -> rt.RType:
        if typ is None:
            return rt.UNKNOWN
        if isinstance(typ, TypeAliasType):
            union = self.unions.map_alias(typ, self.map)  # `Json = dict[str, "Json"] | int`
            if union is not None:
                return union
            if typ.is_recursive:
                # `Tree = dict[str, "Tree"]` has no finite Rust type without a newtype
                return rt.UnknownT(f"recursive type alias `{typ.alias.name if typ.alias else typ}`")
            typ = get_proper_type(typ)
        typ = get_proper_type(typ)
        if isinstance(typ, LiteralType):
            return self.map(typ.fallback)
        if isinstance(typ, NoneType):
            return rt.UNIT
        if isinstance(typ, Instance):
            return self._instance(typ)
        if isinstance(typ, TupleType):
            if typ.partial_fallback.type.fullname != "builtins.tuple":
                named = self.classes.get(typ.partial_fallback.type.fullname)
                if named is not None:
                    return named
            return rt.TupleT(tuple(_boxed(self.map(t)) for t in typ.items))
        if isinstance(typ, UnionType):
            return self._union(typ)
        if isinstance(typ, CallableType):
            if typ.is_type_obj():
                return rt.UNKNOWN
            return rt.FnT(tuple(self.map(t) for t in typ.arg_types), self.map(typ.ret_type))
        if isinstance(typ, TypeVarType):
            bound = self.type_vars.get((typ.id.namespace, typ.fullname))
            return bound if bound is not None else rt.UnknownT(str(typ))
        if isinstance(typ, Overloaded | TypeType | UninhabitedType | AnyType):
            return rt.UnknownT(str(typ))
        return rt.UnknownT(str(typ))

    def _instance(self, typ: Instance) -> rt.RType:
        name = typ.type.fullname
        args = [_boxed(self.map(a)) for a in typ.args]  # `Vec<Box<dyn Fn..>>`
        if name in SCALARS:
            return SCALARS[name]
        if name in self.classes:
            return self.classes[name]
        if typ.type.has_base(EXCEPTION_BASE):
            return rt.StructT("PyException")
        if name == "builtins.tuple":
            return rt.VarTupleT(args[0] if args else rt.UNKNOWN)
        if name == "array.array":
            return rt.ArrayT(args[0] if args else rt.UNKNOWN)
        if name in LIST_LIKE:
            return rt.ListT(args[0] if args else rt.UNKNOWN)
        if name in ITERATOR_LIKE:
            return rt.IterT(args[0] if args else rt.UNKNOWN)
        if name == "builtins.range":
            return rt.IterT(rt.INT)
        if name in DICT_LIKE and len(args) == 2:
            return rt.DictT(args[0], args[1], DICT_LIKE[name])
        if name == "collections.Counter":
            return rt.DictT(args[0] if args else rt.UNKNOWN, rt.INT, "counter")
        if name in SET_LIKE:
            return rt.SetT(args[0] if args else rt.UNKNOWN)
        if name == "collections.deque":
            return rt.DequeT(args[0] if args else rt.UNKNOWN)
        if name in EXTERNAL_TYPES:
            return EXTERNAL_TYPES[name]
        if name == "typing.IO" and args == [rt.STR]:
            return STRINGIO_T
        if name in ("typing.Callable", "builtins.function"):
            return rt.UnknownT(name)
        if typ.type.is_enum:
            return rt.StructT(typ.type.name, copy=True, ordered=True, truth="always")
        return rt.UnknownT(name)

    def _union(self, typ: UnionType) -> rt.RType:
        items = [get_proper_type(t) for t in typ.items]
        non_none = [t for t in items if not isinstance(t, NoneType)]
        if len(non_none) == 1 and len(items) == 2:
            inner = _boxed(self.map(non_none[0]))
            return rt.OptionT(inner)
        if any(isinstance(t, Instance) and t.type.is_protocol for t in non_none):
            # `SupportsFloat | SupportsIndex`: a library parameter's protocols that mypy gave
            # a display as its context; the items' own type is the one to use
            return rt.UNKNOWN
        mapped = {self.map(t) for t in non_none}
        if mapped == {rt.INT, rt.BOOL} and any(isinstance(t, LiteralType) for t in non_none):
            # `bool | Literal[1] | ...`: mypy's join of a display of ints for a generic
            # parameter (`math.prod([1, 2])`), not a union a program wrote
            mapped = {rt.INT}
        if mapped == {rt.INT, rt.FLOAT}:
            # int | float: Python's numeric tower; f64 holds both exactly enough here
            return rt.FLOAT if len(items) == len(non_none) else rt.OptionT(rt.FLOAT)
        if len(mapped) == 1:
            only = mapped.pop()
            return only if len(items) == len(non_none) else rt.OptionT(only)
        return self.unions.map_union(typ, self.map)  # a generated enum (lower/unions.py)


def _boxed(ty: rt.RType) -> rt.RType:
    """A callable held in a container or Option: every closure has its own type, so the
    slot holds `Box<dyn Fn..>`."""
    if isinstance(ty, rt.FnT) and not ty.boxed:
        return rt.FnT(ty.params, ty.ret, ty.mutable, boxed=True)
    return ty
