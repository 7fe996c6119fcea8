"""Python unions (`int | str`, `Json = dict[str, "Json"] | list["Json"] | int | None`) as
generated Rust enums: one enum per distinct set of member types, named after its type alias
or its members (`IntOrStr`). A `None` member is a payload-less `None` variant (so a recursive
`Json` is one enum, borrowed as `&Json`); a single type with None stays `Option<T>`.

The registry lives on the TypeMapper so every mapping of the same union yields the same
`rt.UnionT`; lower/unions.py renders the enums that the translation ends up using.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mypy.types import NoneType, Type, TypeAliasType, UnionType, get_proper_type

from backend.transpiler import rtypes as rt

Mapper = Callable[[Type], rt.RType]


@dataclass
class UnionInfo:
    name: str
    members: tuple[tuple[str, rt.RType], ...]  # (variant name, payload type), Python's order
    python: str  # how Python spells it, for messages
    alias: bool = False  # named by a type alias (`Json`)

    @property
    def type(self) -> rt.UnionT:
        return rt.UnionT(self.name, self.members)


class UnionRegistry:
    def __init__(self, reserved: Callable[[], set[str]]) -> None:
        self._reserved = reserved  # names the module's own items take (classes)
        self.by_name: dict[str, UnionInfo] = {}
        self._by_members: dict[frozenset[rt.RType], str] = {}
        self._in_progress: dict[str, str] = {}  # alias fullname -> enum name

    # ---- lookups ----
    def members(self, ty: rt.UnionT) -> tuple[tuple[str, rt.RType], ...]:
        info = self.by_name.get(ty.name)
        return info.members if info is not None else ty.members

    def complete(self, ty: rt.UnionT) -> rt.UnionT:
        return rt.UnionT(ty.name, self.members(ty))

    # ---- mapping ----
    def map_alias(self, alias: TypeAliasType, mapper: Mapper) -> rt.RType | None:
        """A union type alias: the enum takes the alias's name (recursion allowed)."""
        if alias.alias is None or alias.args:
            return None
        target = get_proper_type(alias.alias.target)
        if not isinstance(target, UnionType):
            return None
        fullname = alias.alias.fullname
        if fullname in self._in_progress:  # `list["Json"]` inside Json itself
            return rt.UnionT(self._in_progress[fullname])
        existing = self._existing(alias.alias.name)
        name = existing or self._fresh_name(alias.alias.name)
        self._in_progress[fullname] = name
        try:
            return self.map_union(target, mapper, name)
        finally:
            del self._in_progress[fullname]

    def map_union(self, typ: UnionType, mapper: Mapper, name: str | None = None) -> rt.RType:
        items = [get_proper_type(t) for t in typ.items]
        mapped = _dedupe([rt.UNIT if isinstance(t, NoneType) else mapper(t) for t in items])
        return self._enum_for(mapped, typ, name)

    def union_of(self, members: list[rt.RType], python: str) -> rt.RType:
        """The enum holding these member types (a mixed list literal's item type)."""
        return self._enum_for(_dedupe(members), None, None, python)

    def _enum_for(
        self,
        mapped: list[rt.RType],
        typ: UnionType | None,
        name: str | None,
        python: str | None = None,
    ) -> rt.RType:
        spelled = python or str(typ)
        values = [m for m in mapped if m != rt.UNIT]
        has_none = len(values) < len(mapped)
        if set(values) == {rt.INT, rt.FLOAT}:
            values = [rt.FLOAT]  # Python's numeric tower: f64 holds both (as Optional did before)
        if len(values) <= 1:
            only = values[0] if values else rt.UNIT
            return rt.OptionT(only) if has_none and values else only
        bad = next((m for m in mapped if not _holdable(m)), None)
        if bad is not None:
            return rt.UnknownT(f"union `{spelled}`: {_why_not(bad)}")
        key = frozenset(mapped)
        # mypy drops `bool` from a union that has `int` (bool is a subtype): the same enum
        known = self._by_members.get(key) or (
            rt.INT in key and self._by_members.get(key | {rt.BOOL})
        )
        if known:
            return self.by_name[known].type
        wider = self._alias_holding(key) if name is None else None
        if wider is not None:
            # mypy's narrowed view of an alias (`Json` minus some members, bool folded into
            # int): keep the alias's enum, so values flow unchanged and type tests stay exact
            return wider.type
        variants = _variant_names(mapped)
        aliased = name is not None
        if name is None:
            name = self._fresh_name("Or".join(variants))
        info = UnionInfo(name, tuple(zip(variants, mapped, strict=True)), spelled, alias=aliased)
        self.by_name[name] = info
        self._by_members[key] = name
        return info.type

    def _alias_holding(self, key: frozenset[rt.RType]) -> UnionInfo | None:
        """The smallest alias union whose members include all of `key`."""
        holders = [
            info
            for info in self.by_name.values()
            if info.alias and key <= {p for _, p in info.members}
        ]
        return min(holders, key=lambda info: len(info.members)) if holders else None

    def _existing(self, alias_name: str) -> str | None:
        return alias_name if alias_name in self.by_name else None

    def _fresh_name(self, base: str) -> str:
        base = base if not base.startswith(("Py", "PY_", "py_")) else f"U{base}"
        taken = self._reserved() | set(self.by_name) | set(self._in_progress.values())
        name, n = base, 2
        while name in taken:
            name, n = f"{base}{n}", n + 1
        return name


def _dedupe(types: list[rt.RType]) -> list[rt.RType]:
    out: list[rt.RType] = []
    for t in types:
        if t not in out:
            out.append(t)
    return out


def _holdable(ty: rt.RType) -> bool:
    """Payload types an enum variant can own and that derive Clone/Debug/PartialEq."""
    if isinstance(ty, rt.Prim | rt.StrT | rt.BytesT | rt.UnionT):
        return True
    if isinstance(ty, rt.ListT | rt.SetT | rt.DequeT):
        return _holdable(ty.elem)
    if isinstance(ty, rt.DictT):
        return ty.flavour == "dict" and _holdable(ty.key) and _holdable(ty.value)
    if isinstance(ty, rt.OptionT):
        return _holdable(ty.inner)
    if isinstance(ty, rt.TupleT):
        return all(_holdable(t) for t in ty.items)
    return False


def _why_not(ty: rt.RType) -> str:
    if isinstance(ty, rt.StructT):
        return f"a union with the class `{ty.name}` (needs a trait object or a shared base class)"
    if isinstance(ty, rt.FnT):
        return "a union with a callable"
    if isinstance(ty, rt.UnknownT) and ty.reason:
        return f"a member of unknown type ({ty.reason})"
    return f"a member type Rust cannot hold in an enum (`{ty.render()}`)"


def _variant_names(types: list[rt.RType]) -> list[str]:
    names = [_variant(t, detailed=False) for t in types]
    if len(set(names)) < len(names):
        names = [_variant(t, detailed=True) for t in types]
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}{seen[name]}")
    return out


_PRIM_VARIANTS = {
    "i64": "Int",
    "f64": "Float",
    "bool": "Bool",
    "char": "Str",
    "()": "None",
    "usize": "Int",
}


def _variant(ty: rt.RType, detailed: bool) -> str:
    if isinstance(ty, rt.Prim):
        return _PRIM_VARIANTS.get(ty.name, ty.name.capitalize())
    if isinstance(ty, rt.StrT):
        return "Str"
    if isinstance(ty, rt.BytesT):
        return "Bytes"
    if isinstance(ty, rt.UnionT):
        return ty.name
    if isinstance(ty, rt.OptionT):
        return "Opt" + _variant(ty.inner, detailed)
    inner: list[rt.RType] = []
    if isinstance(ty, rt.ListT | rt.SetT | rt.DequeT):
        inner = [ty.elem]
    elif isinstance(ty, rt.DictT):
        inner = [ty.key, ty.value]
    elif isinstance(ty, rt.TupleT):
        inner = list(ty.items)
    head = type(ty).__name__.removesuffix("T")
    if not detailed:
        return head
    return head + "Of" + "".join(_variant(t, False) for t in inner)
