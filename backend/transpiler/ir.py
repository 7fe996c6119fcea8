"""A small Rust IR: typed expressions as text, statements and items as dataclasses.

Expressions stay text (with their Rust type, value kind and precedence) because the
emitter never needs to look inside them; statements and items are structured so the
emitter can indent, attach the Python range of every statement, and format plainly.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from backend.transpiler.record import SourceRange
from backend.transpiler.rtypes import RType


class Kind(enum.Enum):
    OWNED = "owned"  # a fresh value: moving it costs nothing
    PLACE = "place"  # a named owned storage (`x`, `self.items`, `v[i]`): borrow or clone it
    BORROWED = "borrowed"  # already a reference (`&str` parameter, string literal, `&T` item)
    MUT_BORROWED = "mut_borrowed"  # a `&mut` parameter


class Prec(enum.IntEnum):
    """Rust operator precedence, low to high; used to parenthesise only where needed."""

    CLOSURE = 0
    ASSIGN = 1
    RANGE = 2
    OR = 3
    AND = 4
    CMP = 5
    BITOR = 6
    BITXOR = 7
    BITAND = 8
    SHIFT = 9
    ADD = 10
    MUL = 11
    CAST = 12
    UNARY = 13
    POSTFIX = 14
    ATOM = 15


@dataclass(frozen=True)
class Expr:
    code: str
    ty: RType
    kind: Kind = Kind.OWNED
    prec: Prec = Prec.ATOM

    def at(self, prec: Prec) -> str:
        """The code, parenthesised when it binds looser than `prec`."""
        return self.code if self.prec >= prec else f"({self.code})"


# ---- typed expression nodes ----
#
# The first structured expressions (issue 12): the lowering builds them where a pass
# decided their form, and only `emit.render` turns them into text.


@dataclass(frozen=True)
class Index:
    """`base[index]` on a Vec, slice or VecDeque with a direct index: `index` is a `usize`,
    or an `i64` the value-range pass proved non-negative (cast where it is rendered). Rust's
    own bounds check stands in for Python's IndexError past the end."""

    base: Expr
    index: Expr
    ty: RType  # the item's type


@dataclass(frozen=True)
class Binary:
    """`left op right` with Rust's own operator, parenthesised by precedence where it is
    rendered (for `/` and `%` on operands the value-range pass proved non-negative, where
    Python's floor forms agree with Rust's truncating ones)."""

    left: Expr
    op: str
    right: Expr
    ty: RType


# ---- statements ----


def statement_safe(code: str) -> str:
    """Parenthesise an expression that would parse as a block statement at the start of a
    statement (`{ d.get(k) } == x` as a tail expression is a block, then a stray `==`)."""
    if not code.startswith("{"):
        return code
    depth = 0
    for index, char in enumerate(code):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            return code if code[index + 1 :].strip() == "" else f"({code})"
    return code


@dataclass
class Stmt:
    span: SourceRange | None = field(default=None, kw_only=True)


@dataclass
class Let(Stmt):
    pattern: str
    ty: str | None
    value: str | None
    mutable: bool = False


@dataclass
class Assign(Stmt):
    target: str
    op: str  # "=", "+=", ...
    value: str


@dataclass
class ExprStmt(Stmt):
    code: str


@dataclass
class If(Stmt):
    cond: str
    then: list[Stmt]
    orelse: list[Stmt] | None = None


@dataclass
class While(Stmt):
    cond: str
    body: list[Stmt]
    label: str | None = None


@dataclass
class For(Stmt):
    pattern: str
    iterable: str
    body: list[Stmt]
    label: str | None = None


@dataclass
class Loop(Stmt):
    body: list[Stmt]
    label: str | None = None


@dataclass
class Block(Stmt):
    """A (possibly labelled) block: `'label: { ... }` or a plain scope."""

    body: list[Stmt]
    label: str | None = None


@dataclass
class Break(Stmt):
    label: str | None = None


@dataclass
class Continue(Stmt):
    label: str | None = None


@dataclass
class Return(Stmt):
    value: str | None = None


@dataclass
class MatchArm:
    pattern: str
    body: list[Stmt]


@dataclass
class Match(Stmt):
    scrutinee: str
    arms: list[MatchArm]


@dataclass
class Comment(Stmt):
    text: str


@dataclass
class RawStmt(Stmt):
    """Pre-rendered statement lines (indented relative to the current block)."""

    lines: list[str]


# ---- items ----


@dataclass
class Param:
    name: str
    ty: str
    mutable: bool = False  # `mut name: T` (a rebound by-value parameter)


@dataclass
class Function:
    name: str
    params: list[Param]
    ret: str | None
    body: list[Stmt]
    doc: list[str] = field(default_factory=list)
    self_param: str | None = None  # "&self", "&mut self", "self"
    generics: str = ""
    attrs: list[str] = field(default_factory=list)
    public: bool = False
    span: SourceRange | None = None


@dataclass
class Struct:
    name: str
    fields: list[tuple[str, str]]
    derives: list[str] = field(default_factory=list)
    doc: list[str] = field(default_factory=list)
    public: bool = False
    span: SourceRange | None = None


@dataclass
class EnumItem:
    name: str
    variants: list[str]
    derives: list[str] = field(default_factory=list)
    doc: list[str] = field(default_factory=list)
    public: bool = False
    span: SourceRange | None = None


@dataclass
class Impl:
    for_type: str
    items: list[Function | RawItem]
    trait: str | None = None
    span: SourceRange | None = None


@dataclass
class RawItem:
    code: str
    span: SourceRange | None = None
    public_code: str | None = None  # the item as a library exports it (`pub`), if it differs


@dataclass
class Const:
    name: str
    ty: str
    value: str
    keyword: str = "const"  # "const" | "static"
    public: bool = False
    span: SourceRange | None = None


Item = Function | Struct | EnumItem | Impl | RawItem | Const


@dataclass
class Module:
    """A whole Rust file: `use` lines, items in order, then runtime helpers."""

    uses: list[str]
    items: list[Item]
    helpers: list[str]
    attrs: list[str] = field(default_factory=list)
