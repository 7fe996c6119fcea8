"""Module-level mutable state: a module-level list/dict that functions change in place, or a
name that functions rebind with `global`.

Scheme: the value lives in `static NAME: LazyLock<Mutex<T>>` (Rust statics are immutable
and must be `Sync`; the translated program is single-threaded, so the lock is never
contended). Each *statement* that uses the state takes the lock once, for that statement
only:

    { let mut open_handles = OPEN_HANDLES.lock().unwrap(); open_handles[0] += 1; }

so the guard never outlives the statement (a statement that changes the state binds
`&mut *STATE.lock().unwrap()`; an `if`/`while` whose condition alone reads it locks just
for the condition). Taking the lock twice on one thread would
deadlock; the lowering refuses the two shapes where that could happen instead of emitting
a program that hangs:
- PRT341: the statement also calls a function that uses the same state (directly or
  through its callees) while the guard is held;
- PRT342: a compound statement (`for`/`while`/`if`/`try`/`with`) uses the state in its
  header and again in its body (the header's guard would span the body).
"""

from __future__ import annotations

from mypy.nodes import (
    GDEF,
    AssignmentStmt,
    CallExpr,
    ForStmt,
    FuncDef,
    GlobalDecl,
    IfStmt,
    NameExpr,
    OperatorAssignmentStmt,
    Statement,
    TryStmt,
    WhileStmt,
    WithStmt,
)

from backend.transpiler import ir
from backend.transpiler.analyze.mutation import FunctionFacts, _FactCollector, root_name
from backend.transpiler.analyze.walk import Walker
from backend.transpiler.lower.context import FnContext, ModuleContext, Unsupported

_COMPOUND = (ForStmt, WhileStmt, IfStmt, TryStmt, WithStmt)


def mutable_globals(ctx: ModuleContext, constants: set[str]) -> set[str]:
    """Module-level names some function changes in place or rebinds via `global`."""
    found: set[str] = set()
    if not constants:
        return found  # nothing at module level that could be changed
    for fn in ctx.mutation.functions.values():
        facts = ctx.mutation.of(fn.fullname)
        declared = _global_names(fn)
        refs = _global_refs(fn)
        if facts is not None:
            found |= facts.mutated & refs & constants
            found |= {n for n in declared if facts.assigned.get(n, 0) or n in facts.mutated}
    return found & constants


def rebound_globals(ctx: ModuleContext) -> set[str]:
    """Module-level names some function rebinds (`global x; x = ..`)."""
    found: set[str] = set()
    for fn in ctx.mutation.functions.values():
        facts = ctx.mutation.of(fn.fullname)
        if facts is not None:
            found |= {n for n in _global_names(fn) if facts.assigned.get(n, 0)}
    return found


def guard_name(name: str) -> str:
    return f"{name.lower()}_state" if name.isupper() is False else name.lower()


def _global_names(fn: FuncDef) -> set[str]:
    found: set[str] = set()

    class Finder(Walker):
        def visit_GlobalDecl(self, o: GlobalDecl) -> None:
            found.update(o.names)

    Finder().visit_all(fn.body.body)
    return found


def _global_refs(node: object) -> set[str]:
    """Module-level names a function or statement refers to."""
    found: set[str] = set()

    class Finder(Walker):
        def visit_NameExpr(self, o: NameExpr) -> None:
            if o.kind == GDEF:
                found.add(o.name)

    Finder().visit(node)  # type: ignore[arg-type]
    return found


def _callees(node: object) -> set[str]:
    found: set[str] = set()

    class Finder(Walker):
        def visit_CallExpr(self, o: CallExpr) -> None:
            if isinstance(o.callee, NameExpr) and o.callee.fullname:
                found.add(o.callee.fullname)
            self.generic(o)

    Finder().visit(node)  # type: ignore[arg-type]
    return found


def _state_of_functions(ctx: ModuleContext) -> dict[str, set[str]]:
    """Per function: the mutable globals it uses, itself or through what it calls."""
    cached = getattr(ctx, "_state_of_functions", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    state: set[str] = getattr(ctx, "mutable_globals", set())
    functions = ctx.mutation.functions
    uses = {name: _global_refs(fn) & state for name, fn in functions.items()}
    calls = {name: _callees(fn) & functions.keys() for name, fn in functions.items()}
    changed = True
    while changed:
        changed = False
        for name in functions:
            for callee in calls[name]:
                if not uses[callee] <= uses[name]:
                    uses[name] |= uses[callee]
                    changed = True
    ctx._state_of_functions = uses  # type: ignore[attr-defined]
    return uses


def note_use(ctx: FnContext, name: str) -> None:
    stack: list[set[str]] = getattr(ctx, "state_uses", [])
    if stack:
        stack[-1].add(name)


def begin_statement(ctx: FnContext) -> int:
    """Start collecting the state a statement uses; returns the depth to restore on error."""
    if not hasattr(ctx, "state_uses"):
        ctx.state_uses = []  # type: ignore[attr-defined]
    ctx.state_uses.append(set())  # type: ignore[attr-defined]
    return len(ctx.state_uses) - 1  # type: ignore[attr-defined]


def abandon_statement(ctx: FnContext, depth: int) -> None:
    del ctx.state_uses[depth:]  # type: ignore[attr-defined]


def end_statement(ctx: FnContext, stmt: Statement, lowered: list[ir.Stmt]) -> list[ir.Stmt]:
    """Wrap a statement that used module state in a block holding the state's lock."""
    used: set[str] = ctx.state_uses.pop()  # type: ignore[attr-defined]
    if not used:
        return lowered
    if len(lowered) == 1 and isinstance(lowered[0], ir.If | ir.While):
        # only the condition reads the state: it holds the lock while it is evaluated
        _refuse_reentry(ctx, stmt, used, header_only=True)
        guards = [_guard(ctx, stmt, name, header_only=True) for name in sorted(used)]
        lowered[0].cond = f"{{ {' '.join(_guard_lines(guards))} {lowered[0].cond} }}"
        return lowered
    _refuse_reentry(ctx, stmt, used)
    guards = [_guard(ctx, stmt, name) for name in sorted(used)]
    if len(lowered) == 1 and isinstance(lowered[0], ir.Let) and lowered[0].value is not None:
        let = lowered[0]
        inner = " ".join(str(g) for g in _guard_lines(guards))
        let.value = f"{{ {inner} {let.value} }}"
        return lowered
    return [ir.Block([*guards, *lowered], span=lowered[0].span if lowered else None)]


def _guard_lines(guards: list[ir.Let]) -> list[str]:
    return [f"let {'mut ' if g.mutable else ''}{g.pattern} = {g.value};" for g in guards]


def _guard(ctx: FnContext, stmt: Statement, name: str, header_only: bool = False) -> ir.Let:
    facts = FunctionFacts([])
    collector = _FactCollector(facts)
    for node in _header(stmt) if header_only else [stmt]:
        collector.visit(node)  # type: ignore[arg-type]
    mutated = name in facts.mutated or (not header_only and _rebinds(stmt, name))
    info = ctx.module.constants[name]
    static = getattr(ctx.module, "mutable_globals_static", {}).get(name, name)
    if mutated:
        # a plain `&mut` (not the guard): `d.insert(k, d.len())` then borrows in two phases
        return ir.Let(info.rust_name, None, f"&mut *{static}.lock().unwrap()")
    return ir.Let(info.rust_name, None, f"{static}.lock().unwrap()")


def _rebinds(stmt: Statement, name: str) -> bool:
    if isinstance(stmt, AssignmentStmt):
        return any(root_name(lv) == name for lv in stmt.lvalues)
    if isinstance(stmt, OperatorAssignmentStmt):
        return root_name(stmt.lvalue) == name
    return False


def _refuse_reentry(
    ctx: FnContext, stmt: Statement, used: set[str], header_only: bool = False
) -> None:
    header = _header(stmt)
    per_function = _state_of_functions(ctx.module)
    for callee in _callees_of(header):
        clash = per_function.get(callee, set()) & used
        if clash:
            state = sorted(clash)[0]
            what = f"a call to a function that uses module state `{state}` while it is locked"
            raise Unsupported(stmt, what, "PRT341")
    if isinstance(stmt, _COMPOUND) and not header_only:
        body_uses = set()
        for block in _blocks(stmt):
            body_uses |= _global_refs(block) & used
            body_uses |= {s for c in _callees(block) for s in per_function.get(c, set())} & used
        if body_uses:
            what = (
                f"module state `{sorted(body_uses)[0]}` used in a statement's header and its body"
            )
            raise Unsupported(stmt, what, "PRT342")


def _header(stmt: Statement) -> list[object]:
    if isinstance(stmt, IfStmt):
        return list(stmt.expr)
    if isinstance(stmt, WhileStmt | ForStmt):
        return [stmt.expr]
    if isinstance(stmt, WithStmt):
        return list(stmt.expr)
    if isinstance(stmt, TryStmt):
        return []
    return [stmt]


def _callees_of(nodes: list[object]) -> set[str]:
    found: set[str] = set()
    for node in nodes:
        found |= _callees(node)
    return found


def _blocks(stmt: Statement) -> list[object]:
    blocks: list[object] = []
    if isinstance(stmt, IfStmt):
        blocks = [*stmt.body, stmt.else_body]
    elif isinstance(stmt, WhileStmt | ForStmt):
        blocks = [stmt.body, stmt.else_body]
    elif isinstance(stmt, TryStmt):
        blocks = [stmt.body, *stmt.handlers, stmt.else_body, stmt.finally_body]
    elif isinstance(stmt, WithStmt):
        blocks = [stmt.body]
    return [b for b in blocks if b is not None]
