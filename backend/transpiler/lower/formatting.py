"""print(), f-strings, str.format() and %-formatting, rendered as Rust `format!` families.

Python format specs become Rust format specs where both languages agree (width, fill,
alignment, precision of fixed-point floats); the rest goes through the `py_format` runtime
helper, which implements Python's format-spec mini-language. Values that are constants in
the Python source (literals and literal containers) are formatted at translation time with
CPython's own `format`, so the output is CPython's by construction.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field

from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    ARG_STAR,
    ArgKind,
    AssignmentStmt,
    CallExpr,
    DictExpr,
    Expression,
    FloatExpr,
    ForStmt,
    IntExpr,
    ListExpr,
    MemberExpr,
    NameExpr,
    OpExpr,
    StarExpr,
    StrExpr,
    TupleExpr,
    UnaryExpr,
    Var,
)

from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.walk import Walker
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call
from backend.transpiler.lower.context import FnContext, ModuleContext, Unsupported
from backend.transpiler.lower.expressions import lower_expr, with_temporaries
from backend.transpiler.lower.literals import format_template_escape

_SPEC = re.compile(
    r"^(?:(?P<fill>.)?(?P<align>[<>=^]))?(?P<sign>[-+ ])?(?P<alt>#)?(?P<zero>0)?"
    r"(?P<width>\d+)?(?P<group>[,_])?(?:\.(?P<precision>\d+))?(?P<type>[bcdeEfFgGnosxX%])?$"
)
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_INT_LITERAL = re.compile(r"^-?\d[\d_]*$")
_FLOAT_LITERAL = re.compile(r"^-?\d[\d_]*(\.\d+)?(e[-+]?\d+)?$")


@dataclass
class Template:
    """A `format!` template under construction: literal text and `{}` holes with args."""

    text: str = ""
    args: list[str] = field(default_factory=list)
    named: list[tuple[str, str]] = field(default_factory=list)  # `name = code` args (`width$`)
    whole_string: str | None = None  # set while the template is one hole holding a String

    def literal(self, text: str) -> None:
        self.text += format_template_escape(text)
        self.whole_string = None

    def hole(self, spec: str, arg: str, owned_string: bool = False) -> None:
        fresh = not self.text and not self.args
        if _IDENT.match(arg) and not arg.startswith("r#"):
            self.text += "{" + arg + spec + "}"
        else:
            self.text += "{" + spec + "}"
            self.args.append(arg)
        self.whole_string = arg if fresh and owned_string and not spec else None

    def render(self, macro: str, target: str | None = None) -> str:
        """`macro!("text", args)`; with a `target`, `write!(target, "text", args)`."""
        rest = "".join(f", {a}" for a in self.args)
        rest += "".join(f", {name} = {code}" for name, code in self.named)
        first = f"{target}, " if target is not None else ""
        return f'{macro}!({first}"{self.text}"{rest})'

    def is_literal(self) -> bool:
        return not self.args and not self.named and "{" not in self.text.replace("{{", "")

    def literal_text(self) -> str:
        return self.text.replace("{{", "{").replace("}}", "}")


# ---- constants: formatted at translation time ----

_NOT_CONSTANT = object()
_FOLDABLE_OPS = {"+", "-", "*", "//", "%", "/", "**"}


def constant_value(node: Expression) -> object:
    """The Python value of a constant expression (literals, literal lists/tuples/dicts,
    arithmetic on numbers), or _NOT_CONSTANT. Sets are left out: their order is CPython's
    hash order, which the runtime reproduces for the element types it supports."""
    if isinstance(node, IntExpr | FloatExpr | StrExpr):
        return node.value
    if isinstance(node, NameExpr):
        return {"builtins.True": True, "builtins.False": False, "builtins.None": None}.get(
            node.fullname or "", _NOT_CONSTANT
        )
    if isinstance(node, UnaryExpr) and node.op in ("-", "+"):
        inner = constant_value(node.expr)
        if type(inner) in (int, float):
            return -inner if node.op == "-" else inner  # type: ignore[operator]
        return _NOT_CONSTANT
    if isinstance(node, ListExpr | TupleExpr):
        items = [constant_value(i) for i in node.items]
        if any(i is _NOT_CONSTANT for i in items):
            return _NOT_CONSTANT
        return items if isinstance(node, ListExpr) else tuple(items)
    if isinstance(node, DictExpr):
        pairs = [
            (constant_value(k) if k is not None else _NOT_CONSTANT, constant_value(v))
            for k, v in node.items
        ]
        if any(k is _NOT_CONSTANT or v is _NOT_CONSTANT for k, v in pairs):
            return _NOT_CONSTANT
        try:
            return dict(pairs)
        except TypeError:
            return _NOT_CONSTANT
    if isinstance(node, OpExpr) and node.op in _FOLDABLE_OPS:
        return _fold_arithmetic(node)
    if isinstance(node, CallExpr):
        return _constant_conversion(node)
    return _NOT_CONSTANT


_CONSTANT_CONVERSIONS: dict[str, type] = {"builtins.list": list, "builtins.tuple": tuple}


def _constant_conversion(node: CallExpr) -> object:
    """`tuple([None])`, `list("ab")`: a list/tuple of a constant sequence is a constant."""
    callee = node.callee
    convert = _CONSTANT_CONVERSIONS.get(callee.fullname) if isinstance(callee, NameExpr) else None
    if convert is None or len(node.args) != 1 or node.arg_kinds != [ARG_POS]:
        return _NOT_CONSTANT
    source = constant_value(node.args[0])
    if not isinstance(source, list | tuple | str):
        return _NOT_CONSTANT
    return convert(source)


def _fold_arithmetic(node: OpExpr) -> object:
    left, right = constant_value(node.left), constant_value(node.right)
    if type(left) not in (int, float) or type(right) not in (int, float):
        return _NOT_CONSTANT
    if node.op == "**" and (abs(right) > 64 or abs(left) > 2**32):  # type: ignore[arg-type]
        return _NOT_CONSTANT
    try:
        result = eval(f"left {node.op} right", {}, {"left": left, "right": right})
    except (ArithmeticError, ValueError):
        return _NOT_CONSTANT  # the program raises here: let the runtime path raise it
    if isinstance(result, int) and not -(2**63) <= result < 2**63:
        return _NOT_CONSTANT  # Portalis ints are i64: the Rust side reports the overflow
    return result if type(result) in (int, float) else _NOT_CONSTANT


def constant_text(node: Expression, spec: str = "", conversion: str = "") -> str | None:
    """`format(conv(value), spec)` of a constant node, computed now, or None."""
    value = constant_value(node)
    if value is _NOT_CONSTANT:
        return None
    if conversion == "r":
        value = repr(value)
    elif conversion == "a":
        value = ascii(value)
    elif conversion == "s":
        value = str(value)
    try:
        return format(value, spec)
    except (ValueError, TypeError):
        return None


# ---- one value ----


def add_node(
    ctx: FnContext, tpl: Template, node: Expression, spec: str = "", conversion: str = ""
) -> None:
    """Append the Python expression `node` formatted as `format(conv(node), spec)`."""
    text = constant_text(node, spec, conversion)
    if text is not None:
        tpl.literal(text)
        return
    add_value(ctx, tpl, lower_expr(ctx, node), spec, conversion)


def add_value(
    ctx: FnContext,
    tpl: Template,
    e: Expr,
    spec: str = "",
    conversion: str = "",
    dynamic: tuple[str, str] | None = None,
) -> None:
    """Append `e` formatted as Python's `format(e, spec)` (after `!r`/`!s` conversion).

    `dynamic` = (field, rust name) when the width or precision in `spec` is a runtime value
    (`{x:>{w}}`): `field` is "width" or "precision" and the spec holds a placeholder there."""
    module = ctx.module
    if conversion in ("r", "a", "s") and e.ty in (rt.INT, rt.FLOAT, rt.BOOL, rt.USIZE):
        conversion = ""  # repr() of a number or bool is its str(), which format() gives
    if conversion in ("r", "a"):
        e = Expr(values.repr_of(module, e), rt.STR, Kind.OWNED, Prec.POSTFIX)
    elif conversion == "s" and not isinstance(e.ty, rt.StrT):
        e = Expr(values.str_of(module, e), rt.STR, Kind.OWNED, Prec.POSTFIX)
    if e.ty == rt.BOOL and spec:
        # bool.__format__ with a spec is int.__format__: f"{True:>5}" is "    1"
        e = Expr(f"i64::from({values.value(e)})", rt.INT, Kind.OWNED, Prec.POSTFIX)
    text = _rust_literal_text(e.code) if isinstance(e.ty, rt.StrT) else None
    if text is not None and dynamic is None:
        try:
            tpl.literal(format(text, spec))
            return
        except ValueError:
            pass
    rust_spec = translate_spec(spec, e.ty, dynamic)
    if rust_spec is None:
        module.use_helper("py_format")
        tpl.hole("", f'{_method_receiver(e)}.py_format("{spec}")', owned_string=True)
        return
    if e.ty == rt.FLOAT and not _has_precision(spec):
        module.use_helper("py_float_repr")
        tpl.hole(rust_spec, f"py_float_repr({values.value(e)})", owned_string=True)
        return
    if e.ty == rt.BOOL:
        tpl.hole(rust_spec, f'if {values.value(e)} {{ "True" }} else {{ "False" }}')
        return
    if e.ty in (rt.INT, rt.FLOAT, rt.CHAR, rt.USIZE) or isinstance(e.ty, rt.StrT):
        owned_string = isinstance(e.ty, rt.StrT) and e.kind is Kind.OWNED
        tpl.hole(rust_spec, values.value(e) if e.ty.is_copy else e.code, owned_string)
        return
    piece, arg = values.display(module, e)
    if not arg:
        if rust_spec:
            tpl.hole(rust_spec, f'"{piece}"')
        else:
            tpl.literal(piece)
        return
    if rust_spec and isinstance(e.ty, rt.StructT):
        arg = f"{e.at(Prec.POSTFIX)}.to_string()"
    tpl.hole(rust_spec, arg, owned_string=arg.endswith((".py_str()", ".py_repr()")))


_RUST_STR = re.compile(r'^"((?:[^"\\]|\\.)*)"(?:\.to_string\(\))?$')
_RUST_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "0": "\0"}


def _rust_literal_text(code: str) -> str | None:
    """The text of a Rust string literal (`"a\\n"` or `"a".to_string()`), or None."""
    m = _RUST_STR.match(code)
    if m is None:
        return None
    body = m.group(1)
    out: list[str] = []
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        nxt = body[i + 1]
        if nxt == "u":
            close = body.index("}", i)
            out.append(chr(int(body[i + 3 : close], 16)))
            i = close + 1
        elif nxt in _RUST_ESCAPES:
            out.append(_RUST_ESCAPES[nxt])
            i += 2
        else:
            return None
    return "".join(out)


def _method_receiver(e: Expr) -> str:
    """`e` as a method-call receiver; numeric literals get a type suffix (`255_i64`) since
    a method call on an unsuffixed literal is ambiguous to rustc."""
    code = e.code
    if e.ty in (rt.INT, rt.FLOAT) and (_INT_LITERAL.match(code) or _FLOAT_LITERAL.match(code)):
        suffixed = f"{code}_{'i64' if e.ty == rt.INT else 'f64'}"
        return f"({suffixed})" if code.startswith("-") else suffixed
    return values.value_expr(e).at(Prec.POSTFIX) if e.ty.is_copy else e.at(Prec.POSTFIX)


def _has_precision(spec: str) -> bool:
    return "." in spec or (bool(spec) and spec[-1] in "eEfFgG%")


def translate_spec(spec: str, ty: rt.RType, dynamic: tuple[str, str] | None = None) -> str | None:
    """A Rust format spec (":>5", ":.2", "") equal to Python's spec, or None when only the
    py_format helper can do it. With `dynamic` = (field, name), that field (width or
    precision) is the runtime value `name` (Rust's `name$`)."""
    if not spec:
        return ""
    m = _SPEC.match(spec)
    if m is None:
        return None
    g = m.groupdict()
    if dynamic is not None:
        g[dynamic[0]] = f"{dynamic[1]}$"
    kind = g["type"] or ""
    if g["group"] or g["sign"] == " " or g["align"] == "=" or g["alt"]:
        return None
    if kind in ("e", "E", "g", "G", "n", "%", "c", "b", "o", "x", "X"):
        return None
    is_float = ty == rt.FLOAT
    is_int = ty in (rt.INT, rt.USIZE, rt.BIGINT)  # (PyBigInt's Display pads as ints do)
    is_text = isinstance(ty, rt.StrT) or ty == rt.CHAR
    if kind in ("f", "F"):
        if not is_float:
            return None  # an int formatted as float: the helper converts
        precision = g["precision"] or "6"
    elif kind == "d":
        if not is_int:
            return None
        precision = None
    elif kind == "s":
        if not is_text:
            return None
        precision = g["precision"]
        if precision is not None:
            return None
    else:
        precision = g["precision"]
        # with a precision and no type, numbers use Python's "general" format (not Rust's);
        # a str precision truncates in both languages
        if precision is not None and not is_text:
            return None
    if g["zero"] and not (is_int or is_float):
        return None
    if not (is_int or is_float or is_text or ty == rt.BOOL) and (g["sign"] or g["zero"]):
        return None
    if g["sign"] == "+" and not (is_int or is_float):
        return None
    if g["align"] is None and g["width"] and is_float and kind == "" and not g["zero"]:
        pass  # numbers align right in both languages
    out = ":"
    if g["align"]:
        out += (g["fill"] or "") + g["align"]
    if g["sign"] == "+":
        out += "+"
    if g["zero"]:
        out += "0"
    if g["width"]:
        out += g["width"]
    if precision is not None:
        out += f".{precision}"
    return "" if out == ":" else out


# ---- evaluation order ----


def evaluate_arguments_first(
    ctx: FnContext, args: list[Expression], lower: Callable[[], Expr]
) -> Expr:
    """Python evaluates every argument of print()/str.format()/`%` before formatting any of
    them; Rust's format macros format each argument as they evaluate it. When an argument
    changes a variable another argument reads (`print(d, d.popitem(), d)`), the arguments
    up to the last such one are evaluated into temporaries first, in order. A mutable object
    named directly is left in place: Python formats it in its final state too."""
    changing = [
        i
        for i in range(len(args))
        if _changes_other_argument(ctx, args, i) or _runs_while_node_borrowed(ctx, args, i)
    ]
    if not changing:  # (the common case: nothing to hoist)
        return lower()
    # a constant is written into the template itself: no temporary to evaluate it into
    hoisted = [
        a
        for a in args[: changing[-1] + 1]
        if not _object_reference(ctx, a) and constant_value(a) is _NOT_CONSTANT
    ]
    return with_temporaries(ctx, hoisted, lower, "printed")


def _order_matters(ctx: FnContext, args: list[Expression]) -> bool:
    """Would formatting each argument as it is evaluated differ from Python's order?"""
    return any(_changes_other_argument(ctx, args, i) for i in range(len(args)))


def _percent_operands(node: OpExpr) -> list[Expression]:
    return node.right.items if isinstance(node.right, TupleExpr) else [node.right]


def _changes_other_argument(ctx: FnContext, args: list[Expression], index: int) -> bool:
    from backend.transpiler.lower.expressions import _changes_root

    read = {name for i, arg in enumerate(args) if i != index for name in _names_read(arg)}
    return any(_changes_root(ctx, args[index], root) for root in sorted(read))


def _runs_while_node_borrowed(ctx: FnContext, args: list[Expression], index: int) -> bool:
    """`print(a.value, b.step())`: a field read from a node borrows it until the whole
    statement ends, so a method called by a later argument could not change that node."""
    from backend.transpiler.lower import class_links

    calls: list[CallExpr] = []
    fields: list[MemberExpr] = []

    class Finder(Walker):
        def visit_CallExpr(self, o: CallExpr) -> None:
            callee = o.callee
            if isinstance(callee, MemberExpr) and isinstance(
                ctx.module.type_of(callee.expr), rt.StructT
            ):
                calls.append(o)  # a method of a user class
            elif isinstance(callee, NameExpr) and callee.fullname in ctx.module.signatures:
                calls.append(o)
            self.generic(o)

        def visit_MemberExpr(self, o: MemberExpr) -> None:
            if class_links.aliases(ctx.module, ctx.module.type_of(o.expr)):
                fields.append(o)
            self.generic(o)

    Finder().visit(args[index])
    if not calls:
        return False
    fields.clear()
    for arg in args[:index]:
        Finder().visit(arg)
    return bool(fields)


def _names_read(node: Expression) -> set[str]:
    names: set[str] = set()

    class Reader(Walker):
        def visit_NameExpr(self, name: NameExpr) -> None:
            names.add(name.name)

    Reader().visit(node)
    return names


def _object_reference(ctx: FnContext, node: Expression) -> bool:
    """A name, or an attribute holding a mutable object: formatting it later shows the same
    (final) state Python shows."""
    if isinstance(node, NameExpr):
        return True
    mutable = (rt.ListT, rt.DictT, rt.SetT, rt.DequeT, rt.StructT)
    return isinstance(node, MemberExpr) and isinstance(ctx.module.type_of(node), mutable)


# ---- print ----


def lower_print(call: Call) -> Expr:
    kinds = zip(call.node.args, call.node.arg_kinds, strict=True)
    formatted = [a for a, k in kinds if k != ARG_NAMED]
    return evaluate_arguments_first(call.ctx, formatted, lambda: _lower_print(call))


def _lower_print(call: Call) -> Expr:
    ctx = call.ctx
    sep_node = call.kwargs.get("sep")
    end_node = call.kwargs.get("end")
    macro, stream = _print_macro(call)
    sep = _literal(sep_node, " ")
    end = _literal(end_node, "\n")
    tpl = Template()
    positional: list[tuple[Expression, ArgKind]] = [
        (a, k)
        for a, k in zip(call.node.args, call.node.arg_kinds, strict=True)
        if k in (ARG_POS, ARG_STAR)
    ]
    if any(k == ARG_STAR for _, k in positional):
        _add_starred_args(ctx, tpl, positional, sep, sep_node)
    else:
        for index, (arg, _) in enumerate(positional):
            if index:
                _add_sep(ctx, tpl, sep, sep_node)
            add_fstring_or_value(ctx, tpl, arg)
    if end is None:
        assert end_node is not None
        add_node(ctx, tpl, end_node)
        return Expr(tpl.render(macro, stream), rt.UNIT, Kind.OWNED)
    if end.endswith("\n"):
        tpl.literal(end[:-1])
        if not tpl.text and not tpl.args:
            return Expr(f"{macro}ln!({stream or ''})", rt.UNIT, Kind.OWNED)
        return Expr(tpl.render(f"{macro}ln", stream), rt.UNIT, Kind.OWNED)
    tpl.literal(end)
    return Expr(tpl.render(macro, stream), rt.UNIT, Kind.OWNED)


def _print_macro(call: Call) -> tuple[str, str | None]:
    """`print` or `eprint` for the standard stream `file=` names, or `write` and the
    StringIO it writes into."""
    from backend.transpiler.lower import stdlib, streams

    file_node = call.kwargs.get("file")
    if file_node is None:
        return "print", None
    if isinstance(file_node, NameExpr) and file_node.fullname == "builtins.None":
        return "print", None  # `file=None` is sys.stdout
    stream = stdlib.module_object(file_node)
    if stream in stdlib.STREAMS:
        return stdlib.STREAMS[stream], None
    target = streams.print_target(call.ctx, file_node)
    if target is None:
        raise call.fail("print(file=...) to a stream other than sys.stdout/sys.stderr", "PRT180")
    return "write", target


def _add_sep(ctx: FnContext, tpl: Template, sep: str | None, sep_node: Expression | None) -> None:
    if sep is None:
        assert sep_node is not None
        add_node(ctx, tpl, sep_node)
    else:
        tpl.literal(sep)


def _add_starred_args(
    ctx: FnContext,
    tpl: Template,
    args: list[tuple[Expression, ArgKind]],
    sep: str | None,
    sep_node: Expression | None,
) -> None:
    """`print(a, *items, b)`: the `str()` of every item, joined by `sep` at run time (an
    empty iterable adds no separator, as in Python)."""
    from backend.transpiler.lower.iteration import iter_source

    if sep is None:
        assert sep_node is not None
        joiner = values.borrow_str(lower_expr(ctx, sep_node))
    else:
        joiner = f'"{format_template_escape(sep)}"'
    if len(args) == 1 and isinstance(ctx.module.type_of(args[0][0]), rt.ListT):
        items = lower_expr(ctx, args[0][0])
        if isinstance(items.ty, rt.ListT) and isinstance(items.ty.elem, rt.StrT):
            tpl.hole("", f"{items.at(Prec.POSTFIX)}.join({joiner})")
            return
    parts: list[str] = []
    for arg, kind in args:
        if kind == ARG_STAR and isinstance(arg, ListExpr | TupleExpr) and not arg.items:
            continue  # `*[]` prints nothing
        if kind == ARG_STAR:
            src = iter_source(ctx, arg)
            item = Expr("x", src.shape.ty, Kind.BORROWED if src.shape.ref else Kind.OWNED)
            parts.append(f"{src.iterator}.map(|x| {values.str_of(ctx.module, item)})")
        else:
            one = Template()
            add_fstring_or_value(ctx, one, arg)
            parts.append(f"std::iter::once({as_string(one).code})")
    chain = parts[0] if parts else "std::iter::empty::<String>()"
    for part in parts[1:]:
        chain = f"{chain}.chain({part})"
    tpl.hole("", f"{chain}.collect::<Vec<_>>().join({joiner})")


def _literal(node: Expression | None, default: str) -> str | None:
    if node is None:
        return default
    if isinstance(node, StrExpr):
        return node.value
    if isinstance(node, NameExpr) and node.fullname == "builtins.None":
        return default
    return None


def add_fstring_or_value(ctx: FnContext, tpl: Template, node: Expression) -> None:
    """Inline f-string pieces and literals into the template; other values as holes."""
    pieces = fstring_pieces(node)
    if pieces is not None:
        _add_pieces(ctx, tpl, pieces)
        return
    if (
        isinstance(node, OpExpr)
        and node.op == "%"
        and isinstance(ctx.module.type_of(node.left), rt.StrT)
        and _template_text(ctx, node.left) is not None
        and not _order_matters(ctx, _percent_operands(node))
    ):
        _percent_into(ctx, tpl, node)
        return
    if (
        isinstance(node, CallExpr)
        and isinstance(node.callee, MemberExpr)
        and node.callee.name == "format"
        and isinstance(node.callee.expr, StrExpr)
        and ARG_STAR not in node.arg_kinds
        and not _order_matters(ctx, node.args)
    ):
        _str_format_into(Call(ctx, node), tpl)
        return
    add_node(ctx, tpl, node)


# ---- f-strings (mypy rewrites them as "".join(["lit", "{:spec}".format(value, spec)])) ----


@dataclass
class Piece:
    literal: str | None = None
    value: Expression | None = None
    spec: str = ""
    conversion: str = ""
    spec_pieces: list[Piece] | None = None  # a computed spec: `{x:>{width}}`


def fstring_pieces(node: Expression) -> list[Piece] | None:
    if isinstance(node, CallExpr) and _is_format_piece(node):
        return [_format_piece(node)]
    if not (
        isinstance(node, CallExpr)
        and isinstance(node.callee, MemberExpr)
        and node.callee.name == "join"
        and isinstance(node.callee.expr, StrExpr)
        and node.callee.expr.value == ""
        and len(node.args) == 1
        and isinstance(node.args[0], ListExpr)
    ):
        return None
    pieces = []
    for item in node.args[0].items:
        if isinstance(item, StrExpr):
            pieces.append(Piece(literal=item.value))
        elif isinstance(item, CallExpr) and _is_format_piece(item):
            pieces.append(_format_piece(item))
        else:
            return None
    return pieces


def _is_format_piece(node: CallExpr) -> bool:
    callee = node.callee
    return (
        isinstance(callee, MemberExpr)
        and callee.name == "format"
        and isinstance(callee.expr, StrExpr)
        and callee.expr.value in ("{:{}}", "{!r:{}}", "{!s:{}}", "{!a:{}}")
        and len(node.args) == 2
    )


def _format_piece(node: CallExpr) -> Piece:
    template = node.callee.expr.value  # type: ignore[attr-defined]
    conversion = template[2] if template.startswith("{!") else ""
    spec_node = node.args[1]
    if isinstance(spec_node, StrExpr):
        return Piece(value=node.args[0], spec=spec_node.value, conversion=conversion)
    spec_pieces = fstring_pieces(spec_node)
    if spec_pieces is None:
        raise Unsupported(node, "f-string with a computed format spec", "PRT250")
    folded = _fold_spec(spec_pieces)
    if all(p.literal is not None for p in folded):
        return Piece(
            value=node.args[0], spec="".join(p.literal or "" for p in folded), conversion=conversion
        )
    return Piece(value=node.args[0], conversion=conversion, spec_pieces=folded)


def _fold_spec(spec_pieces: list[Piece]) -> list[Piece]:
    """`{x:.{2}f}`: constant parts of a computed spec become part of the spec text."""
    folded: list[Piece] = []
    for part in spec_pieces:
        text = part.literal
        if text is None and part.value is not None and not part.spec_pieces:
            text = constant_text(part.value, part.spec, part.conversion)
        if text is not None and folded and folded[-1].literal is not None:
            folded[-1] = Piece(literal=folded[-1].literal + text)
        else:
            folded.append(Piece(literal=text) if text is not None else part)
    return folded


def _add_pieces(ctx: FnContext, tpl: Template, pieces: list[Piece]) -> None:
    for piece in pieces:
        if piece.literal is not None:
            tpl.literal(piece.literal)
        elif piece.spec_pieces is not None:
            assert piece.value is not None
            _add_dynamic_spec(ctx, tpl, piece.value, piece.spec_pieces, piece.conversion)
        else:
            assert piece.value is not None
            add_node(ctx, tpl, piece.value, piece.spec, piece.conversion)


def _add_dynamic_spec(
    ctx: FnContext, tpl: Template, node: Expression, spec: list[Piece], conversion: str
) -> None:
    """`{x:>{width}}`: a runtime width or precision becomes Rust's `name$` argument; any
    other computed spec is built at run time for the py_format helper."""
    spec = _fold_spec(spec)
    if all(p.literal is not None for p in spec):
        add_node(ctx, tpl, node, "".join(p.literal or "" for p in spec), conversion)
        return
    e = lower_expr(ctx, node)
    holes = [i for i, p in enumerate(spec) if p.literal is None]
    if len(holes) == 1 and not spec[holes[0]].spec and not spec[holes[0]].conversion:
        index = holes[0]
        prefix = "".join(p.literal or "" for p in spec[:index])
        suffix = "".join(p.literal or "" for p in spec[index + 1 :])
        part = spec[index]
        assert part.value is not None
        amount = lower_expr(ctx, part.value)
        field_name = _spec_field_at(prefix, suffix)
        if field_name is not None and amount.ty in (rt.INT, rt.USIZE):
            probe = f"{prefix}1{suffix}"
            if translate_spec(probe, _converted_type(e, conversion), (field_name, "w")) is not None:
                name = _dollar_arg(ctx, tpl, part.value, amount)
                add_value(ctx, tpl, e, probe, conversion, (field_name, name))
                return
    built = Template()
    _add_pieces(ctx, built, spec)
    ctx.module.use_helper("py_format")
    if conversion in ("r", "a"):
        e = Expr(values.repr_of(ctx.module, e), rt.STR, Kind.OWNED, Prec.POSTFIX)
    elif conversion == "s" and not isinstance(e.ty, rt.StrT):
        e = Expr(values.str_of(ctx.module, e), rt.STR, Kind.OWNED, Prec.POSTFIX)
    tpl.hole("", f"{_method_receiver(e)}.py_format(&{built.render('format')})", owned_string=True)


def _converted_type(e: Expr, conversion: str) -> rt.RType:
    return rt.STR if conversion in ("r", "a", "s") else e.ty


def _spec_field_at(prefix: str, suffix: str) -> str | None:
    """Which spec field ("width" / "precision") a value between `prefix` and `suffix` fills."""
    m = _SPEC.match(f"{prefix}1{suffix}")
    if m is None:
        return None
    for name in ("width", "precision"):
        if m.start(name) == len(prefix) and m.end(name) == len(prefix) + 1:
            return name
    return None


def _dollar_arg(ctx: FnContext, tpl: Template, node: Expression, amount: Expr) -> str:
    """A `usize` named argument for Rust's `name$` (width and precision are usize)."""
    code = (
        values.value(amount)
        if amount.ty == rt.USIZE
        else f"{values.value_expr(amount).at(Prec.CAST)} as usize"
    )
    for name, existing in tpl.named:
        if existing == code:
            return name  # `{a:{w}} {b:{w}}`: one argument serves both
    name = node.name if isinstance(node, NameExpr) and _IDENT.match(amount.code) else ""
    if not name:
        taken = {n for n, _ in tpl.named}
        name = next(
            f"w{i}" for i in range(100) if f"w{i}" not in taken and ctx.lookup(f"w{i}") is None
        )
    tpl.named.append((name, code))
    return name


def lower_fstring(ctx: FnContext, node: CallExpr) -> Expr | None:
    pieces = fstring_pieces(node)
    if pieces is None:
        return None
    tpl = Template()
    _add_pieces(ctx, tpl, pieces)
    return as_string(tpl)


def as_string(tpl: Template) -> Expr:
    """The template's text as an owned `String` expression."""
    if tpl.is_literal():
        return Expr(
            f'"{tpl.text.replace("{{", "{").replace("}}", "}")}".to_string()',
            rt.STR,
            Kind.OWNED,
            Prec.POSTFIX,
        )
    if tpl.whole_string is not None and tpl.text in ("{}", "{" + tpl.whole_string + "}"):
        return Expr(tpl.whole_string, rt.STR, Kind.OWNED, Prec.POSTFIX)
    return Expr(tpl.render("format"), rt.STR, Kind.OWNED)


# ---- str.format ----


def lower_str_format(call: Call) -> Expr:
    fstring = lower_fstring(call.ctx, call.node)
    if fstring is not None:
        return fstring
    return evaluate_arguments_first(call.ctx, call.node.args, lambda: _str_format(call))


def _str_format(call: Call) -> Expr:
    tpl = Template()
    _str_format_into(call, tpl)
    return as_string(tpl)


def _str_format_into(call: Call, tpl: Template) -> None:
    node = call.node.callee.expr  # type: ignore[attr-defined]
    template = _template_text(call.ctx, node)
    if template is None:
        raise call.fail("str.format() on a template that is not a string constant", "PRT251")
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as err:
        raise call.fail(f"invalid format string: {err}", "PRT252") from err
    auto = 0
    for literal, field_name, spec, conversion in parsed:
        if literal:
            tpl.literal(literal)
        if field_name is None:
            continue
        if field_name == "":
            arg = _format_arg(call, auto)
            auto += 1
        elif field_name.isdigit():
            arg = _format_arg(call, int(field_name))
        elif field_name in call.kwargs:
            arg = call.kwargs[field_name]
        else:
            raise call.fail(f"format field `{field_name}` (attribute or index lookups)", "PRT253")
        spec = spec or ""
        if "{" in spec:
            _add_dynamic_spec(
                call.ctx, tpl, arg, _format_spec_pieces(call, spec, auto), conversion or ""
            )
            auto += spec.count("{}")
            continue
        add_node(call.ctx, tpl, arg, spec, conversion or "")


def _format_arg(call: Call, index: int) -> Expression:
    if index >= len(call.args):
        raise call.fail(f"str.format(): no argument {index} (IndexError at run time)", "PRT254")
    return call.args[index]


def _format_spec_pieces(call: Call, spec: str, auto: int) -> list[Piece]:
    """`"{:>{}}".format(x, w)`: the spec's own replacement fields."""
    pieces: list[Piece] = []
    for literal, field_name, _, _ in string.Formatter().parse(spec):
        if literal:
            pieces.append(Piece(literal=literal))
        if field_name is None:
            continue
        if field_name == "":
            pieces.append(Piece(value=_format_arg(call, auto)))
            auto += 1
        elif field_name.isdigit():
            pieces.append(Piece(value=_format_arg(call, int(field_name))))
        elif field_name in call.kwargs:
            pieces.append(Piece(value=call.kwargs[field_name]))
        else:
            raise call.fail(f"format field `{field_name}`", "PRT253")
    return pieces


def _template_text(ctx: FnContext, node: Expression) -> str | None:
    """The text of a format template: a literal, or a variable bound once to a literal
    (a local or a module constant)."""
    if isinstance(node, StrExpr):
        return node.value
    if not isinstance(node, NameExpr) or not isinstance(node.node, Var):
        return None
    var = node.node
    if isinstance(var.final_value, str):
        return var.final_value
    bound = _bindings(ctx.module).get(var, [])
    if len(bound) == 1 and isinstance(bound[0], StrExpr):
        return bound[0].value
    return None


def _bindings(module: ModuleContext) -> dict[Var, list[Expression]]:
    """Every variable's bindings in the module (what a template name may hold), found in
    one walk of the module (it holds every function's body) and kept for the module."""
    if module.var_bindings is not None:
        return module.var_bindings
    bindings: dict[Var, list[Expression]] = {}

    def bind(target: Expression, value: Expression) -> None:
        if isinstance(target, NameExpr) and isinstance(target.node, Var):
            bindings.setdefault(target.node, []).append(value)

    class Assignments(Walker):
        def visit_AssignmentStmt(self, stmt: AssignmentStmt) -> None:
            for lvalue in stmt.lvalues:
                for target in _targets(lvalue):
                    bind(target, stmt.rvalue if lvalue is target else target)
            self.generic(stmt)

        def visit_OperatorAssignmentStmt(self, stmt: object) -> None:
            lvalue = getattr(stmt, "lvalue", None)
            if isinstance(lvalue, NameExpr):
                bind(lvalue, lvalue)

        def visit_ForStmt(self, stmt: ForStmt) -> None:
            for target in _targets(stmt.index):
                bind(target, target)
            self.generic(stmt)

    Assignments().visit(module.typed.tree)
    module.var_bindings = bindings
    return bindings


def only_inlined_template(ctx: FnContext, target: NameExpr) -> bool:
    """A local bound once to a string literal and read only as a `.format()` / `%` template:
    every use inlines its text into a `format!`, so the variable itself is never read (and
    its binding would be an unused variable)."""
    var = target.node
    if not isinstance(var, Var) or var.is_final or _template_text(ctx, target) is None:
        return False
    references = 0
    template_uses = 0

    class Uses(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            nonlocal references
            references += o.node is var

        def visit_CallExpr(self, o: CallExpr) -> None:
            nonlocal template_uses
            callee = o.callee
            if isinstance(callee, MemberExpr) and callee.name == "format":
                template_uses += isinstance(callee.expr, NameExpr) and callee.expr.node is var
            self.generic(o)

        def visit_OpExpr(self, o: OpExpr) -> None:
            nonlocal template_uses
            if o.op == "%":
                template_uses += isinstance(o.left, NameExpr) and o.left.node is var
            self.generic(o)

    Uses().visit(ctx.module.typed.tree)
    return template_uses > 0 and references == template_uses + 1  # + the binding itself


def _targets(lvalue: Expression) -> list[Expression]:
    if isinstance(lvalue, TupleExpr | ListExpr):
        return [t for item in lvalue.items for t in _targets(item)]
    if isinstance(lvalue, StarExpr):
        return _targets(lvalue.expr)
    return [lvalue]


# ---- %-formatting ----

_PERCENT = re.compile(
    r"%(?P<flags>[-+ 0#]*)(?P<width>\d+|\*)?(?:\.(?P<precision>\d+))?(?P<type>[diouxXeEfFgGcrsa%])"
)


def lower_percent_format(ctx: FnContext, node: OpExpr) -> Expr:
    operands = _percent_operands(node)
    return evaluate_arguments_first(ctx, operands, lambda: _percent_format(ctx, node))


def _percent_format(ctx: FnContext, node: OpExpr) -> Expr:
    spread = isinstance(ctx.module.type_of(node.right), rt.VarTupleT)  # `tuple[int, ...]`
    if spread or _template_text(ctx, node.left) is None:
        return _runtime_percent(ctx, node)
    tpl = Template()
    _percent_into(ctx, tpl, node)
    return as_string(tpl)


def _runtime_percent(ctx: FnContext, node: OpExpr) -> Expr:
    """`template % args` where the template is computed: the runtime's `py_percent`
    applies it to the values, each passed as a number or with its `str()`/`repr()`."""
    if not isinstance(ctx.module.type_of(node.left), rt.StrT):
        raise Unsupported(node, "%-formatting of a value that is not a str", "PRT255")
    right_t = ctx.module.type_of(node.right)
    if isinstance(right_t, rt.DictT | rt.UnknownT | rt.UnionT):
        raise Unsupported(
            node, "%-formatting with a computed template and a mapping or unknown value", "PRT255"
        )
    template = values.borrow_str(lower_expr(ctx, node.left))
    ctx.module.use_helper("py_percent")
    if isinstance(right_t, rt.VarTupleT):  # its items are the values, however many
        items = lower_expr(ctx, node.right)
        elem = items.ty.elem if isinstance(items.ty, rt.ListT) else right_t.elem
        if isinstance(elem, rt.UnknownT) and isinstance(node.right, CallExpr) and node.right.args:
            # `% tuple(xs)`: mypy types the call from `%`'s `Any` context; `xs` knows
            source = ctx.module.type_of(node.right.args[0])
            elem = source.elem if isinstance(source, rt.ListT) else elem
        each = _percent_arg(ctx, Expr("v", elem, Kind.BORROWED))
        spread = f"{items.at(Prec.POSTFIX)}.iter().map(|v| {each}).collect::<Vec<_>>()"
        return Expr(f"py_percent({template}, &{spread})", rt.STR, Kind.OWNED, Prec.POSTFIX)
    args = []
    for arg in _percent_args(ctx, node.right):
        e = arg if isinstance(arg, Expr) else lower_expr(ctx, arg)
        args.append(_percent_arg(ctx, e))
    code = f"py_percent({template}, &[{', '.join(args)}])"
    return Expr(code, rt.STR, Kind.OWNED, Prec.POSTFIX)


def _percent_arg(ctx: FnContext, e: Expr) -> str:
    if e.ty in (rt.INT, rt.USIZE):
        number = e if e.ty == rt.INT else Expr(f"{e.at(Prec.CAST)} as i64", rt.INT)
        return f"PyPercentArg::Int({values.value(number)})"
    if e.ty == rt.FLOAT:
        return f"PyPercentArg::Float({values.value(e)})"
    if e.ty == rt.BOOL:
        return f"PyPercentArg::Bool({values.value(e)})"
    if isinstance(e.ty, rt.UnknownT):
        raise Unsupported(what="%-formatting a value of unknown type", code="PRT255")
    if e.ty == rt.UNIT:
        return 'PyPercentArg::Text("None".to_string(), "None".to_string())'
    module = ctx.module
    return f"PyPercentArg::Text({values.str_of(module, e)}, {values.repr_of(module, e)})"


def _percent_into(ctx: FnContext, tpl: Template, node: OpExpr) -> None:
    template = _template_text(ctx, node.left)
    if template is None:
        raise Unsupported(
            node, "%-formatting with a template that is not a string constant", "PRT255"
        )
    args = _percent_args(ctx, node.right)
    position = 0
    index = 0
    for m in _PERCENT.finditer(template):
        tpl.literal(template[position : m.start()])
        position = m.end()
        kind = m.group("type")
        if kind == "%":
            tpl.literal("%")
            continue
        if index >= len(args):
            raise Unsupported(
                node, "not enough arguments for format string (TypeError at run time)", "PRT256"
            )
        arg = args[index]
        index += 1
        if m.group("width") == "*":
            raise Unsupported(node, "`*` width in %-formatting", "PRT257")
        spec, conversion = _percent_spec(
            m.group("flags") or "", m.group("width") or "", m.group("precision"), kind
        )
        if isinstance(arg, Expr):
            if kind in "diu" and arg.ty == rt.FLOAT:
                arg = Expr(
                    f"{values.value_expr(arg).at(Prec.CAST)} as i64", rt.INT, Kind.OWNED, Prec.CAST
                )
            add_value(ctx, tpl, arg, spec, conversion)
        elif kind in "diu" and isinstance(constant := constant_value(arg), float):
            add_node(ctx, tpl, IntExpr(int(constant)), spec, conversion)
        elif kind in "diu" and ctx.module.type_of(arg) == rt.FLOAT:
            e = lower_expr(ctx, arg)
            add_value(
                ctx,
                tpl,
                Expr(f"{values.value_expr(e).at(Prec.CAST)} as i64", rt.INT, Kind.OWNED, Prec.CAST),
                spec,
                conversion,
            )
        else:
            add_node(ctx, tpl, arg, spec, conversion)
    tpl.literal(template[position:])
    if index != len(args):
        raise Unsupported(
            node,
            "not all arguments converted during string formatting (TypeError at run time)",
            "PRT256",
        )


def _percent_args(ctx: FnContext, right: Expression) -> list[Expression | Expr]:
    """The values a `%` template consumes: a tuple's items, else the one value."""
    if isinstance(right, TupleExpr):
        return list(right.items)
    ty = ctx.module.type_of(right)
    if isinstance(ty, rt.TupleT):
        e = lower_expr(ctx, right)
        base = e.at(Prec.POSTFIX)
        kind = Kind.OWNED if e.kind is Kind.OWNED else Kind.PLACE
        return [
            Expr(f"{base}.{i}", item, kind if item.is_copy else Kind.PLACE, Prec.POSTFIX)
            for i, item in enumerate(ty.items)
        ]
    return [right]


def _percent_spec(flags: str, width: str, precision: str | None, kind: str) -> tuple[str, str]:
    """A `%` conversion as a format spec plus a `!r`/`!s` conversion."""
    spec = ""
    if "-" in flags:
        spec += "<"
    elif width and kind in "sra":
        spec += ">"
    if "+" in flags:
        spec += "+"
    elif " " in flags:
        spec += " "
    if "#" in flags:
        spec += "#"
    if "0" in flags and "-" not in flags and kind not in "srac":
        spec += "0"
    spec += width
    if precision is not None:
        spec += f".{precision}"
    if kind in "diu":
        spec += "d"
    elif kind in "eEfFgGxXo":
        spec += kind
    elif kind == "c":
        spec += "c"
    conversion = "r" if kind == "r" else ("a" if kind == "a" else ("s" if kind == "s" else ""))
    return spec, conversion


# ---- str() / repr() ----


def lower_str_builtin(call: Call, conversion: str = "s") -> Expr:
    """`str(x)` / `repr(x)`: constants are rendered now (`repr([1, 'a'])` needs no Rust
    value at all), the rest through values.str_of / repr_of."""
    if not call.args:
        return Expr("String::new()", rt.STR)
    text = constant_text(call.args[0], "", conversion)
    if text is not None:
        tpl = Template()
        tpl.literal(text)
        return as_string(tpl)
    arg = call.arg(0)
    module = call.ctx.module
    code = values.repr_of(module, arg) if conversion == "r" else values.str_of(module, arg)
    return Expr(code, rt.STR, Kind.OWNED, Prec.POSTFIX)
