"""Emit Rust text from the IR, with a span map from Rust lines to Python ranges."""

from __future__ import annotations

from dataclasses import dataclass, field

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.record import SourceRange

INDENT = "    "


@dataclass
class Emitted:
    code: str
    span_map: dict[int, SourceRange] = field(default_factory=dict)


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.spans: dict[int, SourceRange] = {}
        self.depth = 0

    def line(self, text: str, span: SourceRange | None = None) -> None:
        self.lines.append(INDENT * self.depth + text if text else "")
        if span is not None:
            self.spans[len(self.lines)] = span

    def block_lines(self, text: str, span: SourceRange | None = None) -> None:
        for i, part in enumerate(text.split("\n")):
            self.line(part, span if i == 0 else None)


_BINARY_PREC = {
    "*": ir.Prec.MUL,
    "/": ir.Prec.MUL,
    "%": ir.Prec.MUL,
    "+": ir.Prec.ADD,
    "-": ir.Prec.ADD,
    "<<": ir.Prec.SHIFT,
    ">>": ir.Prec.SHIFT,
    "&": ir.Prec.BITAND,
    "^": ir.Prec.BITXOR,
    "|": ir.Prec.BITOR,
}


def render(node: ir.Index | ir.Binary) -> ir.Expr:
    """The text of a typed expression node, as an `Expr` the lowering can splice."""
    if isinstance(node, ir.Index):
        code = f"{node.base.at(ir.Prec.POSTFIX)}[{usize_index(node.index)}]"
        return ir.Expr(code, node.ty, ir.Kind.PLACE, ir.Prec.POSTFIX)
    prec = _BINARY_PREC[node.op]
    # left-associative: the right operand needs parentheses at equal precedence
    right = node.right.code if node.right.prec > prec else f"({node.right.code})"
    return ir.Expr(f"{node.left.at(prec)} {node.op} {right}", node.ty, ir.Kind.OWNED, prec)


def usize_index(index: ir.Expr) -> str:
    """An `ir.Index`'s index as a `usize` (a proven non-negative i64 is cast)."""
    return index.code if index.ty == rt.USIZE else f"{index.at(ir.Prec.CAST)} as usize"


def emit_module(module: ir.Module) -> Emitted:
    w = _Writer()
    for attr in module.attrs:
        w.line(attr)
    for use in module.uses:
        w.line(f"use {use};")
    if module.uses or module.attrs:
        w.line("")
    for index, item in enumerate(module.items):
        if index:
            w.line("")
        _emit_item(w, item)
    if module.helpers:
        w.line("")
        w.line("// ---- Python runtime helpers (emitted by Portalis where used) ----")
        for helper in module.helpers:
            w.line("")
            w.block_lines(helper)
    return Emitted("\n".join(w.lines) + "\n", w.spans)


def _emit_item(w: _Writer, item: ir.Item) -> None:
    if isinstance(item, ir.Function):
        _emit_function(w, item)
    elif isinstance(item, ir.Struct):
        _emit_struct(w, item)
    elif isinstance(item, ir.EnumItem):
        _emit_enum(w, item)
    elif isinstance(item, ir.Impl):
        _emit_impl(w, item)
    elif isinstance(item, ir.Const):
        vis = "pub " if item.public else ""
        w.block_lines(f"{vis}{item.keyword} {item.name}: {item.ty} = {item.value};", item.span)
    else:
        w.block_lines(item.code, item.span)


def _only_arm(m: ir.Match) -> ir.MatchArm | None:
    if len(m.arms) != 2:
        return None
    for arm, other in (m.arms, m.arms[::-1]):
        if (
            not other.body
            and other.pattern in ("None", "_")
            and arm.pattern != "_"
            and " if " not in arm.pattern
        ):
            return arm
    return None


def _doc(w: _Writer, doc: list[str]) -> None:
    for text in doc:
        w.line(f"/// {text}".rstrip())


def _emit_function(w: _Writer, fn: ir.Function) -> None:
    _doc(w, fn.doc)
    for attr in fn.attrs:
        w.line(attr)
    params = [p for p in ([fn.self_param] if fn.self_param else [])]
    params += [f"{'mut ' if p.mutable else ''}{p.name}: {p.ty}" for p in fn.params]
    ret = f" -> {fn.ret}" if fn.ret and fn.ret != "()" else ""
    vis = "pub " if fn.public else ""
    w.line(f"{vis}fn {fn.name}{fn.generics}({', '.join(params)}){ret} {{", fn.span)
    _emit_body(w, fn.body)
    w.line("}")


def _emit_struct(w: _Writer, st: ir.Struct) -> None:
    _doc(w, st.doc)
    if st.derives:
        w.line(f"#[derive({', '.join(st.derives)})]")
    vis = "pub " if st.public else ""
    if not st.fields:
        w.line(f"{vis}struct {st.name};", st.span)
        return
    w.line(f"{vis}struct {st.name} {{", st.span)
    w.depth += 1
    for name, ty in st.fields:
        w.line(f"{vis}{name}: {ty},")
    w.depth -= 1
    w.line("}")


def _emit_enum(w: _Writer, en: ir.EnumItem) -> None:
    _doc(w, en.doc)
    if en.derives:
        w.line(f"#[derive({', '.join(en.derives)})]")
    vis = "pub " if en.public else ""
    w.line(f"{vis}enum {en.name} {{", en.span)
    w.depth += 1
    for variant in en.variants:
        w.line(f"{variant},")
    w.depth -= 1
    w.line("}")


def _emit_impl(w: _Writer, impl: ir.Impl) -> None:
    head = f"impl {impl.trait} for {impl.for_type}" if impl.trait else f"impl {impl.for_type}"
    w.line(f"{head} {{", impl.span)
    w.depth += 1
    for index, item in enumerate(impl.items):
        if index:
            w.line("")
        _emit_item(w, item)
    w.depth -= 1
    w.line("}")


def _emit_body(w: _Writer, body: list[ir.Stmt]) -> None:
    w.depth += 1
    for stmt in body:
        _emit_stmt(w, stmt)
    w.depth -= 1


def _label(label: str | None) -> str:
    return f"'{label}: " if label else ""


def _emit_stmt(w: _Writer, s: ir.Stmt) -> None:
    span = s.span
    if isinstance(s, ir.Let):
        mut = "mut " if s.mutable else ""
        ty = f": {s.ty}" if s.ty else ""
        value = f" = {s.value}" if s.value is not None else ""
        w.block_lines(f"let {mut}{s.pattern}{ty}{value};", span)
    elif isinstance(s, ir.Assign):
        w.block_lines(f"{s.target} {s.op} {s.value};", span)
    elif isinstance(s, ir.ExprStmt):
        w.block_lines(f"{ir.statement_safe(s.code)};", span)
    elif isinstance(s, ir.If):
        _emit_if(w, s, "")
    elif isinstance(s, ir.While):
        w.line(f"{_label(s.label)}while {s.cond} {{", span)
        _emit_body(w, s.body)
        w.line("}")
    elif isinstance(s, ir.For):
        w.line(f"{_label(s.label)}for {s.pattern} in {s.iterable} {{", span)
        _emit_body(w, s.body)
        w.line("}")
    elif isinstance(s, ir.Loop):
        w.line(f"{_label(s.label)}loop {{", span)
        _emit_body(w, s.body)
        w.line("}")
    elif isinstance(s, ir.Block):
        w.line(f"{_label(s.label)}{{", span)
        _emit_body(w, s.body)
        w.line("}")
    elif isinstance(s, ir.Break):
        w.line(f"break '{s.label};" if s.label else "break;", span)
    elif isinstance(s, ir.Continue):
        w.line(f"continue '{s.label};" if s.label else "continue;", span)
    elif isinstance(s, ir.Return):
        w.block_lines(f"return {s.value};" if s.value is not None else "return;", span)
    elif isinstance(s, ir.Match) and (arm := _only_arm(s)) is not None:
        # one arm does something, the other nothing: `if let` (clippy::single_match)
        w.line(f"if let {arm.pattern} = {s.scrutinee} {{", span)
        _emit_body(w, arm.body)
        w.line("}")
    elif isinstance(s, ir.Match):
        w.line(f"match {s.scrutinee} {{", span)
        w.depth += 1
        for arm in s.arms:
            w.line(f"{arm.pattern} => {{")
            _emit_body(w, arm.body)
            w.line("}")
        w.depth -= 1
        w.line("}")
    elif isinstance(s, ir.Comment):
        for text in s.text.split("\n"):
            w.line(f"// {text}".rstrip(), span)
    elif isinstance(s, ir.RawStmt):
        for i, text in enumerate(s.lines):
            w.line(text, span if i == 0 else None)
    else:  # pragma: no cover - every IR statement is handled above
        raise TypeError(f"cannot emit {type(s).__name__}")


def _emit_if(w: _Writer, s: ir.If, prefix: str) -> None:
    w.line(f"{prefix}if {s.cond} {{", s.span)
    _emit_body(w, s.then)
    _emit_else_tail(w, s.orelse)


def _emit_else_tail(w: _Writer, orelse: list[ir.Stmt] | None) -> None:
    if orelse and len(orelse) == 1 and isinstance(orelse[0], ir.If):
        inner = orelse[0]
        w.line("} else " + f"if {inner.cond} {{", inner.span)
        _emit_body(w, inner.then)
        _emit_else_tail(w, inner.orelse)
        return
    if orelse:
        w.line("} else {")
        _emit_body(w, orelse)
    w.line("}")
