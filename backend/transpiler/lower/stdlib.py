"""The standard library modules programs use most: one dispatch entry per function."""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import (
    CallExpr,
    DictExpr,
    Expression,
    FloatExpr,
    IntExpr,
    LambdaExpr,
    ListExpr,
    MemberExpr,
    NameExpr,
    ReturnStmt,
    StrExpr,
    TupleExpr,
)
from mypy.types import Instance, get_proper_type

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call, Lowerer
from backend.transpiler.lower.context import FnContext, Unsupported
from backend.transpiler.lower.expressions import coerce, lower_expr

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


def function(*names: str) -> Callable[[Lowerer], Lowerer]:
    def register(fn: Lowerer) -> Lowerer:
        for name in names:
            FUNCTIONS[name] = fn
        return fn

    return register


def _float_arg(call: Call, index: int = 0) -> Expr:
    return values.value_expr(coerce(call.ctx, call.arg(index), rt.FLOAT))


def _int_arg(call: Call, index: int = 0) -> str:
    return values.value(coerce(call.ctx, call.arg(index), rt.INT))


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
        args = ", ".join(_int_arg(call, i) for i in range(arity))
        return Expr(f"{helper}({args})", rt.INT, Kind.OWNED)

    return lower


FUNCTIONS["math.gcd"] = _int_helper("py_gcd", 2)
FUNCTIONS["math.lcm"] = _int_helper("py_lcm", 2)
FUNCTIONS["math.isqrt"] = _int_helper("py_isqrt", 1)
FUNCTIONS["math.factorial"] = _int_helper("py_factorial", 1)
FUNCTIONS["math.comb"] = _int_helper("py_comb", 2)
FUNCTIONS["math.perm"] = _int_helper("py_perm", 2)


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
    return Expr(f"{iterator}.product::<{elem.render()}>()", elem, Kind.OWNED, Prec.POSTFIX)


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


@function("string.capwords")
def string_capwords(call: Call) -> Expr:
    if len(call.args) > 1 or call.kwargs:
        raise call.fail("string.capwords() with a separator", "PRT707")
    call.helper("py_str_capitalize")
    text = values.borrow_str(call.arg(0))
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


# Factories whose value is what Rust's `Default` gives for the mapped value type, so that
# `d[k]` on a missing key can insert `Default::default()`.
_DEFAULT_FACTORIES = {
    "builtins.int",
    "builtins.float",
    "builtins.str",
    "builtins.bool",
    "builtins.list",
    "builtins.set",
    "builtins.dict",
    "collections.Counter",
    "collections.deque",
}
# `lambda: 0`-style factories that return the same empty value
_DEFAULT_LITERALS = ("0", "0.0", "''", '""', "[]", "{}", "False", "set()", "list()", "dict()")


@function("collections.defaultdict")
def defaultdict_new(call: Call) -> Expr:
    ty = call.result_type
    call.ctx.module.note_type(ty)
    if call.kwargs or not call.args or not _is_default_factory(call.args[0]):
        raise call.fail(
            "defaultdict whose factory is not a type's empty value (int, list, lambda: 0, ...)",
            "PRT168",
        )
    return _initial_mapping(call, ty, 1)


@function("collections.OrderedDict")
def ordered_dict_new(call: Call) -> Expr:
    ty = call.result_type
    call.ctx.module.note_type(ty)
    if call.kwargs:
        raise call.fail("OrderedDict() with keyword items", "PRT168")
    return _initial_mapping(call, ty, 0)


def _is_default_factory(node: Expression) -> bool:
    if isinstance(node, NameExpr | MemberExpr):
        return node.fullname in _DEFAULT_FACTORIES
    if isinstance(node, LambdaExpr) and not node.arguments:
        body = node.body.body
        if len(body) == 1 and isinstance(body[0], ReturnStmt) and body[0].expr is not None:
            return _source_text(body[0].expr) in _DEFAULT_LITERALS
    return False


def _source_text(node: Expression) -> str:
    if isinstance(node, IntExpr | FloatExpr):
        return str(node.value)
    if isinstance(node, StrExpr):
        return repr(node.value)
    if isinstance(node, ListExpr | DictExpr) and not node.items:
        return "[]" if isinstance(node, ListExpr) else "{}"
    if isinstance(node, NameExpr) and node.fullname == "builtins.False":
        return "False"
    if isinstance(node, CallExpr) and not node.args and isinstance(node.callee, NameExpr):
        return f"{node.callee.name}()"
    return ""


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
FUNCTIONS["bisect.insort"] = _mut_first("py_insort_right", None)
FUNCTIONS["bisect.insort_right"] = _mut_first("py_insort_right", None)
FUNCTIONS["bisect.insort_left"] = _mut_first("py_insort_left", None)


def _n_select(helper: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        call.helper(helper)
        items = call.arg(1)
        return Expr(f"{helper}({_int_arg(call, 0)}, {values.borrow(items)})", items.ty, Kind.OWNED)

    return lower


FUNCTIONS["heapq.nlargest"] = _n_select("py_nlargest")
FUNCTIONS["heapq.nsmallest"] = _n_select("py_nsmallest")


def _bisect(helper: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        call.helper(helper)
        seq = call.arg(0)
        elem = seq.ty.elem if isinstance(seq.ty, rt.ListT) else None
        x = lower_expr(call.ctx, call.args[1], elem)
        return Expr(f"{helper}({values.borrow(seq)}, {values.borrow(x)})", rt.INT, Kind.OWNED)

    return lower


FUNCTIONS["bisect.bisect_left"] = _bisect("py_bisect_left")
FUNCTIONS["bisect.bisect_right"] = _bisect("py_bisect_right")
FUNCTIONS["bisect.bisect"] = _bisect("py_bisect_right")


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
        r = _int_arg(call, 1) if len(call.args) > 1 else call.kwarg("r", rt.INT)
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
    start = _int_arg(call, 0) if call.args else "0"
    if len(call.args) > 1:
        step = _int_arg(call, 1)
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
        code = f"{code}.chain({_unparenthesized(other)})"
    return Expr(code, rt.IterT(elem), Kind.OWNED, Prec.POSTFIX)


def _unparenthesized(code: str) -> str:
    """`(4..6)` as a call argument needs no parentheses (rustc warns about them)."""
    if code.startswith("(") and code.endswith(")") and code.count("(") == 1 and ".." in code:
        return code[1:-1]
    return code


@function("itertools.islice")
def itertools_islice(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    code, elem = owned_iterator(call)
    if len(call.args) == 2:
        return Expr(
            f"{code}.take({_int_arg(call, 1)} as usize)", rt.IterT(elem), Kind.OWNED, Prec.POSTFIX
        )
    start, stop = _int_arg(call, 1), _int_arg(call, 2)
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
        n = values.value(lower_expr(call.ctx, times, rt.INT))
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


def _register_regex() -> None:
    from backend.transpiler.lower import regex  # `re` on the regex crate (crate builds)

    FUNCTIONS.update(regex.FUNCTIONS)


_register_regex()
