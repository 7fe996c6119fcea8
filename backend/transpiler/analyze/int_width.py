"""Int-width analysis: which `int` values of a module may leave i64 and so become `PyBigInt`
(Python's unbounded int, runtime/bigint.rs) instead of `i64`.

Seeds, each a value that provably or plausibly grows past i64:
- a loop-carried variable that grows geometrically: multiplied by a non-constant or a
  constant other than 0/±1 (`r *= i`, `n = n * 10 + d`), raised to a power or shifted, or
  the sum of two values of the same update cycle (`a, b = b, a + b`), in a loop whose trip
  count is not a small constant, unless the update's other branch divides it by a constant
  (`n // 2 if n % 2 == 0 else 3 * n + 1` wanders, it does not grow); a reduction `% M` by
  a constant keeps it i64 when the bound of what is reduced fits
  (`h = (h * 31 + ord(c)) % 1_000_000_007`);
- the same growth through recursion (`n * f(n - 1)`, `f(n - 1) + f(n - 2)`): the
  function's return is big;
- `**` with a non-constant exponent, or constants whose power exceeds i64; integer
  literals beyond i64; `math.factorial` of a non-constant.
Then, to a fixpoint over the module, values flowing from big ones: assignments, returns,
arguments of the module's own functions, list items (`xs.append(big)`, loops over such
lists). Everything else stays i64, whose overflow is reported, never wrapped; where a big
value meets a place that stays i64 (an index, a field), lowering converts it with an
overflow check (lower/bigints.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from mypy.nodes import (
    CallExpr,
    ConditionalExpr,
    Context,
    DictExpr,
    Expression,
    FuncDef,
    IndexExpr,
    IntExpr,
    LambdaExpr,
    ListComprehension,
    ListExpr,
    MemberExpr,
    NameExpr,
    Node,
    OpExpr,
    SliceExpr,
    UnaryExpr,
    Var,
)
from mypy.types import AnyType, Instance, Type, get_proper_type

from backend.transpiler.analyze.int_facts import (
    Bind,
    Collector,
    Facts,
    constant_int,
    is_float_type,
    is_int_dict_type,
    is_int_list_type,
    is_int_type,
    mentions,
    module_int_constants,
    nodes,
    var_of,
)

I64_MIN, I64_MAX = -(2**63), 2**63 - 1
_ARITH = {"+", "-", "*", "//", "%", "**", "<<", ">>"}
_BITWISE = {"&", "|", "^"}
_SMALL_GROWTH_BITS = 48  # a loop of known trips whose growth stays below 2^48 keeps i64


@dataclass
class Decision:
    """Why a name became arbitrary-precision (for the diagnostic and the metadata)."""

    function: str  # the Python function's fullname (`mod.__main_block__` for the main block)
    name: str  # the variable, parameter or list; "return" for a function's result
    kind: str  # "variable" | "parameter" | "list" | "return" | "list return"
    reason: str
    node: Context


class IntWidth:
    """The decisions for one module; `is_big(expr)` answers for any int expression."""

    def __init__(
        self,
        functions: dict[str, FuncDef],
        types: dict[Expression, Type],
        constants: dict[str, int] | None = None,
    ) -> None:
        self.functions = functions
        self.types = types
        self.constants = constants or {}
        self.big_vars: set[Var] = set()
        self.big_lists: set[Var] = set()
        self.big_dicts: set[Var] = set()  # `dict[K, int]` whose values are big
        self.big_returns: set[str] = set()
        self.big_list_returns: set[str] = set()
        self.seeded_ops: set[OpExpr] = set()
        self.decisions: list[Decision] = []
        self._cache: dict[Expression, bool] = {}
        self._float_uses: set[Expression] = set()  # values returned or assigned as floats
        self._list_cache: dict[Expression, bool] = {}
        self._facts = [self._collect(name, fn) for name, fn in functions.items()]
        self._params = {name: [a.variable for a in fn.arguments] for name, fn in functions.items()}
        for facts in self._facts:
            self._seed_loops(facts)
            self._seed_recursion(facts)
        self._propagate()

    # ---- queries ----

    def is_big(self, node: Expression) -> bool:
        """Whether this int expression's value is a `PyBigInt`."""
        found = self._cache.get(node)
        if found is None:
            found = self._cache[node] = self._big(node)
        return found

    def is_big_list(self, node: Expression) -> bool:
        """Whether this list-of-int expression holds `PyBigInt` items."""
        found = self._list_cache.get(node)
        if found is None:
            found = self._list_cache[node] = self._big_list(node)
        return found

    def is_big_dict(self, node: Expression) -> bool:
        """Whether this `dict[K, int]` expression holds `PyBigInt` values."""
        return self._big_dict(node)

    def is_int(self, node: Expression) -> bool:
        typ = self.types.get(node)
        if is_int_type(typ):
            return True
        # `2 ** n` is `Any` to mypy (the sign of n decides int or float): int operands,
        # unless the program takes it as a float (`def p(a: int, b: int) -> float`)
        return (
            isinstance(node, OpExpr)
            and node.op == "**"
            and node not in self._float_uses
            and (typ is None or isinstance(get_proper_type(typ), AnyType))
            and self.is_int(node.left)
            and self.is_int(node.right)
        )

    # ---- structure ----

    def _big(self, node: Expression) -> bool:
        if isinstance(node, IntExpr):
            return not I64_MIN <= node.value <= I64_MAX
        if isinstance(node, NameExpr):
            return isinstance(node.node, Var) and node.node in self.big_vars
        if isinstance(node, OpExpr):
            if node.op in _BITWISE and self.is_int(node):
                return self._big_bitwise(node)
            if node.op not in _ARITH or not self.is_int(node):
                return False
            if node in self.seeded_ops or self.is_big(node.left):
                return True
            value = constant_int(node, self.constants)
            if value is not None:
                return not I64_MIN <= value <= I64_MAX  # `(1 << 80) - 1`
            if node.op in ("<<", ">>"):
                return False  # the count stays i64 (a big count is checked there)
            if self.is_big(node.right):
                return True
            return node.op == "**" and self._big_power(node.left, node.right)
        if isinstance(node, UnaryExpr):
            return node.op in ("-", "+", "~") and self.is_big(node.expr)
        if isinstance(node, ConditionalExpr):
            return self.is_big(node.if_expr) or self.is_big(node.else_expr)
        if isinstance(node, IndexExpr):
            if self._big_dict(node.base):
                return True
            return not isinstance(node.index, SliceExpr) and self.is_big_list(node.base)
        if isinstance(node, CallExpr):
            return self._big_call(node)
        return False

    def _big_call(self, node: CallExpr) -> bool:
        callee = node.callee
        name = callee.fullname if isinstance(callee, NameExpr | MemberExpr) else ""
        if name in self.big_returns:
            return True
        if isinstance(callee, MemberExpr) and callee.name in ("get", "pop", "setdefault"):
            return self._big_dict(callee.expr)  # `memo.get(n, 0)`
        args = node.args
        if name in ("builtins.abs", "builtins.int") and len(args) == 1:
            return self.is_int(args[0]) and self.is_big(args[0])
        if name in ("builtins.max", "builtins.min", "builtins.sum"):
            if len(args) == 1 or (name == "builtins.sum" and len(args) == 2):
                return self.is_big_list(args[0]) or (len(args) == 2 and self.is_big(args[1]))
            return any(self.is_big(a) for a in args)
        if name == "builtins.divmod":  # (bound to both parts of `q, r = divmod(a, b)`)
            return any(self.is_big(a) for a in args)
        if name == "builtins.pow" and len(args) == 2:
            return any(self.is_big(a) for a in args) or self._big_power(args[0], args[1])
        if name == "builtins.pow" and len(args) == 3:
            return any(self.is_big(a) for a in args)
        if name == "math.factorial" and len(args) == 1:
            n = constant_int(args[0], self.constants)
            return n is None or n > 20
        return False

    def _big_bitwise(self, node: OpExpr) -> bool:
        """`a & b`, `a | b`, `a ^ b` with a big operand is big, except `big & mask` with a
        constant mask >= 0 (the result lies in [0, mask])."""
        if not (self.is_big(node.left) or self.is_big(node.right)):
            return False
        if node.op != "&":
            return True
        masks = (constant_int(node.left, self.constants), constant_int(node.right, self.constants))
        return not any(m is not None and 0 <= m <= I64_MAX for m in masks)

    def _big_power(self, base: Expression, exp: Expression) -> bool:
        b, e = constant_int(base, self.constants), constant_int(exp, self.constants)
        if e is None:
            return b not in (0, 1, -1)  # `2 ** n`
        if e < 0:
            return False  # a float
        if b is None:
            return e > 4  # `x ** 2` stays i64; a high power of an unknown base may not
        return e > 64 or not I64_MIN <= b**e <= I64_MAX

    def _big_dict(self, node: Expression) -> bool:
        if isinstance(node, DictExpr):
            return any(self.is_int(v) and self.is_big(v) for _k, v in node.items)
        var = var_of(node)
        return var is not None and var in self.big_dicts

    def _big_list(self, node: Expression) -> bool:
        if isinstance(node, NameExpr):
            return isinstance(node.node, Var) and node.node in self.big_lists
        if isinstance(node, ListExpr):
            return any(self.is_big(item) for item in node.items)
        if isinstance(node, ListComprehension):
            return self.is_big(node.generator.left_expr)
        if isinstance(node, CallExpr):
            callee = node.callee
            name = callee.fullname if isinstance(callee, NameExpr | MemberExpr) else ""
            if name in self.big_list_returns:
                return True
            if name in ("builtins.list", "builtins.sorted", "builtins.reversed") and node.args:
                return self.is_big_list(node.args[0])
        if isinstance(node, IndexExpr) and isinstance(node.index, SliceExpr):
            return self.is_big_list(node.base)
        if isinstance(node, OpExpr) and node.op in ("+", "*"):  # concatenation, repetition
            return self.is_big_list(node.left) or self.is_big_list(node.right)
        return False

    # ---- facts ----

    def _collect(self, fullname: str, fn: FuncDef) -> Facts:
        facts = Facts(fullname, fn.name if fn.name != "main" else "main")
        collector = Collector(facts, self.constants)
        collector.visit_all(fn.body.body)
        float_return = is_float_type(self._return_type_of(fn))
        self._float_uses |= collector.float_values
        if float_return:
            self._float_uses.update(facts.returns)
        facts.constants = dict(self.constants)
        counts: dict[Var, int] = {}
        for b in facts.binds:
            counts[b.var] = counts.get(b.var, 0) + 1
        for b in facts.binds:
            value = constant_int(b.value, self.constants)
            if counts[b.var] == 1 and b.op == "=" and not b.loops and value is not None:
                facts.constants[b.var.fullname or b.var.name] = value
        return facts

    # ---- seeds ----

    def _seed_loops(self, facts: Facts) -> None:
        loops = list(dict.fromkeys(loop for b in facts.binds for loop in b.loops))
        for loop in loops:
            inside = [b for b in facts.binds if loop in b.loops]
            carried = _carried(loop, inside, facts.loop_targets.get(loop, set()))
            inside = [b for b in inside if b.var in carried]
            deps: dict[Var, set[Var]] = {v: set() for v in carried}
            for b in inside:
                deps[b.var] |= mentions(b.value) & carried
                if b.op != "=":
                    deps[b.var].add(b.var)
            reach = _closure(deps)
            moduli = _moduli(inside, facts.constants)
            for b in inside:
                cycle = {w for w in carried if w in reach[b.var] and b.var in reach[w]}
                why = self._growth(b, cycle, moduli, facts)
                if why is not None and b.var not in self.big_vars:
                    self._mark_var(facts, b.var, b.node, why)
        for var, item, item_loops, node in facts.list_items:
            if (
                item_loops
                and self._list_growth(var, item, facts.constants)
                and var not in self.big_lists
            ):
                self._mark_list(facts, var, node, "its items are sums or products of its items")

    def _growth(self, b: Bind, cycle: set[Var], moduli: dict[Var, int], facts: Facts) -> str | None:
        """Why `b` grows geometrically in its loop (None: it does not, or stays small)."""
        trips = _trips(b.loops, facts.trips)
        value = b.value
        if value is None:
            return None
        name = b.var.name
        if b.op in ("*", "**", "<<"):
            if b.op == "*" and _trivial(value, facts.constants):
                return None
            factor = self._bound(value, moduli, facts)
            if b.op == "*" and _small_growth(factor, trips):
                return None
            return f"`{name} {b.op}= ...` in a loop"
        if b.op in ("+", "-"):
            if b.op == "+" and mentions(value) & cycle:
                return None if trips is not None and trips <= 32 else f"`{name} += ...` doubles"
            return None
        if b.op != "=":
            return None
        if isinstance(value, OpExpr) and value.op == "%":
            modulus = constant_int(value.right, facts.constants)
            if modulus is not None and modulus > 0:
                inner = self._bound(value.left, moduli, facts)
                if inner is not None and inner <= I64_MAX:
                    return None  # reduced modulo a constant whose products fit
        if isinstance(value, OpExpr) and value.op == "%":
            value = value.left  # reduced too late: the products before `%` grow
        if _alternates_with_division(value, b.var, facts.constants):
            return None
        for op in _growth_ops(value, facts.constants):
            kind = self._growing_op(op, cycle, facts.constants)
            if kind is None:
                continue
            if kind == "*" and trips is not None:
                other = op.right if mentions(op.left) & cycle else op.left
                factor = self._bound(other, moduli, facts)
                if _small_growth(factor, trips):
                    continue
            if kind == "+" and trips is not None and trips <= 32:
                continue
            return f"`{name}` grows geometrically in a loop (`{op.op}` of its own values)"
        return None

    def _growing_op(self, op: OpExpr, cycle: set[Var], constants: dict[str, int]) -> str | None:
        left, right = mentions(op.left) & cycle, mentions(op.right) & cycle
        if op.op == "*" and (
            (left and not _trivial(op.right, constants))
            or (right and not _trivial(op.left, constants))
        ):
            return "*"
        if op.op in ("**", "<<") and left:
            return "*"
        if op.op == "+" and left and right:
            return "+"
        return None

    def _list_growth(self, var: Var, item: Expression, constants: dict[str, int]) -> bool:
        """`xs.append(xs[-1] + xs[-2])`, `dp[i] = dp[i - 1] * k`: a list that grows from
        its own items."""

        def reads(node: Expression) -> bool:
            return var in mentions(node)

        if isinstance(item, OpExpr) and item.op == "%":
            modulus = constant_int(item.right, constants)
            if modulus is not None and modulus > 0 and modulus * modulus <= I64_MAX:
                return False  # `dp[i] = (dp[i - 1] + dp[i - 2]) % M`: items stay below M
        for op in _growth_ops(item, constants):
            if not self._is_int(op):
                continue  # `xs[i + 1:] + xs[i:i + 1]` concatenates lists
            if op.op == "+" and reads(op.left) and reads(op.right):
                return True
            if op.op == "*" and (
                (reads(op.left) and not _trivial(op.right, constants))
                or (reads(op.right) and not _trivial(op.left, constants))
            ):
                return True
        return False

    def _is_int(self, node: Expression) -> bool:
        typ = get_proper_type(self.types.get(node))
        return not isinstance(typ, Instance) or typ.type.fullname in (
            "builtins.int",
            "builtins.bool",
        )

    def _bound(self, node: Expression, moduli: dict[Var, int], facts: Facts) -> int | None:
        """An upper bound of |node| (None: unknown)."""
        value = constant_int(node, facts.constants)
        if value is not None:
            return abs(value)
        if isinstance(node, NameExpr) and isinstance(node.node, Var):
            var = node.node
            if var in moduli:
                return moduli[var] - 1
            return facts.index_bounds.get(var)
        if isinstance(node, CallExpr) and isinstance(node.callee, NameExpr | MemberExpr):
            return 0x10FFFF if node.callee.fullname == "builtins.ord" else None
        if isinstance(node, OpExpr) and node.op in ("+", "-", "*", "%"):
            if node.op == "%":
                m = constant_int(node.right, facts.constants)
                return abs(m) - 1 if m else None
            left = self._bound(node.left, moduli, facts)
            right = self._bound(node.right, moduli, facts)
            if left is None or right is None:
                return None
            return left * right if node.op == "*" else left + right
        return None

    def _seed_recursion(self, facts: Facts) -> None:
        """`n * f(n - 1)`, `f(n - 1) + f(n - 2)`: the result grows with each level."""
        fn = facts.fullname

        def recurses(node: Expression) -> bool:
            return any(
                isinstance(c, CallExpr)
                and isinstance(c.callee, NameExpr)
                and c.callee.fullname == fn
                for c in nodes(node)
            )

        for op in facts.ops:
            if not self.is_int(op):
                continue
            grows = (op.op == "+" and recurses(op.left) and recurses(op.right)) or (
                op.op == "*"
                and (
                    (recurses(op.left) and not _trivial(op.right, facts.constants))
                    or (recurses(op.right) and not _trivial(op.left, facts.constants))
                )
            )
            if grows:
                self.seeded_ops.add(op)
                if fn not in self.big_returns and is_int_type(self._return_type(fn)):
                    self.big_returns.add(fn)
                    why = f"`{op.op}` of its own recursive results grows with each level"
                    self.decisions.append(Decision(facts.fullname, "return", "return", why, op))

    def _return_type(self, fullname: str) -> Type | None:
        fn = self.functions.get(fullname)
        return self._return_type_of(fn) if fn is not None else None

    @staticmethod
    def _return_type_of(fn: FuncDef) -> Type | None:
        typ = get_proper_type(fn.type) if fn.type is not None else None
        ret: Type | None = getattr(typ, "ret_type", None)
        return ret

    # ---- flow ----

    def _propagate(self) -> None:
        changed = True
        while changed:
            changed = False
            self._cache.clear()
            self._list_cache.clear()
            for facts in self._facts:
                changed |= self._flow(facts)

    def _flow(self, facts: Facts) -> bool:
        before = (
            len(self.big_dicts),
            len(self.big_vars),
            len(self.big_lists),
            len(self.big_returns),
            len(self.big_list_returns),
        )
        for b in facts.binds:
            if b.var not in self.big_vars and b.value is not None and self.is_big(b.value):
                self._mark_var(facts, b.var, b.node, "a big value is assigned to it")
        for var, iterable in facts.for_targets:
            if var not in self.big_vars and self.is_big_list(iterable):
                self._mark_var(facts, var, iterable, "it iterates over big ints")
        for var, item, _loops, node in facts.list_items:
            if var not in self.big_lists and self.is_int(item) and self.is_big(item):
                self._mark_list(facts, var, node, "a big int is stored in it")
        for var, value in facts.list_binds:
            if var not in self.big_lists and self.is_big_list(value):
                self._mark_list(facts, var, value, "a list of big ints is assigned to it")
        for var, value in facts.dict_values:
            if var not in self.big_dicts and self.is_int(value) and self.is_big(value):
                self._mark_dict(facts.fullname, var, value, "a big int is stored in it")
        ret = self._return_type(facts.fullname)
        for expr in facts.returns:
            if facts.fullname not in self.big_returns and is_int_type(ret) and self.is_big(expr):
                self.big_returns.add(facts.fullname)
                self.decisions.append(
                    Decision(facts.fullname, "return", "return", "it returns a big int", expr)
                )
            if (
                facts.fullname not in self.big_list_returns
                and is_int_list_type(ret)
                and self.is_big_list(expr)
            ):
                self.big_list_returns.add(facts.fullname)
                self.decisions.append(
                    Decision(facts.fullname, "return", "list return", "it returns big ints", expr)
                )
        for call in facts.calls:
            self._flow_arguments(facts, call)
        after = (
            len(self.big_dicts),
            len(self.big_vars),
            len(self.big_lists),
            len(self.big_returns),
            len(self.big_list_returns),
        )
        return after != before

    def _flow_arguments(self, facts: Facts, call: CallExpr) -> None:
        """A big argument to one of the module's functions makes its int parameter big."""
        callee = call.callee
        if not isinstance(callee, NameExpr) or callee.fullname not in self.functions:
            return
        params = self._params[callee.fullname]
        by_name = {p.name: p for p in params}
        for index, (arg, name) in enumerate(zip(call.args, call.arg_names, strict=True)):
            param = by_name.get(name) if name is not None else None
            if param is None and name is None and index < len(params):
                param = params[index]
            if param is not None and is_int_dict_type(param.type):
                self._share_dict(facts.fullname, callee.fullname, param, arg)
                continue
            if param is None or param in self.big_vars or not is_int_type(param.type):
                continue
            if self.is_big(arg):
                self.big_vars.add(param)
                why = "a caller passes it a big int"
                self.decisions.append(Decision(callee.fullname, param.name, "parameter", why, arg))

    def _mark_var(self, facts: Facts, var: Var, node: Context, why: str) -> None:
        self.big_vars.add(var)
        kind = "parameter" if var in self._params.get(facts.fullname, []) else "variable"
        self.decisions.append(Decision(facts.fullname, var.name, kind, why, node))

    def _share_dict(self, caller: str, callee: str, param: Var, arg: Expression) -> None:
        """A dict passed to a parameter is the same object: both hold big values or neither."""
        var = var_of(arg)
        if var is None or not is_int_dict_type(var.type):
            return
        if var in self.big_dicts and param not in self.big_dicts:
            self._mark_dict(callee, param, arg, "a caller passes it a dict of big ints")
        elif param in self.big_dicts and var not in self.big_dicts:
            self._mark_dict(caller, var, arg, "a function stores big ints in it")

    def _mark_dict(self, function: str, var: Var, node: Context, why: str) -> None:
        self.big_dicts.add(var)
        self.decisions.append(Decision(function, var.name, "dict values", why, node))

    def _mark_list(self, facts: Facts, var: Var, node: Context, why: str) -> None:
        self.big_lists.add(var)
        self.decisions.append(Decision(facts.fullname, var.name, "list", why, node))


# ---- helpers ----


def _growth_ops(node: Expression, constants: dict[str, int]) -> list[OpExpr]:
    """The operators of `node` that can make a loop's values grow: not under a division or
    right shift by a constant (`(lo + hi) // 2` halves), and not a product subtracted from
    another value (`old_r - q * r`: Euclid's reductions stay within their inputs)."""
    from backend.transpiler.analyze.walk import children

    found: list[OpExpr] = []

    def walk(current: Node, subtracted: bool) -> None:
        if isinstance(current, LambdaExpr):
            return
        if isinstance(current, OpExpr):
            divisor = constant_int(current.right, constants)
            if current.op in ("//", ">>") and divisor is not None and divisor not in (0, 1, -1):
                return
            if not (subtracted and current.op == "*"):
                found.append(current)
            walk(current.left, False)
            walk(current.right, current.op == "-")
            return
        for child in children(current):
            walk(child, False)

    walk(node, False)
    return found


def _alternates_with_division(value: Expression, var: Var, constants: dict[str, int]) -> bool:
    """`n = n // 2 if n % 2 == 0 else 3 * n + 1`: one branch divides the variable by a
    constant, so the update shrinks it as well as growing it (the values wander, they do
    not grow geometrically). It stays i64, whose overflow is still reported."""
    if not isinstance(value, ConditionalExpr):
        return False
    for branch in (value.if_expr, value.else_expr):
        if (
            isinstance(branch, OpExpr)
            and branch.op in ("//", ">>")
            and var_of(branch.left) is var
            and (constant_int(branch.right, constants) or 0) >= (1 if branch.op == ">>" else 2)
        ):
            return True
    return False


def _carried(loop: Node, inside: list[Bind], targets: set[Var]) -> set[Var]:
    """The int variables whose value passes from one iteration of `loop` to the next: not its
    own targets, nor a variable each iteration first assigns afresh (`x = row[i]`)."""
    first: dict[Var, int] = {}
    for index, b in enumerate(inside):
        first.setdefault(b.var, index)
    carried: set[Var] = set()
    for var, index in first.items():
        b = inside[index]
        # read by an update before it (or in the same statement: `a, b = b, a + b`)
        read_before = any(
            var in mentions(other.value)
            for position, other in enumerate(inside)
            if position <= index or other.node is b.node
        )
        fresh = (
            b.op == "=" and b.loops[-1] is loop and not b.guarded and b.value is not None
        ) and not read_before
        if var not in targets and not fresh:
            carried.add(var)
    return carried


def _trivial(node: Expression, constants: dict[str, int]) -> bool:
    value = constant_int(node, constants)
    return value is not None and abs(value) <= 1


def _closure(deps: dict[Var, set[Var]]) -> dict[Var, set[Var]]:
    """For each var, the vars reachable from it through one or more dependencies."""
    reach = {v: set(d) for v, d in deps.items()}
    changed = True
    while changed:
        changed = False
        for found in reach.values():
            extra = set().union(*(reach.get(w, set()) for w in found)) - found
            if extra:
                found |= extra
                changed = True
    return reach


def _moduli(binds: list[Bind], constants: dict[str, int]) -> dict[Var, int]:
    """Vars whose every update in the loop is reduced `% M` by a positive constant M."""
    found: dict[Var, int] = {}
    unreduced: set[Var] = set()
    for b in binds:
        value = b.value
        m = (
            constant_int(value.right, constants)
            if b.op == "=" and isinstance(value, OpExpr) and value.op == "%"
            else None
        )
        if m is None or m <= 0:
            unreduced.add(b.var)
        else:
            found[b.var] = max(found.get(b.var, 0), m)
    return {v: m for v, m in found.items() if v not in unreduced}


def _small_growth(factor: int | None, trips: int | None) -> bool:
    """A factor of at most `factor` applied `trips` times stays below 2^48."""
    if factor is None or trips is None:
        return False
    return factor <= 1 or trips * factor.bit_length() <= _SMALL_GROWTH_BITS


def _trips(loops: tuple[Node, ...], trips: dict[Node, int | None]) -> int | None:
    """How many times the innermost statement runs (None: unknown)."""
    total = 1
    for loop in loops:
        count = trips.get(loop)
        if count is None:
            return None
        total *= count
    return total


__all__ = ["Decision", "IntWidth", "constant_int", "module_int_constants"]
