"""The standard library modules programs use most: one dispatch entry per function."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    DictExpr,
    Expression,
    FloatExpr,
    IntExpr,
    LambdaExpr,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    StrExpr,
    TupleExpr,
    UnaryExpr,
    Var,
)
from mypy.types import Instance, get_proper_type

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call, Lowerer
from backend.transpiler.lower.context import FnContext, Unsupported
from backend.transpiler.lower.expressions import coerce, lower_expr
from backend.transpiler.lower.literals import rust_str_literal

FUNCTIONS: dict[str, Lowerer] = {}

# Module-level constants: fullname -> (Rust expression, type, needs `use`)
CONSTANTS: dict[str, tuple[str, rt.RType]] = {
    "math.pi": ("std::f64::consts::PI", rt.FLOAT),
    "math.e": ("std::f64::consts::E", rt.FLOAT),
    "math.tau": ("std::f64::consts::TAU", rt.FLOAT),
    "math.inf": ("f64::INFINITY", rt.FLOAT),
    "math.nan": ("f64::NAN", rt.FLOAT),
    "sys.maxsize": ("i64::MAX", rt.INT),
    "string.ascii_lowercase": ('"abcdefghijklmnopqrstuvwxyz"', rt.STR),
    "string.ascii_uppercase": ('"ABCDEFGHIJKLMNOPQRSTUVWXYZ"', rt.STR),
    "string.ascii_letters": ('"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"', rt.STR),
    "string.digits": ('"0123456789"', rt.STR),
    "string.hexdigits": ('"0123456789abcdefABCDEF"', rt.STR),
    "string.octdigits": ('"01234567"', rt.STR),
    "string.punctuation": ('"!\\"#$%&\'()*+,-./:;<=>?@[\\\\]^_`{|}~"', rt.STR),
    "string.whitespace": ('" \\t\\n\\r\\u{b}\\u{c}"', rt.STR),
}


def lower_module_attr(ctx: FnContext, node: MemberExpr, module_name: str) -> Expr:
    fullname = f"{module_name}.{node.name}"
    return _constant(ctx, node, fullname)


def lower_module_name(ctx: FnContext, node: NameExpr) -> Expr | None:
    if node.fullname in CONSTANTS:
        return _constant(ctx, node, node.fullname)
    return None


def _constant(ctx: FnContext, node: NameExpr | MemberExpr, fullname: str) -> Expr:
    found = CONSTANTS.get(fullname)
    if found is None:
        const = ctx.module.constants.get(node.name)
        if const is not None and fullname.startswith(ctx.module.module_name + "."):
            return Expr(const.rust_name, const.ty, const.kind)
        raise Unsupported(node, f"`{fullname}`", "PRT700")
    code, ty = found
    kind = Kind.BORROWED if isinstance(ty, rt.StrT) else Kind.OWNED
    return Expr(code, ty, kind)


# C accelerator modules whose names mypy gives to what `from heapq import heappush` binds
ACCELERATED: dict[str, str] = {"_heapq": "heapq", "_bisect": "bisect", "_struct": "struct"}


def public_name(fullname: str) -> str:
    """`_heapq.heappush` -> `heapq.heappush` (the dispatch tables use the public names)."""
    module, _, name = fullname.partition(".")
    return f"{ACCELERATED[module]}.{name}" if module in ACCELERATED else fullname


def function(*names: str) -> Callable[[Lowerer], Lowerer]:
    def register(fn: Lowerer) -> Lowerer:
        for name in names:
            FUNCTIONS[name] = fn
        return fn

    return register


def _float_arg(call: Call, index: int = 0) -> Expr:
    return values.value_expr(coerce(call.ctx, call.arg(index), rt.FLOAT))


def _int_arg(call: Call, index: int = 0) -> Expr:
    """An int argument; callers place it with `.code` (an argument) or `.at(..)` (an
    operand: `skip(a - 1 as usize)` would cast only the `1`)."""
    return values.value_expr(coerce(call.ctx, call.arg(index), rt.INT))


# ---- math ----


def _float_method(rust: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        x = _float_arg(call)
        return Expr(f"{values.receiver(x)}.{rust}()", rt.FLOAT, Kind.OWNED, Prec.POSTFIX)

    return lower


for _py, _rs in {
    "exp": "exp",
    "sin": "sin",
    "cos": "cos",
    "tan": "tan",
    "asin": "asin",
    "acos": "acos",
    "atan": "atan",
    "sinh": "sinh",
    "cosh": "cosh",
    "tanh": "tanh",
    "fabs": "abs",
    "log2": "log2",
    "log10": "log10",
    "log1p": "ln_1p",
    "expm1": "exp_m1",
    "degrees": "to_degrees",
    "radians": "to_radians",
    "cbrt": "cbrt",
}.items():
    FUNCTIONS[f"math.{_py}"] = _float_method(_rs)


@function("math.sqrt")
def math_sqrt(call: Call) -> Expr:
    call.helper("py_sqrt")
    return Expr(f"py_sqrt({_float_arg(call).code})", rt.FLOAT, Kind.OWNED)


@function("math.log")
def math_log(call: Call) -> Expr:
    x = _float_arg(call)
    if len(call.args) > 1:
        call.helper("py_log_base")
        return Expr(f"py_log_base({x.code}, {_float_arg(call, 1).code})", rt.FLOAT, Kind.OWNED)
    call.helper("py_log")
    return Expr(f"py_log({x.code})", rt.FLOAT, Kind.OWNED)


def _rounding(rust: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        x = call.arg(0)
        if x.ty == rt.INT:
            return values.value_expr(x)
        x = _float_arg(call)
        # `int()` of the rounded float: inf/nan raise as in CPython instead of saturating
        call.helper("py_float_to_int")
        return Expr(f"py_float_to_int({values.receiver(x)}.{rust}())", rt.INT, Kind.OWNED)

    return lower


FUNCTIONS["math.floor"] = _rounding("floor")
FUNCTIONS["math.ceil"] = _rounding("ceil")
FUNCTIONS["math.trunc"] = _rounding("trunc")


@function("math.pow")
def math_pow(call: Call) -> Expr:
    x, y = _float_arg(call), _float_arg(call, 1)
    return Expr(f"{values.receiver(x)}.powf({y.code})", rt.FLOAT, Kind.OWNED, Prec.POSTFIX)


@function("math.atan2")
def math_atan2(call: Call) -> Expr:
    y, x = _float_arg(call), _float_arg(call, 1)
    return Expr(f"{values.receiver(y)}.atan2({x.code})", rt.FLOAT, Kind.OWNED, Prec.POSTFIX)


@function("math.hypot")
def math_hypot(call: Call) -> Expr:
    x, y = _float_arg(call), _float_arg(call, 1)
    return Expr(f"{values.receiver(x)}.hypot({y.code})", rt.FLOAT, Kind.OWNED, Prec.POSTFIX)


@function("math.copysign")
def math_copysign(call: Call) -> Expr:
    x, y = _float_arg(call), _float_arg(call, 1)
    return Expr(f"{values.receiver(x)}.copysign({y.code})", rt.FLOAT, Kind.OWNED, Prec.POSTFIX)


def _predicate(rust: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        return Expr(
            f"{values.receiver(_float_arg(call))}.{rust}()", rt.BOOL, Kind.OWNED, Prec.POSTFIX
        )

    return lower


FUNCTIONS["math.isnan"] = _predicate("is_nan")
FUNCTIONS["math.isinf"] = _predicate("is_infinite")
FUNCTIONS["math.isfinite"] = _predicate("is_finite")


def _int_helper(helper: str, arity: int) -> Lowerer:
    def lower(call: Call) -> Expr:
        call.helper(helper)
        args = ", ".join(_int_arg(call, i).code for i in range(arity))
        return Expr(f"{helper}({args})", rt.INT, Kind.OWNED)

    return lower


FUNCTIONS["math.gcd"] = _int_helper("py_gcd", 2)
FUNCTIONS["math.lcm"] = _int_helper("py_lcm", 2)
FUNCTIONS["math.isqrt"] = _int_helper("py_isqrt", 1)
FUNCTIONS["math.factorial"] = _int_helper("py_factorial", 1)  # (bigints: beyond 20!)
FUNCTIONS["math.comb"] = _int_helper("py_comb", 2)
FUNCTIONS["math.perm"] = _int_helper("py_perm", 2)


_small_factorial = FUNCTIONS["math.factorial"]


@function("math.factorial")
def math_factorial(call: Call) -> Expr:
    if call.result_type == rt.BIGINT:
        from backend.transpiler.lower import bigints

        return bigints.factorial(call.ctx, call.arg(0))  # the analysis says it may exceed i64
    return _small_factorial(call)


@function("math.isclose")
def math_isclose(call: Call) -> Expr:
    call.helper("py_isclose")
    return Expr(
        f"py_isclose({_float_arg(call).code}, {_float_arg(call, 1).code})", rt.BOOL, Kind.OWNED
    )


@function("math.fsum")
def math_fsum(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, elem = owned_iterator(call)
    if elem != rt.FLOAT:
        iterator = f"{iterator}.map(|x| x as f64)"
    call.helper("py_fsum")  # exactly rounded, unlike a plain running sum
    return Expr(f"py_fsum({values.argument(iterator)})", rt.FLOAT, Kind.OWNED)


@function("math.fmod")
def math_fmod(call: Call) -> Expr:
    x, y = _float_arg(call), _float_arg(call, 1)
    # Rust's `%` on f64 is C's fmod (sign of x); a zero divisor is a domain error in Python
    code = (
        f"{{ let (x, y): (f64, f64) = ({x.code}, {y.code}); "
        f'if y == 0.0 && !x.is_nan() {{ panic!("ValueError: math domain error") }} x % y }}'
    )
    return Expr(code, rt.FLOAT, Kind.OWNED)


@function("math.dist")
def math_dist(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    coords = []
    for index in range(2):
        iterator, elem = owned_iterator(call, index)
        coords.append(iterator if elem == rt.FLOAT else f"{iterator}.map(|x| x as f64)")
    code = f"{coords[0]}.zip({coords[1]}).map(|(a, b)| (a - b) * (a - b)).sum::<f64>().sqrt()"
    return Expr(code, rt.FLOAT, Kind.OWNED, Prec.POSTFIX)


@function("math.prod")
def math_prod(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, elem = owned_iterator(call)
    if elem == rt.INT:
        from backend.transpiler.lower import int_ops

        return int_ops.product_of(call.ctx, iterator)
    return Expr(f"{iterator}.product::<{elem.render()}>()", elem, Kind.OWNED, Prec.POSTFIX)


# ---- time and sys ----


def _clock(helper: str, ty: rt.RType) -> Lowerer:
    def lower(call: Call) -> Expr:
        call.helper(helper)
        return Expr(f"{helper}()", ty, Kind.OWNED, Prec.POSTFIX)

    return lower


FUNCTIONS["time.time"] = _clock("py_time", rt.FLOAT)
FUNCTIONS["time.time_ns"] = _clock("py_time_ns", rt.INT)
FUNCTIONS["time.perf_counter"] = _clock("py_perf_counter", rt.FLOAT)
FUNCTIONS["time.monotonic"] = _clock("py_perf_counter", rt.FLOAT)
FUNCTIONS["time.perf_counter_ns"] = _clock("py_perf_counter_ns", rt.INT)
FUNCTIONS["time.monotonic_ns"] = _clock("py_perf_counter_ns", rt.INT)


@function("time.sleep")
def time_sleep(call: Call) -> Expr:
    call.helper("py_sleep")
    return Expr(f"py_sleep({_float_arg(call).code})", rt.UNIT, Kind.OWNED)


# The standard streams by the `print!` family that writes to them
STREAMS: dict[str, str] = {"sys.stdout": "print", "sys.stderr": "eprint"}


def _stream_write(macro: str) -> Lowerer:
    """`sys.stdout.write(s)`: writes `s` as it is and returns its length in characters."""

    def lower(call: Call) -> Expr:
        text = values.borrow_str(call.arg(0, rt.STR))
        code = f'{{ let s: &str = {text}; {macro}!("{{}}", s); s.chars().count() as i64 }}'
        return Expr(code, rt.INT, Kind.OWNED)

    return lower


def _stream_flush(stream: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        code = f"std::io::Write::flush(&mut std::io::{stream}()).unwrap()"
        return Expr(code, rt.UNIT, Kind.OWNED, Prec.POSTFIX)

    return lower


for _stream, _macro in STREAMS.items():
    FUNCTIONS[f"{_stream}.write"] = _stream_write(_macro)
    FUNCTIONS[f"{_stream}.flush"] = _stream_flush(_stream.removeprefix("sys."))


def module_object(node: Expression) -> str | None:
    """The full name of a standard-library object a method is called on (`sys.stdout` in
    `sys.stdout.write(s)`, also after `from sys import stdout`), else None."""
    if (
        isinstance(node, MemberExpr)
        and isinstance(node.expr, NameExpr)
        and isinstance(node.expr.node, MypyFile)
    ):
        return f"{node.expr.node.fullname}.{node.name}"
    if isinstance(node, NameExpr) and isinstance(node.node, Var) and node.node.fullname in STREAMS:
        return node.node.fullname
    return None


# ---- random (CPython's Mersenne Twister: seeded programs draw the same numbers) ----


@function("random.seed")
def random_seed(call: Call) -> Expr:
    call.helper("py_random_seed")
    node = call.args[0] if call.args else call.kwargs.get("a")
    if node is None or _is_none(node):
        return Expr("py_random_seed(None)", rt.UNIT, Kind.OWNED)
    if call.ctx.module.type_of(node) not in (rt.INT, rt.BOOL) or len(call.args) > 1:
        raise call.fail("random.seed() of a value other than an int", "PRT710")
    seed = values.value(coerce(call.ctx, lower_expr(call.ctx, node), rt.INT))
    return Expr(f"py_random_seed(Some({seed}))", rt.UNIT, Kind.OWNED)


@function("random.random")
def random_random(call: Call) -> Expr:
    call.helper("py_random")
    return Expr("py_random()", rt.FLOAT, Kind.OWNED, Prec.POSTFIX)


FUNCTIONS["random.randint"] = _int_helper("py_randint", 2)
FUNCTIONS["random.getrandbits"] = _int_helper("py_getrandbits", 1)


@function("random.randrange")
def random_randrange(call: Call) -> Expr:
    if call.kwargs:
        raise call.fail("random.randrange() with keyword arguments", "PRT710")
    call.helper("py_randrange")
    start = _int_arg(call, 0).code
    stop = f"Some({_int_arg(call, 1).code})" if len(call.args) > 1 else "None"
    step = _int_arg(call, 2).code if len(call.args) > 2 else "1"
    return Expr(f"py_randrange({start}, {stop}, {step})", rt.INT, Kind.OWNED)


@function("random.uniform")
def random_uniform(call: Call) -> Expr:
    call.helper("py_uniform")
    code = f"py_uniform({_float_arg(call).code}, {_float_arg(call, 1).code})"
    return Expr(code, rt.FLOAT, Kind.OWNED)


@function("random.choice")
def random_choice(call: Call) -> Expr:
    source, elem = _materialized(call)
    call.helper("py_choice")
    return Expr(f"py_choice({source})", elem, Kind.OWNED)


@function("random.shuffle")
def random_shuffle(call: Call) -> Expr:
    items = call.arg(0)
    if not isinstance(items.ty, rt.ListT):
        raise call.fail(f"random.shuffle() of {items.ty.render()}", "PRT710")
    call.helper("py_shuffle")
    return Expr(f"py_shuffle({values.borrow_mut(items)})", rt.UNIT, Kind.OWNED)


@function("random.sample")
def random_sample(call: Call) -> Expr:
    if "counts" in call.kwargs:
        raise call.fail("random.sample(counts=...)", "PRT710")
    source, elem = _materialized(call)
    k_node = call.args[1] if len(call.args) > 1 else call.kwargs["k"]
    k = values.value(lower_expr(call.ctx, k_node, rt.INT))
    call.helper("py_sample")
    return Expr(f"py_sample({source}, {k})", rt.ListT(elem), Kind.OWNED)


@function("random.choices")
def random_choices(call: Call) -> Expr:
    if len(call.args) > 1 or {"weights", "cum_weights"} & set(call.kwargs):
        raise call.fail("random.choices() with weights", "PRT710")
    source, elem = _materialized(call)
    k = call.kwarg("k", rt.INT)
    call.helper("py_choices")
    code = f"py_choices({source}, {'1' if k is None else values.value(k)})"
    return Expr(code, rt.ListT(elem), Kind.OWNED)


# ---- struct (fixed formats; the runtime parses the format as CPython does) ----

# item type of each struct code (`x` is padding: no item)
STRUCT_CODES: dict[str, rt.RType] = {
    **dict.fromkeys("bBhHiIlLqQ", rt.INT),
    "f": rt.FLOAT,
    "d": rt.FLOAT,
    "?": rt.BOOL,
    "x": rt.UNIT,
}


def struct_items(fmt: str) -> list[rt.RType] | None:
    """The item types a format packs, or None when the translation does not support it."""
    body = fmt[1:] if fmt[:1] in "@=<>!" and fmt else fmt
    items: list[rt.RType] = []
    count = ""
    for ch in body:
        if ch.isdigit():
            count += ch
        elif ch.isspace() and not count:
            continue
        elif ch in STRUCT_CODES:
            n = int(count) if count else 1
            if STRUCT_CODES[ch] != rt.UNIT:
                items.extend([STRUCT_CODES[ch]] * n)
            count = ""
        else:
            return None
    return None if count else items


def _struct_format(call: Call) -> tuple[str, list[rt.RType]]:
    node = call.args[0] if call.args else None
    fmt = None if node is None else constant_str(call.ctx, node)
    if fmt is None:
        raise call.fail("struct with a format that is not a string constant", "PRT711")
    items = struct_items(fmt)
    if items is None:
        raise call.fail(f"struct format {fmt!r}", "PRT711")
    assert node is not None
    code = rust_str_literal(fmt) if isinstance(node, StrExpr) else values.borrow_str(call.arg(0))
    return code, items


def constant_str(ctx: FnContext, node: Expression) -> str | None:
    """The text of a string literal, or of a module-level name bound once to one and never
    rebound (`HEADER = "<4xBHI"`)."""
    if isinstance(node, StrExpr):
        return node.value
    module = ctx.module
    if not (isinstance(node, NameExpr) and node.name in module.constants):
        return None
    if node.fullname != f"{module.module_name}.{node.name}":
        return None
    if node.name in getattr(module, "mutable_globals", set()):
        return None
    bound = [
        stmt.rvalue
        for stmt in module.typed.tree.defs
        if isinstance(stmt, AssignmentStmt)
        and any(isinstance(t, NameExpr) and t.name == node.name for t in stmt.lvalues)
    ]
    if len(bound) == 1 and isinstance(bound[0], StrExpr):
        return bound[0].value
    return None


@function("struct.calcsize")
def struct_calcsize(call: Call) -> Expr:
    fmt, _ = _struct_format(call)
    call.helper("py_struct_calcsize")
    return Expr(f"py_struct_calcsize({fmt})", rt.INT, Kind.OWNED)


_STRUCT_VARIANTS: dict[rt.RType, str] = {rt.INT: "Int", rt.FLOAT: "Float", rt.BOOL: "Bool"}


@function("struct.pack")
def struct_pack(call: Call) -> Expr:
    fmt, _ = _struct_format(call)
    parts = []
    for index in range(1, len(call.args)):
        value = values.value_expr(call.arg(index))
        variant = _STRUCT_VARIANTS.get(value.ty)
        if variant is None:
            raise call.fail(f"struct.pack() of {value.ty.render()}", "PRT711")
        parts.append(f"PyStructItem::{variant}({value.code})")
    call.helper("py_struct_pack")
    return Expr(f"py_struct_pack({fmt}, &[{', '.join(parts)}])", rt.BYTES, Kind.OWNED)


@function("struct.unpack")
def struct_unpack(call: Call) -> Expr:
    fmt, items = _struct_format(call)
    data = values.borrow(call.arg(1))
    call.helper("py_struct_unpack")
    getters: dict[rt.RType, str] = {rt.INT: "int", rt.FLOAT: "float", rt.BOOL: "bool"}
    parts = [f"v[{i}].{getters[ty]}()" for i, ty in enumerate(items)]
    tup = f"({parts[0]},)" if len(parts) == 1 else f"({', '.join(parts)})"
    code = f"{{ let v = py_struct_unpack({fmt}, {data}); {tup} }}"
    return Expr(code, rt.TupleT(tuple(items)), Kind.OWNED)


# ---- functools and string ----


@function("functools.reduce")
def functools_reduce(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, elem = owned_iterator(call, 1)
    acc_t = elem
    initial = call.args[2] if len(call.args) > 2 else call.kwargs.get("initial")
    if initial is not None:
        acc_t = call.result_type if not isinstance(call.result_type, rt.UnknownT) else elem
    fn_node = call.args[0]
    if isinstance(fn_node, LambdaExpr):
        from backend.transpiler.lower import functions

        combine = functions.lower_lambda_with(call.ctx, fn_node, [acc_t, elem], by_ref=False).code
    else:
        combine = _function_arg(call, fn_node, [acc_t, elem], by_ref=False)
    if initial is None:
        code = (
            f"{iterator}.reduce({combine})"
            '.expect("TypeError: reduce() of empty iterable with no initial value")'
        )
        return Expr(code, elem, Kind.OWNED, Prec.POSTFIX)
    start = values.owned(lower_expr(call.ctx, initial, acc_t))
    return Expr(f"{iterator}.fold({start}, {combine})", acc_t, Kind.OWNED, Prec.POSTFIX)


@function("builtins.str.maketrans")
def str_maketrans(call: Call) -> Expr:
    ty = call.result_type
    call.ctx.module.note_type(ty)
    call.helper("py_dict")
    if len(call.args) == 1:
        table = call.arg(0)
        if not isinstance(table.ty, rt.DictT):
            raise call.fail("str.maketrans() of a value that is not a dict", "PRT709")
        if table.ty.key == rt.INT:
            return values.owned_expr(table)
        if not isinstance(table.ty.key, rt.StrT):
            raise call.fail("str.maketrans() of a dict with mixed str and int keys", "PRT709")
        call.helper("py_maketrans_keys")
        return Expr(f"py_maketrans_keys({values.borrow(table)})", ty, Kind.OWNED)
    strs = [values.borrow_str(call.arg(i, rt.STR)) for i in range(len(call.args))]
    helper = "py_maketrans" if len(strs) == 2 else "py_maketrans_deleting"
    call.helper(helper)
    return Expr(f"{helper}({', '.join(strs)})", ty, Kind.OWNED)


@function("string.capwords")
def string_capwords(call: Call) -> Expr:
    if len(call.args) > 1 or call.kwargs:
        raise call.fail("string.capwords() with a separator", "PRT707")
    call.helper("py_str_capitalize")
    text = values.borrow_str(call.arg(0))
    text = f"({text})" if text.startswith("&") else text  # `&s.split..()` borrows the result
    code = f'{text}.split_whitespace().map(py_str_capitalize).collect::<Vec<_>>().join(" ")'
    return Expr(code, rt.STR, Kind.OWNED, Prec.POSTFIX)


# ---- collections ----


@function("collections.Counter")
def counter_new(call: Call) -> Expr:
    ty = call.result_type
    call.ctx.module.note_type(ty)
    if not call.args:
        return Expr("PyDict::new()", ty, Kind.OWNED)
    if isinstance(call.ctx.module.type_of(call.args[0]), rt.DictT):
        return Expr(values.owned(call.arg(0)), ty, Kind.OWNED)  # counts given as a mapping
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, _ = owned_iterator(call)
    code = (
        f"{iterator}.fold(PyDict::new(), |mut counts, item| {{ "
        f"*counts.get_or_insert_with(item, || 0) += 1; counts }})"
    )
    return Expr(code, ty, Kind.OWNED, Prec.POSTFIX)


@function("builtins.dict.fromkeys")
def dict_fromkeys(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, key_t = owned_iterator(call)
    value_node = call.args[1] if len(call.args) > 1 else call.kwargs.get("value")
    if value_node is None:
        ty = rt.DictT(key_t, rt.UNIT)
        code = f"{iterator}.map(|k| (k, ())).collect::<PyDict<_, _>>()"
    else:
        value = lower_expr(call.ctx, value_node)
        ty = rt.DictT(key_t, value.ty)
        fill = "v" if value.ty.is_copy else "v.clone()"
        code = (
            f"{{ let v = {values.owned(value)}; "
            f"{iterator}.map(|k| (k, {fill})).collect::<PyDict<_, _>>() }}"
        )
    call.ctx.module.note_type(ty)
    return Expr(code, ty, Kind.OWNED, Prec.POSTFIX if value_node is None else Prec.ATOM)


@function("collections.OrderedDict")
def ordered_dict_new(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import lower_dict_call

    return lower_dict_call(call)  # a PyDict keeps insertion order already


# Factories whose value is the Rust `Default` of the value type the translation uses
DEFAULT_FACTORIES = frozenset(
    {
        "builtins.int",
        "builtins.float",
        "builtins.str",
        "builtins.bool",
        "builtins.list",
        "builtins.set",
        "builtins.dict",
        "collections.deque",
        "collections.Counter",
        "collections.OrderedDict",
    }
)


@function("collections.defaultdict")
def defaultdict_new(call: Call) -> Expr:
    # indexing a missing key inserts `Default::default()` (subscripts, statements)
    shape_ok = not call.kwargs and call.args and len(call.args) <= 2
    constant = shape_ok and _constant_factory(call.args[0])
    if not shape_ok or not (constant or _default_factory(call.args[0])):
        raise call.fail(
            "defaultdict() other than of one type (int, list, ...) or a lambda returning "
            "a constant",
            "PRT712",
        )
    ty = call.result_type
    call.ctx.module.note_type(ty)
    mapping = _initial_mapping(call, ty, 1)
    if not constant or not isinstance(ty, rt.DictT):
        return mapping
    factory = call.args[0]
    assert isinstance(factory, LambdaExpr)
    value = values.owned(coerce(call.ctx, lower_expr(call.ctx, factory.expr(), ty.value), ty.value))
    code = f"{mapping.at(Prec.POSTFIX)}.with_factory(|| {value})"  # (a fn pointer: no captures)
    return Expr(code, ty, Kind.OWNED, Prec.POSTFIX)


def _constant_factory(node: Expression) -> bool:
    """`lambda: -1`, `lambda: "n/a"`, `lambda: (0, 0)`: a factory whose value names nothing
    (no variables, no calls), so the runtime keeps it as a plain `fn() -> V`. Factories that
    give the value type's `Default` (`int`, `lambda: 0`) need none."""
    if _default_factory(node) or not isinstance(node, LambdaExpr) or node.arguments:
        return False
    return _is_literal(node.expr())


def _is_literal(node: Expression) -> bool:
    if isinstance(node, IntExpr | FloatExpr | StrExpr):
        return True
    if isinstance(node, UnaryExpr) and node.op in ("-", "+"):
        return isinstance(node.expr, IntExpr | FloatExpr)
    if isinstance(node, NameExpr):
        return node.fullname in ("builtins.True", "builtins.False", "builtins.None")
    if isinstance(node, TupleExpr | ListExpr):
        return all(_is_literal(item) for item in node.items)
    return False


def _initial_mapping(call: Call, ty: rt.RType, index: int) -> Expr:
    """`defaultdict(list, {0: [1]})`, `OrderedDict(pairs)`: start from the given items."""
    if len(call.args) <= index:
        return Expr("PyDict::new()", ty, Kind.OWNED)
    source = lower_expr(call.ctx, call.args[index])
    if isinstance(source.ty, rt.DictT) and source.kind is Kind.OWNED:
        return Expr(source.code, ty, Kind.OWNED, source.prec)
    if isinstance(source.ty, rt.DictT):
        code = f"{source.at(Prec.POSTFIX)}.iter().map(|(k, v)| (k.clone(), v.clone()))"
        code += ".collect::<PyDict<_, _>>()"
    else:
        from backend.transpiler.lower.builtins import owned_iterator

        iterator, _ = owned_iterator(call, index)
        code = f"{iterator}.collect::<PyDict<_, _>>()"
    return Expr(code, ty, Kind.OWNED, Prec.POSTFIX)


def _default_factory(node: Expression) -> bool:
    """Whether calling the factory gives the value type's Rust `Default`: a type such as
    `int` or `list`, or a lambda returning `0`, `""`, `[]`, ... or such a defaultdict."""
    if isinstance(node, NameExpr | MemberExpr):
        return node.fullname in DEFAULT_FACTORIES
    if not isinstance(node, LambdaExpr) or node.arguments:
        return False
    body = node.expr()
    if isinstance(body, IntExpr | FloatExpr):
        return body.value == 0
    if isinstance(body, StrExpr):
        return body.value == ""
    if isinstance(body, ListExpr | DictExpr):
        return not body.items
    if isinstance(body, NameExpr) and body.fullname in ("builtins.False",):
        return True
    if isinstance(body, CallExpr) and isinstance(body.callee, NameExpr | MemberExpr):
        if body.callee.fullname == "collections.defaultdict":  # nested defaultdicts
            return len(body.args) == 1 and _default_factory(body.args[0])
        return not body.args and body.callee.fullname in DEFAULT_FACTORIES
    return False


@function("collections.deque")
def deque_new(call: Call) -> Expr:
    ty = call.result_type
    call.ctx.module.note_type(ty)
    maxlen_node = call.kwargs.get("maxlen", call.args[1] if len(call.args) > 1 else None)
    if maxlen_node is not None:
        return _bounded_deque(call, maxlen_node, ty)
    if not call.args:
        return Expr("PyDeque::new()", ty, Kind.OWNED)
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, _ = owned_iterator(call)
    return Expr(f"{iterator}.collect::<PyDeque<_>>()", ty, Kind.OWNED, Prec.POSTFIX)


def _bounded_deque(call: Call, maxlen_node: Expression, ty: rt.RType) -> Expr:
    """`deque(items, maxlen=n)`: the runtime deque drops from the other end when full."""
    from backend.transpiler.lower.builtins import owned_iterator

    items = owned_iterator(call)[0] if call.args else "std::iter::empty()"
    if isinstance(maxlen_node, NameExpr) and maxlen_node.fullname == "builtins.None":
        return Expr(f"{items}.collect::<PyDeque<_>>()", ty, Kind.OWNED, Prec.POSTFIX)
    maxlen = values.value(lower_expr(call.ctx, maxlen_node, rt.INT))
    return Expr(f"PyDeque::bounded({items}, {maxlen})", ty, Kind.OWNED)


# ---- heapq and bisect ----


def _mut_first(helper: str, ret: str | None) -> Lowerer:
    def lower(call: Call) -> Expr:
        call.helper(helper)
        heap = values.borrow_mut(call.arg(0))
        rest = [values.owned(call.arg(i)) for i in range(1, len(call.args))]
        target = call.ctx.module.type_of(call.args[0])
        elem = target.elem if isinstance(target, rt.ListT) else rt.UNKNOWN
        ty = elem if ret == "elem" else rt.UNIT
        return Expr(f"{helper}({', '.join([heap, *rest])})", ty, Kind.OWNED)

    return lower


FUNCTIONS["heapq.heappush"] = _mut_first("py_heappush", None)
FUNCTIONS["heapq.heappop"] = _mut_first("py_heappop", "elem")
FUNCTIONS["heapq.heapify"] = _mut_first("py_heapify", None)
FUNCTIONS["heapq.heappushpop"] = _mut_first("py_heappushpop", "elem")
FUNCTIONS["heapq.heapreplace"] = _mut_first("py_heapreplace", "elem")


def _n_select(helper: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        source, elem = _materialized(call, 1)
        key_node = call.kwargs.get("key")
        if key_node is None or _is_none(key_node):
            call.helper(helper)
            return Expr(f"{helper}({_int_arg(call, 0).code}, {source})", rt.ListT(elem), Kind.OWNED)
        call.helper(f"{helper}_by")
        key = _function_arg(call, key_node, [elem], by_ref=True)
        code = f"{helper}_by({_int_arg(call, 0).code}, {source}, {key})"
        return Expr(code, rt.ListT(elem), Kind.OWNED)

    return lower


FUNCTIONS["heapq.nlargest"] = _n_select("py_nlargest")
FUNCTIONS["heapq.nsmallest"] = _n_select("py_nsmallest")


def _is_none(node: Expression) -> bool:
    return isinstance(node, NameExpr) and node.fullname == "builtins.None"


@dataclass
class _BisectArgs:
    """`(a, x, lo=0, hi=None, *, key=None)` of the bisect functions, lowered."""

    seq: Expr
    elem: rt.RType
    lo: str | None
    hi: str | None  # an `Option<i64>` expression
    key: Expression | None

    @property
    def plain(self) -> bool:
        return self.lo is None and self.hi is None and self.key is None


def _bisect_args(call: Call) -> _BisectArgs:
    seq = call.arg(0)
    elem = seq.ty.elem if isinstance(seq.ty, rt.ListT) else rt.UNKNOWN
    lo_node = call.args[2] if len(call.args) > 2 else call.kwargs.get("lo")
    hi_node = call.args[3] if len(call.args) > 3 else call.kwargs.get("hi")
    key_node = call.kwargs.get("key")
    lo = None if lo_node is None else values.value(lower_expr(call.ctx, lo_node, rt.INT))
    hi = None
    if hi_node is not None:
        hi = "None" if _is_none(hi_node) else f"Some({lower_expr(call.ctx, hi_node, rt.INT).code})"
    key = None if key_node is None or _is_none(key_node) else key_node
    return _BisectArgs(seq, elem, lo, hi, key)


def _bisect(side: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        args = _bisect_args(call)
        if args.plain:
            helper = f"py_bisect_{side}"
            call.helper(helper)
            needle = lower_expr(call.ctx, call.args[1], args.elem)
            code = f"{helper}({values.borrow(args.seq)}, {values.borrow(needle)})"
            return Expr(code, rt.INT, Kind.OWNED)
        # with key=, x is compared with key(item) as it is (Python does not call key(x))
        key_t = _key_type(call, args)
        x = values.owned(lower_expr(call.ctx, call.args[1], key_t))
        item = "e" if args.key is None else "key(e)"
        key_let = (
            ""
            if args.key is None
            else f"let key{_key_annotation(args)} = {_key_closure(call, args)}; "
        )
        code = (
            f"{{ let x = {x}; {key_let}"
            f"{_bisect_call(call, args, values.borrow(args.seq), side, item, '&x')} }}"
        )
        return Expr(code, rt.INT, Kind.OWNED)

    return lower


def _key_closure(call: Call, args: _BisectArgs) -> str:
    """The key function as a `&dyn Fn(&T) -> _` value: a closure bound by `let` needs its
    parameter type written out, and it is called from two places."""
    assert args.key is not None
    if isinstance(args.elem, rt.UnknownT):
        raise call.fail("a bisect key function over items of unknown type", "PRT708")
    closure = _function_arg(call, args.key, [args.elem], by_ref=True)
    return f"&{closure}"


def _key_annotation(args: _BisectArgs) -> str:
    return f": &dyn Fn(&{args.elem.render()}) -> _"


def _key_type(call: Call, args: _BisectArgs) -> rt.RType | None:
    """The type of `key(item)`: what x is compared with."""
    if args.key is None:
        return args.elem
    typ = get_proper_type(call.ctx.module.mypy_type(args.key))
    from mypy.types import CallableType

    if isinstance(typ, CallableType):
        return call.ctx.module.map_type(typ.ret_type)
    return None


def _bisect_call(call: Call, args: _BisectArgs, seq: str, side: str, item: str, x: str) -> str:
    """`py_bisect_by(...)` comparing `item` (code over the item `e`) with `x` (a reference)."""
    call.helper("py_bisect_by")
    before = f"&{item} < {x}" if side == "left" else f"!({x} < &{item})"
    if item == "e":
        before = f"e < {x}" if side == "left" else f"!({x} < e)"
    lo = args.lo or "0"
    return f"py_bisect_by({seq}, {lo}, {args.hi or 'None'}, |e| {before})"


FUNCTIONS["bisect.bisect_left"] = _bisect("left")
FUNCTIONS["bisect.bisect_right"] = _bisect("right")
FUNCTIONS["bisect.bisect"] = _bisect("right")


def _insort(side: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        args = _bisect_args(call)
        if args.plain:
            return _mut_first(f"py_insort_{side}", None)(call)
        x = values.owned(lower_expr(call.ctx, call.args[1], args.elem))
        seq = values.borrow_mut(args.seq)
        if args.key is None:
            search = _bisect_call(call, args, "v", side, "e", "&x")
            code = f"{{ let x = {x}; let v: &mut Vec<_> = {seq}; let i = {search}; "
        else:  # insort calls key(x) once, before searching
            search = _bisect_call(call, args, "v", side, "key(e)", "&kx")
            code = (
                f"{{ let x = {x}; let v: &mut Vec<_> = {seq}; "
                f"let key{_key_annotation(args)} = {_key_closure(call, args)}; "
                f"let kx = key(&x); let i = {search}; "
            )
        return Expr(code + "v.insert(i as usize, x); }", rt.UNIT, Kind.OWNED)

    return lower


FUNCTIONS["bisect.insort"] = _insort("right")
FUNCTIONS["bisect.insort_right"] = _insort("right")
FUNCTIONS["bisect.insort_left"] = _insort("left")


# ---- itertools ----


def _seq_source(call: Call, index: int = 0) -> tuple[str, str, rt.RType]:
    """(`&[T]` argument, length code, item type) of a sequence argument (a str gives its
    characters as one-char strings)."""
    seq = call.arg(index)
    if isinstance(seq.ty, rt.StrT):
        chars = f"{seq.at(Prec.POSTFIX)}.chars()"
        return f"&{chars}.map(String::from).collect::<Vec<_>>()", f"{chars}.count() as i64", rt.STR
    if not isinstance(seq.ty, rt.ListT):
        raise call.fail(f"`{call.node.callee.name}` over {seq.ty.render()}", "PRT703")  # type: ignore[attr-defined]
    return values.borrow(seq), f"{seq.at(Prec.POSTFIX)}.len() as i64", seq.ty.elem


def _typed_tuples(call: Call, code: str, elem: rt.RType) -> Expr:
    """The helpers give each tuple as a `Vec`; where mypy knows its length (`r=2`) the
    program sees a Rust tuple, else a `tuple[T, ...]` (a Vec that prints as a tuple)."""
    typ = get_proper_type(call.ctx.module.mypy_type(call.node))
    item = (
        call.ctx.module.map_type(typ.args[0])
        if isinstance(typ, Instance) and typ.args
        else rt.UNKNOWN
    )
    if isinstance(item, rt.TupleT) and all(t == elem for t in item.items):
        take = "" if elem.is_copy else ".clone()"
        parts = ", ".join(f"t[{i}]{take}" for i in range(len(item.items)))
        parts = f"({parts},)" if len(item.items) == 1 else f"({parts})"
        mapped = f"{code}.into_iter().map(|t| {parts}).collect::<Vec<_>>()"
        return Expr(mapped, rt.ListT(item), Kind.OWNED, Prec.POSTFIX)
    return Expr(code, rt.ListT(rt.VarTupleT(elem)), Kind.OWNED)


def _combinatoric(helper: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        call.helper(helper)
        source, elem = _materialized(call)
        r = _int_arg(call, 1).code if len(call.args) > 1 else call.kwarg("r", rt.INT)
        if r is None:  # every item: r is the pool's length
            code = f"{{ let pool = {source}; {helper}(pool, pool.len() as i64) }}"
        else:
            code = f"{helper}({source}, {r if isinstance(r, str) else values.value(r)})"
        return _typed_tuples(call, code, elem)

    return lower


FUNCTIONS["itertools.permutations"] = _combinatoric("py_permutations")
FUNCTIONS["itertools.combinations"] = _combinatoric("py_combinations")
FUNCTIONS["itertools.combinations_with_replacement"] = _combinatoric(
    "py_combinations_with_replacement"
)


@function("itertools.count")
def itertools_count(call: Call) -> Expr:
    start = _int_arg(call, 0).code if call.args else "0"
    if len(call.args) > 1:
        step = _int_arg(call, 1).at(Prec.CAST)
        return Expr(f"({start}..).step_by({step} as usize)", rt.IterT(rt.INT), Kind.OWNED)
    return Expr(f"({start}..)", rt.IterT(rt.INT), Kind.OWNED)


@function("itertools.chain")
def itertools_chain(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    parts = []
    elem: rt.RType = rt.UNKNOWN
    for index in range(len(call.args)):
        code, elem = owned_iterator(call, index)
        parts.append(code)
    code = parts[0]
    for other in parts[1:]:
        code = f"{code}.chain({values.unparenthesized_range(other)})"
    return Expr(code, rt.IterT(elem), Kind.OWNED, Prec.POSTFIX)


@function("itertools.islice")
def itertools_islice(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    code, elem = owned_iterator(call)
    if len(call.args) == 2:
        return Expr(
            f"{code}.take({_int_arg(call, 1).at(Prec.CAST)} as usize)",
            rt.IterT(elem),
            Kind.OWNED,
            Prec.POSTFIX,
        )
    start, stop = _int_arg(call, 1).at(Prec.CAST), _int_arg(call, 2).at(Prec.CAST)
    return Expr(
        f"{code}.skip({start} as usize).take(({stop} - {start}) as usize)",
        rt.IterT(elem),
        Kind.OWNED,
        Prec.POSTFIX,
    )


def _materialized(call: Call, index: int = 0) -> tuple[str, rt.RType]:
    """(`&[T]` code, item type) of an iterable argument the helper reads as a slice."""
    node = call.args[index]
    arg_t = call.ctx.module.type_of(node)
    if isinstance(arg_t, rt.ListT | rt.StrT):
        source, _, elem = _seq_source(call, index)
        return source, elem
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, elem = owned_iterator(call, index)
    return f"&{iterator}.collect::<Vec<_>>()", elem


def _function_arg(call: Call, node: Expression, params: list[rt.RType], by_ref: bool) -> str:
    """A callable argument (lambda or named function) as a Rust closure."""
    from backend.transpiler.lower import functions
    from backend.transpiler.lower.builtins import reference_closure

    if isinstance(node, LambdaExpr):
        return functions.lower_lambda_with(call.ctx, node, params, by_ref=by_ref).code
    return reference_closure(call.ctx, node, params, by_ref=by_ref).code


@function("itertools.accumulate")
def itertools_accumulate(call: Call) -> Expr:
    if "initial" in call.kwargs:
        raise call.fail("accumulate(initial=...)", "PRT701")
    source, elem = _materialized(call)
    fn_node = call.args[1] if len(call.args) > 1 else call.kwargs.get("func")
    combine = "|a, b| a + b"
    if fn_node is not None:
        combine = _function_arg(call, fn_node, [elem, elem], by_ref=True)
    call.helper("py_accumulate")
    return Expr(f"py_accumulate({source}, {combine})", rt.ListT(elem), Kind.OWNED)


@function("itertools.groupby")
def itertools_groupby(call: Call) -> Expr:
    source, elem = _materialized(call)
    key_node = call.args[1] if len(call.args) > 1 else call.kwargs.get("key")
    key_t = elem
    key = "|x| x.clone()" if not elem.is_copy else "|&x| x"
    if key_node is not None:
        closure = _function_arg(call, key_node, [elem], by_ref=True)
        key = closure
        typ = get_proper_type(call.ctx.module.mypy_type(call.node))
        if isinstance(typ, Instance) and typ.args:
            key_t = call.ctx.module.map_type(typ.args[0])
    call.helper("py_groupby")
    # each group is a list here (Python's group iterators are read once, in order)
    return Expr(
        f"py_groupby({source}, {key})", rt.ListT(rt.TupleT((key_t, rt.ListT(elem)))), Kind.OWNED
    )


@function("itertools.pairwise")
def itertools_pairwise(call: Call) -> Expr:
    source, elem = _materialized(call)
    call.helper("py_pairwise")
    return Expr(f"py_pairwise({source})", rt.ListT(rt.TupleT((elem, elem))), Kind.OWNED)


@function("itertools.repeat")
def itertools_repeat(call: Call) -> Expr:
    item = call.arg(0)
    code = f"std::iter::repeat({values.owned(item)})"
    times = call.args[1] if len(call.args) > 1 else call.kwargs.get("times")
    if times is not None:
        n = values.receiver(values.value_expr(lower_expr(call.ctx, times, rt.INT)))
        code = f"{code}.take({n}.max(0) as usize)"
    return Expr(code, rt.IterT(item.ty), Kind.OWNED, Prec.POSTFIX)


@function("itertools.cycle")
def itertools_cycle(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, elem = owned_iterator(call)
    return Expr(f"{iterator}.cycle()", rt.IterT(elem), Kind.OWNED, Prec.POSTFIX)


def _while(rust: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        from backend.transpiler.lower.builtins import owned_iterator

        iterator, elem = owned_iterator(call, 1)
        test = _function_arg(call, call.args[0], [elem], by_ref=True)
        return Expr(f"{iterator}.{rust}({test})", rt.IterT(elem), Kind.OWNED, Prec.POSTFIX)

    return lower


FUNCTIONS["itertools.takewhile"] = _while("take_while")
FUNCTIONS["itertools.dropwhile"] = _while("skip_while")


@function("itertools.starmap")
def itertools_starmap(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    items_node = call.args[1]
    if isinstance(items_node, ListExpr | TupleExpr) and items_node.items:
        # a display of argument tuples: its own items say their types (mypy widens the
        # display to the callable's `Iterable[Any]`)
        lowered = [lower_expr(call.ctx, item) for item in items_node.items]
        iterator = f"[{', '.join(values.owned(e) for e in lowered)}].into_iter()"
        elem = lowered[0].ty
    else:
        iterator, elem = owned_iterator(call, 1)
    if not isinstance(elem, rt.TupleT):
        raise call.fail("starmap() over items that are not fixed-size tuples", "PRT705")
    closure = _function_arg(call, call.args[0], list(elem.items), by_ref=False)
    names = [f"a{i}" for i in range(len(elem.items))]
    tupled = f"({', '.join(names)},)" if len(names) == 1 else f"({', '.join(names)})"
    code = f"{iterator}.map(|{tupled}| ({closure})({', '.join(names)}))"
    ret = closure_ret(call)
    return Expr(code, rt.IterT(ret), Kind.OWNED, Prec.POSTFIX)


@function("itertools.zip_longest")
def itertools_zip_longest(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    fill_node = call.kwargs.get("fillvalue")
    fill_t = call.ctx.module.type_of(fill_node) if fill_node is not None else None
    lets: list[str] = []
    parts: list[str] = []
    types: list[rt.RType] = []
    for index in range(len(call.args)):
        iterator, elem = owned_iterator(call, index)
        lets.append(f"let p{index}: Vec<_> = {iterator}.collect();")
        fetch = f"p{index}.get(i).cloned()"
        if fill_node is None:
            parts.append(fetch)  # a missing item is None
            types.append(rt.OptionT(elem))
            continue
        part_t = _zip_longest_part_type(call, index)
        if isinstance(part_t, rt.UnionT) and fill_t != elem:
            # `zip_longest([1, 2], "a", fillvalue="-")`: items of `int | str`
            item = values.owned(coerce(call.ctx, Expr("x", elem, Kind.OWNED), part_t))
            fill = values.owned(lower_expr(call.ctx, fill_node, part_t))
            parts.append(f"{fetch}.map(|x| {item}).unwrap_or_else(|| {fill})")
            types.append(part_t)
            continue
        if fill_t != elem and not (elem == rt.FLOAT and fill_t == rt.INT):
            raise call.fail(
                "zip_longest() whose fill value has another type than the items", "PRT706"
            )
        fill = values.owned(lower_expr(call.ctx, fill_node, elem))
        parts.append(f"{fetch}.unwrap_or_else(|| {fill})")
        types.append(elem)
    if not lets:
        raise call.fail("zip_longest() of no iterables", "PRT706")
    longest = ".max(".join(f"p{i}.len()" for i in range(len(lets))) + ")" * (len(lets) - 1)
    tup = f"({parts[0]},)" if len(parts) == 1 else f"({', '.join(parts)})"
    code = f"{{ {' '.join(lets)} (0..{longest}).map(|i| {tup}).collect::<Vec<_>>() }}"
    return Expr(code, rt.ListT(rt.TupleT(tuple(types))), Kind.OWNED)


def _zip_longest_part_type(call: Call, index: int) -> rt.RType:
    """The type mypy gives the `index`th part of a `zip_longest` item (a union when the fill
    value's type differs from the items')."""
    item = closure_ret(call)
    if isinstance(item, rt.TupleT) and index < len(item.items):
        return item.items[index]
    return rt.UNKNOWN


def closure_ret(call: Call) -> rt.RType:
    typ = get_proper_type(call.ctx.module.mypy_type(call.node))
    if isinstance(typ, Instance) and typ.args:
        return call.ctx.module.map_type(typ.args[0])
    return rt.UNKNOWN


@function("itertools.product")
def itertools_product(call: Call) -> Expr:
    if "repeat" in call.kwargs:
        call.helper("py_product_repeat")
        source, elem = _materialized(call)
        rep = values.value(call.kwarg("repeat", rt.INT))  # type: ignore[arg-type]
        return _typed_tuples(call, f"py_product_repeat({source}, {rep})", elem)
    from backend.transpiler.lower.builtins import owned_iterator

    pools = []
    elems = []
    for index in range(len(call.args)):
        iterator, elem = owned_iterator(call, index)
        pools.append(f"let p{index}: &Vec<_> = &{iterator}.collect();")
        elems.append(elem)
    if not pools:
        raise call.fail("product() of no iterables", "PRT704")
    names = [f"a{i}" for i in range(len(elems))]
    items = [n if t.is_copy else f"{n}.clone()" for n, t in zip(names, elems, strict=True)]
    items = [f"*{n}" if t.is_copy else i for n, t, i in zip(names, elems, items, strict=True)]
    body = f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    for index in reversed(range(len(elems))):
        step = "map" if index == len(elems) - 1 else "flat_map"
        mover = "move " if index else ""
        body = f"p{index}.iter().{step}({mover}|{names[index]}| {body})"
    code = f"{{ {' '.join(pools)} {body}.collect::<Vec<_>>() }}"
    return Expr(code, rt.ListT(rt.TupleT(tuple(elems))), Kind.OWNED)


@function("functools.reduce")
def _functools_reduce(call: Call) -> Expr:
    from backend.transpiler.lower.closures import lower_reduce

    return lower_reduce(call)


@function("typing.cast")
def typing_cast(call: Call) -> Expr:
    """`cast(T, x)` is `x` at run time: the same value, read as mypy's type `T`."""
    if len(call.args) != 2:
        raise call.fail("cast() with keyword arguments", "PRT163")
    target = call.ctx.module.type_of(call.node)
    value = call.arg(1)
    if value.ty == target or isinstance(target, rt.UnknownT):
        return value
    if isinstance(value.ty, rt.OptionT) and value.ty.inner == target:
        call.ctx.module.diagnose(
            call.node,
            "cast() of an Optional value to its non-None type: the translation stops with "
            "TypeError where the value is None (Python would go on with None)",
            "PRT169",
        )
        inner = values.owned_expr(value) if value.kind is Kind.OWNED else value
        opened = "" if inner.kind is Kind.OWNED or target.is_copy else ".as_ref()"
        code = f'{inner.at(Prec.POSTFIX)}{opened}.expect("TypeError: cast() of None")'
        kind = Kind.OWNED if not opened else Kind.BORROWED
        return Expr(code, target, kind, Prec.POSTFIX)
    if isinstance(value.ty, rt.StructT) and isinstance(target, rt.StructT):
        from backend.transpiler.lower.class_hierarchy import cast_object

        return cast_object(call, value, target)  # up or down a class hierarchy
    raise call.fail(f"cast() from {value.ty.render()} to {target.render()}", "PRT163")


def _register_complex() -> None:
    from backend.transpiler.lower import builtins, complex_numbers  # `cmath`, `complex()`

    FUNCTIONS.update(complex_numbers.FUNCTIONS)
    builtins.BUILTINS["builtins.complex"] = complex_numbers.construct


_register_complex()


def _register_regex() -> None:
    from backend.transpiler.lower import regex  # `re` on the regex crate (crate builds)

    FUNCTIONS.update(regex.FUNCTIONS)


_register_regex()


def _register_streams() -> None:
    from backend.transpiler.lower import streams  # `io.StringIO`

    FUNCTIONS.update(streams.FUNCTIONS)


_register_streams()
