"""Methods of `str`: one entry per method in STR_METHODS.

Python's str indices count characters, so every method that takes or returns an index
goes through a runtime helper (`py_str_find_in`, ...); the rest map to Rust's own `str`
methods where those agree with Python (`replace`, `starts_with`, `to_uppercase`, ...).
A `char` receiver (a loop variable over a string) is widened to a `&str` when needed.
"""

from __future__ import annotations

from mypy.nodes import CallExpr, DictExpr, GeneratorExpr, ListExpr, NameExpr, StrExpr, TupleExpr

from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.raising import codec_name
from backend.transpiler.ir import Expr, Kind, Prec
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
from backend.transpiler.lower.subscripts import literal_int


def _name(call: Call) -> str:
    return call.node.callee.name  # type: ignore[attr-defined,no-any-return]


def _is_none(node: object) -> bool:
    return isinstance(node, NameExpr) and node.fullname == "builtins.None"


def _optional_arg(call: Call, index: int, keyword: str) -> str:
    """An optional int argument as Rust `Option<i64>` code (`None` when absent or None)."""
    node = call.args[index] if len(call.args) > index else call.kwargs.get(keyword)
    if node is None or _is_none(node):
        return "None"
    return f"Some({values.value(_lower_int(call, node))})"


def _lower_int(call: Call, node: object) -> Expr:
    from backend.transpiler.lower.expressions import lower_expr

    return lower_expr(call.ctx, node, rt.INT)  # type: ignore[arg-type]


# ---- case ----


@method(STR_METHODS, "upper", "lower")
def str_case(call: Call) -> Expr:
    rust = "to_uppercase" if _name(call) == "upper" else "to_lowercase"
    if _recv(call).ty == rt.CHAR:
        # char::to_uppercase yields an iterator: 'ß'.upper() is "SS"
        return _out(f"{_r(call)}.{rust}().to_string()", rt.STR)
    return _out(f"{_r(call)}.{rust}()", rt.STR)


def _transform(helper: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        return _helper_call(call, helper, rt.STR)

    return lower


for _name_ in ("capitalize", "title", "swapcase", "casefold"):
    STR_METHODS[_name_] = _transform(f"py_str_{_name_}")


# ---- predicates ----


def _predicate(helper: str, char_method: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        recv = _recv(call)
        if recv.ty == rt.CHAR and char_method:
            if char_method.startswith("py_"):
                call.helper(char_method)
                return _out(f"{char_method}({values.value(recv)})", rt.BOOL, Prec.ATOM)
            return _out(f"{recv.at(Prec.POSTFIX)}.{char_method}()", rt.BOOL)
        return _helper_call(call, helper, rt.BOOL)

    return lower


for _name_, _char in {
    "isdigit": "is_numeric",
    "isnumeric": "is_numeric",
    "isdecimal": "is_numeric",
    "isalpha": "is_alphabetic",
    "isalnum": "is_alphanumeric",
    "isspace": "py_char_isspace",
    "isupper": "is_uppercase",
    "islower": "is_lowercase",
    "istitle": "",
}.items():
    _helper = f"py_str_{_name_ if _name_ not in ('isnumeric', 'isdecimal') else 'isdigit'}"
    STR_METHODS[_name_] = _predicate(_helper, _char)


@method(STR_METHODS, "isascii")
def str_isascii(call: Call) -> Expr:
    return _out(f"{_r(call)}.is_ascii()", rt.BOOL)


@method(STR_METHODS, "isprintable")
def str_isprintable(call: Call) -> Expr:
    call.helper("py_char_printable")
    recv = _recv(call)
    if recv.ty == rt.CHAR:
        return _out(f"py_char_printable({values.value(recv)})", rt.BOOL, Prec.ATOM)
    return _out(f"{_r(call)}.chars().all(py_char_printable)", rt.BOOL)


@method(STR_METHODS, "startswith", "endswith")
def str_starts(call: Call) -> Expr:
    from backend.transpiler.lower.expressions import lower_expr

    rust = "starts_with" if _name(call) == "startswith" else "ends_with"
    if len(call.args) > 1:
        return _starts_in_window(call, rust)
    if isinstance(call.args[0], TupleExpr):
        tests = []
        for item in call.args[0].items:
            pattern = _pattern(item) or values.borrow_str(lower_expr(call.ctx, item))
            tests.append(f"{_char_recv(call)}.{rust}({pattern})")
        return _out(" || ".join(tests), rt.BOOL, Prec.OR)
    if isinstance(call.ctx.module.type_of(call.args[0]), rt.TupleT):
        prefixes = call.arg(0)
        base = prefixes.at(Prec.POSTFIX)
        fields = ", ".join(f"{base}.{i}" for i in range(len(prefixes.ty.items)))  # type: ignore[attr-defined]
        return _out(
            f"[{fields}].iter().any(|p| {_char_recv(call)}.{rust}(p.as_str()))",
            rt.BOOL,
        )
    return _out(f"{_char_recv(call)}.{rust}({_str_arg(call, 0)})", rt.BOOL)


def _starts_in_window(call: Call, rust: str) -> Expr:
    """`s.startswith(p, start, end)`: positions by character, adjusted as CPython does."""
    if isinstance(call.args[0], TupleExpr) or isinstance(
        call.ctx.module.type_of(call.args[0]), rt.TupleT
    ):
        raise call.fail(f"str.{_name(call)}() with a tuple and start/end positions", "PRT258")
    start, end = _optional_arg(call, 1, "start"), _optional_arg(call, 2, "end")
    suffix = "true" if rust == "ends_with" else "false"
    affix = values.borrow_str(call.arg(0))
    return _helper_call(call, "py_str_affix_in", rt.BOOL, affix, start, end, suffix)


def _pattern(node: object) -> str | None:
    """A literal pattern: one character as a `char` (idiomatic and cheaper than a &str)."""
    if isinstance(node, StrExpr) and len(node.value) == 1:
        return rust_char_literal(node.value)
    if isinstance(node, StrExpr):
        return _rust_str(node.value)
    return None


# ---- strip / pad ----


@method(STR_METHODS, "strip", "lstrip", "rstrip")
def str_strip(call: Call) -> Expr:
    name = _name(call)
    chars = call.args[0] if call.args else call.kwargs.get("chars")
    if chars is not None and not _is_none(chars):
        if isinstance(chars, StrExpr) and len(chars.value) == 1:
            trim = {
                "strip": "trim_matches",
                "lstrip": "trim_start_matches",
                "rstrip": "trim_end_matches",
            }[name]
            return _out(
                f"{_char_recv(call)}.{trim}({rust_char_literal(chars.value)}).to_string()", rt.STR
            )
        helper = f"py_str_{name}"
        call.helper(helper)
        recv = values.borrow_str(_recv(call))
        return _out(f"{helper}({recv}, {values.borrow_str(call.arg(0))})", rt.STR, Prec.ATOM)
    trim = {"strip": "trim", "lstrip": "trim_start", "rstrip": "trim_end"}[name]
    return _out(f"{_char_recv(call)}.{trim}().to_string()", rt.STR)


@method(STR_METHODS, "zfill")
def str_zfill(call: Call) -> Expr:
    return _helper_call(call, "py_str_zfill", rt.STR, values.value(call.arg(0, rt.INT)))


@method(STR_METHODS, "center", "ljust", "rjust")
def str_pad(call: Call) -> Expr:
    fill = "' '"
    if len(call.args) > 1:
        node = call.args[1]
        if isinstance(node, StrExpr) and len(node.value) == 1:
            fill = rust_char_literal(node.value)
        else:
            arg = call.arg(1)
            fill = (
                values.value(arg)
                if arg.ty == rt.CHAR
                else f"{arg.at(Prec.POSTFIX)}.chars().next().unwrap()"
            )
    return _helper_call(
        call, f"py_str_{_name(call)}", rt.STR, values.value(call.arg(0, rt.INT)), fill
    )


@method(STR_METHODS, "expandtabs")
def str_expandtabs(call: Call) -> Expr:
    size = call.arg(0, rt.INT) if call.args else call.kwarg("tabsize", rt.INT)
    return _helper_call(
        call, "py_str_expandtabs", rt.STR, values.value(size) if size is not None else "8"
    )


# ---- split / join / partition ----


def _split_args(call: Call) -> tuple[object | None, object | None]:
    sep = call.args[0] if call.args else call.kwargs.get("sep")
    maxsplit = call.args[1] if len(call.args) > 1 else call.kwargs.get("maxsplit")
    return (None if sep is None or _is_none(sep) else sep), maxsplit


def _literal_sep(node: object) -> str | None:
    """A non-empty literal separator as a Rust pattern (Rust's split agrees with Python's
    there; an empty separator is a ValueError in Python, left to the helper)."""
    if isinstance(node, StrExpr) and node.value:
        return _pattern(node)
    return None


def _rust_str(text: str) -> str:
    from backend.transpiler.lower.literals import rust_str_literal

    return rust_str_literal(text)


_COLLECT = ".map(String::from).collect::<Vec<_>>()"


@method(STR_METHODS, "split", "rsplit")
def str_split(call: Call) -> Expr:
    name = _name(call)
    sep, maxsplit = _split_args(call)
    limit = literal_int(maxsplit) if maxsplit is not None else -1  # type: ignore[arg-type]
    pattern = _literal_sep(sep) if sep is not None else None
    if limit == -1 and sep is None:
        return _out(f"{_r(call)}.split_whitespace(){_COLLECT}", rt.ListT(rt.STR))
    if limit == -1 and pattern is not None:
        return _out(f"{_r(call)}.split({pattern}){_COLLECT}", rt.ListT(rt.STR))
    if name == "split" and limit is not None and limit >= 0 and pattern is not None:
        return _out(f"{_r(call)}.splitn({limit + 1}, {pattern}){_COLLECT}", rt.ListT(rt.STR))
    helper = f"py_str_{name}"
    call.helper(helper)
    sep_code = "None" if sep is None else f"Some({values.borrow_str(_lower(call, sep))})"
    limit_code = "-1" if maxsplit is None else values.value(_lower_int(call, maxsplit))
    return _out(
        f"{helper}({values.borrow_str(_recv(call))}, {sep_code}, {limit_code})",
        rt.ListT(rt.STR),
        Prec.ATOM,
    )


def _lower(call: Call, node: object) -> Expr:
    from backend.transpiler.lower.expressions import lower_expr

    return lower_expr(call.ctx, node)  # type: ignore[arg-type]


@method(STR_METHODS, "splitlines")
def str_splitlines(call: Call) -> Expr:
    if call.args or call.kwargs:
        raise call.fail("str.splitlines(keepends)", "PRT259")
    call.helper("py_str_splitlines")
    return _out(f"py_str_splitlines({values.borrow_str(_recv(call))})", rt.ListT(rt.STR), Prec.ATOM)


@method(STR_METHODS, "join")
def str_join(call: Call) -> Expr:
    from backend.transpiler.lower import formatting
    from backend.transpiler.lower.builtins import owned_iterator

    fstring = formatting.lower_fstring(call.ctx, call.node)
    if fstring is not None:
        return fstring
    sep = _recv(call)
    node = call.args[0]
    if isinstance(node, ListExpr | TupleExpr) and not node.items:
        return _out("String::new()", rt.STR)
    concat = isinstance(call.node.callee.expr, StrExpr) and call.node.callee.expr.value == ""  # type: ignore[attr-defined]
    arg_t = call.ctx.module.type_of(node)
    if isinstance(node, CallExpr) and not isinstance(call.arg(0).ty, rt.ListT):
        arg_t = rt.UNKNOWN  # `reversed(xs)`: mypy types it by join's `Iterable` parameter
    if (
        isinstance(arg_t, rt.ListT)
        and isinstance(arg_t.elem, rt.StrT)
        and not isinstance(node, GeneratorExpr)
    ):
        items = call.arg(0).at(Prec.POSTFIX)
        return _out(
            f"{items}.concat()" if concat else f"{items}.join({values.borrow_str(sep)})", rt.STR
        )
    iterator, elem = owned_iterator(call)
    if concat and (isinstance(elem, rt.StrT) or elem == rt.CHAR):
        return _out(f"{iterator}.collect::<String>()", rt.STR)
    if elem == rt.CHAR:
        iterator = f"{iterator}.map(String::from)"
    return _out(f"{iterator}.collect::<Vec<_>>().join({values.borrow_str(sep)})", rt.STR)


@method(STR_METHODS, "partition", "rpartition")
def str_partition(call: Call) -> Expr:
    return _helper_call(
        call,
        f"py_str_{_name(call)}",
        rt.TupleT((rt.STR, rt.STR, rt.STR)),
        values.borrow_str(call.arg(0)),
    )


# ---- search and replace ----


@method(STR_METHODS, "replace")
def str_replace(call: Call) -> Expr:
    old, new = _str_arg(call, 0), values.borrow_str(call.arg(1))
    count_node = call.args[2] if len(call.args) > 2 else call.kwargs.get("count")
    if count_node is not None:
        count = literal_int(count_node)
        if count is not None and count >= 0:
            return _out(f"{_char_recv(call)}.replacen({old}, {new}, {count})", rt.STR)
        if count is None:
            # a negative count replaces every match, as no count does
            count_code = values.value(_lower_int(call, count_node))
            limit = f"usize::try_from({count_code}).unwrap_or(usize::MAX)"
            return _out(f"{_char_recv(call)}.replacen({old}, {new}, {limit})", rt.STR)
    return _out(f"{_char_recv(call)}.replace({old}, {new})", rt.STR)


def _helper_call(call: Call, helper: str, ty: rt.RType, *extra: str) -> Expr:
    call.helper(helper)
    args = ", ".join([values.borrow_str(_recv(call)), *extra])
    return _out(f"{helper}({args})", ty, Prec.ATOM)


def _search(plain: str, windowed: str) -> Lowerer:
    """find/rfind/index/rindex/count: the plain helper, or the windowed one with start/end."""

    def lower(call: Call) -> Expr:
        sub = values.borrow_str(call.arg(0))
        if len(call.args) == 1 and not call.kwargs and plain:
            return _helper_call(call, plain, rt.INT, sub)
        start = _optional_arg(call, 1, "start")
        end = _optional_arg(call, 2, "end")
        return _helper_call(call, windowed, rt.INT, sub, start, end)

    return lower


STR_METHODS["find"] = _search("py_str_find", "py_str_find_in")
STR_METHODS["rfind"] = _search("py_str_rfind", "py_str_rfind_in")
STR_METHODS["index"] = _search("py_str_index_of", "py_str_index_in")
STR_METHODS["rindex"] = _search("", "py_str_rindex_in")
STR_METHODS["count"] = _search("py_str_count", "py_str_count_in")


@method(STR_METHODS, "removeprefix", "removesuffix")
def str_remove_affix(call: Call) -> Expr:
    rust = "strip_prefix" if _name(call) == "removeprefix" else "strip_suffix"
    recv = _recv(call)
    if recv.ty == rt.CHAR:
        recv_code = f"{recv.at(Prec.POSTFIX)}.to_string()"
        return _out(
            f"{recv_code}.{rust}({_str_arg(call, 0)}).unwrap_or(&{recv_code}).to_string()", rt.STR
        )
    stripped = f"{recv.at(Prec.POSTFIX)}.{rust}({_str_arg(call, 0)})"
    return _out(f"{stripped}.unwrap_or({values.borrow_str(recv)}).to_string()", rt.STR)


# ---- conversions ----


@method(STR_METHODS, "format")
def str_format(call: Call) -> Expr:
    from backend.transpiler.lower import formatting

    return formatting.lower_str_format(call)


@method(STR_METHODS, "encode")
def str_encode(call: Call) -> Expr:
    from backend.transpiler.lower.bytes_methods import strict_errors

    return encode_text(call, _recv(call), codec_name(call.node), strict_errors(call))


def encode_text(call: Call, text: Expr, codec: str | None, strict: bool) -> Expr:
    """`text.encode(codec)`, also `bytes(text, codec)`: UTF-8, or strict ASCII
    (UnicodeEncodeError on a non-ASCII character)."""
    from backend.transpiler.lower.bytes_methods import codec_result

    if codec == "utf8":  # every str encodes to UTF-8: `errors` never matters
        chars = f"{text.at(Prec.POSTFIX)}.to_string()" if text.ty == rt.CHAR else None
        return _out(f"{chars or text.at(Prec.POSTFIX)}.as_bytes().to_vec()", rt.BYTES)
    if codec != "ascii" or not strict:
        raise call.fail("str.encode() other than to UTF-8 or ASCII, strict", "PRT260")
    code = f"py_encode_ascii({values.borrow_str(text)})"
    return codec_result(call, "py_encode_ascii", code, rt.BYTES, "UnicodeEncodeError")


@method(STR_METHODS, "translate")
def str_translate(call: Call) -> Expr:
    from backend.transpiler.lower.expressions import lower_expr

    display_t = _display_table_type(call)
    table = lower_expr(call.ctx, call.args[0]) if display_t is None else _table(call, display_t)
    if not (isinstance(table.ty, rt.DictT) and table.ty.key == rt.INT):
        raise call.fail("str.translate() with a table that is not a dict keyed by ints", "PRT263")
    value = table.ty.value
    inner = value.inner if isinstance(value, rt.OptionT) else value
    if not (inner in (rt.INT, rt.UNIT) or isinstance(inner, rt.StrT)):
        raise call.fail(f"str.translate() with {value.render()} values", "PRT263")
    call.helper("py_translate")
    return _out(f"py_translate({values.borrow_str(_recv(call))}, {values.borrow(table)})", rt.STR)


def _display_table_type(call: Call) -> rt.DictT | None:
    """`s.translate({104: "J", 108: None})`: mypy types the display by the parameter (values
    `str | int | None`); its own values say the table the translation can build."""
    node = call.args[0]
    if not isinstance(node, DictExpr) or not node.items:
        return None
    if any(key is None or call.ctx.module.type_of(key) != rt.INT for key, _ in node.items):
        return None
    kinds = {call.ctx.module.type_of(v) for _, v in node.items}
    deletes = rt.UNIT in kinds
    kinds.discard(rt.UNIT)
    if not kinds:
        return rt.DictT(rt.INT, rt.UNIT)
    if len(kinds) > 1:
        return None
    value = kinds.pop()
    return rt.DictT(rt.INT, rt.OptionT(value) if deletes else value)


def _table(call: Call, ty: rt.DictT) -> Expr:
    """The display argument of `translate` built with the table type its values give."""
    from backend.transpiler.lower.expressions import lower_expr

    node = call.args[0]
    assert isinstance(node, DictExpr)
    call.helper("py_dict")
    call.ctx.module.note_type(ty)
    pairs = []
    for key, val in node.items:
        assert key is not None
        k = values.value(lower_expr(call.ctx, key, rt.INT))
        v = "()" if ty.value == rt.UNIT else values.owned(lower_expr(call.ctx, val, ty.value))
        pairs.append(f"({k}, {v})")
    return Expr(f"PyDict::from_iter([{', '.join(pairs)}])", ty, Kind.OWNED, Prec.POSTFIX)
