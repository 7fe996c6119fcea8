"""Calls: dispatch to builtins, module functions, methods, constructors and user functions."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    ARG_STAR,
    ARG_STAR2,
    CallExpr,
    Expression,
    FuncDef,
    IndexExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    SuperExpr,
    TypeAlias,
    TypeInfo,
    Var,
)
from mypy.types import Instance, get_proper_type

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.context import FnContext, FuncSig, Unsupported
from backend.transpiler.lower.expressions import coerce, hoist_arguments, lower_expr, type_of


@dataclass
class Call:
    """A call being lowered, with helpers for reading its arguments."""

    ctx: FnContext
    node: CallExpr
    receiver: Expr | None = None
    _cache: dict[int, Expr] = field(default_factory=dict)

    @property
    def args(self) -> list[Expression]:
        return [a for a, k in zip(self.node.args, self.node.arg_kinds, strict=True) if k == ARG_POS]

    @property
    def kwargs(self) -> dict[str, Expression]:
        return {
            n: a
            for a, n, k in zip(
                self.node.args, self.node.arg_names, self.node.arg_kinds, strict=True
            )
            if k == ARG_NAMED and n is not None
        }

    @property
    def result_type(self) -> rt.RType:
        return type_of(self.ctx, self.node)

    def arg(self, index: int, expected: rt.RType | None = None) -> Expr:
        node = self.args[index]
        return lower_expr(self.ctx, node, expected)

    def kwarg(self, name: str, expected: rt.RType | None = None) -> Expr | None:
        node = self.kwargs.get(name)
        return None if node is None else lower_expr(self.ctx, node, expected)

    def helper(self, *names: str) -> None:
        self.ctx.module.use_helper(*names)

    def fail(self, what: str, code: str = "PRT160") -> Unsupported:
        return Unsupported(self.node, what, code)


Lowerer = Callable[[Call], Expr]


def lower_call(ctx: FnContext, node: CallExpr) -> Expr:
    if (
        ARG_STAR in node.arg_kinds
        and ARG_STAR2 not in node.arg_kinds
        and not _is_builtin_print(node)
    ):
        from backend.transpiler.lower.functions import spread_tuple_args

        node = spread_tuple_args(ctx, node)  # `f(*t)` with a fixed-size tuple
    if any(k in (ARG_STAR, ARG_STAR2) for k in node.arg_kinds) and not _is_builtin_print(node):
        raise Unsupported(node, "`*args`/`**kwargs` at a call site", "PRT161")
    callee = node.callee
    if isinstance(callee, NameExpr):
        return _call_name(ctx, node, callee)
    if isinstance(callee, MemberExpr):
        return _call_member(ctx, node, callee)
    if isinstance(callee, SuperExpr):  # `super().m(..)`: mypy's SuperExpr names the method
        from backend.transpiler.lower import classes

        return classes.call_super(ctx, node, callee.name)
    target = lower_expr(ctx, callee)
    return call_value(ctx, node, target)


def _is_builtin_print(node: CallExpr) -> bool:
    """print() joins `*items` itself (formatting.lower_print); `zip(*rows)` transposes
    (iteration._transpose_source)."""
    callee = node.callee
    if isinstance(callee, NameExpr) and callee.fullname == "builtins.zip":
        return node.arg_kinds == [ARG_STAR]
    return (
        isinstance(callee, NameExpr)
        and callee.fullname == "builtins.print"
        and ARG_STAR2 not in node.arg_kinds
    )


def _call_name(ctx: FnContext, node: CallExpr, callee: NameExpr) -> Expr:
    from backend.transpiler.lower import builtins, classes, stdlib

    fullname = _aliased_builtin(callee) or callee.fullname or ""
    local = ctx.lookup(callee.name)
    if local is not None and isinstance(callee.node, Var):
        return call_value(ctx, node, lower_expr(ctx, callee))
    aliased = _aliased_class(callee)
    if aliased is not None:  # `text_type = str` ... `text_type(x)` calls the class
        if aliased.fullname in builtins.BUILTINS:
            return builtins.BUILTINS[aliased.fullname](Call(ctx, node))
        return classes.construct(ctx, node, aliased)
    if fullname in builtins.BUILTINS:
        return builtins.BUILTINS[fullname](Call(ctx, node))
    sig = ctx.module.signatures.get(fullname)
    if sig is not None:
        return call_user(ctx, node, sig, None)
    if isinstance(callee.node, TypeInfo):
        return classes.construct(ctx, node, callee.node)
    handler = stdlib.FUNCTIONS.get(stdlib.public_name(fullname))
    if handler is not None:
        return handler(Call(ctx, node))
    if isinstance(callee.node, Var):
        return call_value(ctx, node, lower_expr(ctx, callee))
    raise Unsupported(node, f"call to `{fullname or callee.name}`", "PRT163")


def _aliased_class(callee: NameExpr) -> TypeInfo | None:
    """The class a module-level alias of a plain class (`text_type = str`) names."""
    alias = callee.node
    if not isinstance(alias, TypeAlias) or alias.alias_tvars:
        return None
    target = get_proper_type(alias.target)
    if isinstance(target, Instance) and not target.args:
        return target.type
    return None


def _aliased_builtin(callee: NameExpr) -> str | None:
    """`Bag = list` at module level, then `Bag()`: the builtin the alias names."""
    from mypy.nodes import TypeAlias
    from mypy.types import Instance, get_proper_type

    if not isinstance(callee.node, TypeAlias):
        return None
    target = get_proper_type(callee.node.target)
    if isinstance(target, Instance) and target.type.fullname.startswith("builtins."):
        return target.type.fullname
    return None


def _call_member(ctx: FnContext, node: CallExpr, callee: MemberExpr) -> Expr:
    from backend.transpiler.lower import classes, methods, stdlib

    base = callee.expr
    if isinstance(base, NameExpr) and isinstance(base.node, MypyFile):
        fullname = f"{base.node.fullname}.{callee.name}"
        handler = stdlib.FUNCTIONS.get(fullname)
        if handler is not None:
            return handler(Call(ctx, node))
        sig = ctx.module.signatures.get(fullname)
        if sig is not None:
            return call_user(ctx, node, sig, None)
        raise Unsupported(node, f"call to `{fullname}`", "PRT163")
    if isinstance(base, NameExpr) and isinstance(base.node, TypeInfo):
        handler = stdlib.FUNCTIONS.get(f"{base.node.fullname}.{callee.name}")  # `dict.fromkeys`
        if handler is not None:
            return handler(Call(ctx, node))
        return classes.call_class_member(ctx, node, base.node, callee.name)
    own_class = _cls_of_classmethod(ctx, base)
    if own_class is not None:  # `cls.weaker(a, b)` in a classmethod
        return classes.call_class_member(ctx, node, own_class, callee.name)
    if isinstance(base, SuperExpr) or (
        isinstance(base, CallExpr)
        and isinstance(base.callee, NameExpr)
        and base.callee.name == "super"
    ):
        return classes.call_super(ctx, node, callee.name)
    if isinstance(base, SuperExpr):
        return classes.call_super(ctx, node, callee.name)
    owner = stdlib.module_object(base)
    if owner is not None and f"{owner}.{callee.name}" in stdlib.FUNCTIONS:
        return stdlib.FUNCTIONS[f"{owner}.{callee.name}"](Call(ctx, node))  # `sys.stdout.write`
    receiver, index_lets = _receiver(ctx, base, callee.name)
    changed_node = _node_container_changed(receiver, callee.name)
    if changed_node is not None:  # `node.items.append(node.count)`: arguments read first
        receiver = changed_node
    result = hoist_arguments(
        ctx,
        node,
        base,
        lambda: methods.lower_method(Call(ctx, node, receiver), callee.name),
        hoist_reads=bool(index_lets) or changed_node is not None,
    )
    if not index_lets:
        return result
    return Expr(f"{{ {' '.join(index_lets)} {result.code} }}", result.ty, result.kind, Prec.ATOM)


def _cls_of_classmethod(ctx: FnContext, base: Expression) -> TypeInfo | None:
    """`cls` in a classmethod of a class without subclasses: always that class."""
    from mypy.types import Instance, TypeType, get_proper_type

    from backend.transpiler.lower.class_hierarchy import subclasses

    if not (isinstance(base, NameExpr) and isinstance(ctx.fn, FuncDef) and ctx.fn.is_class):
        return None
    args = ctx.fn.arguments
    if not args or args[0].variable.name != base.name:
        return None
    typ = get_proper_type(ctx.module.mypy_type(base))
    item = get_proper_type(typ.item) if isinstance(typ, TypeType) else None
    ci = ctx.module.classes.get(item.type.fullname) if isinstance(item, Instance) else None
    if ci is None or subclasses(ctx.module, ci):
        return None
    return ci.info


def _node_container_changed(receiver: Expr, method: str) -> Expr | None:
    """A list/dict/set held by a node that `method` changes: the field borrowed mutably."""
    from backend.transpiler.analyze.mutation import MUTATING_METHODS
    from backend.transpiler.lower import class_links

    if method not in MUTATING_METHODS or not isinstance(
        receiver.ty, rt.ListT | rt.DictT | rt.SetT | rt.DequeT
    ):
        return None
    place = class_links.mutable_place(receiver)
    return place if place.code != receiver.code else None


_INDEXED_PLACE = re.compile(r"^(?P<root>[A-Za-z_]\w*)\[(?P<index>.+)\]$")


def _receiver(ctx: FnContext, base: Expression, method: str) -> tuple[Expr, list[str]]:
    """The receiver of a method call, plus the `let`s to run first. `adj[u].append(v)`,
    `self.rows[i].remove(x)`: the index reads the list (`py_index(u, adj.len())`) while the
    call borrows it mutably, so the index is computed first (Python computes it first too)."""
    from backend.transpiler.analyze.mutation import MUTATING_METHODS
    from backend.transpiler.lower.subscripts import store_place

    indexed_list = isinstance(base, IndexExpr) and isinstance(
        ctx.module.type_of(base.base), rt.ListT | rt.DequeT
    )
    if not indexed_list or method not in MUTATING_METHODS:
        return lower_expr(ctx, base), []
    assert isinstance(base, IndexExpr)
    prelude, place = store_place(ctx, base)
    lets = [f"let {s.pattern} = {s.value};" for s in prelude if isinstance(s, ir.Let)]
    return place, lets


def bind_arguments(
    ctx: FnContext, node: CallExpr, sig: FuncSig, skip: int = 0
) -> list[Expression | None]:
    """Match positional and keyword arguments to the signature's parameters."""
    params = sig.params[skip:]
    bound: list[Expression | None] = [None] * len(params)
    position = 0
    for arg, kind, name in zip(node.args, node.arg_kinds, node.arg_names, strict=True):
        if kind == ARG_POS:
            if position >= len(bound):
                raise Unsupported(node, "too many arguments", "PRT164")
            bound[position] = arg
            position += 1
        elif name is not None:
            index = next((i for i, p in enumerate(params) if p.name == name), None)
            if index is None:
                raise Unsupported(node, f"unknown keyword argument `{name}`", "PRT164")
            bound[index] = arg
    for index, param in enumerate(params):
        if bound[index] is None:
            bound[index] = param.default
    return bound


def call_arguments(ctx: FnContext, node: CallExpr, sig: FuncSig, skip: int = 0) -> list[str]:
    args = []
    for param, arg in zip(sig.params[skip:], bind_arguments(ctx, node, sig, skip), strict=True):
        if arg is None:
            raise Unsupported(node, f"missing argument `{param.name}`", "PRT164")
        if param.mode == "mut" and isinstance(param.ty, rt.OptionT) and not param.ty.inner.is_copy:
            from backend.transpiler.lower.functions import optional_mut_arg

            args.append(optional_mut_arg(ctx, arg))  # `Option<&mut T>`: the caller's object
            continue
        e = lower_expr(ctx, arg, param.ty)
        args.append(_argument(ctx, e, param.mode, param.ty))
    return args


def _argument(ctx: FnContext, e: Expr, mode: str, ty: rt.RType) -> str:
    if isinstance(ty, rt.FnT):
        return e.code
    if isinstance(ty, rt.PrintableT):  # `&dyn PyFmt`: a reference to a sized value
        ctx.module.use_helper("py_fmt")
        if e.code == "None":
            return "&()"  # prints `None`
        sized = e.kind is Kind.BORROWED and not isinstance(e.ty, rt.StrT)
        return e.code if sized else f"&{e.at(Prec.UNARY)}"
    if mode == "iter" and isinstance(e.ty, rt.StrT):  # a str iterates as 1-char strs
        return f"{e.at(Prec.POSTFIX)}.chars().map(String::from).collect::<Vec<_>>()"
    if mode == "iter" and isinstance(e.ty, rt.ListT) and isinstance(ty, rt.IterT):
        from backend.transpiler.lower import class_hierarchy

        item = Expr("x", e.ty.elem, Kind.OWNED)
        raised = class_hierarchy.upcast(ctx.module, item, ty.elem) if e.ty.elem != ty.elem else None
        if raised is not None:  # subclass objects where the base's are iterated
            return f"{e.at(Prec.POSTFIX)}.iter().cloned().map(|x| {raised.code})"
    if mode == "iter":  # `impl IntoIterator`: iterators pass as they are, lists move in
        return e.code if isinstance(e.ty, rt.IterT) else values.owned(e)
    if (
        mode == "ref"
        and isinstance(ty, rt.ListT)
        and isinstance(e.ty, rt.ListT)
        and e.kind is Kind.OWNED
    ):
        array = values.array_if_display(e.code)
        return f"&{array}" if array != e.code else f"&{e.at(Prec.UNARY)}"
    return values.param_arg(e, mode, ty)


def call_user(ctx: FnContext, node: CallExpr, sig: FuncSig, receiver: Expr | None) -> Expr:
    if sig.overloaded:
        from backend.transpiler.lower import overloads

        overloads.check_call(ctx, node, sig)
    args = call_arguments(ctx, node, sig)
    ret = sig.ret
    lets, recv, args = _unborrow_nodes(ctx, receiver, args)
    if recv is not None:
        code = f"{recv}.{sig.rust_name}({', '.join(args)})"
    elif sig.owner:
        code = f"{sig.owner}::{sig.rust_name}({', '.join(args)})"
    else:
        code = f"{sig.rust_name}({', '.join(args)})"
    result = Expr(code, ret, Kind.OWNED, Prec.POSTFIX)
    if lets:
        result = Expr(f"{{ {' '.join(lets)} {code} }}", ret, Kind.OWNED, Prec.ATOM)
    if sig.fallible:
        from backend.transpiler.lower import exceptions

        return exceptions.propagate(ctx, node, result)
    return result


_NODE_READ = re.compile(r"\.borrow(_mut)?\(\)|Ref(Mut)?::map\(|^\*.*\.clone\(\)\.\w+\(\)$")


def _unborrow_nodes(
    ctx: FnContext, receiver: Expr | None, args: list[str]
) -> tuple[list[str], str | None, list[str]]:
    """`task.run(node.link)`: an argument read from a node borrows it until the end of the
    statement, so while the call runs, a method that changes the node would find it
    borrowed. Such arguments (and a receiver read from a node, or computed) are bound
    first, in Python's order: the borrows end before the call."""
    from backend.transpiler.lower import class_links

    recv = receiver.at(Prec.POSTFIX) if receiver is not None else None
    hoist = [i for i, a in enumerate(args) if _NODE_READ.search(a) and not a.startswith("&")]
    handle_recv = (
        receiver is not None
        and class_links.aliases(ctx.module, receiver.ty)
        and _NODE_READ.search(receiver.code) is not None
    )
    if not hoist and not handle_recv:
        return [], recv, args
    lets: list[str] = []
    if receiver is not None and (
        handle_recv or (receiver.kind is Kind.OWNED and "(" in receiver.code)
    ):
        lets.append(f"let node_recv = {values.owned(receiver)};")
        recv = "node_recv"
    out = list(args)
    for i in hoist:
        lets.append(f"let node_arg{i} = {args[i]};")
        out[i] = f"node_arg{i}"
    return lets, recv, out


def call_value(ctx: FnContext, node: CallExpr, target: Expr) -> Expr:
    """Calling a closure, a function value, or a callable parameter."""
    ty = target.ty
    dunder_call = _dunder_call_sig(ctx, node)
    if dunder_call is not None:  # `p(x)` on an instance of a class with `__call__`
        return call_user(ctx, node, dunder_call, target)
    params = ty.params if isinstance(ty, rt.FnT) else ()
    args = []
    for index, arg in enumerate(node.args):
        expected = params[index] if index < len(params) else None
        e = lower_expr(ctx, arg, expected)
        if expected is None or expected.is_copy:
            args.append(values.owned(e))
        elif isinstance(expected, rt.StrT):
            args.append(values.borrow_str(e))
        else:
            args.append(values.borrow(e))
    ret = ty.ret if isinstance(ty, rt.FnT) else type_of(ctx, node)
    callee = target.code if target.prec >= Prec.POSTFIX else f"({target.code})"
    return Expr(f"{callee}({', '.join(args)})", ret, Kind.OWNED, Prec.POSTFIX)


def _dunder_call_sig(ctx: FnContext, node: CallExpr) -> FuncSig | None:
    from mypy.types import Instance, get_proper_type

    typ = get_proper_type(ctx.module.mypy_type(node.callee))
    if not isinstance(typ, Instance):
        return None
    for base in typ.type.mro:
        sig = ctx.module.signatures.get(f"{base.fullname}.__call__")
        if sig is not None:
            return sig
    return None


def arg_as(ctx: FnContext, node: Expression, ty: rt.RType) -> Expr:
    return coerce(ctx, lower_expr(ctx, node), ty)
