"""Methods of `str`: one entry per method in STR_METHODS."""

from __future__ import annotations

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call, Lowerer
from backend.transpiler.lower.literals import rust_char_literal
from backend.transpiler.lower.methods import (
    STR_METHODS,
    _char_recv,
    _out,
    _r,
    _recv,
    _str_arg,
    method,
)


@method(STR_METHODS, "upper")
def str_upper(call: Call) -> Expr:
    return _out(f"{_r(call)}.to_uppercase()", rt.STR)


@method(STR_METHODS, "lower")
def str_lower(call: Call) -> Expr:
    return _out(f"{_r(call)}.to_lowercase()", rt.STR)


@method(STR_METHODS, "strip", "lstrip", "rstrip")
def str_strip(call: Call) -> Expr:
    name = call.node.callee.name  # type: ignore[attr-defined]
    recv = _char_recv(call)
    if call.args:
        helper = f"py_str_{name}"
        call.helper(helper)
        return _out(f"{helper}({values.borrow_str(_recv(call))}, {values.borrow_str(call.arg(0))})", rt.STR, Prec.ATOM)
    trim = {"strip": "trim", "lstrip": "trim_start", "rstrip": "trim_end"}[name]
    return _out(f"{recv}.{trim}().to_string()", rt.STR)


@method(STR_METHODS, "startswith", "endswith")
def str_starts(call: Call) -> Expr:
    name = call.node.callee.name  # type: ignore[attr-defined]
    rust = "starts_with" if name == "startswith" else "ends_with"
    from mypy.nodes import TupleExpr

    if isinstance(call.args[0], TupleExpr):
        tests = []
        for item in call.args[0].items:
            from backend.transpiler.lower.expressions import lower_expr

            tests.append(f"{_char_recv(call)}.{rust}({values.borrow_str(lower_expr(call.ctx, item))})")
        return _out(" || ".join(tests), rt.BOOL, Prec.OR)
    return _out(f"{_char_recv(call)}.{rust}({_str_arg(call, 0)})", rt.BOOL)


@method(STR_METHODS, "split")
def str_split(call: Call) -> Expr:
    maxsplit = call.kwarg("maxsplit", rt.INT)
    if len(call.args) > 1:
        maxsplit = call.arg(1, rt.INT)
    sep = call.arg(0) if call.args else call.kwarg("sep")
    if maxsplit is None and sep is None:
        return _out(f"{_r(call)}.split_whitespace().map(String::from).collect::<Vec<_>>()", rt.ListT(rt.STR))
    if maxsplit is None and sep is not None and sep.code != "None":
        return _out(f"{_r(call)}.split({_str_arg(call, 0)}).map(String::from).collect::<Vec<_>>()", rt.ListT(rt.STR))
    call.helper("py_str_split")
    sep_code = "None" if sep is None or sep.code == "None" else f"Some({values.borrow_str(sep)})"
    limit = values.value(maxsplit) if maxsplit is not None else "-1"
    return _out(f"py_str_split({values.borrow_str(_recv(call))}, {sep_code}, {limit})", rt.ListT(rt.STR), Prec.ATOM)


@method(STR_METHODS, "rsplit")
def str_rsplit(call: Call) -> Expr:
    call.helper("py_str_rsplit")
    sep = call.arg(0) if call.args else call.kwarg("sep")
    maxsplit = call.arg(1, rt.INT) if len(call.args) > 1 else call.kwarg("maxsplit", rt.INT)
    sep_code = "None" if sep is None or sep.code == "None" else f"Some({values.borrow_str(sep)})"
    limit = values.value(maxsplit) if maxsplit is not None else "-1"
    return _out(f"py_str_rsplit({values.borrow_str(_recv(call))}, {sep_code}, {limit})", rt.ListT(rt.STR), Prec.ATOM)


@method(STR_METHODS, "splitlines")
def str_splitlines(call: Call) -> Expr:
    call.helper("py_str_splitlines")
    return _out(f"py_str_splitlines({values.borrow_str(_recv(call))})", rt.ListT(rt.STR), Prec.ATOM)


@method(STR_METHODS, "join")
def str_join(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    sep = _recv(call)
    arg_t = call.ctx.module.type_of(call.args[0])
    if isinstance(arg_t, rt.ListT) and isinstance(arg_t.elem, rt.StrT) and type(call.args[0]).__name__ != "GeneratorExpr":
        items = call.arg(0)
        return _out(f"{items.at(Prec.POSTFIX)}.join({values.borrow_str(sep)})", rt.STR)
    iterator, elem = owned_iterator(call)
    if elem == rt.CHAR:
        iterator = f"{iterator}.map(String::from)"
    return _out(f"{iterator}.collect::<Vec<_>>().join({values.borrow_str(sep)})", rt.STR)


@method(STR_METHODS, "replace")
def str_replace(call: Call) -> Expr:
    old, new = _str_arg(call, 0), values.borrow_str(call.arg(1))
    if len(call.args) > 2:
        count = values.value(call.arg(2, rt.INT))
        return _out(f"{_char_recv(call)}.replacen({old}, {new}, {count} as usize)", rt.STR)
    return _out(f"{_char_recv(call)}.replace({old}, {new})", rt.STR)


def _helper_call(call: Call, helper: str, ty: rt.RType, *extra: str) -> Expr:
    call.helper(helper)
    args = ", ".join([values.borrow_str(_recv(call)), *extra])
    return _out(f"{helper}({args})", ty, Prec.ATOM)


@method(STR_METHODS, "find")
def str_find(call: Call) -> Expr:
    return _helper_call(call, "py_str_find", rt.INT, values.borrow_str(call.arg(0)))


@method(STR_METHODS, "rfind")
def str_rfind(call: Call) -> Expr:
    return _helper_call(call, "py_str_rfind", rt.INT, values.borrow_str(call.arg(0)))


@method(STR_METHODS, "index")
def str_index(call: Call) -> Expr:
    return _helper_call(call, "py_str_index_of", rt.INT, values.borrow_str(call.arg(0)))


@method(STR_METHODS, "count")
def str_count(call: Call) -> Expr:
    return _helper_call(call, "py_str_count", rt.INT, values.borrow_str(call.arg(0)))


def _predicate(helper: str, char_method: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        recv = _recv(call)
        if recv.ty == rt.CHAR and char_method:
            return _out(f"{recv.at(Prec.POSTFIX)}.{char_method}()", rt.BOOL)
        return _helper_call(call, helper, rt.BOOL)

    return lower


for _name, _char in {
    "isdigit": "is_numeric",
    "isnumeric": "is_numeric",
    "isdecimal": "is_numeric",
    "isalpha": "is_alphabetic",
    "isalnum": "is_alphanumeric",
    "isspace": "is_whitespace",
    "isupper": "is_uppercase",
    "islower": "is_lowercase",
    "istitle": "",
}.items():
    STR_METHODS[_name] = _predicate(f"py_str_{_name if _name not in ('isnumeric', 'isdecimal') else 'isdigit'}", _char)


def _transform(helper: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        return _helper_call(call, helper, rt.STR)

    return lower


for _name in ("capitalize", "title", "swapcase"):
    STR_METHODS[_name] = _transform(f"py_str_{_name}")


@method(STR_METHODS, "zfill")
def str_zfill(call: Call) -> Expr:
    return _helper_call(call, "py_str_zfill", rt.STR, values.value(call.arg(0, rt.INT)))


@method(STR_METHODS, "center", "ljust", "rjust")
def str_pad(call: Call) -> Expr:
    name = call.node.callee.name  # type: ignore[attr-defined]
    fill = "' '"
    if len(call.args) > 1:
        from mypy.nodes import StrExpr

        node = call.args[1]
        if isinstance(node, StrExpr) and len(node.value) == 1:
            fill = rust_char_literal(node.value)
        else:
            fill = f"{call.arg(1).at(Prec.POSTFIX)}.chars().next().unwrap()"
    return _helper_call(call, f"py_str_{name}", rt.STR, values.value(call.arg(0, rt.INT)), fill)


@method(STR_METHODS, "format")
def str_format(call: Call) -> Expr:
    from backend.transpiler.lower import formatting

    return formatting.lower_str_format(call)


@method(STR_METHODS, "encode")
def str_encode(call: Call) -> Expr:
    return _out(f"{_char_recv(call)}.as_bytes().to_vec()", rt.BYTES)


@method(STR_METHODS, "removeprefix", "removesuffix")
def str_remove_affix(call: Call) -> Expr:
    name = call.node.callee.name  # type: ignore[attr-defined]
    rust = "strip_prefix" if name == "removeprefix" else "strip_suffix"
    recv = _char_recv(call)
    return _out(f"{recv}.{rust}({_str_arg(call, 0)}).unwrap_or(&{recv}).to_string()", rt.STR)


