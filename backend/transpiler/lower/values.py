"""Conversions between value kinds: owned, borrowed, mutably borrowed, displayed, tested.

Every lowered expression carries its kind (ir.Kind); consumers call these to get the
form they need, so a borrow is used wherever it works and a clone only where Python's
value semantics require a copy.
"""

from __future__ import annotations

import re

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower.context import ModuleContext


def owned(e: Expr) -> str:
    """Code for an owned value of `e.ty` (copies Copy values, clones others)."""
    if e.kind is Kind.OWNED:
        return e.code
    ty = e.ty
    if ty.is_copy:
        return e.code if e.kind is Kind.PLACE else f"*{e.at(Prec.UNARY)}"
    if e.kind is Kind.BORROWED:
        if isinstance(ty, rt.StrT):
            return f"{e.at(Prec.POSTFIX)}.to_string()"
        if isinstance(ty, rt.ListT | rt.BytesT):
            return f"{e.at(Prec.POSTFIX)}.to_vec()"
        if isinstance(ty, rt.OptionT) and isinstance(ty.inner, rt.StrT):
            return f"{e.at(Prec.POSTFIX)}.map(str::to_string)"
        if isinstance(ty, rt.OptionT) and isinstance(ty.inner, rt.ListT):
            return f"{e.at(Prec.POSTFIX)}.map(<[_]>::to_vec)"
        if isinstance(ty, rt.OptionT):
            return f"{e.at(Prec.POSTFIX)}.cloned()"
    return f"{e.at(Prec.POSTFIX)}.clone()"


def owned_expr(e: Expr) -> Expr:
    if e.kind is Kind.OWNED:
        return e
    code = owned(e)
    prec = Prec.ATOM if code == e.code else (Prec.UNARY if code.startswith("*") else Prec.POSTFIX)
    return Expr(code, e.ty, Kind.OWNED, prec)


def value(e: Expr) -> str:
    """Code usable as an operand of arithmetic/comparison (derefs borrowed Copy values)."""
    if e.ty.is_copy and e.kind in (Kind.BORROWED, Kind.MUT_BORROWED):
        return f"*{e.at(Prec.UNARY)}"
    return e.code


def value_expr(e: Expr) -> Expr:
    code = value(e)
    if code == e.code:
        return e
    return Expr(code, e.ty, Kind.OWNED, Prec.UNARY)


def borrow(e: Expr) -> str:
    """Code for a shared reference to the value (`&x`), for `&T`/`&str`/`&[T]` parameters."""
    if e.kind in (Kind.BORROWED, Kind.MUT_BORROWED):
        if isinstance(e.ty, rt.OptionT) or e.ty.is_copy:
            return e.code if not e.ty.is_copy else f"&{e.at(Prec.UNARY)}"
        return e.code
    if e.ty == rt.CHAR:
        return f"&{e.at(Prec.POSTFIX)}.to_string()"
    return f"&{e.at(Prec.UNARY)}"


def borrow_str(e: Expr) -> str:
    """Code of type `&str`."""
    if e.ty == rt.CHAR:
        return f"&{e.at(Prec.POSTFIX)}.to_string()"
    if e.kind is Kind.BORROWED:
        return e.code
    return f"&{e.at(Prec.UNARY)}"


def borrow_mut(e: Expr) -> str:
    if e.kind is Kind.MUT_BORROWED:
        return e.code
    return f"&mut {e.at(Prec.UNARY)}"


def param_arg(e: Expr, mode: str, ty: rt.RType) -> str:
    """The argument for a parameter passed in `mode` (see ParamSig.mode)."""
    if mode == "mut":
        return borrow_mut(e)
    if mode == "ref":
        if isinstance(ty, rt.OptionT):
            return option_ref(e)
        if isinstance(ty, rt.StrT):
            return borrow_str(e)
        return borrow(e)
    return owned(e)


def option_ref(e: Expr) -> str:
    """`Option<T>` place -> `Option<&T>` / `Option<&str>` / `Option<&[T]>` argument."""
    if e.code == "None":
        return "None"
    if e.kind is Kind.BORROWED:
        return e.code
    inner = e.ty.inner if isinstance(e.ty, rt.OptionT) else e.ty
    if isinstance(inner, rt.StrT | rt.ListT):
        return f"{e.at(Prec.POSTFIX)}.as_deref()"
    if e.kind is Kind.OWNED and e.code.startswith("Some("):
        return f"Some(&{e.code[5:-1]})"
    return f"{e.at(Prec.POSTFIX)}.as_ref()"


def truthy(e: Expr) -> str:
    """Python truthiness as a Rust `bool` expression."""
    ty = e.ty
    from backend.transpiler.lower import unions

    union_test = unions.truthy(e)
    if union_test is not None:
        return union_test
    if ty == rt.BOOL:
        return value(e)
    if ty == rt.INT:
        return f"{value_expr(e).at(Prec.CMP)} != 0"
    if ty == rt.BIGINT:
        return f"!{e.at(Prec.POSTFIX)}.is_zero()"
    if ty == rt.FLOAT:
        return f"{value_expr(e).at(Prec.CMP)} != 0.0"
    if isinstance(ty, rt.StrT | rt.ListT | rt.DictT | rt.SetT | rt.DequeT | rt.BytesT):
        return f"!{e.at(Prec.POSTFIX)}.is_empty()"
    if isinstance(ty, rt.OptionT):
        inner = ty.inner
        if inner == rt.INT:
            return f"{e.at(Prec.POSTFIX)}.is_some_and(|v| v != 0)"
        if isinstance(inner, rt.StrT | rt.ListT | rt.DictT | rt.SetT):
            return f"{e.at(Prec.POSTFIX)}.as_ref().is_some_and(|v| !v.is_empty())"
        return f"{e.at(Prec.POSTFIX)}.is_some()"
    if ty == rt.CHAR:
        return "true"
    return "true"


def display(ctx: ModuleContext, e: Expr) -> tuple[str, str]:
    """(format piece, argument) that prints `e` exactly as Python's `str()` would."""
    ty = e.ty
    if ty in (rt.INT, rt.CHAR, rt.BIGINT) or isinstance(ty, rt.StrT):
        return "{}", e.code
    if ty == rt.FLOAT:
        ctx.use_helper("py_float_repr")
        return "{}", f"py_float_repr({value(e)})"
    if ty == rt.BOOL:
        return "{}", f'if {value(e)} {{ "True" }} else {{ "False" }}'
    if ty == rt.UNIT:
        return "None", ""
    if isinstance(ty, rt.StructT) and ty.name != "PyException":
        return "{}", e.code
    if isinstance(ty, rt.StructT):
        return "{}", e.code
    if isinstance(ty, rt.BytesT):
        ctx.use_helper("py_bytes_repr")  # (Vec<u8>'s own PyFmt prints a list of ints)
        return "{}", f"py_bytes_repr({borrow(e)})"
    empty = _empty_untyped_text(e)
    if empty is not None:
        return "{}", f'"{empty}"'
    ctx.use_helper("py_fmt")
    if isinstance(ty, rt.DictT) and ty.flavour == "counter":
        ctx.use_helper("py_counter_repr")
        return "{}", f"py_counter_repr({borrow(e)})"
    if rt.contains_var_tuple(ty):
        return "{}", repr_by_type(e.at(Prec.POSTFIX), ty)
    return "{}", f"{e.at(Prec.POSTFIX)}.py_str()"


def _empty_untyped_text(e: Expr) -> str | None:
    """`print(set())`, `print(tuple())`: an empty container nothing gives an item type to
    (rustc could not infer one) prints as a constant."""
    ty = e.ty
    open_item = (
        ty.elem
        if isinstance(ty, rt.ListT | rt.SetT)
        else ty.key
        if isinstance(ty, rt.DictT)
        else None
    )
    if open_item is None or not isinstance(open_item, rt.UnknownT):
        return None
    if not e.code.endswith("::new()") or e.kind is not Kind.OWNED:
        return None
    if isinstance(ty, rt.VarTupleT):
        return "()"
    if isinstance(ty, rt.SetT):
        return "set()"
    return "[]" if isinstance(ty, rt.ListT) else "{}"


def repr_by_type(code: str, ty: rt.RType, depth: int = 0) -> str:
    """Python's repr of a value whose Rust type prints differently (a `tuple[T, ...]` is a
    `Vec`): walk the static type down to the parts `PyFmt` prints right."""
    v = f"v{depth}"
    if isinstance(ty, rt.ListT | rt.SetT | rt.DequeT) and rt.contains_var_tuple(ty.elem):
        parts = (
            f"{code}.iter().map(|{v}| {repr_by_type(v, ty.elem, depth + 1)}).collect::<Vec<_>>()"
        )
        if isinstance(ty, rt.VarTupleT):
            return (
                f'{{ let parts = {parts}; if parts.len() == 1 {{ format!("({{}},)", parts[0]) }} '
                f'else {{ format!("({{}})", parts.join(", ")) }} }}'
            )
        if isinstance(ty, rt.SetT):
            return (
                f'{{ let parts = {parts}; if parts.is_empty() {{ "set()".to_string() }} '
                f'else {{ format!("{{{{{{}}}}}}", parts.join(", ")) }} }}'
            )
        open_, close = ("deque([", "])") if isinstance(ty, rt.DequeT) else ("[", "]")
        return f'format!("{open_}{{}}{close}", {parts}.join(", "))'
    if isinstance(ty, rt.VarTupleT):
        return (
            f"{{ let parts = {code}.iter().map(|{v}| {v}.py_repr()).collect::<Vec<_>>(); "
            f'if parts.len() == 1 {{ format!("({{}},)", parts[0]) }} '
            f'else {{ format!("({{}})", parts.join(", ")) }} }}'
        )
    if isinstance(ty, rt.TupleT) and rt.contains_var_tuple(ty):
        fields = [repr_by_type(f"{code}.{i}", t, depth + 1) for i, t in enumerate(ty.items)]
        holes = "({},)" if len(fields) == 1 else "(" + ", ".join("{}" for _ in fields) + ")"
        return f'format!("{holes}", {", ".join(fields)})'
    if isinstance(ty, rt.DictT) and rt.contains_var_tuple(ty):
        k, val = f"k{depth}", f"v{depth}"
        key_repr = repr_by_type(k, ty.key, depth + 1)
        value_repr = repr_by_type(val, ty.value, depth + 1)
        pair = f'format!("{{}}: {{}}", {key_repr}, {value_repr})'
        entries = f"{code}.iter().map(|({k}, {val})| {pair}).collect::<Vec<_>>()"
        return f'format!("{{{{{{}}}}}}", {entries}.join(", "))'
    if isinstance(ty, rt.OptionT) and rt.contains_var_tuple(ty):
        inner = repr_by_type(v, ty.inner, depth + 1)
        return f'match {code}.as_ref() {{ Some({v}) => {inner}, None => "None".to_string() }}'
    return f"{code}.py_repr()"


def repr_of(ctx: ModuleContext, e: Expr) -> str:
    """Code of a `String` equal to Python's `repr()` of the value."""
    ty = e.ty
    if ty in (rt.INT, rt.BIGINT):
        return f"{e.at(Prec.POSTFIX)}.to_string()"
    if isinstance(ty, rt.StructT) and ty.name != "PyException":
        return f'format!("{{:?}}", {e.code})'
    if isinstance(ty, rt.BytesT):
        ctx.use_helper("py_bytes_repr")
        return f"py_bytes_repr({borrow(e)})"
    ctx.use_helper("py_fmt")
    empty = _empty_untyped_text(e)
    if empty is not None:
        return f'"{empty}".to_string()'
    if rt.contains_var_tuple(ty):
        return repr_by_type(e.at(Prec.POSTFIX), ty)
    return f"{e.at(Prec.POSTFIX)}.py_repr()"


def str_of(ctx: ModuleContext, e: Expr) -> str:
    """Code of a `String` equal to Python's `str()` of the value."""
    ty = e.ty
    if isinstance(ty, rt.StrT):
        return owned(e)
    if ty in (rt.INT, rt.CHAR, rt.BIGINT):
        return f"{e.at(Prec.POSTFIX)}.to_string()"
    if ty == rt.FLOAT:
        ctx.use_helper("py_float_repr")
        return f"py_float_repr({value(e)})"
    if ty == rt.BOOL:
        return f'if {value(e)} {{ "True" }} else {{ "False" }}.to_string()'
    if isinstance(ty, rt.StructT):
        return f"{e.at(Prec.POSTFIX)}.to_string()"
    piece, arg = display(ctx, e)
    if piece == "{}" and arg.endswith(".py_str()"):
        return arg  # already a String
    return f'format!("{piece}", {arg})' if arg else f'"{piece}".to_string()'


def receiver(e: Expr) -> str:
    """Code usable before `.method()`: a bare numeric literal gets its type suffix, since
    Rust cannot pick an inherent method (`abs`, `pow`, `rem_euclid`) for `{integer}`."""
    code = e.code
    body = code[1:-1] if code.startswith("(") and code.endswith(")") else code
    if e.ty in (rt.INT, rt.FLOAT) and _NUMERIC_LITERAL.match(body):
        suffix = "_i64" if e.ty == rt.INT else "_f64"
        return f"({body}{suffix})" if body.startswith("-") else f"{body}{suffix}"
    return e.at(Prec.POSTFIX)


def argument(code: str) -> str:
    """`code` as a function argument: parentheses around the whole text (a range kept ready
    for a method call, `(0..n)`) are redundant there, and rustc warns about them."""
    if not (code.startswith("(") and code.endswith(")")):
        return code
    depth = 0
    for index, char in _outside_literals(code):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0 and index < len(code) - 1:
                return code  # `(a)..(b)`: the first parenthesis closes early
        elif char == "," and depth == 1:
            return code  # a tuple `(a, b)`
    inner = code[1:-1]
    return inner if inner.strip() else code  # `()` is the unit value


def _outside_literals(code: str) -> list[tuple[int, str]]:
    """(index, char) of the characters of `code` outside string and char literals."""
    code = re.sub(r"'(\\.|[^\\'])'", lambda m: " " * len(m.group()), code)  # '(' ')'
    out: list[tuple[int, str]] = []
    in_string = escaped = False
    for index, char in enumerate(code):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        else:
            out.append((index, char))
    return out


def is_numeric_literal(code: str) -> bool:
    return bool(_NUMERIC_LITERAL.match(code))


_NUMERIC_LITERAL = re.compile(r"^-?[0-9][0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9]+)?$")
