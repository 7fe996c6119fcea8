"""Python unions as generated Rust enums (`int | str` -> `enum IntOrStr { Int(i64), Str(String) }`).

- Types: analyze/union_types.py maps each distinct union to one `rt.UnionT`; this module
  renders the enums the translation uses (derives, `PyFmt`/`Display` printing as CPython,
  truthiness, and one accessor per variant for narrowed uses).
- Coercion: a member value flowing into a union place is wrapped (`IntOrStr::Int(3)`); a
  union flowing into a member place (mypy narrowed it) is unwrapped by its accessor.
- Narrowing: `isinstance(v, int)` / `type(v) is int` test the variant (`matches!`); an
  `if isinstance(v, T):` over a local binds the payload with `if let`, and every other
  narrowed use (early returns, `elif` chains, `and`) reads it through the accessor, since
  mypy reports the narrowed type at each use.
"""

from __future__ import annotations

import re

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    ComparisonExpr,
    Context,
    Expression,
    IfStmt,
    MemberExpr,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    Statement,
    TupleExpr,
    TypeAlias,
    Var,
)
from mypy.types import Instance, Type, TypeAliasType, UnionType, get_proper_type

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.typemap import TypeMapper
from backend.transpiler.analyze.union_types import UnionInfo
from backend.transpiler.analyze.walk import Walker
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import FnContext, ModuleContext, Unsupported

# Which member types `isinstance(v, cls)` accepts (bool is an int in Python).
_ISINSTANCE: dict[str, tuple[type[rt.RType], ...] | tuple[rt.RType, ...]] = {
    "builtins.int": (rt.INT, rt.BOOL),
    "builtins.float": (rt.FLOAT,),
    "builtins.bool": (rt.BOOL,),
    "builtins.str": (rt.StrT,),
    "builtins.bytes": (rt.BytesT,),
    "builtins.list": (rt.ListT,),
    "builtins.dict": (rt.DictT,),
    "builtins.set": (rt.SetT,),
    "builtins.frozenset": (rt.SetT,),
    "builtins.tuple": (rt.TupleT,),
}
_MUTATORS = frozenset(
    [
        "append",
        "extend",
        "insert",
        "pop",
        "remove",
        "clear",
        "update",
        "add",
        "discard",
        "setdefault",
        "sort",
        "reverse",
        "popitem",
    ]
)


# ---- types ----


def register_aliases(mapper: TypeMapper, tree: MypyFile) -> None:
    """Map the module's union aliases first, so each enum takes its alias's name (`Json`)
    rather than the name of the first anonymous use of the same members."""
    for symbol in tree.names.values():
        node = symbol.node
        if isinstance(node, TypeAlias) and not node.alias_tvars:
            mapper.map(TypeAliasType(node, []))


def union_of(ty: rt.RType) -> rt.UnionT | None:
    """The enum type of a union value or of an optional union value."""
    if isinstance(ty, rt.OptionT):
        ty = ty.inner
    return ty if isinstance(ty, rt.UnionT) else None


def members(ctx: ModuleContext, ty: rt.UnionT) -> tuple[tuple[str, rt.RType], ...]:
    return ctx.mapper.unions.members(ty)


def _accessor(variant: str) -> str:
    return "as_" + re.sub(r"(?<!^)(?=[A-Z])", "_", variant).lower()


def _member_for(ctx: ModuleContext, union: rt.UnionT, target: rt.RType) -> str | None:
    """The variant whose payload is (or converts to) `target`."""
    found = members(ctx, union)
    for variant, payload in found:
        if payload == target:
            return variant
    if target == rt.CHAR:
        return _member_for(ctx, union, rt.STR)
    same_kind = [v for v, p in found if type(p) is type(target) and not isinstance(p, rt.Prim)]
    return same_kind[0] if len(same_kind) == 1 else None


# ---- coercion ----


def coerce_union(ctx: FnContext, e: Expr, target: rt.RType) -> Expr | None:
    """Into a union (wrap the member), between unions (re-tag), out of a union (unwrap)."""
    src = e.ty
    if isinstance(target, rt.UnionT):
        if isinstance(src, rt.UnionT):
            return _retag(ctx, e, src, target)
        if isinstance(src, rt.OptionT | rt.UnknownT):
            return None
        return wrap(ctx, e, target)
    if isinstance(src, rt.UnionT) and not isinstance(target, rt.OptionT | rt.UnknownT):
        return extract(ctx, e, target)
    return None


def wrap(ctx: FnContext, e: Expr, target: rt.UnionT) -> Expr:
    from backend.transpiler.lower.expressions import coerce

    variant = _member_for(ctx.module, target, e.ty)
    if variant is None and e.ty in (rt.INT, rt.USIZE):
        variant = _member_for(ctx.module, target, rt.FLOAT)
    if variant is None and e.ty == rt.BOOL:
        raise Unsupported(_here(ctx), _BOOL_AS_INT.format(target.name), "PRT805")
    if variant is None:
        raise Unsupported(
            _here(ctx),
            f"a `{e.ty.render()}` value where the union `{target.name}` is expected",
            "PRT802",
        )
    payload = dict(members(ctx.module, target))[variant]
    if payload == rt.UNIT:
        return Expr(f"{target.name}::{variant}", target, Kind.OWNED, Prec.POSTFIX)
    inner = coerce(ctx, e, payload)
    ctx.module.note_type(target)
    return Expr(
        f"{target.name}::{variant}({values.owned(inner)})", target, Kind.OWNED, Prec.POSTFIX
    )


def _retag(ctx: FnContext, e: Expr, src: rt.UnionT, target: rt.UnionT) -> Expr:
    """A value of a narrower union (mypy's type after some branches returned) into a wider one."""
    wanted = dict((p, v) for v, p in members(ctx.module, target))
    arms = []
    for variant, payload in members(ctx.module, src):
        if payload == rt.BOOL and rt.BOOL not in wanted and rt.INT in wanted:
            raise Unsupported(_here(ctx), _BOOL_AS_INT.format(target.name), "PRT805")
        if payload not in wanted:
            continue
        if payload == rt.UNIT:
            arms.append(f"{src.name}::{variant} => {target.name}::{wanted[payload]}")
            continue
        arms.append(f"{src.name}::{variant}(v) => {target.name}::{wanted[payload]}(v)")
    if len(arms) < len(members(ctx.module, src)):
        arms.append(f'_ => unreachable!("a value outside `{target.name}`")')
    code = f"match {values.owned(e)} {{ {', '.join(arms)} }}"
    return Expr(code, target, Kind.OWNED, Prec.ATOM)


_BOOL_AS_INT = (
    "a `bool` stored in the union `{}`, which has no `bool` member (mypy counts bool as int; "
    "the enum would print it as a number)"
)


def extract(ctx: FnContext, e: Expr, target: rt.RType) -> Expr:
    """The payload of a union value that mypy narrowed to the member type `target`."""
    union = e.ty
    assert isinstance(union, rt.UnionT)
    variant = _member_for(ctx.module, union, target)
    if variant is None and target == rt.FLOAT:
        variant = _member_for(ctx.module, union, rt.INT)
        if variant is not None:  # an `int` member read as `float` (Python's numeric tower)
            inner = Expr(
                f"{e.at(Prec.POSTFIX)}.{_accessor(variant)}()", rt.INT, Kind.OWNED, Prec.POSTFIX
            )
            return Expr(f"{inner.code} as f64", rt.FLOAT, Kind.OWNED, Prec.CAST)
    if variant is None:
        raise Unsupported(
            _here(ctx), f"reading the union `{union.name}` as `{target.render()}`", "PRT803"
        )
    payload = dict(members(ctx.module, union))[variant]
    code = f"{e.at(Prec.POSTFIX)}.{_accessor(variant)}()"
    kind = Kind.OWNED if payload.is_copy else Kind.BORROWED
    if payload.is_copy and target == rt.FLOAT and payload != rt.FLOAT:
        return Expr(f"{code} as f64", rt.FLOAT, Kind.OWNED, Prec.CAST)
    return Expr(code, payload, kind, Prec.POSTFIX)


def _here(ctx: FnContext) -> Context:
    """The statement being lowered (coercions have no node of their own)."""
    current = getattr(ctx, "current", None)
    if current is not None:
        stmts, index = current
        return stmts[index]  # type: ignore[no-any-return]
    return ctx.fn if ctx.fn is not None else Context()


# ---- narrowing ----


def narrow_use(ctx: FnContext, node: Expression, e: Expr) -> Expr:
    """A use of a union-typed variable where mypy narrowed it (isinstance, `is None`, early
    return): unwrap the Option and/or read the member's payload."""
    typ = ctx.module.mypy_type(node)
    proper = get_proper_type(typ) if typ is not None else None
    seen = ctx.module.type_of(node)
    if proper is None or isinstance(seen, rt.UnknownT | rt.OptionT) or seen == rt.UNIT:
        return e
    if isinstance(e.ty, rt.OptionT):
        e = _unwrap_option(e)
    if (
        isinstance(proper, UnionType)
        or isinstance(seen, rt.UnionT)
        or not isinstance(e.ty, rt.UnionT)
    ):
        return e  # still a union (a narrower one is held in the wider enum)
    return extract(ctx, e, seen)


def _unwrap_option(e: Expr) -> Expr:
    assert isinstance(e.ty, rt.OptionT)
    inner = e.ty.inner
    if e.kind in (Kind.BORROWED, Kind.OWNED):
        return Expr(f"{e.at(Prec.POSTFIX)}.unwrap()", inner, e.kind, Prec.POSTFIX)
    return Expr(f"{e.at(Prec.POSTFIX)}.as_ref().unwrap()", inner, Kind.BORROWED, Prec.POSTFIX)


def _class_names(target: Expression) -> list[str] | None:
    names = target.items if isinstance(target, TupleExpr) else [target]
    out = []
    for name in names:
        if not isinstance(name, NameExpr) or name.fullname not in _ISINSTANCE:
            return None
        out.append(name.fullname)
    return out


def _matching_variants(
    ctx: ModuleContext, union: rt.UnionT, classes: list[str], exact: bool
) -> list[str]:
    found = []
    for variant, payload in members(ctx, union):
        for cls in classes:
            accepted = _ISINSTANCE[cls][:1] if exact else _ISINSTANCE[cls]
            if any(
                payload == a if isinstance(a, rt.RType) else isinstance(payload, a)
                for a in accepted
            ):
                found.append(variant)
                break
    return found


def _variant_test(ctx: FnContext, subject: Expr, union: rt.UnionT, variants: list[str]) -> Expr:
    if not variants:
        return Expr("false", rt.BOOL)
    pattern = " | ".join(f"{union.name}::{v}(_)" for v in variants)
    if isinstance(subject.ty, rt.OptionT):
        pattern = f"Some({pattern})"
    return Expr(f"matches!({subject.code}, {pattern})", rt.BOOL, Kind.OWNED, Prec.POSTFIX)


def _subject(ctx: FnContext, node: Expression) -> Expr | None:
    """The enum value a type test inspects: a union variable is tested as it is held (mypy's
    narrowed view may have folded `bool` into `int`), any other union-typed expression as
    lowered; None when the value is not a union."""
    from backend.transpiler.lower.context import var_expr
    from backend.transpiler.lower.expressions import lower_expr

    if isinstance(node, NameExpr) and isinstance(node.node, Var):
        info = ctx.lookup(node.name)
        if info is not None and union_of(info.ty) is not None:
            return var_expr(info)
    typ = ctx.module.mypy_type(node)
    proper = get_proper_type(typ) if typ is not None else None
    if union_of(ctx.module.type_of(node)) is None and not isinstance(proper, UnionType):
        return None
    lowered = lower_expr(ctx, node)
    return lowered if union_of(lowered.ty) is not None else None


def lower_isinstance(ctx: FnContext, node: CallExpr) -> Expr | None:
    """`isinstance(v, int)` on a union: a variant test (int also accepts a bool member)."""
    if len(node.args) != 2:
        return None
    held = ctx.module.type_of(node.args[0])
    if isinstance(held, rt.UnknownT) and held.reason.startswith("union `"):
        raise Unsupported(node, f"isinstance() on a {held.reason}", "PRT801")
    subject = _subject(ctx, node.args[0])
    if subject is None:
        return None
    classes = _class_names(node.args[1])
    if classes is None:
        raise Unsupported(
            node, "isinstance() on a union with a class other than a builtin type", "PRT804"
        )
    union = union_of(subject.ty)
    assert union is not None
    return _variant_test(
        ctx, subject, union, _matching_variants(ctx.module, union, classes, exact=False)
    )


def lower_type_comparison(ctx: FnContext, node: ComparisonExpr) -> Expr | None:
    """`type(v) is int` / `type(v) == str` on a union: an exact variant test."""
    if len(node.operators) != 1 or node.operators[0] not in ("is", "is not", "==", "!="):
        return None
    left, right = node.operands
    if not (isinstance(left, CallExpr) and isinstance(left.callee, NameExpr)):
        return None
    if left.callee.fullname != "builtins.type" or len(left.args) != 1:
        return None
    subject = _subject(ctx, left.args[0])
    if subject is None:
        return None
    classes = _class_names(right)
    if classes is None:
        raise Unsupported(
            node, "type(...) comparison of a union with a class other than a builtin type", "PRT804"
        )
    union = union_of(subject.ty)
    assert union is not None
    test = _variant_test(
        ctx, subject, union, _matching_variants(ctx.module, union, classes, exact=True)
    )
    if node.operators[0] in ("is not", "!="):
        return Expr(f"!{test.at(Prec.UNARY)}", rt.BOOL, Kind.OWNED, Prec.UNARY)
    return test


def equality_operands(ctx: FnContext, left: Expr, right: Expr) -> tuple[Expr, Expr]:
    """`tok == "("` with `tok: int | str`: compare enum to enum (wrap the member side)."""
    from backend.transpiler.lower.expressions import coerce

    lu, ru = isinstance(left.ty, rt.UnionT), isinstance(right.ty, rt.UnionT)
    if lu and not ru and not isinstance(right.ty, rt.OptionT):
        return left, coerce(ctx, right, left.ty)
    if ru and not lu and not isinstance(left.ty, rt.OptionT):
        return coerce(ctx, left, right.ty), right
    return left, right


def none_test(ctx: FnContext, subject: Expr, is_none: bool) -> Expr:
    """`v is None` on a union with a None member."""
    union = union_of(subject.ty)
    assert union is not None
    variants = [v for v, p in members(ctx.module, union) if p == rt.UNIT]
    if not variants:
        return Expr("false" if is_none else "true", rt.BOOL)
    test = f"matches!({subject.code}, {union.name}::{variants[0]})"
    if not is_none:
        return Expr(f"!{test}", rt.BOOL, Kind.OWNED, Prec.UNARY)
    return Expr(test, rt.BOOL, Kind.OWNED, Prec.POSTFIX)


def mixed_items_type(
    ctx: FnContext, declared: rt.RType, items: list[Expression]
) -> rt.RType | None:
    """The enum for a display whose items mypy could only type as `object` (`[1, "a", [2]]`)."""
    if not isinstance(declared, rt.UnknownT) or not items:
        return None
    types: list[rt.RType] = []
    spelled: list[str] = []
    for item in items:
        ty = ctx.module.type_of(item)
        if isinstance(ty, rt.UnknownT):
            return None
        if ty not in types:
            types.append(ty)
            spelled.append(_spell(ctx.module.mypy_type(item)))
    open_items = [t for t in types if "_" in t.render()]
    for ty in open_items:  # `[]` next to `[0]`: the empty display takes the other's type
        if not any(type(t) is type(ty) and "_" not in t.render() for t in types):
            return None
        spelled.pop(types.index(ty))
        types.remove(ty)
    if len(types) < 2:
        return None
    union = ctx.module.mapper.unions.union_of(types, " | ".join(spelled))
    return union if isinstance(union, rt.UnionT) else None


def _spell(typ: Type | None) -> str:
    proper = get_proper_type(typ) if typ is not None else None
    if isinstance(proper, Instance) and proper.last_known_value is not None:
        proper = proper.copy_modified(last_known_value=None)  # `Literal[1]?` -> int
    return str(proper).replace("builtins.", "")


def truthy(e: Expr) -> str | None:
    if isinstance(e.ty, rt.UnionT):
        return f"{e.at(Prec.POSTFIX)}.is_truthy()"
    if isinstance(e.ty, rt.OptionT) and isinstance(e.ty.inner, rt.UnionT):
        return f"{e.at(Prec.POSTFIX)}.as_ref().is_some_and(|v| v.is_truthy())"
    return None


# ---- `if isinstance(v, T):` -> `if let Union::T(v) = &v {` ----


def lower_if_let(ctx: FnContext, stmt: IfStmt) -> list[ir.Stmt] | None:
    from backend.transpiler.lower.statements import _scoped_block, lower_block

    binding = _if_let_binding(ctx, stmt)
    if binding is None:
        return None
    name, pattern, scrutinee, payload, kind = binding
    outer = ctx.lookup(name)
    assert outer is not None
    ctx.push()
    try:
        info = ctx.declare(name, payload, kind)
        info.rust_name = outer.rust_name
        then = lower_block(ctx, stmt.body[0].body)
    finally:
        ctx.pop()
    orelse = _scoped_block(ctx, stmt.else_body) if stmt.else_body is not None else None
    return [ir.If(f"let {pattern} = {scrutinee}", then, orelse)]


def _if_let_binding(ctx: FnContext, stmt: IfStmt) -> tuple[str, str, str, rt.RType, Kind] | None:
    cond = stmt.expr[0]
    if not (isinstance(cond, CallExpr) and isinstance(cond.callee, NameExpr)):
        return None
    if cond.callee.fullname != "builtins.isinstance" or len(cond.args) != 2:
        return None
    subject = cond.args[0]
    if not isinstance(subject, NameExpr) or not isinstance(subject.node, Var):
        return None
    info = ctx.lookup(subject.name)
    if info is None or union_of(info.ty) is None:
        return None
    classes = _class_names(cond.args[1])
    union = union_of(info.ty)
    assert union is not None
    if classes is None:
        return None
    variants = _matching_variants(ctx.module, union, classes, exact=False)
    if len(variants) != 1 or _rebinds(stmt.body[0].body, subject.name):
        return None
    payload = dict(members(ctx.module, union))[variants[0]]
    borrowed = info.kind in (Kind.BORROWED, Kind.MUT_BORROWED)
    binding = info.rust_name if _mentions(stmt.body[0].body, subject.name) else "_"
    pattern = f"{union.name}::{variants[0]}({binding})"
    if payload.is_copy and borrowed:
        pattern = "&" + pattern
    if isinstance(info.ty, rt.OptionT):
        pattern = f"Some({pattern})"
    scrutinee = info.rust_name if borrowed or payload.is_copy else f"&{info.rust_name}"
    kind = Kind.PLACE if payload.is_copy else Kind.BORROWED
    return subject.name, pattern, scrutinee, payload, kind


def _mentions(body: list[Statement], name: str) -> bool:
    found: list[bool] = []

    class Finder(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            if o.name == name:
                found.append(True)

    finder = Finder()
    for stmt in body:
        finder.visit(stmt)
    return bool(found)


def _rebinds(body: list[Statement], name: str) -> bool:
    """Does the branch assign to or mutate the variable (then it keeps the enum binding)?"""
    found: list[bool] = []

    class Finder(Walker):
        def visit_AssignmentStmt(self, o: AssignmentStmt) -> None:
            if any(isinstance(t, NameExpr) and t.name == name for t in o.lvalues):
                found.append(True)
            self.visit(o.rvalue)

        def visit_OperatorAssignmentStmt(self, o: OperatorAssignmentStmt) -> None:
            if isinstance(o.lvalue, NameExpr) and o.lvalue.name == name:
                found.append(True)
            self.visit(o.rvalue)

        def visit_MemberExpr(self, o: MemberExpr) -> None:
            if isinstance(o.expr, NameExpr) and o.expr.name == name and o.name in _MUTATORS:
                found.append(True)
            self.visit(o.expr)

    finder = Finder()
    for stmt in body:
        finder.visit(stmt)
    return bool(found)


# ---- items ----


def union_items(ctx: ModuleContext, items: list[ir.Item]) -> list[ir.Item]:
    """The enums (and impls) of the unions that the translated items mention."""
    from backend.transpiler.emit import emit_module

    registry = ctx.mapper.unions
    if not registry.by_name:
        return []
    text = emit_module(ir.Module([], items, [])).code
    words = set(re.findall(r"\w+", text))
    wanted = [n for n in registry.by_name if n in words]
    index = 0
    while index < len(wanted):  # members that mention other unions
        for _, payload in registry.by_name[wanted[index]].members:
            for name in re.findall(r"\w+", payload.render()):
                if name in registry.by_name and name not in wanted:
                    wanted.append(name)
        index += 1
    out: list[ir.Item] = []
    for name in wanted:
        info = registry.by_name[name]
        ctx.use_helper("py_fmt")
        for _, payload in info.members:
            ctx.note_type(payload)
        # private in a program like every other item (and the runtime types its variants
        # hold); `pub` in a library, whose `pub fn`s take it
        out.append(ir.RawItem(_render_enum(info, ""), public_code=_render_enum(info, "pub ")))
    return out


def _render_enum(info: UnionInfo, visibility: str) -> str:
    name = info.name
    derives = ["Clone", "Debug", "PartialEq"]
    if all(p.is_ord for _, p in info.members):
        derives += ["Eq", "Hash"]
    variants = "\n".join(
        f"    {v}," if p == rt.UNIT else f"    {v}({p.render()})," for v, p in info.members
    )
    lines = [
        f"/// Python `{info.python}`.",
        f"#[derive({', '.join(derives)})]",
        # the attribute on the `enum` line itself, so the program-mode dead-code pass adds
        # no second one
        f"#[allow(dead_code)] {visibility}enum {name} {{",
        variants,
        "}",
        "",
        "#[allow(dead_code)]",
        f"impl {name} {{",
        *(_accessor_fn(info, v, p) for v, p in info.members if p != rt.UNIT),
        _truthy_fn(info),
        "}",
        "",
        f"impl PyFmt for {name} {{",
        "    fn py_str(&self) -> String {",
        _match_all(info, "v.py_str()", 8, '"None".to_string()'),
        "    }",
        "",
        "    fn py_repr(&self) -> String {",
        _match_all(info, "v.py_repr()", 8, '"None".to_string()'),
        "    }",
        "}",
        "",
        f"impl std::fmt::Display for {name} {{",
        "    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {",
        "        f.write_str(&self.py_str())",
        "    }",
        "}",
    ]
    return "\n".join(lines)


def _match_all(info: UnionInfo, arm: str, indent: int, none_arm: str) -> str:
    pad = " " * indent
    arms = "\n".join(
        f"{pad}    {info.name}::{v} => {none_arm},"
        if p == rt.UNIT
        else f"{pad}    {info.name}::{v}(v) => {arm},"
        for v, p in info.members
    )
    return f"{pad}match self {{\n{arms}\n{pad}}}"


def _accessor_fn(info: UnionInfo, variant: str, payload: rt.RType) -> str:
    if payload.is_copy:
        ret, take = payload.render(), "*v"
    elif isinstance(payload, rt.StrT):
        ret, take = "&str", "v"
    elif isinstance(payload, rt.ListT):
        ret, take = f"&[{payload.elem.render()}]", "v"
    else:
        ret, take = f"&{payload.render()}", "v"
    arms = [f"{info.name}::{variant}(v) => {take},"]
    by_type = {p: v for v, p in info.members}
    if payload == rt.INT and rt.BOOL in by_type:  # isinstance(True, int)
        arms.append(f"{info.name}::{by_type[rt.BOOL]}(v) => i64::from(*v),")
    if payload == rt.FLOAT and rt.INT in by_type:  # an int narrowed together with float
        arms.append(f"{info.name}::{by_type[rt.INT]}(v) => *v as f64,")
    if payload == rt.FLOAT and rt.BOOL in by_type:
        arms.append(f"{info.name}::{by_type[rt.BOOL]}(v) => f64::from(u8::from(*v)),")
    if len(arms) < len(info.members):
        arms.append(f'_ => unreachable!("mypy narrowed this `{info.name}` to {variant}"),')
    body = "\n".join(f"            {a}" for a in arms)
    signature = f"    fn {_accessor(variant)}(&self) -> {ret} {{"
    return f"{signature}\n        match self {{\n{body}\n        }}\n    }}\n"


def _truthy_fn(info: UnionInfo) -> str:
    arms = "\n".join(_truthy_arm(info.name, v, p) for v, p in info.members)
    head = "    /// Python truthiness.\n    fn is_truthy(&self) -> bool {"
    return f"{head}\n        match self {{\n{arms}\n        }}\n    }}"


def _truthy_arm(name: str, variant: str, payload: rt.RType) -> str:
    test = _payload_truthy(payload)
    if payload == rt.UNIT:
        return f"            {name}::{variant} => false,"
    binding = "v" if "v" in re.findall(r"\w+", test) else "_"
    return f"            {name}::{variant}({binding}) => {test},"


def _payload_truthy(payload: rt.RType) -> str:
    if payload == rt.BOOL:
        return "*v"
    if payload == rt.INT:
        return "*v != 0"
    if payload == rt.FLOAT:
        return "*v != 0.0"
    if isinstance(payload, rt.UnionT):
        return "v.is_truthy()"
    if isinstance(payload, rt.OptionT):
        return "v.is_some()"
    if isinstance(payload, rt.TupleT):
        return "true" if payload.items else "false"
    return "!v.is_empty()"
