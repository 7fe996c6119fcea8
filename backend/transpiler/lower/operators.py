"""Arithmetic, boolean, comparison and membership operators with Python semantics."""

from __future__ import annotations

import re

from mypy.nodes import (
    ARG_POS,
    CallExpr,
    ComparisonExpr,
    Context,
    Expression,
    IntExpr,
    ListExpr,
    OpExpr,
    SetExpr,
    StrExpr,
    TupleExpr,
    UnaryExpr,
)

from backend.transpiler import emit, ir
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.walk import is_builtin_call
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import int_ops, values
from backend.transpiler.lower.context import FnContext, Unsupported
from backend.transpiler.lower.expressions import coerce, lower_expr, type_of
from backend.transpiler.lower.literals import rust_str_literal

_PREC = {
    "+": Prec.ADD,
    "-": Prec.ADD,
    "*": Prec.MUL,
    "/": Prec.MUL,
    "%": Prec.MUL,
    "<<": Prec.SHIFT,
    ">>": Prec.SHIFT,
    "&": Prec.BITAND,
    "^": Prec.BITXOR,
    "|": Prec.BITOR,
}
_NUMERIC = (rt.INT, rt.FLOAT, rt.BOOL, rt.USIZE)


def lower_op(ctx: FnContext, node: OpExpr) -> Expr:
    if node.op in ("and", "or"):
        return _lower_bool_op(ctx, node)
    result_t = type_of(ctx, node)
    if node.op == "%" and isinstance(type_of(ctx, node.left), rt.StrT):
        from backend.transpiler.lower import formatting

        return formatting.lower_percent_format(ctx, node)  # lowers the operands itself
    if node.op == "+" and isinstance(result_t, rt.StrT):
        template = _concat_template(ctx, node)
        if template is not None:
            return template
    left = lower_expr(ctx, node.left)
    right = lower_expr(ctx, node.right)
    if isinstance(left.ty, rt.StructT) or isinstance(right.ty, rt.StructT):
        from backend.transpiler.lower import classes

        overloaded = classes.binary_operator(ctx, node, left, right)
        if overloaded is not None:
            return overloaded
        left, right = classes.int_operands(ctx, left, right)
    lt, rt_ = left.ty, right.ty
    if rt.BIGINT in (lt, rt_, result_t):
        from backend.transpiler.lower import bigints

        return bigints.lower_op(ctx, node, left, right)  # arbitrary precision (PyBigInt)
    if rt.COMPLEX in (lt, rt_):
        from backend.transpiler.lower import complex_numbers

        return complex_numbers.binary(ctx, node, node.op, left, right)
    if lt in _NUMERIC and rt_ in _NUMERIC:
        return _numeric(ctx, node, left, right, result_t)
    if isinstance(lt, rt.StrT) or lt == rt.CHAR:
        return _string_op(ctx, node, left, right)
    if isinstance(lt, rt.ListT) or isinstance(rt_, rt.ListT):
        return _list_op(ctx, node, left, right)
    if isinstance(lt, rt.SetT):
        return _set_op(ctx, node, left, right)
    if isinstance(lt, rt.DictT) and lt.flavour == "counter" and isinstance(rt_, rt.DictT):
        return _counter_op(node, left, right)
    if isinstance(lt, rt.TupleT) and isinstance(rt_, rt.TupleT) and node.op == "+":
        return _tuple_concat(left, right, lt, rt_)
    if node.op == "*" and rt.INT in (lt, rt_) and rt.TupleT in (type(lt), type(rt_)):
        return _tuple_repeat(node, left, right, result_t)
    if isinstance(lt, rt.DictT) and node.op == "|":
        code = (
            f"{{ let mut merged = {values.owned(left)}; "
            f"merged.extend({values.owned(right)}); merged }}"
        )
        return Expr(code, lt, Kind.OWNED)
    raise Unsupported(node, f"operator `{node.op}` on {lt.render()} and {rt_.render()}", "PRT130")


def _numeric(ctx: FnContext, node: OpExpr, left: Expr, right: Expr, result_t: rt.RType) -> Expr:
    op = node.op
    is_float = rt.FLOAT in (left.ty, right.ty) or result_t == rt.FLOAT or op == "/"
    if left.ty == rt.USIZE or right.ty == rt.USIZE:
        left, right = coerce(ctx, left, rt.INT), coerce(ctx, right, rt.INT)
    if left.ty == rt.BOOL and right.ty == rt.BOOL and op in ("&", "|", "^"):
        return _binary(values.value_expr(left), op, values.value_expr(right), rt.BOOL)
    if left.ty == rt.BOOL or right.ty == rt.BOOL:
        left, right = coerce(ctx, left, rt.INT), coerce(ctx, right, rt.INT)
    if is_float:
        left, right = coerce(ctx, left, rt.FLOAT), coerce(ctx, right, rt.FLOAT)
    left, right = values.value_expr(left), values.value_expr(right)
    num_t = rt.FLOAT if is_float else rt.INT
    if op in ("/", "//", "%"):
        from backend.transpiler.lower import implicit_errors

        checked = implicit_errors.checked_division(ctx, node, left, right, num_t)  # caught
        if checked is not None:
            return checked
    if op == "//":
        return _floordiv(ctx, node, left, right, num_t)
    if op == "%":
        return _modulo(ctx, node, left, right, num_t)
    if op == "**":
        return _power(ctx, node, left, right, num_t)
    if op in _PREC and num_t == rt.INT:
        return int_ops.arithmetic(ctx, op, left, right, node.left, node.right)
    if op in _PREC:
        return _binary(left, op, right, num_t)
    raise Unsupported(node, f"operator `{op}`", "PRT130")


def _binary(left: Expr, op: str, right: Expr, ty: rt.RType) -> Expr:
    return int_ops.plain(left, op, right, ty)


def _positive_literal(node: Expression) -> bool:
    return isinstance(node, IntExpr) and node.value > 0


def _nonneg(ctx: FnContext, node: Expression) -> bool:
    """Whether a value is proven non-negative (transform/ranges.py)."""
    return ctx.ranges.is_nonneg(node)


def _floordiv(ctx: FnContext, node: OpExpr, left: Expr, right: Expr, ty: rt.RType) -> Expr:
    if ty == rt.FLOAT:
        ctx.module.use_helper("py_floordiv_f")
        return Expr(f"py_floordiv_f({left.code}, {right.code})", ty, Kind.OWNED)
    if _nonneg(ctx, node.left) and _positive_literal(node.right):
        return emit.render(ir.Binary(left, "/", right, ty))  # floor = truncation here
    if _positive_literal(node.right):
        return Expr(
            f"{values.receiver(left)}.div_euclid({right.code})", ty, Kind.OWNED, Prec.POSTFIX
        )
    ctx.module.use_helper("py_floordiv")
    return Expr(f"py_floordiv({left.code}, {right.code})", ty, Kind.OWNED)


def _modulo(ctx: FnContext, node: OpExpr, left: Expr, right: Expr, ty: rt.RType) -> Expr:
    if ty == rt.FLOAT:
        ctx.module.use_helper("py_mod_f")
        return Expr(f"py_mod_f({left.code}, {right.code})", ty, Kind.OWNED)
    if _nonneg(ctx, node.left) and _positive_literal(node.right):
        return emit.render(ir.Binary(left, "%", right, ty))
    if _positive_literal(node.right):
        return Expr(
            f"{values.receiver(left)}.rem_euclid({right.code})", ty, Kind.OWNED, Prec.POSTFIX
        )
    ctx.module.use_helper("py_mod")
    return Expr(f"py_mod({left.code}, {right.code})", ty, Kind.OWNED)


def _power(ctx: FnContext, node: OpExpr, left: Expr, right: Expr, ty: rt.RType) -> Expr:
    if ty == rt.FLOAT:
        return int_ops.float_power(ctx, left, right)
    return int_power(ctx, node, left, right, node.right)


def int_power(ctx: FnContext, node: Context, base: Expr, exp: Expr, exp_node: Expression) -> Expr:
    """`base ** exp` (or `pow(base, exp)`) on ints. mypy types it `float` for a literal
    negative exponent (handled as a float power before this), `int` for a non-negative one,
    and `Any` for an exponent of unknown sign: a float power where the context wants a float
    (`return a ** b` in a `-> float` function), else an int power that stops the program
    on a negative exponent (Python would return a float), with a diagnostic saying so."""
    as_float = ctx.wanted == rt.FLOAT
    if not as_float and int_ops.literal_value(exp_node) is None and not _nonneg(ctx, exp_node):
        ctx.module.diagnose(
            node,
            "`**` with an int exponent of unknown sign is computed as an int: a negative "
            "exponent (a float in Python) stops the program with ValueError",
            "PRT134",
        )
    return int_ops.power(ctx, base, exp, exp_node, as_float)


def _concat_template(ctx: FnContext, node: OpExpr) -> Expr | None:
    """`"w" + str(i) + s`: one `format!("w{}{}", i, s)` (one allocation, literals in the
    template, an int printed directly) for a `+` chain of strings with a literal or a
    `str(int)` in it; other chains keep `a + &b`."""
    operands = _concat_operands(node)
    if not any(isinstance(o, StrExpr) or _str_of_int(ctx, o) for o in operands):
        return None
    if not all(isinstance(type_of(ctx, o), rt.StrT) for o in operands):
        return None
    template: list[str] = []
    args: list[str] = []
    for operand in operands:  # lowered in order: Python evaluates left to right
        if isinstance(operand, StrExpr):
            template.append(operand.value.replace("{", "{{").replace("}", "}}"))
            continue
        assert isinstance(operand, Expression)
        if _str_of_int(ctx, operand):
            assert isinstance(operand, CallExpr)
            part = values.value_expr(lower_expr(ctx, operand.args[0]))
        else:
            part = lower_expr(ctx, operand)
            if not (isinstance(part.ty, rt.StrT) or part.ty == rt.CHAR):
                raise Unsupported(operand, f"`+` of a str and a {part.ty.render()}", "PRT130")
        template.append("{}")
        args.append(part.code)
    literal = rust_str_literal("".join(template))
    code = f"format!({', '.join([literal, *args])})" if args else f"{literal}.to_string()"
    return Expr(code, rt.STR, Kind.OWNED, Prec.POSTFIX)


def _concat_operands(node: Expression) -> list[Expression]:
    if isinstance(node, OpExpr) and node.op == "+":
        return [*_concat_operands(node.left), *_concat_operands(node.right)]
    return [node]


def _str_of_int(ctx: FnContext, node: Expression) -> bool:
    """`str(n)` of an int: Rust's `{}` of an i64 prints what Python's str does."""
    return (
        is_builtin_call(node, "str")
        and len(node.args) == 1
        and node.arg_kinds == [ARG_POS]
        and type_of(ctx, node.args[0]) in (rt.INT, rt.USIZE)
    )


def _string_op(ctx: FnContext, node: OpExpr, left: Expr, right: Expr) -> Expr:
    if node.op == "+":
        rhs = values.borrow_str(right)
        if right.ty == rt.CHAR:
            return Expr(f'format!("{{}}{{}}", {left.code}, {right.code})', rt.STR, Kind.OWNED)
        if left.kind is Kind.OWNED and left.ty == rt.STR:
            return Expr(f"{left.at(Prec.ADD)} + {rhs}", rt.STR, Kind.OWNED, Prec.ADD)
        return Expr(f'format!("{{}}{{}}", {left.code}, {right.code})', rt.STR, Kind.OWNED)
    if node.op == "*" and right.ty in (rt.INT, rt.USIZE):
        count = _count(right)
        base = (
            left.at(Prec.POSTFIX) if left.ty != rt.CHAR else f"{left.at(Prec.POSTFIX)}.to_string()"
        )
        return Expr(f"{base}.repeat({count})", rt.STR, Kind.OWNED, Prec.POSTFIX)
    raise Unsupported(node, f"operator `{node.op}` on str", "PRT130")


def _count(e: Expr) -> str:
    if e.code.isdigit():
        return e.code
    if e.ty == rt.USIZE:
        return e.code
    return f"{values.value_expr(e).at(Prec.POSTFIX)}.max(0) as usize"


def _list_op(ctx: FnContext, node: OpExpr, left: Expr, right: Expr) -> Expr:
    ty = left.ty if isinstance(left.ty, rt.ListT) else right.ty
    if node.op == "+":
        code = f"[&{left.at(Prec.POSTFIX)}[..], &{right.at(Prec.POSTFIX)}[..]].concat()"
        return Expr(code, ty, Kind.OWNED, Prec.POSTFIX)
    if node.op == "*":
        lst, count = (left, right) if isinstance(left.ty, rt.ListT) else (right, left)
        if isinstance(node.left, ListExpr) and len(node.left.items) == 1:
            wanted = type_of(ctx, node)  # `u: list[float] = [1] * n` holds floats
            ty = wanted if isinstance(wanted, rt.ListT) else ty
            item_expr = lower_expr(ctx, node.left.items[0])
            item = values.owned(coerce(ctx, item_expr, ty.elem))  # type: ignore[attr-defined]
            return Expr(f"vec![{item}; {_count(count)}]", ty, Kind.OWNED)
        return Expr(f"{lst.at(Prec.POSTFIX)}.repeat({_count(count)})", ty, Kind.OWNED, Prec.POSTFIX)
    raise Unsupported(node, f"operator `{node.op}` on list", "PRT130")


# Counter arithmetic, as CPython's Counter: (count in the result from the counts in a and
# b, what a key only b has gives); only positive counts are kept.
_COUNTER_OPS = {
    "+": ("x + y", "y"),
    "-": ("x - y", "-y"),
    "|": ("x.max(y)", "y"),
    "&": ("x.min(y)", None),
}


def _counter_op(node: OpExpr, left: Expr, right: Expr) -> Expr:
    found = _COUNTER_OPS.get(node.op)
    if found is None:
        raise Unsupported(node, f"operator `{node.op}` on Counter", "PRT130")
    combine, only_b = found
    code = (
        f"{{ let (a, b) = ({values.borrow(left)}, {values.borrow(right)}); "
        "let mut out = PyDict::new(); "
        f"for (k, &x) in a.iter() {{ let y = b.get(k).copied().unwrap_or(0); let n = {combine}; "
        f"if n > 0 {{ out.insert(k.clone(), n); }} }} "
    )
    if only_b is not None:
        code += (
            f"for (k, &y) in b.iter() {{ if !a.contains_key(k) && {only_b} > 0 {{ "
            f"out.insert(k.clone(), {only_b}); }} }} "
        )
    return Expr(code + "out }", left.ty, Kind.OWNED)


def _set_op(ctx: FnContext, node: OpExpr, left: Expr, right: Expr) -> Expr:
    if node.op in ("|", "&", "-", "^"):
        code = f"{values.borrow(left)} {node.op} {values.borrow(right)}"
        return Expr(code, left.ty, Kind.OWNED, _PREC.get(node.op, Prec.ADD))
    raise Unsupported(node, f"operator `{node.op}` on set", "PRT130")


def _lower_bool_op(ctx: FnContext, node: OpExpr) -> Expr:
    left = lower_expr(ctx, node.left)
    right = lower_expr(ctx, node.right)
    if left.ty == rt.BOOL and right.ty == rt.BOOL:
        op, prec = ("&&", Prec.AND) if node.op == "and" else ("||", Prec.OR)
        return Expr(f"{left.at(prec)} {op} {right.at(Prec(prec + 1))}", rt.BOOL, Kind.OWNED, prec)
    # value-returning `and`/`or`: Python yields one of the operands
    ty = type_of(ctx, node)
    mixed = isinstance(ty, rt.UnknownT) and values.owned_expr(left).ty != right.ty
    if mixed and not isinstance(left.ty, rt.OptionT) and not isinstance(right.ty, rt.OptionT):
        # operands of different types (`"=" in line and current`): no single Rust type can
        # hold the result, so only its truth value is usable; lower to a bool test
        op, prec = ("&&", Prec.AND) if node.op == "and" else ("||", Prec.OR)
        lhs = values.truthy(ctx, node.left, left)
        rhs = values.truthy(ctx, node.right, right)
        return Expr(f"{lhs.at(prec)} {op} {rhs.at(Prec(prec + 1))}", rt.BOOL, Kind.OWNED, prec)
    if isinstance(ty, rt.UnknownT):
        ty = left.ty
    left_v = coerce(ctx, left, ty)
    right_v = coerce(ctx, right, ty)
    test = values.truthy(ctx, node.left, Expr("tmp", left_v.ty, Kind.PLACE)).code
    if node.op == "or":
        body = f"if {test} {{ tmp }} else {{ {values.owned(right_v)} }}"
    else:
        body = f"if {test} {{ {values.owned(right_v)} }} else {{ tmp }}"
    code = f"{{ let tmp = {values.owned(left_v)}; {body} }}"
    if isinstance(left.ty, rt.OptionT) and not isinstance(ty, rt.OptionT):
        if node.op == "and":
            raise Unsupported(node, "`and` on an Optional value", "PRT131")
        code = _option_or(ctx, node, left, left.ty.inner, values.owned(right_v))
    return Expr(code, ty, Kind.OWNED, Prec.ATOM)


def _option_or(ctx: FnContext, node: OpExpr, left: Expr, inner: rt.RType, fallback: str) -> str:
    """`opt or default`: None *and* a falsy value (`""`, `0`) both give the default."""
    base = left.at(Prec.POSTFIX)
    if inner.is_copy:
        test = values.truthy(ctx, node.left, Expr("v", inner, Kind.PLACE)).code
        return f"{base}.filter(|&v| {test}).unwrap_or({fallback})"
    test = values.truthy(ctx, node.left, Expr("v", inner, Kind.BORROWED)).code
    if left.kind is Kind.OWNED:
        return f"{base}.filter(|v| {test}).unwrap_or_else(|| {fallback})"
    if left.kind is not Kind.BORROWED:
        base = f"{base}.as_ref()"
    item = values.owned(Expr("v", inner, Kind.BORROWED))
    return f"{base}.filter(|v| {test}).map(|v| {item}).unwrap_or_else(|| {fallback})"


def lower_unary(ctx: FnContext, node: UnaryExpr) -> Expr:
    operand = lower_expr(ctx, node.expr)
    if isinstance(operand.ty, rt.StructT) and node.op in ("-", "+"):
        from backend.transpiler.lower import classes

        dunder = classes.call_dunder(
            ctx, node, operand, "__neg__" if node.op == "-" else "__pos__", []
        )
        if dunder is not None:
            return dunder
    if node.op == "not":
        inner = values.truthy(ctx, node.expr, operand)
        test = inner.code
        if test.startswith("!") and test.endswith(".is_empty()") and " " not in test:
            return Expr(test[1:], rt.BOOL, Kind.OWNED, Prec.POSTFIX)
        return Expr(f"!{inner.at(Prec.UNARY)}", rt.BOOL, Kind.OWNED, Prec.UNARY)
    if operand.ty == rt.BIGINT:
        from backend.transpiler.lower import bigints

        return bigints.lower_unary(ctx, node, operand)  # arbitrary precision (PyBigInt)
    value = values.value_expr(operand)
    if value.ty == rt.BOOL and node.op in ("-", "+"):
        value = coerce(ctx, value, rt.INT)
    if node.op == "-" and value.ty == rt.INT:
        return int_ops.negate(ctx, value, node.expr)
    if node.op == "-":
        return Expr(f"-{value.at(Prec.UNARY)}", value.ty, Kind.OWNED, Prec.UNARY)
    if node.op == "+":
        return value
    if node.op == "~":
        return Expr(f"!{value.at(Prec.UNARY)}", value.ty, Kind.OWNED, Prec.UNARY)
    raise Unsupported(node, f"unary `{node.op}`", "PRT130")


# ---- comparisons ----


def lower_comparison(ctx: FnContext, node: ComparisonExpr) -> Expr:
    from backend.transpiler.lower import unions

    type_test = unions.lower_type_comparison(ctx, node)  # `type(v) is int` on a union
    if type_test is not None:
        return type_test
    parts = []
    operands = node.operands
    lowered = [lower_expr(ctx, o) for o in operands]
    bindings = _bind_operands(ctx, lowered)
    for index, op in enumerate(node.operators):
        parts.append(
            _compare(
                ctx,
                node,
                op,
                operands[index],
                lowered[index],
                operands[index + 1],
                lowered[index + 1],
            )
        )
    if len(parts) == 1:
        return parts[0]
    contained = None if bindings else _range_contains(node.operators, lowered)
    if contained is not None:
        return contained
    if not bindings:
        code = " && ".join(p.at(Prec(Prec.AND + 1)) for p in parts)
        return Expr(code, rt.BOOL, Kind.OWNED, Prec.AND)
    return Expr(_chain_with_bindings(parts, bindings), rt.BOOL, Kind.OWNED, Prec.ATOM)


def _range_contains(operators: list[str], lowered: list[Expr]) -> Expr | None:
    """`lo <= x < hi` on plain numbers: `(lo..hi).contains(&x)` (clippy::manual_range_contains).
    Only for literals and names: Python would not evaluate `hi` when `lo <= x` fails."""
    if len(operators) != 2 or operators[0] != "<=" or operators[1] not in ("<", "<="):
        return None
    types = {e.ty for e in lowered}
    if len(types) != 1 or types.pop() not in (rt.INT, rt.FLOAT, rt.USIZE):
        return None
    if not all(_SIMPLE_OPERAND.match(e.code) and e.kind is not Kind.BORROWED for e in lowered):
        return None
    low, x, high = (e.code for e in lowered)
    dots = ".." if operators[1] == "<" else "..="
    return Expr(f"({low}{dots}{high}).contains(&{x})", rt.BOOL, Kind.OWNED, Prec.POSTFIX)


_SIMPLE_OPERAND = re.compile(r"^(?:-?[\d_.]+(?:_?[a-z]\d*)?|[A-Za-z_]\w*|true|false)$")


def _bind_operands(ctx: FnContext, lowered: list[Expr]) -> dict[int, tuple[str, str]]:
    """`a < f(x) < b` evaluates `f(x)` once, as Python does: bind each middle operand.

    Only Copy values are bound (the comparisons then read the binding twice); names and
    literals are read in place. When the first middle is bound, so is the left operand,
    which Python evaluates before it.
    """
    if len(lowered) < 3:
        return {}
    bound = [i for i in range(1, len(lowered) - 1) if _needs_binding(lowered[i])]
    if bound and bound[0] == 1 and _needs_binding(lowered[0]):
        bound.insert(0, 0)
    bindings: dict[int, tuple[str, str]] = {}
    for index in bound:
        operand = lowered[index]
        name = f"cmp_{index}"
        while ctx.lookup(name) is not None:
            name += "_"
        bindings[index] = (name, values.value(operand))
        lowered[index] = Expr(name, operand.ty, Kind.OWNED, Prec.ATOM)
    return bindings


def _needs_binding(operand: Expr) -> bool:
    return operand.ty.is_copy and not _SIMPLE_OPERAND.match(operand.code)


def _chain_with_bindings(parts: list[Expr], bindings: dict[int, tuple[str, str]]) -> str:
    """`P0 && P1 && ...`, each middle operand bound just before the first part that reads it."""
    code = parts[-1].at(Prec(Prec.AND + 1))
    for index in range(len(parts) - 2, -1, -1):
        code = f"{parts[index].at(Prec(Prec.AND + 1))} && {code}"
        binding = bindings.get(index + 1)
        if binding is not None:
            code = f"{{ let {binding[0]} = {binding[1]}; {code} }}"
    if 0 in bindings:
        code = f"{{ let {bindings[0][0]} = {bindings[0][1]}; {code} }}"
    return code


def _compare(
    ctx: FnContext,
    node: ComparisonExpr,
    op: str,
    lnode: Expression,
    left: Expr,
    rnode: Expression,
    right: Expr,
) -> Expr:
    if rt.COMPLEX in (left.ty, right.ty):
        from backend.transpiler.lower import complex_numbers

        return complex_numbers.compare(ctx, node, op, left, right)
    if op in ("is", "is not", "==", "!=") and (right.code == "None" or left.code == "None"):
        subject = left if right.code == "None" else right
        if isinstance(subject.ty, rt.UnionT):
            from backend.transpiler.lower import unions

            return unions.none_test(ctx, subject, op in ("is", "=="))  # a `None` variant
        if not isinstance(subject.ty, rt.OptionT):
            # mypy narrowed it already: the comparison has a fixed answer
            return Expr("false" if op in ("is", "==") else "true", rt.BOOL, Kind.OWNED)
        method = "is_none" if op in ("is", "==") else "is_some"
        return Expr(f"{subject.at(Prec.POSTFIX)}.{method}()", rt.BOOL, Kind.OWNED, Prec.POSTFIX)
    if op in ("in", "not in"):
        found = _membership(ctx, node, lnode, left, rnode, right)
        if op == "not in":
            return Expr(f"!{found.at(Prec.UNARY)}", rt.BOOL, Kind.OWNED, Prec.UNARY)
        return found
    if op in ("is", "is not") or (op in ("==", "!=") and not _defines_eq(ctx, left.ty)):
        from backend.transpiler.lower import class_links

        same = class_links.same_object(ctx.module, left, right)  # handles: the same object
        if same is not None:
            return (
                same
                if op in ("is", "==")
                else Expr(f"!{same.at(Prec.UNARY)}", rt.BOOL, Kind.OWNED, Prec.UNARY)
            )
    if op in ("is", "is not") and isinstance(left.ty, rt.StructT) and not left.ty.is_copy:
        from backend.transpiler.lower import classes

        same = classes.identity(left, right)  # objects: identity, not equality
        return same if op == "is" else Expr(f"!{same.code}", rt.BOOL, Kind.OWNED, Prec.UNARY)
    if op in ("is", "is not"):
        op = "==" if op == "is" else "!="
    return _ordering(ctx, node, op, left, right)


def _defines_eq(ctx: FnContext, ty: rt.RType) -> bool:
    """Does the class of these objects define `__eq__` (else `==` is identity)?"""
    from backend.transpiler.lower.class_hierarchy import poly_root
    from backend.transpiler.lower.classes import class_of

    inner = ty.inner if isinstance(ty, rt.OptionT) else ty
    ci = poly_root(ctx.module, inner) or class_of(ctx.module, inner)
    return ci is None or ci.has_eq


def _option_equality(op: str, left: Expr, right: Expr) -> Expr | None:
    """`d.get(k) == 1`: an Optional equals a value when it holds that value (`Some(1)`)."""
    if op not in ("==", "!=") or isinstance(left.ty, rt.OptionT) == isinstance(
        right.ty, rt.OptionT
    ):
        return None
    option, value = (left, right) if isinstance(left.ty, rt.OptionT) else (right, left)
    inner = option.ty.inner  # type: ignore[attr-defined]
    if inner.is_copy and value.ty == inner:
        some = f"Some({values.value(value)})"
        return Expr(f"{option.at(Prec.CMP)} {op} {some}", rt.BOOL, Kind.OWNED, Prec.CMP)
    if isinstance(inner, rt.StrT) and isinstance(value.ty, rt.StrT):
        base = option.at(Prec.POSTFIX)
        text = f"{base}.as_deref() {op} Some({values.borrow_str(value)})"
        return Expr(text, rt.BOOL, Kind.OWNED, Prec.CMP)
    return None


def _ordering(ctx: FnContext, node: ComparisonExpr, op: str, left: Expr, right: Expr) -> Expr:
    optional = _option_equality(op, left, right)
    if optional is not None:
        return optional
    lt, rt_ = left.ty, right.ty
    if rt.BIGINT in (lt, rt_):
        from backend.transpiler.lower import bigints

        return bigints.compare(ctx, node, op, left, right)  # arbitrary precision (PyBigInt)
    if isinstance(lt, rt.UnionT) != isinstance(rt_, rt.UnionT) and op in ("==", "!="):
        from backend.transpiler.lower import unions

        left, right = unions.equality_operands(ctx, left, right)  # compare enum to enum
    if isinstance(lt, rt.TupleT) and isinstance(rt_, rt.TupleT) and len(lt.items) != len(rt_.items):
        return _uneven_tuples(op, left, right, lt, rt_)
    if isinstance(lt, rt.SetT) and isinstance(rt_, rt.SetT) and op in _SET_ORDER:
        return _set_order(op, left, right)
    if isinstance(left.ty, rt.StructT) != isinstance(right.ty, rt.StructT):
        from backend.transpiler.lower import classes

        left, right = classes.int_operands(ctx, left, right)  # `Level.DEBUG < 15`
    if left.ty in _NUMERIC and right.ty in _NUMERIC and left.ty != right.ty:
        target = rt.FLOAT if rt.FLOAT in (left.ty, right.ty) else rt.INT
        left, right = coerce(ctx, left, target), coerce(ctx, right, target)
    if left.ty == rt.CHAR and isinstance(right.ty, rt.StrT) and _is_char_literal(right.code):
        right = Expr(_char_lit(right.code), rt.CHAR, Kind.OWNED)
    elif right.ty == rt.CHAR and isinstance(left.ty, rt.StrT) and _is_char_literal(left.code):
        left = Expr(_char_lit(left.code), rt.CHAR, Kind.OWNED)
    elif rt.CHAR in (left.ty, right.ty) and left.ty != right.ty:
        left, right = coerce(ctx, left, rt.STR), coerce(ctx, right, rt.STR)
    lcode, rcode = _comparable(left, right, op)
    if op in ("<", "<=") and re.search(r" as [\w:<>]+$", lcode) and not lcode.startswith("("):
        lcode = f"({lcode})"  # `x as i64 < y` would parse `<` as generic arguments
    return Expr(f"{lcode} {op} {rcode}", rt.BOOL, Kind.OWNED, Prec.CMP)


# Sets compare by inclusion in Python (Rust's `BTreeSet` ordering is lexicographic).
_SET_ORDER = {
    "<=": ("is_subset", False),
    "<": ("is_subset", True),
    ">=": ("is_superset", False),
    ">": ("is_superset", True),
}


def _set_order(op: str, left: Expr, right: Expr) -> Expr:
    method, proper = _SET_ORDER[op]
    code = f"{left.at(Prec.POSTFIX)}.{method}({values.borrow(right)})"
    if proper:  # a proper subset/superset also differs (each side evaluated once)
        code = (
            f"{{ let (a, b) = ({values.borrow(left)}, {values.borrow(right)}); "
            f"a.{method}(b) && a != b }}"
        )
        return Expr(code, rt.BOOL, Kind.OWNED, Prec.ATOM)
    return Expr(code, rt.BOOL, Kind.OWNED, Prec.POSTFIX)


def _tuple_concat(left: Expr, right: Expr, lt: rt.TupleT, rt_: rt.TupleT) -> Expr:
    """`point + (0,)`: the fields of both tuples in one tuple (the lengths are static)."""
    lets: list[str] = []
    parts: list[str] = []
    for name, side, ty in (("l", left, lt), ("r", right, rt_)):
        source = side.at(Prec.POSTFIX)
        if side.kind is Kind.OWNED:
            annotation = "" if "_" in ty.render() else f": {ty.render()}"  # `(0,)` is `{integer}`
            lets.append(f"let {name}{annotation} = {side.code};")
            source = name
        for i, item in enumerate(ty.items):
            copied = side.kind is Kind.OWNED or item.is_copy
            parts.append(f"{source}.{i}" + ("" if copied else ".clone()"))
    tuple_code = f"({parts[0]},)" if len(parts) == 1 else f"({', '.join(parts)})"
    code = f"{{ {' '.join(lets)} {tuple_code} }}" if lets else tuple_code
    return Expr(code, rt.TupleT(lt.items + rt_.items), Kind.OWNED, Prec.ATOM)


def _tuple_repeat(node: OpExpr, left: Expr, right: Expr, result_t: rt.RType) -> Expr:
    """`(x,) * 3` (a tuple of 3 items: mypy counts them) or `(x, y) * n` (a `tuple[T, ...]`:
    a Vec); the count may be on either side."""
    items, count = (left, right) if isinstance(left.ty, rt.TupleT) else (right, left)
    assert isinstance(items.ty, rt.TupleT)
    source = "t" if items.kind is Kind.OWNED else items.at(Prec.POSTFIX)
    parts = [
        f"{source}.{i}" + ("" if ty.is_copy else ".clone()") for i, ty in enumerate(items.ty.items)
    ]
    whole = isinstance(result_t, rt.TupleT) and parts and len(result_t.items) % len(parts) == 0
    if isinstance(result_t, rt.TupleT) and whole and result_t.items:
        # (an empty result, `(x,) * 0`, would be Rust's `()`, which prints as None)
        repeated = parts * (len(result_t.items) // len(parts))
        code = f"({repeated[0]},)" if len(repeated) == 1 else f"({', '.join(repeated)})"
        ty: rt.RType = rt.TupleT(items.ty.items * (len(repeated) // len(parts)))
    elif isinstance(result_t, rt.VarTupleT) and set(items.ty.items) == {result_t.elem}:
        code = f"[{', '.join(parts)}].repeat({_count(count)})"
        ty = result_t
    else:
        raise Unsupported(node, f"repeating a tuple of {items.ty.render()}", "PRT130")
    if items.kind is Kind.OWNED:
        code = f"{{ let t = {items.code}; {code} }}"
    return Expr(code, ty, Kind.OWNED, Prec.ATOM)


def _uneven_tuples(op: str, left: Expr, right: Expr, lt: rt.TupleT, rt_: rt.TupleT) -> Expr:
    """Tuples of different lengths: Python compares the common prefix, then the lengths,
    which is exactly Rust's order on `(prefix, len)`."""
    if op in ("==", "!="):
        return Expr("false" if op == "==" else "true", rt.BOOL)
    n = min(len(lt.items), len(rt_.items))
    lp = ", ".join(f"l.{i}" for i in range(n)) + ("," if n == 1 else "")
    rp = ", ".join(f"r.{i}" for i in range(n)) + ("," if n == 1 else "")
    code = (
        f"{{ let (l, r) = (&{left.at(Prec.UNARY)}, &{right.at(Prec.UNARY)}); "
        f"(({lp}), {len(lt.items)}_usize) {op} (({rp}), {len(rt_.items)}_usize) }}"
    )
    return Expr(code, rt.BOOL, Kind.OWNED, Prec.ATOM)


def _comparable(left: Expr, right: Expr, op: str) -> tuple[str, str]:
    """Operand code that Rust's PartialEq/PartialOrd impls accept on both sides."""
    if left.ty.is_copy and right.ty.is_copy:
        return values.value_expr(left).at(Prec(Prec.CMP + 1)), values.value_expr(right).at(
            Prec(Prec.CMP + 1)
        )
    lb = left.kind in (Kind.BORROWED, Kind.MUT_BORROWED)
    rb = right.kind in (Kind.BORROWED, Kind.MUT_BORROWED)
    lcode = left.at(Prec(Prec.CMP + 1))
    rcode = right.at(Prec(Prec.CMP + 1))
    if isinstance(left.ty, rt.StrT) and isinstance(right.ty, rt.StrT):
        if op not in ("==", "!="):
            return _as_str(left), _as_str(right)
        if Kind.OWNED in (left.kind, right.kind) and not (
            left.code.startswith('"') or right.code.startswith('"')
        ):
            # a new String against a name that may hold `&String` (a closure's pattern):
            # compare as `str` on both sides, which every spelling derefs to
            return _as_str(left), _as_str(right)
        if lb and not rb and not right.code.startswith('"'):
            return lcode, f"&{right.at(Prec.UNARY)}" if right.kind is Kind.OWNED else rcode
        if rb and not lb and not left.code.startswith('"'):
            return lcode, rcode
        return lcode, rcode
    if lb != rb:
        if lb:
            return lcode, f"&{right.at(Prec.UNARY)}"
        return f"&{left.at(Prec.UNARY)}", rcode
    return lcode, rcode


def _as_str(e: Expr) -> str:
    if e.code.startswith('"'):
        return e.code
    if e.kind is Kind.BORROWED:
        return f"&{e.at(Prec.POSTFIX)}[..]"
    return f"{e.at(Prec.POSTFIX)}.as_str()"


def _is_char_literal(code: str) -> bool:
    if not (code.startswith('"') and code.endswith('"')):
        return False
    inner = code[1:-1]
    return len(inner) == 1 or (len(inner) == 2 and inner.startswith("\\"))


def _char_lit(code: str) -> str:
    inner = code[1:-1]
    if inner == "'":
        return "'\\''"
    if inner == '\\"':
        return "'\"'"
    return f"'{inner}'"


def _membership(
    ctx: FnContext,
    node: ComparisonExpr,
    lnode: Expression,
    left: Expr,
    rnode: Expression,
    right: Expr,
) -> Expr:
    cont = right.ty
    if isinstance(rnode, TupleExpr | ListExpr | SetExpr) and rnode.items:
        return _literal_membership(ctx, left, rnode)
    if isinstance(cont, rt.IterT) and cont.elem == rt.INT and left.ty in (rt.INT, rt.BOOL):
        # `x in range(..)` (or another int iterator): walk it, as Python does for iterators
        needle = values.value_expr(coerce(ctx, left, rt.INT)).code
        # bound first (Python evaluates the needle first): the closure holds no user code,
        # so its parameter cannot shadow a name the needle reads (`item in items`)
        bound = f"let (needle, mut items) = ({needle}, {right.code});"
        code = f"{{ {bound} items.any(|v| v == needle) }}"
        return Expr(code, rt.BOOL, Kind.OWNED)
    if isinstance(cont, rt.StrT):
        if left.ty == rt.CHAR:
            needle = left.code
        elif isinstance(lnode, StrExpr) and len(lnode.value) == 1:
            needle = _char_lit(left.code)
        else:
            needle = values.borrow_str(left)
        return Expr(
            f"{right.at(Prec.POSTFIX)}.contains({needle})", rt.BOOL, Kind.OWNED, Prec.POSTFIX
        )
    if isinstance(cont, rt.DictT):
        key = _key_arg(left)
        return Expr(
            f"{right.at(Prec.POSTFIX)}.contains_key({key})", rt.BOOL, Kind.OWNED, Prec.POSTFIX
        )
    if isinstance(cont, rt.ListT | rt.SetT | rt.DequeT):
        elem = cont.elem
        if isinstance(elem, rt.StrT):
            needle = values.borrow_str(left) if left.ty != rt.CHAR else f"&{left.code}.to_string()"
            if isinstance(cont, rt.SetT):
                return Expr(
                    f"{right.at(Prec.POSTFIX)}.contains({needle})",
                    rt.BOOL,
                    Kind.OWNED,
                    Prec.POSTFIX,
                )
            haystack = f"&{right.at(Prec.UNARY)}"
            code = (
                f"{{ let (needle, items) = ({needle}, {haystack}); "
                "items.iter().any(|item| item == needle) }"
            )
            return Expr(code, rt.BOOL, Kind.OWNED)
        item = coerce(ctx, left, elem)
        return Expr(
            f"{right.at(Prec.POSTFIX)}.contains({values.borrow(item)})",
            rt.BOOL,
            Kind.OWNED,
            Prec.POSTFIX,
        )
    if isinstance(cont, rt.TupleT):
        return _literal_membership(ctx, left, rnode)
    if isinstance(cont, rt.StructT):
        from backend.transpiler.lower import classes

        found = classes.call_dunder(ctx, node, right, "__contains__", [lnode])
        if found is not None:
            return found
    raise Unsupported(node, f"`in` on {cont.render()}", "PRT132")


def _key_arg(e: Expr) -> str:
    if isinstance(e.ty, rt.StrT):
        return values.borrow_str(e)
    if e.ty == rt.CHAR:
        return f"&{e.code}.to_string()"
    return values.borrow(e)


def _literal_membership(ctx: FnContext, left: Expr, rnode: Expression) -> Expr:
    items = getattr(rnode, "items", None)
    if items is None:
        cont = lower_expr(ctx, rnode)
        raise Unsupported(rnode, f"`in` on {cont.ty.render()}", "PRT132")
    lowered = [lower_expr(ctx, item) for item in items]
    subject = values.value_expr(left)
    if all(isinstance(i, IntExpr | StrExpr) for i in items):
        if left.ty == rt.CHAR and all(isinstance(i, StrExpr) and len(i.value) == 1 for i in items):
            pats = " | ".join(_char_lit(lw.code) for lw in lowered)
            return Expr(f"matches!({subject.code}, {pats})", rt.BOOL, Kind.OWNED)
        if isinstance(left.ty, rt.StrT) and all(isinstance(i, StrExpr) for i in items):
            pats = " | ".join(lw.code for lw in lowered)
            target = (
                subject.code
                if left.kind is Kind.BORROWED
                else f"{subject.at(Prec.POSTFIX)}.as_str()"
            )
            return Expr(f"matches!({target}, {pats})", rt.BOOL, Kind.OWNED)
        if left.ty == rt.INT:
            pats = " | ".join(lw.code for lw in lowered)
            return Expr(f"matches!({subject.code}, {pats})", rt.BOOL, Kind.OWNED)
    tests = [_ordering(ctx, None, "==", left, lw).code for lw in lowered]  # type: ignore[arg-type]
    return Expr(" || ".join(tests), rt.BOOL, Kind.OWNED, Prec.OR)
