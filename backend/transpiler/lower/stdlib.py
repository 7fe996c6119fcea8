"""The standard library modules programs use most: one dispatch entry per function."""

from __future__ import annotations

from mypy.nodes import MemberExpr, NameExpr

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


def function(*names: str):  # type: ignore[no-untyped-def]
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
    "exp": "exp", "sin": "sin", "cos": "cos", "tan": "tan", "asin": "asin", "acos": "acos",
    "atan": "atan", "sinh": "sinh", "cosh": "cosh", "tanh": "tanh", "fabs": "abs",
    "log2": "log2", "log10": "log10", "log1p": "ln_1p", "expm1": "exp_m1",
    "degrees": "to_degrees", "radians": "to_radians", "cbrt": "cbrt",
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
        return Expr(f"{values.receiver(_float_arg(call))}.{rust}()", rt.BOOL, Kind.OWNED, Prec.POSTFIX)

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
    return Expr(f"py_isclose({_float_arg(call).code}, {_float_arg(call, 1).code})", rt.BOOL, Kind.OWNED)


@function("math.fsum")
def math_fsum(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, _ = owned_iterator(call)
    return Expr(f"{iterator}.sum::<f64>()", rt.FLOAT, Kind.OWNED, Prec.POSTFIX)


@function("math.prod")
def math_prod(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, elem = owned_iterator(call)
    return Expr(f"{iterator}.product::<{elem.render()}>()", elem, Kind.OWNED, Prec.POSTFIX)


# ---- collections ----


@function("collections.Counter")
def counter_new(call: Call) -> Expr:
    ty = call.result_type
    call.ctx.module.note_type(ty)
    if not call.args:
        return Expr("PyDict::new()", ty, Kind.OWNED)
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, _ = owned_iterator(call)
    code = (
        f"{iterator}.fold(PyDict::new(), |mut counts, item| {{ "
        f"*counts.get_or_insert_with(item, || 0) += 1; counts }})"
    )
    return Expr(code, ty, Kind.OWNED, Prec.POSTFIX)


@function("collections.defaultdict", "collections.OrderedDict")
def defaultdict_new(call: Call) -> Expr:
    ty = call.result_type
    call.ctx.module.note_type(ty)
    return Expr("PyDict::new()", ty, Kind.OWNED)


@function("collections.deque")
def deque_new(call: Call) -> Expr:
    ty = call.result_type
    call.ctx.module.note_type(ty)
    if "maxlen" in call.kwargs or len(call.args) > 1:
        # a bounded deque drops items on append and prints `maxlen=`: VecDeque has neither
        raise call.fail("deque(maxlen=...)", "PRT702")
    if not call.args:
        return Expr("VecDeque::new()", ty, Kind.OWNED)
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, _ = owned_iterator(call)
    return Expr(f"{iterator}.collect::<VecDeque<_>>()", ty, Kind.OWNED, Prec.POSTFIX)


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


def _combinatoric(helper: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        call.helper(helper)
        seq = call.arg(0)
        elem = seq.ty.elem if isinstance(seq.ty, rt.ListT) else rt.STR
        source = values.borrow(seq)
        if isinstance(seq.ty, rt.StrT):
            source = f"&{seq.at(Prec.POSTFIX)}.chars().map(String::from).collect::<Vec<_>>()"
        r = _int_arg(call, 1) if len(call.args) > 1 else f"{seq.at(Prec.POSTFIX)}.len() as i64"
        ty = rt.ListT(rt.ListT(elem))
        return Expr(f"{helper}({source}, {r})", ty, Kind.OWNED)

    return lower


FUNCTIONS["itertools.permutations"] = _combinatoric("py_permutations")
FUNCTIONS["itertools.combinations"] = _combinatoric("py_combinations")
FUNCTIONS["itertools.combinations_with_replacement"] = _combinatoric("py_combinations_with_replacement")


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
        code = f"{code}.chain({other})"
    return Expr(code, rt.IterT(elem), Kind.OWNED, Prec.POSTFIX)


@function("itertools.islice")
def itertools_islice(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    code, elem = owned_iterator(call)
    if len(call.args) == 2:
        return Expr(f"{code}.take({_int_arg(call, 1)} as usize)", rt.IterT(elem), Kind.OWNED, Prec.POSTFIX)
    start, stop = _int_arg(call, 1), _int_arg(call, 2)
    return Expr(f"{code}.skip({start} as usize).take(({stop} - {start}) as usize)", rt.IterT(elem), Kind.OWNED, Prec.POSTFIX)


@function("itertools.accumulate")
def itertools_accumulate(call: Call) -> Expr:
    seq = call.arg(0)
    elem = seq.ty.elem if isinstance(seq.ty, rt.ListT) else rt.INT
    if len(call.args) > 1 or call.kwargs:
        raise call.fail("accumulate() with a function", "PRT701")
    call.helper("py_accumulate")
    return Expr(f"py_accumulate({values.borrow(seq)}, |a, b| a + b)", rt.ListT(elem), Kind.OWNED)


@function("itertools.product")
def itertools_product(call: Call) -> Expr:
    if "repeat" in call.kwargs:
        call.helper("py_product_repeat")
        seq = call.arg(0)
        elem = seq.ty.elem if isinstance(seq.ty, rt.ListT) else rt.UNKNOWN
        rep = values.value(call.kwarg("repeat", rt.INT))  # type: ignore[arg-type]
        return Expr(f"py_product_repeat({values.borrow(seq)}, {rep})", rt.ListT(rt.ListT(elem)), Kind.OWNED)
    call.helper("py_product")
    pools = [values.owned(call.arg(i)) for i in range(len(call.args))]
    first = call.ctx.module.type_of(call.args[0])
    elem = first.elem if isinstance(first, rt.ListT) else rt.UNKNOWN
    return Expr(f"py_product(&[{', '.join(pools)}])", rt.ListT(rt.ListT(elem)), Kind.OWNED)
