"""Conversions between value kinds: owned, borrowed, mutably borrowed, displayed, tested.

Every lowered expression carries its kind (ir.Kind); consumers call these to get the
form they need, so a borrow is used wherever it works and a clone only where Python's
value semantics require a copy.
"""

from __future__ import annotations

import re

from mypy.nodes import Expression, TypeInfo
from mypy.types import Instance, get_proper_type

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower.context import FnContext, ModuleContext, Unsupported


def owned(e: Expr) -> str:
    """Code for an owned value of `e.ty` (copies Copy values, clones others)."""
    if e.kind is Kind.OWNED:
        return e.code
    ty = e.ty
    if ty.is_copy:
        return e.code if e.kind is Kind.PLACE else f"*{e.at(Prec.UNARY)}"
    if isinstance(ty, rt.StructT) and ty.name == "PyStringIO":
        # Python shares the one stream; a copy would take writes the original never sees
        raise Unsupported(what="a StringIO stored or bound under a second name", code="PRT181")
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


_SHARED_UNWRAP = ".as_ref().unwrap()"


def mutable_place(e: Expr) -> Expr:
    """`x.as_ref().unwrap()` (a narrowed Optional variable) as `x.as_mut().unwrap()`, where
    the value is changed in place; other places as they are."""
    if e.code.endswith(_SHARED_UNWRAP):
        code = e.code.removesuffix(_SHARED_UNWRAP) + ".as_mut().unwrap()"
        return Expr(code, e.ty, Kind.MUT_BORROWED, Prec.POSTFIX)
    return e


def borrow_mut(e: Expr) -> str:
    e = mutable_place(e)
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


def truthy(ctx: FnContext, node: Expression, e: Expr) -> Expr:
    """Python truthiness of `e` as a Rust `bool` expression; `node` is the Python expression
    it stands for (where a value whose truth test is unknown is reported)."""
    test = _truth_test(ctx, node, e)
    return evaluated_constant(e, "true") if test is None else test


def _truth_test(ctx: FnContext, node: Expression, e: Expr) -> Expr | None:
    """The test, or None where every value of the type is true (a char, an object without
    `__bool__`/`__len__`, a function, a generator, a non-empty tuple)."""
    from backend.transpiler.lower import unions

    ty = e.ty
    union_test = unions.truthy(e)
    if union_test is not None:
        return Expr(union_test, rt.BOOL, Kind.OWNED, Prec.POSTFIX)
    if ty == rt.BOOL:
        return value_expr(e)
    if ty in (rt.INT, rt.USIZE):  # an `enumerate` index is a `usize`
        return Expr(f"{value_expr(e).at(Prec.BITOR)} != 0", rt.BOOL, Kind.OWNED, Prec.CMP)
    if ty == rt.BIGINT:
        return Expr(f"!{e.at(Prec.POSTFIX)}.is_zero()", rt.BOOL, Kind.OWNED, Prec.UNARY)
    if ty == rt.FLOAT:
        return Expr(f"{value_expr(e).at(Prec.BITOR)} != 0.0", rt.BOOL, Kind.OWNED, Prec.CMP)
    if ty == rt.COMPLEX:  # true unless both parts are zero
        v = e.at(Prec.POSTFIX)
        return Expr(f"{v}.re != 0.0 || {v}.im != 0.0", rt.BOOL, Kind.OWNED, Prec.OR)
    if isinstance(ty, rt.StrT | rt.ListT | rt.DictT | rt.SetT | rt.DequeT | rt.BytesT):
        return Expr(f"!{e.at(Prec.POSTFIX)}.is_empty()", rt.BOOL, Kind.OWNED, Prec.UNARY)
    if ty == rt.UNIT or (isinstance(ty, rt.TupleT) and not ty.items):  # None, `()`
        return evaluated_constant(e, "false")
    if isinstance(ty, rt.OptionT):
        return _option_truth(ctx, node, e, ty.inner)
    if isinstance(ty, rt.StructT):
        return _object_truth(ctx, node, e)
    if ty == rt.CHAR or isinstance(ty, rt.TupleT | rt.FnT):
        return None
    if isinstance(ty, rt.IterT) and not _is_range(ctx, node):
        return None  # generators, map/filter/zip objects: always true
    raise Unsupported(node, f"the truth value of a `{ty.render()}` value", "PRT133")


def _option_truth(ctx: FnContext, node: Expression, e: Expr, inner: rt.RType) -> Expr:
    """`Some(v)` and `v` true: `Optional[int]` 0, `Optional[bool]` False and `Optional[str]`
    "" are false, like None."""
    base = e.at(Prec.POSTFIX)
    if inner.is_copy:
        test = _truth_test(ctx, node, Expr("v", inner, Kind.PLACE))
    else:
        test = _truth_test(ctx, node, Expr("v", inner, Kind.BORROWED))
        base = f"{base}.as_ref()"
    if test is None:
        return Expr(f"{e.at(Prec.POSTFIX)}.is_some()", rt.BOOL, Kind.OWNED, Prec.POSTFIX)
    return Expr(f"{base}.is_some_and(|v| {test.code})", rt.BOOL, Kind.OWNED, Prec.POSTFIX)


def _object_truth(ctx: FnContext, node: Expression, e: Expr) -> Expr | None:
    """An object is true unless its class (or a base) defines `__bool__`, else `__len__`:
    looked up along the MRO as Python does, then called as the class's Rust method."""
    from backend.transpiler.lower import class_uses, classes

    ci = classes.class_of(ctx.module, e.ty)
    if ci is None:
        return None
    if ci.int_enum:  # an IntEnum member is its int value
        from backend.transpiler.lower import enums

        return _truth_test(ctx, node, enums.int_value(ctx, e))
    for dunder in ("__bool__", "__len__"):
        method = ci.info.get_method(dunder)
        if method is None or method.info is None:
            continue
        own = class_uses.call_dunder(ctx, node, e, dunder, [])
        result = own if own is not None else _inherited_dunder(ctx, e, method.info, dunder)
        if result is None:
            raise Unsupported(node, f"the truth value of a `{ci.name}` object", "PRT133")
        if dunder == "__bool__":
            return result
        return Expr(f"{result.at(Prec.BITOR)} != 0", rt.BOOL, Kind.OWNED, Prec.CMP)
    return None


def _inherited_dunder(ctx: FnContext, e: Expr, owner: TypeInfo, dunder: str) -> Expr | None:
    """`x.len()` for a `__len__` a base class defines (subclasses carry copies of it)."""
    defining = ctx.module.classes.get(owner.fullname)
    sig = ctx.module.signatures.get(f"{owner.fullname}.{dunder}")
    if defining is None or sig is None or sig.fallible or dunder not in defining.dunders:
        return None
    code = f"{e.at(Prec.POSTFIX)}.{defining.dunders[dunder]}()"
    return Expr(code, sig.ret, Kind.OWNED, Prec.POSTFIX)


def _is_range(ctx: FnContext, node: Expression) -> bool:
    """A `range` object is an iterator here, but false when empty in Python."""
    typ = get_proper_type(ctx.module.mypy_type(node))
    return isinstance(typ, Instance) and typ.type.fullname == "builtins.range"


def evaluated_constant(e: Expr, constant: str) -> Expr:
    """A truth value known from the type alone; the operand is still evaluated when that
    can have effects (`if log(x):` calls `log`)."""
    if _PLAIN_PATH.match(e.code):
        return Expr(constant, rt.BOOL)
    return Expr(f"{{ let _ = {e.code}; {constant} }}", rt.BOOL)


_PLAIN_PATH = re.compile(r"^&?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$")


def display(ctx: ModuleContext, e: Expr) -> tuple[str, str]:
    """(format piece, argument) that prints `e` exactly as Python's `str()` would."""
    ty = e.ty
    if ty in (rt.INT, rt.CHAR, rt.BIGINT) or isinstance(ty, rt.StrT):
        return "{}", e.code
    if ty == rt.FLOAT:
        ctx.use_helper("py_float_repr")
        return "{}", f"py_float_repr({value(e)})"
    if ty == rt.COMPLEX:
        return "{}", f"{e.at(Prec.POSTFIX)}.py_repr()"
    if ty == rt.BOOL:
        return "{}", f'if {value(e)} {{ "True" }} else {{ "False" }}'
    if ty == rt.UNIT:
        if e.code in ("None", "()") or _PLAIN_PATH.match(e.code):
            return "None", ""  # (a variable: evaluating it has no effect)
        return "{}", f'{{ {e.code}; "None" }}'  # `print(f())` still runs `f`
    if isinstance(ty, rt.StructT) and ty.render().startswith("Rc<RefCell<"):
        return "{}", f"{e.at(Prec.POSTFIX)}.borrow()"  # a node: the struct formats itself
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
    if rt.prints_unlike_pyfmt(ty):
        typed_repr_helpers(ctx, ty)
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
    if isinstance(ty, rt.ArrayT):  # its typecode is a run-time value: rustc reports the line
        return 'compile_error!("Portalis: printing an array.array (its typecode is not known)")'
    if isinstance(ty, rt.ListT | rt.SetT | rt.DequeT) and rt.prints_unlike_pyfmt(ty.elem):
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
    if isinstance(ty, rt.TupleT) and rt.prints_unlike_pyfmt(ty):
        fields = [repr_by_type(f"{code}.{i}", t, depth + 1) for i, t in enumerate(ty.items)]
        holes = "({},)" if len(fields) == 1 else "(" + ", ".join("{}" for _ in fields) + ")"
        return f'format!("{holes}", {", ".join(fields)})'
    if isinstance(ty, rt.DictT) and rt.prints_unlike_pyfmt(ty):
        k, val = f"k{depth}", f"v{depth}"
        key_repr = repr_by_type(k, ty.key, depth + 1)
        value_repr = repr_by_type(val, ty.value, depth + 1)
        pair = f'format!("{{}}: {{}}", {key_repr}, {value_repr})'
        entries = f"{code}.iter().map(|({k}, {val})| {pair}).collect::<Vec<_>>()"
        return f'format!("{{{{{{}}}}}}", {entries}.join(", "))'
    if isinstance(ty, rt.OptionT) and rt.prints_unlike_pyfmt(ty):
        inner = repr_by_type(v, ty.inner, depth + 1)
        return f'match {code}.as_ref() {{ Some({v}) => {inner}, None => "None".to_string() }}'
    if isinstance(ty, rt.BytesT):  # (the caller emits the helper: typed_repr_helpers)
        return f"py_bytes_repr(&{code})"
    return f"{code}.py_repr()"


def typed_repr_helpers(ctx: ModuleContext, ty: rt.RType) -> None:
    """The runtime helpers `repr_by_type` of this type calls."""
    if "Vec<u8>" in ty.render():
        ctx.use_helper("py_bytes_repr")


def repr_of(ctx: ModuleContext, e: Expr) -> str:
    """Code of a `String` equal to Python's `repr()` of the value."""
    ty = e.ty
    if ty in (rt.INT, rt.BIGINT):
        return f"{e.at(Prec.POSTFIX)}.to_string()"
    if ty == rt.COMPLEX:
        return f"{e.at(Prec.POSTFIX)}.py_repr()"
    if isinstance(ty, rt.StructT) and ty.name != "PyException":
        return f'format!("{{:?}}", {e.code})'
    if isinstance(ty, rt.BytesT):
        ctx.use_helper("py_bytes_repr")
        return f"py_bytes_repr({borrow(e)})"
    ctx.use_helper("py_fmt")
    empty = _empty_untyped_text(e)
    if empty is not None:
        return f'"{empty}".to_string()'
    if rt.prints_unlike_pyfmt(ty):
        typed_repr_helpers(ctx, ty)
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
    if ty == rt.COMPLEX:
        return f"{e.at(Prec.POSTFIX)}.py_repr()"
    if ty == rt.BOOL:
        return f'if {value(e)} {{ "True" }} else {{ "False" }}.to_string()'
    if isinstance(ty, rt.StructT) and ty.render().startswith("Rc<RefCell<"):
        return f"{e.at(Prec.POSTFIX)}.borrow().to_string()"
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
    if e.ty in (rt.INT, rt.FLOAT) and _LITERAL_ARITHMETIC.match(code):
        # `(-27 - 10).abs()`: arithmetic on literals alone is `{integer}` too
        suffix = "_i64" if e.ty == rt.INT else "_f64"
        return f"({_NUMBER_TOKEN.sub(lambda m: m.group(0) + suffix, code)})"
    return e.at(Prec.POSTFIX)


_LITERAL_ARITHMETIC = re.compile(r"^[\d_.\s+\-*/%()]+$")
_NUMBER_TOKEN = re.compile(r"(?<![\w.])\d[\d_]*(?:\.\d[\d_]*)?(?![\w.])")


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


def unparenthesized_range(code: str) -> str:
    """`(4..6)` as a call argument or a `for` iterable needs no parentheses (rustc warns)."""
    if code.startswith("(") and code.endswith(")") and code.count("(") == 1 and ".." in code:
        return code[1:-1]
    return code


def array_if_display(code: str) -> str:
    """`vec![a, b]` only iterated or borrowed: the array `[a, b]` (clippy::useless_vec)."""
    if code.startswith("vec![") and code.endswith("]") and ";" not in code:
        return code[4:]
    return code
