"""Rust-side types of the IR, and how mypy's types map onto them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RType:
    """Base of every Rust type the lowering reasons about."""

    def render(self) -> str:
        raise NotImplementedError

    @property
    def is_copy(self) -> bool:
        return False

    @property
    def is_ord(self) -> bool:
        """Totally ordered and hashable (usable as a BTreeSet element or map key)."""
        return False


@dataclass(frozen=True)
class Prim(RType):
    """`i64`, `f64`, `bool`, `char`, `()`, `usize`."""

    name: str

    def render(self) -> str:
        return self.name

    @property
    def is_copy(self) -> bool:
        return True

    @property
    def is_ord(self) -> bool:
        return self.name != "f64"


INT = Prim("i64")
FLOAT = Prim("f64")
BOOL = Prim("bool")
CHAR = Prim("char")  # a Python one-character `str` produced by iterating a string
UNIT = Prim("()")
USIZE = Prim("usize")


@dataclass(frozen=True)
class ComplexT(RType):
    """A Python `complex`: the `PyComplex` helper (runtime/complex.rs), `Copy`, unordered."""

    def render(self) -> str:
        return "PyComplex"

    @property
    def is_copy(self) -> bool:
        return True


COMPLEX = ComplexT()


@dataclass(frozen=True)
class BigIntT(RType):
    """A Python `int` that may exceed i64 (analyze/int_width.py): the `PyBigInt` helper."""

    def render(self) -> str:
        return "PyBigInt"

    @property
    def is_ord(self) -> bool:
        return True


BIGINT = BigIntT()


@dataclass(frozen=True)
class StrT(RType):
    def render(self) -> str:
        return "String"

    @property
    def is_ord(self) -> bool:
        return True


STR = StrT()


@dataclass(frozen=True)
class BytesT(RType):
    def render(self) -> str:
        return "Vec<u8>"

    @property
    def is_ord(self) -> bool:
        return True


BYTES = BytesT()


@dataclass(frozen=True)
class ListT(RType):
    elem: RType

    def render(self) -> str:
        return f"Vec<{self.elem.render()}>"

    @property
    def is_ord(self) -> bool:
        return self.elem.is_ord


@dataclass(frozen=True)
class VarTupleT(ListT):
    """`tuple[T, ...]` (a tuple of unknown length): a `Vec<T>` in Rust, printed as a tuple
    `(1, 2)` (see values.display); everything that reads a list reads it."""


@dataclass(frozen=True)
class ArrayT(ListT):
    """`array.array` of 64-bit items: a `Vec<T>`; everything that reads a list reads it.
    Python prints it with its typecode (`array('d', [1.0])`), which the type does not carry,
    so printing one has no translation (see values.repr_by_type). A narrower `typecode`
    (`'B'`) still holds `i64`s, and every store checks the item's range (lower/arrays.py)."""

    typecode: str = ""


def prints_unlike_pyfmt(ty: RType) -> bool:
    """Python prints this value differently from what `PyFmt` of its Rust type prints: a
    `tuple[T, ...]` or `array` (a `Vec`), or `bytes` (`Vec<u8>`, which prints as a list)."""
    if isinstance(ty, VarTupleT | ArrayT | BytesT):
        return True
    if isinstance(ty, ListT | SetT | DequeT | OptionT):
        return prints_unlike_pyfmt(ty.inner if isinstance(ty, OptionT) else ty.elem)
    if isinstance(ty, TupleT):
        return any(prints_unlike_pyfmt(t) for t in ty.items)
    if isinstance(ty, DictT):
        return prints_unlike_pyfmt(ty.key) or prints_unlike_pyfmt(ty.value)
    return False


@dataclass(frozen=True)
class DequeT(RType):
    elem: RType

    def render(self) -> str:
        return f"PyDeque<{self.elem.render()}>"


@dataclass(frozen=True)
class DictT(RType):
    """Python dict: insertion-ordered, so `PyDict` (runtime helper) rather than HashMap."""

    key: RType
    value: RType
    flavour: str = "dict"  # "dict" | "counter" | "defaultdict"

    def render(self) -> str:
        return f"PyDict<{self.key.render()}, {self.value.render()}>"


@dataclass(frozen=True)
class SetT(RType):
    """Python set: BTreeSet for ordered elements (iteration order matches CPython for small
    ints), HashSet otherwise."""

    elem: RType

    def render(self) -> str:
        kind = "BTreeSet" if self.elem.is_ord else "HashSet"
        return f"{kind}<{self.elem.render()}>"


@dataclass(frozen=True)
class TupleT(RType):
    items: tuple[RType, ...]

    def render(self) -> str:
        if len(self.items) == 1:
            return f"({self.items[0].render()},)"
        return "(" + ", ".join(t.render() for t in self.items) + ")"

    @property
    def is_copy(self) -> bool:
        return all(t.is_copy for t in self.items)

    @property
    def is_ord(self) -> bool:
        return all(t.is_ord for t in self.items)


@dataclass(frozen=True)
class OptionT(RType):
    inner: RType

    def render(self) -> str:
        return f"Option<{self.inner.render()}>"

    @property
    def is_copy(self) -> bool:
        return self.inner.is_copy

    @property
    def is_ord(self) -> bool:
        return self.inner.is_ord


@dataclass(frozen=True)
class StructT(RType):
    """A user class (struct) or Enum."""

    name: str
    copy: bool = False
    ordered: bool = False
    # Python truth of an instance: "always" (no `__bool__`/`__len__` in the class or its
    # bases), "method:NAME" (`x.NAME()`, from `__bool__`), "len:NAME" (`x.NAME() != 0`), or
    # "" where the lowering does not know (then `if x:` is reported, not guessed)
    truth: str = field(default="", compare=False)

    def render(self) -> str:
        return self.name

    @property
    def is_copy(self) -> bool:
        return self.copy

    @property
    def is_ord(self) -> bool:
        return self.ordered


@dataclass(frozen=True)
class UnionT(RType):
    """A non-Optional Python union (`int | str`, a `Json` alias): a generated Rust enum
    (lower/unions.py). Identity is the enum's name; `members` (variant, payload) may be empty
    for a recursive alias's self-reference, so read them through the mapper's registry."""

    name: str
    members: tuple[tuple[str, RType], ...] = field(default=(), compare=False)

    def render(self) -> str:
        return self.name


@dataclass(frozen=True)
class FnT(RType):
    """A callable value: rendered as `impl Fn(..) -> ..` in parameters, closures otherwise."""

    params: tuple[RType, ...]
    ret: RType
    mutable: bool = False  # changes what it captures: `FnMut` (lower/closures.py)
    boxed: bool = False  # held in a container/Option: `Box<dyn Fn..>` (one type for all)
    sync: bool = False  # held in a `static`: `+ Send + Sync`

    def render(self) -> str:
        args = ", ".join(borrowed(p) for p in self.params)
        ret = "" if self.ret == UNIT else f" -> {self.ret.render()}"
        sig = f"{'FnMut' if self.mutable else 'Fn'}({args}){ret}"
        if self.boxed:
            return f"Box<dyn {sig}{' + Send + Sync' if self.sync else ''}>"
        return f"impl {sig}"


@dataclass(frozen=True)
class PrintableT(RType):
    """An `object` parameter the function only prints (`str()`/`repr()`/`print()`): any
    value Python can print, as a `&dyn PyFmt` (lower/functions.py)."""

    def render(self) -> str:
        return "dyn PyFmt"


PRINTABLE = PrintableT()


@dataclass(frozen=True)
class IterT(RType):
    """A lazy iterator (generator, map/filter object, generator expression)."""

    elem: RType

    def render(self) -> str:
        return f"impl Iterator<Item = {self.elem.render()}>"


@dataclass(frozen=True)
class ResultT(RType):
    ok: RType

    def render(self) -> str:
        return f"Result<{self.ok.render()}, PyException>"


@dataclass(frozen=True)
class UnknownT(RType):
    """A type we could not map; lowering reports a diagnostic wherever it matters."""

    reason: str = ""

    def render(self) -> str:
        return "_"


UNKNOWN = UnknownT()


def borrowed(ty: RType) -> str:
    """How a read-only parameter of this type is written: `&str`, `&[T]`, `&T`, or by value."""
    if ty.is_copy:
        return ty.render()
    if isinstance(ty, StrT):
        return "&str"
    if isinstance(ty, ListT):
        return f"&[{ty.elem.render()}]"
    if isinstance(ty, BytesT):
        return "&[u8]"
    if isinstance(ty, OptionT):
        if isinstance(ty.inner, StrT):
            return "Option<&str>"
        if isinstance(ty.inner, ListT):
            return f"Option<&[{ty.inner.elem.render()}]>"
        return f"Option<&{ty.inner.render()}>"
    if isinstance(ty, FnT | IterT):
        return ty.render()
    return f"&{ty.render()}"


def default_value(ty: RType) -> str | None:
    """A Rust expression of this type used to pre-initialise hoisted variables."""
    if ty == INT:
        return "0"
    if ty == FLOAT:
        return "0.0"
    if ty == BIGINT:
        return "PyBigInt::default()"
    if ty == BOOL:
        return "false"
    if ty == CHAR:
        return "' '"
    if isinstance(ty, StrT):
        return "String::new()"
    if isinstance(ty, ListT | BytesT):
        return "Vec::new()"
    if isinstance(ty, DictT):
        return "PyDict::new()"
    if isinstance(ty, SetT):
        return f"{ty.render().split('<')[0]}::new()"
    if isinstance(ty, OptionT):
        return "None"
    if isinstance(ty, DequeT):
        return "PyDeque::new()"
    if isinstance(ty, TupleT):
        parts = [default_value(t) for t in ty.items]
        if any(p is None for p in parts):
            return None
        inner = ", ".join(p for p in parts if p is not None)
        return f"({inner},)" if len(parts) == 1 else f"({inner})"
    return None
