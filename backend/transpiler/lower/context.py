"""State shared while lowering: the module (signatures, helpers, diagnostics) and the
function being lowered (variables in scope, loops, try blocks)."""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field
from typing import Any

from mypy.nodes import Context, Expression, FuncDef, OpExpr, Statement, TypeInfo, Var
from mypy.types import Type

from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.int_width import IntWidth
from backend.transpiler.analyze.mutation import FunctionFacts, MutationAnalysis
from backend.transpiler.analyze.oracle import TypedModule
from backend.transpiler.analyze.raising import Hierarchy, RaisingAnalysis
from backend.transpiler.analyze.typemap import TypeMapper
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.record import Diagnostic, Severity, SourceRange
from backend.transpiler.transform import ranges
from backend.transpiler.transform.ranges import RangeFacts

# fmt: off
RUST_KEYWORDS = frozenset([
    "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else", "enum",
    "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match",
    "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self", "static", "struct",
    "super", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual",
    "where", "while", "yield", "abstract", "become", "do", "final",
])
# fmt: on


def rust_ident(name: str) -> str:
    if name == "self":
        return name  # the receiver; Rust cannot spell it as a raw identifier
    if name in ("super", "crate", "Self"):
        return f"{name}_"
    return f"r#{name}" if name in RUST_KEYWORDS else name


def param_ident(name: str) -> str:
    """A parameter's Rust name. A parameter called `self` is an enclosing method's receiver
    passed on to a nested `fn` (or a free function's odd first parameter): Rust reserves
    `self` for receivers, so it is `this` there."""
    return "this" if name == "self" else rust_ident(name)


def span_of(node: Context) -> SourceRange:
    line = max(node.line, 1)
    col = max(node.column, 0)
    end_line = node.end_line if node.end_line is not None and node.end_line >= line else line
    end_col = node.end_column if node.end_column is not None else col + 1
    if end_line == line and end_col <= col:
        end_col = col + 1
    return SourceRange(line, col, end_line, end_col)


# Where an Unsupported raised by a helper that sees no syntax node (`values.truthy`) is
# placed until the expression or statement being lowered claims it (see `placed`).
UNPLACED = Context()


class Unsupported(Exception):
    """Raised inside lowering for a construct we cannot translate; caught at statement level
    where it becomes a `todo!()` placeholder and a diagnostic (never a dropped statement)."""

    def __init__(self, node: Context = UNPLACED, what: str = "", code: str = "PRT100") -> None:
        super().__init__(what)
        self.node = node
        self.what = what
        self.code = code

    def placed(self, node: Context) -> Unsupported:
        """This error, at `node` when it was raised without a place of its own."""
        if self.node is UNPLACED:
            self.node = node
        return self


def internal_error(node: Context, err: Exception) -> Unsupported:
    """An engine bug met while lowering `node`: it costs that construct (a located
    placeholder, status `partial`), never the whole translation."""
    return Unsupported(
        node, f"internal error in the translator ({type(err).__name__}: {err})", "PRT999"
    )


@dataclass
class ParamSig:
    name: str  # Python name
    ty: rt.RType
    mode: str  # "value" (Copy or owned), "ref" (&T), "mut" (&mut T), "owned" (moved in)
    default: Expression | None = None
    rebound: bool = False  # assigned in the body: gets a private copy


@dataclass
class FuncSig:
    rust_name: str
    params: list[ParamSig]
    ret: rt.RType
    fallible: bool = False  # returns Result<_, PyException>
    generator: bool = False
    self_mode: str | None = None  # "&self" | "&mut self" | None for free functions
    owner: str | None = None  # struct name for methods
    is_static: bool = False
    overloaded: bool = False  # `@overload` stubs type its calls (lower/overloads.py)


@dataclass
class ClassInfo:
    name: str
    info: TypeInfo
    fields: list[tuple[str, rt.RType]] = field(default_factory=list)
    field_defaults: dict[str, Expression] = field(default_factory=dict)
    is_dataclass: bool = False
    is_namedtuple: bool = False  # `class P(NamedTuple)`: a frozen, ordered record
    is_enum: bool = False
    is_exception: bool = False
    enum_members: list[tuple[str, Expression]] = field(default_factory=list)
    ordered: bool = False
    has_str: bool = False
    has_repr: bool = False
    has_eq: bool = False
    has_lt: bool = False
    base: str | None = None  # simple single inheritance: the parent class name
    # owned by lower/classes.py: constructor fields, class constants, dataclass flags
    init_fields: list[str] = field(default_factory=list)  # dataclass fields taken by `new`
    class_consts: list[tuple[str, Expression]] = field(default_factory=list)
    frozen: bool = False
    hashable: bool = False  # derives Eq + Hash (usable as a dict key / set element)
    post_init: bool = False
    int_enum: bool = False  # IntEnum / IntFlag: members compare and add as ints
    dunders: dict[str, str] = field(default_factory=dict)  # `__add__` -> Rust method name
    overloaded: set[str] = field(default_factory=set)  # `@overload`ed methods (the impl is kept)
    # super().m() copies a subclass's struct needs: rust name -> (def, defining class, sig)
    super_copies: dict[str, tuple[Any, Any, Any]] = field(default_factory=dict)
    shared: bool = False  # self-referential: values are `Rc<RefCell<..>>` (lower/class_links.py)

    @property
    def is_record(self) -> bool:
        """Fields declared in the class body, a generated constructor and repr."""
        return self.is_dataclass or self.is_namedtuple


@dataclass
class VarInfo:
    rust_name: str
    ty: rt.RType
    kind: Kind = Kind.PLACE
    declared: bool = True


class ModuleContext:
    def __init__(
        self,
        typed: TypedModule,
        mapper: TypeMapper,
        mutation: MutationAnalysis,
        raising: RaisingAnalysis,
        hierarchy: Hierarchy,
        module_name: str,
        display_name: str | None = None,
    ) -> None:
        self.typed = typed
        self.mapper = mapper
        self.mutation = mutation
        self.raising = raising
        self.hierarchy = hierarchy
        self.module_name = module_name  # mypy's: every fullname in this module starts with it
        self.display_name = display_name or module_name  # the user's, for printed output
        # every variable's bindings in the module, computed on first use (formatting.py)
        self.var_bindings: dict[Var, list[Expression]] | None = None
        self.helpers: set[str] = set()
        self.uses: set[str] = set()
        self.diagnostics: list[Diagnostic] = []
        self.suggestions: list[str] = []
        self.signatures: dict[str, FuncSig] = {}  # fullname -> signature
        # an `@overload`ed method whose implementation has no Rust signature (a union of
        # classes): one signature per overload, each its own Rust method (lower/overloads.py)
        self.overload_variants: dict[str, list[FuncSig]] = {}
        self.dropped_defs: set[str] = set()  # defs reported for a signature with no Rust type
        self.classes: dict[str, ClassInfo] = {}  # fullname -> class
        self.constants: dict[str, VarInfo] = {}  # module-level names
        self.extra_items: list[object] = []  # items created while lowering (closures' structs…)
        self.placeholders = 0
        # translate-project: the module is part of a crate, which may depend on crates
        self.in_crate = False
        self.crates: set[str] = set()  # the crates the translation uses (Cargo dependencies)
        self.regexes: dict[str, str] = {}  # regex crate pattern -> its static (lower/regex.py)
        self.label_counter = itertools.count(1)
        self.int_width: IntWidth | None = None  # set by lower_module
        self.int_width_report: list[dict[str, object]] = []  # (lower/bigints.report)

    # ---- types ----
    def type_of(self, expr: Expression) -> rt.RType:
        ty = self.widened(expr, self.mapper.map(self.typed.types.get(expr)))
        if isinstance(ty, rt.ArrayT):
            from backend.transpiler.lower import arrays

            return arrays.with_typecode(self, ty, arrays.variable_of(self, expr))
        return ty

    # ---- arbitrary-precision ints (analyze/int_width.py) ----
    def widened(self, expr: Expression, ty: rt.RType) -> rt.RType:
        """`ty`, or its `PyBigInt` form where the int-width analysis says `expr` may leave
        i64 (`2 ** n` is `Any` to mypy, so an int power counts as int)."""
        width = self.int_width
        if width is None:
            return ty
        int_power = isinstance(ty, rt.UnknownT) and isinstance(expr, OpExpr) and expr.op == "**"
        if (ty == rt.INT or int_power) and width.is_big(expr):
            return rt.BIGINT
        if ty == rt.ListT(rt.INT) and width.is_big_list(expr):
            return rt.ListT(rt.BIGINT)
        if isinstance(ty, rt.DictT) and ty.value == rt.INT and width.is_big_dict(expr):
            return rt.DictT(ty.key, rt.BIGINT, ty.flavour)
        return ty

    def var_type(self, var: Var) -> rt.RType:
        """The Rust type of a variable or parameter (widened where the analysis says)."""
        ty = self.mapper.map(var.type)
        width = self.int_width
        if width is not None and ty == rt.INT and var in width.big_vars:
            return rt.BIGINT
        open_list = ty == rt.ListT(rt.INT) or (isinstance(ty, rt.ListT) and ty.elem == rt.UNKNOWN)
        if width is not None and open_list and var in width.big_lists:
            return rt.ListT(rt.BIGINT)
        if isinstance(ty, rt.DictT) and ty.value == rt.INT and width and var in width.big_dicts:
            return rt.DictT(ty.key, rt.BIGINT, ty.flavour)
        if isinstance(ty, rt.ArrayT):
            from backend.transpiler.lower import arrays

            return arrays.with_typecode(self, ty, var)
        return ty

    def return_type(self, fullname: str, ty: rt.RType) -> rt.RType:
        """A function's return type (widened where the analysis says)."""
        width = self.int_width
        if width is not None and ty == rt.INT and fullname in width.big_returns:
            return rt.BIGINT
        if width is not None and ty == rt.ListT(rt.INT) and fullname in width.big_list_returns:
            return rt.ListT(rt.BIGINT)
        return ty

    def mypy_type(self, expr: Expression) -> Type | None:
        return self.typed.types.get(expr)

    def map_type(self, typ: Type | None) -> rt.RType:
        return self.mapper.map(typ)

    # ---- output bookkeeping ----
    def use_helper(self, *names: str) -> None:
        self.helpers.update(names)

    def use(self, path: str) -> None:
        self.uses.add(path)

    def note_type(self, ty: rt.RType) -> None:
        """Record the `use` lines and helpers a type's rendering needs."""
        if isinstance(ty, rt.DictT):
            self.use_helper("py_dict")
            self.note_type(ty.key)
            self.note_type(ty.value)
        elif isinstance(ty, rt.SetT) and not isinstance(ty.elem, rt.UnknownT):
            # (an open element type is settled later by coercion: no `use` guess here)
            self.use("std::collections::" + ("BTreeSet" if ty.elem.is_ord else "HashSet"))
            self.note_type(ty.elem)
        elif isinstance(ty, rt.DequeT):
            self.use_helper("py_deque")
            self.note_type(ty.elem)
        elif isinstance(ty, rt.ListT | rt.OptionT | rt.IterT):
            inner = ty.elem if isinstance(ty, rt.ListT | rt.IterT) else ty.inner
            self.note_type(inner)
        elif isinstance(ty, rt.TupleT):
            for item in ty.items:
                self.note_type(item)
        elif isinstance(ty, rt.ResultT):
            self.use_helper("py_exception")
            self.note_type(ty.ok)
        elif isinstance(ty, rt.StructT) and ty.name == "PyException":
            self.use_helper("py_exception")
        elif ty == rt.BIGINT:
            self.use_helper("py_bigint")
        elif isinstance(ty, rt.StructT) and ty.name == "PyStringIO":
            self.use_helper("py_stringio")

    def diagnose(
        self, node: Context, message: str, code: str, severity: Severity = Severity.WARNING
    ) -> None:
        self.diagnostics.append(Diagnostic(severity, message, code, span_of(node)))

    def placeholder(self, node: Context, what: str, code: str = "PRT100") -> str:
        """A compiling placeholder for an untranslatable construct, plus its diagnostic."""
        self.placeholders += 1
        self.diagnose(node, f"not translated: {what}", code, Severity.WARNING)
        text = what.replace("\\", "\\\\").replace('"', '\\"').replace("{", "{{").replace("}", "}}")
        return f'todo!("Portalis: {text} (line {node.line})")'


class FnContext:
    """Per-function lowering state."""

    def __init__(
        self,
        module: ModuleContext,
        sig: FuncSig | None,
        facts: FunctionFacts | None,
        fn: FuncDef | None = None,
    ) -> None:
        self.module = module
        self.sig = sig
        self.facts = facts
        self.fn = fn
        self.scopes: list[dict[str, VarInfo]] = [{}]
        self.loops: list[dict[str, str | None]] = []  # per loop: {"label": ..., "needs": ...}
        self.try_depth = 0
        self.try_labels: list[str] = []  # labelled blocks of enclosing `try` bodies
        self.error_slots: list[str] = []  # the variable each enclosing try stores its error in
        self.in_generator = False
        # the closure depth of a generator's own body (an `async` block, not a closure:
        # a labelled `break` may leave it for a `finally`, a `?` on a Result may not)
        self.generator_depth = 0
        self._counters: frozenset[str] | None = None  # see analyze/counters.py
        self._aliased_changes: dict[int, str] | None = None  # see analyze/aliasing.py
        self.hoisted: dict[str, str] = {}  # python name -> rust name declared ahead of use
        self.closure_depth = 0
        # loop variables of a `range()` stepped upward, below its stop while the body runs:
        # name -> (the variable, whether the range starts at 0 or above); see int_ops
        self.range_indexes: dict[str, tuple[VarInfo, bool]] = {}
        # the type the enclosing context wants for the expression being lowered (the
        # `expected` of lower_expr): `return a ** b` in a `-> float` function is a float power
        self.wanted: rt.RType | None = None
        # argument nodes already evaluated into temporaries (see expressions.hoist_arguments)
        self.preset_exprs: dict[int, Expr] = {}
        # `&mut` names for objects stored in a container -> the container's root variable
        self.object_aliases: dict[str, str] = {}

    def aliased_change(self, stmt: Statement) -> str | None:
        """The name whose object `stmt` changes while another name or a container also
        refers to it (analyze/aliasing.py): the translation's copy would not see it."""
        if self._aliased_changes is None:
            self._aliased_changes = self._find_aliased_changes()
        return self._aliased_changes.get(id(stmt))

    def _find_aliased_changes(self) -> dict[int, str]:
        from backend.transpiler.analyze.aliasing import AliasedChanges

        if self.fn is None:
            return {}
        module = self.module

        def shares_safely(fullname: str) -> bool:
            ci = module.classes.get(fullname)
            return ci is None or ci.shared or ci.is_enum

        from backend.transpiler.lower.declarations import unified_aliases

        params = {a.variable.name for a in self.fn.arguments}
        walk = AliasedChanges(
            module.mypy_type,
            shares_safely,
            module.mutation.mutated_param_indexes,
            unified_aliases(self.fn.body.body, params),
        )
        return {id(stmt): name for stmt, name in walk.run(self.fn)}

    def is_counter(self, name: str) -> bool:
        """An int local only ever set to a small literal and stepped by a small constant."""
        if self._counters is None:
            from backend.transpiler.analyze.counters import counters

            self._counters = counters(self.fn) if self.fn is not None else frozenset()
        return name in self._counters

    @functools.cached_property
    def ranges(self) -> RangeFacts:
        """What the value-range pass proved about this function's ints."""
        return ranges.analyze(self.fn)

    @property
    def fallible(self) -> bool:
        return bool(self.sig and self.sig.fallible)

    def new_label(self, base: str) -> str:
        # numbered per module, so the same input always gives the same output
        return f"{base}_{next(self.module.label_counter)}"

    def lookup(self, name: str) -> VarInfo | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return None

    def declare(
        self, name: str, ty: rt.RType, kind: Kind = Kind.PLACE, *, rust_name: str | None = None
    ) -> VarInfo:
        info = VarInfo(rust_name or rust_ident(name), ty, kind)
        self.scopes[-1][name] = info
        return info

    def push(self) -> None:
        self.scopes.append({})

    def pop(self) -> None:
        self.scopes.pop()


def var_expr(info: VarInfo) -> Expr:
    return Expr(info.rust_name, info.ty, info.kind, Prec.ATOM)
