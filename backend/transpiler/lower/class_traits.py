"""Trait impls of translated classes: derives, `fmt::Display` (`__str__`), `fmt::Debug`
(`__repr__`, or Python's dataclass repr), `PartialEq` (`__eq__`), `PartialOrd` (`__lt__`)
and `PyFmt`, so that `print(obj)`, `print([obj, obj])`, `sorted(objs)` and `a == b` print and
behave as CPython's would.
"""

from __future__ import annotations

from mypy.nodes import (
    CallExpr,
    Expression,
    ExpressionStmt,
    FuncDef,
    IfStmt,
    NameExpr,
    OpExpr,
    ReturnStmt,
    Statement,
    StrExpr,
    UnaryExpr,
)

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import (
    ClassInfo,
    FnContext,
    FuncSig,
    ModuleContext,
    ParamSig,
    Unsupported,
    rust_ident,
    span_of,
)


def derives(ci: ClassInfo) -> list[str]:
    out = ["Clone"]
    if (ci.is_record and not ci.has_eq) or (ci.has_lt and not ci.has_eq):
        out.append("PartialEq")
        if ci.hashable:
            out += ["Eq", "Hash"]
    if ci.is_record and ci.ordered:
        out.append("PartialOrd")
        if ci.hashable:
            out.append("Ord")
    return out


def fmt_impl(trait: str, name: str, body: list[str]) -> ir.RawItem:
    inner = "\n".join(f"        {line}" for line in body)
    return ir.RawItem(
        f"impl {trait} for {name} {{\n"
        f"    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{\n{inner}\n    }}\n}}"
    )


# ---- dunder methods that become trait impls ----


def dunder_trait(module: ModuleContext, ci: ClassInfo, method: FuncDef) -> list[ir.Item]:
    if method.name in ("__str__", "__repr__"):
        return _format_trait(module, ci, method)
    if method.name == "__eq__":
        return [_eq_impl(module, ci, method)]
    return []  # `__ne__`: Rust derives `!=` from `eq`


def _format_trait(module: ModuleContext, ci: ClassInfo, method: FuncDef) -> list[ir.Item]:
    """`__str__` -> Display, `__repr__` -> Debug: a single returned f-string is written
    straight into the formatter, any other body becomes a helper method."""
    module.use("std::fmt")
    trait = "fmt::Display" if method.name == "__str__" else "fmt::Debug"
    fullname = f"{ci.info.fullname}.{method.name}"
    sig = module.signatures.get(fullname)
    if sig is None:
        raise Unsupported(method, f"`{method.name}`", "PRT516")
    if sig.fallible:
        raise Unsupported(method, f"`{method.name}` that raises", "PRT516")
    returned = _single_return(method)
    if returned is not None:
        from backend.transpiler.lower import formatting
        from backend.transpiler.lower.classes import declare_self

        pieces = formatting.fstring_pieces(returned)
        if pieces is not None:
            ctx = FnContext(module, sig, module.mutation.of(fullname), method)
            declare_self(ctx, sig)
            tpl = formatting.Template()
            formatting._add_pieces(ctx, tpl, pieces)
            write = tpl.render("write").replace('write!("', 'write!(f, "', 1)
            return [fmt_impl(trait, ci.name, [write])]
    from backend.transpiler.lower.functions import lower_function

    helper = "display_string" if method.name == "__str__" else "repr_string"
    sig.rust_name = helper
    fn = lower_function(module, fullname, method, sig)
    return [ir.Impl(ci.name, [fn]), fmt_impl(trait, ci.name, [f"f.write_str(&self.{helper}())"])]


def _single_return(method: FuncDef) -> Expression | None:
    body = [
        s
        for s in method.body.body
        if not (isinstance(s, ExpressionStmt) and isinstance(s.expr, StrExpr))
    ]
    if len(body) == 1 and isinstance(body[0], ReturnStmt) and body[0].expr is not None:
        return body[0].expr
    return None


def _eq_impl(module: ModuleContext, ci: ClassInfo, method: FuncDef) -> ir.Item:
    """`__eq__(self, other: object)` -> `impl PartialEq`: the `isinstance(other, C)` guards
    always hold in Rust (`other: &Self`), so they are dropped."""
    from backend.transpiler.lower.classes import struct_type
    from backend.transpiler.lower.statements import lower_body

    if len(method.arguments) != 2:
        raise Unsupported(method, "`__eq__` signature", "PRT517")
    other = method.arguments[1].variable.name
    self_t = struct_type(ci)
    sig = FuncSig("eq", [ParamSig(other, self_t, "ref")], rt.BOOL, self_mode="&self", owner=ci.name)
    fullname = f"{ci.info.fullname}.__eq__"
    ctx = FnContext(module, sig, module.mutation.of(fullname), method)
    ctx.declare("self", self_t, Kind.BORROWED)
    ctx.declare(other, self_t, Kind.BORROWED)
    body = _drop_isinstance_guards(method.body.body, other, ci.name)
    lowered = lower_body(ctx, body, is_function_body=True)
    fn = ir.Function(
        "eq",
        [ir.Param(rust_ident(other), "&Self")],
        "bool",
        lowered,
        self_param="&self",
        span=span_of(method),
    )
    return ir.Impl(ci.name, [fn], trait="PartialEq", span=span_of(method))


def _is_guard(node: object, other: str, cls: str) -> bool:
    return (
        isinstance(node, CallExpr)
        and isinstance(node.callee, NameExpr)
        and node.callee.fullname == "builtins.isinstance"
        and len(node.args) == 2
        and isinstance(node.args[0], NameExpr)
        and node.args[0].name == other
        and isinstance(node.args[1], NameExpr)
        and node.args[1].name == cls
    )


def _drop_isinstance_guards(body: list[Statement], other: str, cls: str) -> list[Statement]:
    out: list[Statement] = []
    for stmt in body:
        if isinstance(stmt, ExpressionStmt) and isinstance(stmt.expr, StrExpr):
            continue
        if (
            isinstance(stmt, IfStmt)
            and len(stmt.expr) == 1
            and isinstance(stmt.expr[0], UnaryExpr)
            and stmt.expr[0].op == "not"
            and _is_guard(stmt.expr[0].expr, other, cls)
            and stmt.else_body is None
        ):
            continue  # `if not isinstance(other, C): return NotImplemented`
        expr = stmt.expr if isinstance(stmt, ReturnStmt) else None
        if isinstance(expr, OpExpr) and expr.op == "and" and _is_guard(expr.left, other, cls):
            ret = ReturnStmt(expr.right)  # `return isinstance(other, C) and ...`
            ret.set_line(stmt)
            out.append(ret)
            continue
        out.append(stmt)
    return out


# ---- traits every class gets ----


def derived_traits(module: ModuleContext, ci: ClassInfo) -> list[ir.Item]:
    module.use("std::fmt")
    items: list[ir.Item] = []
    if not ci.has_repr:
        items.append(_default_debug(module, ci))
    if not ci.has_str:
        items.append(fmt_impl("fmt::Display", ci.name, ["fmt::Debug::fmt(self, f)"]))
    if ci.has_lt:
        items.append(_partial_ord_impl(ci))
    items.append(pyfmt_impl(module, ci.name))
    return items


def _default_debug(module: ModuleContext, ci: ClassInfo) -> ir.Item:
    """Python's dataclass (and named tuple) repr `Point(x=1, y=2.5)`; plain objects have no
    stable repr."""
    if not ci.is_record:
        return fmt_impl(
            "fmt::Debug", ci.name, [f'write!(f, "<{module.display_name}.{ci.name} object>")']
        )
    from backend.transpiler.lower import formatting

    tpl = formatting.Template()
    tpl.literal(f"{ci.name}(")
    for index, (name, ty) in enumerate(ci.fields):
        if index:
            tpl.literal(", ")
        tpl.literal(f"{name}=")
        field = Expr(f"self.{rust_ident(name)}", ty, Kind.PLACE, Prec.POSTFIX)
        if ty == rt.INT or isinstance(ty, rt.StructT):
            tpl.hole(":?" if isinstance(ty, rt.StructT) else "", field.code)
        else:
            tpl.hole("", values.repr_of(module, field))
    tpl.literal(")")
    write = tpl.render("write").replace('write!("', 'write!(f, "', 1)
    return fmt_impl("fmt::Debug", ci.name, [write])


def _partial_ord_impl(ci: ClassInfo) -> ir.Item:
    less = ci.dunders["__lt__"]
    return ir.RawItem(
        f"impl PartialOrd for {ci.name} {{\n"
        f"    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {{\n"
        f"        if self.{less}(other) {{\n"
        f"            Some(std::cmp::Ordering::Less)\n"
        f"        }} else if other.{less}(self) {{\n"
        f"            Some(std::cmp::Ordering::Greater)\n"
        f"        }} else {{\n"
        f"            Some(std::cmp::Ordering::Equal)\n"
        f"        }}\n"
        f"    }}\n"
        f"}}"
    )


class _WhenPyFmtUsed(ir.RawItem):
    """An impl that is emitted only if the translation uses the `py_fmt` helper (known only
    after every item is lowered, so the text is decided at emit time)."""

    def __init__(self, module: ModuleContext, text: str) -> None:
        self._module = module
        self._text = text
        super().__init__("", None)

    @property
    def code(self) -> str:
        return self._text if "py_fmt" in self._module.helpers else ""

    @code.setter
    def code(self, value: str) -> None:
        del value


def pyfmt_impl(module: ModuleContext, name: str) -> ir.Item:
    """`str()`/`repr()` of the object inside containers: `print([p1, p2])`."""
    text = (
        f"impl PyFmt for {name} {{\n"
        f"    fn py_str(&self) -> String {{\n        self.to_string()\n    }}\n\n"
        f'    fn py_repr(&self) -> String {{\n        format!("{{self:?}}")\n    }}\n}}'
    )
    return _WhenPyFmtUsed(module, text)
