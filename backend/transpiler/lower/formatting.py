"""print(), f-strings, str.format() and %-formatting, rendered as Rust `format!` families.

Python format specs become Rust format specs where both languages agree (width, fill,
alignment, precision of fixed-point floats); the rest goes through the `py_format` runtime
helper, which implements Python's format-spec mini-language.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from mypy.nodes import CallExpr, Expression, ListExpr, MemberExpr, OpExpr, StrExpr, TupleExpr

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call
from backend.transpiler.lower.context import FnContext, Unsupported
from backend.transpiler.lower.expressions import lower_expr
from backend.transpiler.lower.literals import format_template_escape

_SPEC = re.compile(
    r"^(?:(?P<fill>.)?(?P<align>[<>=^]))?(?P<sign>[-+ ])?(?P<alt>#)?(?P<zero>0)?"
    r"(?P<width>\d+)?(?P<group>[,_])?(?:\.(?P<precision>\d+))?(?P<type>[bcdeEfFgGnosxX%])?$"
)
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class Template:
    """A `format!` template under construction: literal text and `{}` holes with args."""

    text: str = ""
    args: list[str] | None = None

    def __post_init__(self) -> None:
        self.args = [] if self.args is None else self.args

    def literal(self, text: str) -> None:
        self.text += format_template_escape(text)

    def hole(self, spec: str, arg: str) -> None:
        assert self.args is not None
        if _IDENT.match(arg) and not arg.startswith("r#"):
            self.text += "{" + arg + spec + "}"
        else:
            self.text += "{" + spec + "}"
            self.args.append(arg)

    def render(self, macro: str) -> str:
        assert self.args is not None
        rest = "".join(f", {a}" for a in self.args)
        return f'{macro}!("{self.text}"{rest})'


def add_value(ctx: FnContext, tpl: Template, e: Expr, spec: str = "", conversion: str = "") -> None:
    """Append `e` formatted as Python's `format(e, spec)` (after `!r`/`!s` conversion)."""
    module = ctx.module
    if conversion == "r":
        e = Expr(values.repr_of(module, e), rt.STR, Kind.OWNED, Prec.POSTFIX)
    elif conversion == "s" and not isinstance(e.ty, rt.StrT):
        e = Expr(values.str_of(module, e), rt.STR, Kind.OWNED, Prec.POSTFIX)
    if isinstance(e.code, str) and e.code.startswith('"') and e.kind is Kind.BORROWED and not spec:
        import ast as pyast

        try:
            tpl.literal(pyast.literal_eval(e.code.replace("\\u{", "\\u").replace("}", "")))
            return
        except (ValueError, SyntaxError):
            pass
    rust_spec = translate_spec(spec, e.ty)
    if rust_spec is None:
        module.use_helper("py_format")
        tpl.hole("", f'{e.at(Prec.POSTFIX)}.py_format("{spec}")')
        return
    if e.ty == rt.FLOAT and not _has_precision(spec):
        module.use_helper("py_float_repr")
        tpl.hole(rust_spec, f"py_float_repr({values.value(e)})")
        return
    if e.ty == rt.BOOL:
        tpl.hole(rust_spec, f'if {values.value(e)} {{ "True" }} else {{ "False" }}')
        return
    if e.ty in (rt.INT, rt.FLOAT, rt.CHAR, rt.USIZE) or isinstance(e.ty, rt.StrT):
        tpl.hole(rust_spec, values.value(e) if e.ty.is_copy else e.code)
        return
    piece, arg = values.display(module, e)
    if not arg:
        tpl.literal(piece)
        return
    if rust_spec and isinstance(e.ty, rt.StructT):
        arg = f"{e.at(Prec.POSTFIX)}.to_string()"
    tpl.hole(rust_spec, arg)


def _has_precision(spec: str) -> bool:
    return "." in spec or (bool(spec) and spec[-1] in "eEfFgG%")


def translate_spec(spec: str, ty: rt.RType) -> str | None:
    """A Rust format spec (":>5", ":.2", "") equal to Python's spec, or None when only the
    py_format helper can do it."""
    if not spec:
        return ""
    m = _SPEC.match(spec)
    if m is None:
        return None
    g = m.groupdict()
    kind = g["type"] or ""
    if g["group"] or g["sign"] == " " or g["align"] == "=" or g["alt"]:
        return None
    if kind in ("e", "E", "g", "G", "n", "%", "c", "b", "o", "x", "X"):
        return None
    is_float = ty == rt.FLOAT
    is_int = ty in (rt.INT, rt.USIZE)
    if kind in ("f", "F"):
        if not (is_float or is_int):
            return None
        precision = g["precision"] or "6"
    elif kind == "d":
        if not is_int:
            return None
        precision = None
    elif kind == "s":
        if not (isinstance(ty, rt.StrT) or ty == rt.CHAR):
            return None
        precision = g["precision"]
        if precision is not None:
            return None
    else:
        precision = g["precision"]
        if precision is not None:
            # Python's "general" format for floats without a type: not Rust's
            return None
    if is_int and kind in ("f", "F"):
        return None  # an int formatted as float: the helper converts
    if g["zero"] and not (is_int or is_float):
        return None
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


# ---- print ----


def lower_print(call: Call) -> Expr:
    ctx = call.ctx
    sep_node = call.kwargs.get("sep")
    end_node = call.kwargs.get("end")
    if "file" in call.kwargs or "flush" in call.kwargs:
        if "file" in call.kwargs:
            raise call.fail("print(file=...)", "PRT180")
    sep = _literal(sep_node, " ")
    end = _literal(end_node, "\n")
    tpl = Template()
    for index, arg in enumerate(call.args):
        if index:
            if sep is None:
                assert sep_node is not None
                add_value(ctx, tpl, lower_expr(ctx, sep_node))
            else:
                tpl.literal(sep)
        add_fstring_or_value(ctx, tpl, arg)
    if end is None:
        assert end_node is not None
        add_value(ctx, tpl, lower_expr(ctx, end_node))
        return Expr(tpl.render("print"), rt.UNIT, Kind.OWNED)
    if end.endswith("\n"):
        tpl.literal(end[:-1])
        if not tpl.text and not tpl.args:
            return Expr("println!()", rt.UNIT, Kind.OWNED)
        return Expr(tpl.render("println"), rt.UNIT, Kind.OWNED)
    tpl.literal(end)
    return Expr(tpl.render("print"), rt.UNIT, Kind.OWNED)


def _literal(node: Expression | None, default: str) -> str | None:
    if node is None:
        return default
    if isinstance(node, StrExpr):
        return node.value
    from mypy.nodes import NameExpr

    if isinstance(node, NameExpr) and node.fullname == "builtins.None":
        return default
    return None


def add_fstring_or_value(ctx: FnContext, tpl: Template, node: Expression) -> None:
    """Inline f-string pieces and literals into the template; other values as holes."""
    pieces = fstring_pieces(node)
    if pieces is not None:
        _add_pieces(ctx, tpl, pieces)
        return
    if isinstance(node, StrExpr):
        tpl.literal(node.value)
        return
    add_value(ctx, tpl, lower_expr(ctx, node))


# ---- f-strings (mypy rewrites them as "".join(["lit", "{:spec}".format(value, spec)])) ----


@dataclass
class Piece:
    literal: str | None = None
    value: Expression | None = None
    spec: str = ""
    conversion: str = ""


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
    raise Unsupported(node, "f-string with a computed format spec", "PRT181")


def _add_pieces(ctx: FnContext, tpl: Template, pieces: list[Piece]) -> None:
    for piece in pieces:
        if piece.literal is not None:
            tpl.literal(piece.literal)
        else:
            assert piece.value is not None
            add_value(ctx, tpl, lower_expr(ctx, piece.value), piece.spec, piece.conversion)


def lower_fstring(ctx: FnContext, node: CallExpr) -> Expr | None:
    pieces = fstring_pieces(node)
    if pieces is None:
        return None
    tpl = Template()
    _add_pieces(ctx, tpl, pieces)
    return _as_string(tpl)


def _as_string(tpl: Template) -> Expr:
    assert tpl.args is not None
    if not tpl.args and "{" not in tpl.text.replace("{{", ""):
        text = tpl.text.replace("{{", "{").replace("}}", "}")
        return Expr(f'"{text}".to_string()', rt.STR, Kind.OWNED, Prec.POSTFIX)
    return Expr(tpl.render("format"), rt.STR, Kind.OWNED)


# ---- str.format ----


def lower_str_format(call: Call) -> Expr:
    recv = call.receiver
    node = call.node.callee.expr  # type: ignore[attr-defined]
    if not isinstance(node, StrExpr):
        raise call.fail("str.format() on a computed template", "PRT182")
    assert recv is not None
    tpl = Template()
    auto = 0
    try:
        parsed = list(string.Formatter().parse(node.value))
    except ValueError as err:
        raise call.fail(f"invalid format string: {err}", "PRT182") from err
    for literal, field, spec, conversion in parsed:
        if literal:
            tpl.literal(literal)
        if field is None:
            continue
        if "{" in (spec or ""):
            raise call.fail("nested replacement field in a format spec", "PRT182")
        if field == "":
            arg = call.args[auto]
            auto += 1
        elif field.isdigit():
            arg = call.args[int(field)]
        elif field in call.kwargs:
            arg = call.kwargs[field]
        else:
            raise call.fail(f"format field `{field}`", "PRT182")
        add_value(call.ctx, tpl, lower_expr(call.ctx, arg), spec or "", conversion or "")
    return _as_string(tpl)


# ---- %-formatting ----

_PERCENT = re.compile(r"%(?P<flags>[-+ 0#]*)(?P<width>\d+|\*)?(?:\.(?P<precision>\d+))?(?P<type>[diouxXeEfFgGcrsa%])")


def lower_percent_format(ctx: FnContext, node: OpExpr) -> Expr:
    if not isinstance(node.left, StrExpr):
        raise Unsupported(node, "%-formatting with a computed template", "PRT183")
    right = node.right
    args = list(right.items) if isinstance(right, TupleExpr) else [right]
    template = node.left.value
    tpl = Template()
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
            raise Unsupported(node, "not enough arguments for format string", "PRT183")
        arg = lower_expr(ctx, args[index])
        index += 1
        flags = m.group("flags") or ""
        width = m.group("width") or ""
        if width == "*":
            raise Unsupported(node, "`*` width in %-formatting", "PRT183")
        precision = m.group("precision")
        spec = ""
        if "-" in flags:
            spec += "<"
        elif width and kind in "sr":
            spec += ">"
        if "+" in flags:
            spec += "+"
        elif " " in flags:
            spec += " "
        if "#" in flags:
            spec += "#"
        if "0" in flags and "-" not in flags:
            spec += "0"
        spec += width
        if precision is not None:
            spec += f".{precision}"
        if kind in "di" or kind == "u":
            spec += "d"
            if arg.ty == rt.FLOAT:
                arg = Expr(f"{values.value_expr(arg).at(Prec.CAST)} as i64", rt.INT, Kind.OWNED, Prec.CAST)
        elif kind in "eEfFgGxXo":
            spec += kind
        conversion = "r" if kind in "ra" else ("s" if kind == "s" else "")
        add_value(ctx, tpl, arg, spec if kind not in "rs" or spec else "", conversion)
    tpl.literal(template[position:])
    if index != len(args):
        raise Unsupported(node, "not all arguments converted during string formatting", "PRT183")
    return _as_string(tpl)
