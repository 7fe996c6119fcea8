"""Where each local variable is declared: Python's function scope vs Rust's block scope.

A local is declared (`let`) at its first assignment when every use is inside the same block;
otherwise it is declared ahead, in the innermost block that encloses all its uses, either
uninitialised (when every path assigns it first) or with a default value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mypy.nodes import (
    LDEF,
    AssignmentStmt,
    Block,
    BreakStmt,
    ContinueStmt,
    Decorator,
    DictionaryComprehension,
    ForStmt,
    FuncDef,
    GeneratorExpr,
    IfStmt,
    LambdaExpr,
    ListExpr,
    NameExpr,
    Node,
    OperatorAssignmentStmt,
    RaiseStmt,
    ReturnStmt,
    StarExpr,
    Statement,
    TryStmt,
    TupleExpr,
    WhileStmt,
    WithStmt,
)

from backend.transpiler.analyze.walk import Walker

Position = tuple[tuple[int, int], ...]  # (block id, statement index) from the body down


@dataclass
class Declaration:
    name: str
    block: int  # id() of the block (list of statements) where it is declared
    index: int  # statement index in that block before which it is declared
    at_assignment: bool  # `let` at the assignment itself (the statement at `index`)
    needs_default: bool = False
    mutable: bool = False
    rebound: bool = False  # assigned more than once (`mutable` also counts in-place changes)


@dataclass
class Plan:
    declarations: dict[str, Declaration] = field(default_factory=dict)
    # `alias = source` where neither name is ever rebound: both name one object for the
    # rest of the function, so the alias is lowered as the source variable itself
    aliases: dict[str, str] = field(default_factory=dict)

    def ahead_of(self, block: list[Statement], index: int) -> list[Declaration]:
        return [
            d
            for d in self.declarations.values()
            if d.block == id(block) and d.index == index and not d.at_assignment
        ]

    def let_here(self, block: list[Statement], index: int, name: str) -> bool:
        d = self.declarations.get(name)
        return d is not None and d.block == id(block) and d.index == index and d.at_assignment


class _Names(Walker):
    """Local names read or written by an expression/statement header (not nested blocks)."""

    def __init__(self, params: set[str]) -> None:
        self.found: list[str] = []
        self.params = params
        self.bound: list[set[str]] = []

    def visit_NameExpr(self, o: NameExpr) -> None:
        if isinstance(o.node, FuncDef | Decorator):
            return  # a nested def is declared where it is defined (lower/closures.py)
        if (
            o.kind == LDEF
            and o.name not in self.params
            and not any(o.name in b for b in self.bound)
        ):
            self.found.append(o.name)

    def _scoped(self, names: set[str], visit: Callable[[], None]) -> None:
        self.bound.append(names)
        visit()
        self.bound.pop()

    def visit_GeneratorExpr(self, o: GeneratorExpr) -> None:
        names = {n for i in o.indices for n in _target_names(i)}
        self.visit(o.sequences[0])

        def inner() -> None:
            self.visit_all(o.sequences[1:])
            self.visit_all([c for conds in o.condlists for c in conds])
            self.visit(o.left_expr)

        self._scoped(names, inner)

    def visit_DictionaryComprehension(self, o: DictionaryComprehension) -> None:
        names = {n for i in o.indices for n in _target_names(i)}
        self.visit(o.sequences[0])

        def inner() -> None:
            self.visit_all(o.sequences[1:])
            self.visit_all([c for conds in o.condlists for c in conds])
            self.visit(o.key)
            self.visit(o.value)

        self._scoped(names, inner)

    def visit_LambdaExpr(self, o: LambdaExpr) -> None:
        names = {a.variable.name for a in o.arguments}
        self._scoped(names, lambda: self.visit(o.body))

    def visit_FuncDef(self, o: FuncDef) -> None:
        # a nested def's body reads captured names: they count as uses here (its own
        # parameters and locals are not the enclosing function's)
        from backend.transpiler.analyze.mutation import collect_facts, loop_targets, own_locals

        names = (
            {a.variable.name for a in o.arguments}
            | own_locals(o, collect_facts(o))
            | loop_targets(o)
        )
        self._scoped(names, lambda: self.visit(o.body))


def _target_names(node: Node) -> list[str]:
    if isinstance(node, NameExpr):
        return [node.name]
    if isinstance(node, TupleExpr | ListExpr):
        return [n for i in node.items for n in _target_names(i)]
    if isinstance(node, StarExpr):
        return _target_names(node.expr)
    return []


def _header_names(stmt: Statement, params: set[str]) -> list[str]:
    v = _Names(params)
    if isinstance(stmt, IfStmt):
        v.visit_all(stmt.expr)
    elif isinstance(stmt, WhileStmt | ForStmt):
        v.visit(stmt.expr)
    elif isinstance(stmt, TryStmt):
        pass
    elif isinstance(stmt, WithStmt):
        v.visit_all(stmt.expr)
    else:
        v.visit(stmt)
    return v.found


def _child_blocks(stmt: Statement) -> list[Block]:
    if isinstance(stmt, IfStmt):
        return [*stmt.body, *([stmt.else_body] if stmt.else_body else [])]
    if isinstance(stmt, WhileStmt | ForStmt):
        return [stmt.body, *([stmt.else_body] if stmt.else_body else [])]
    if isinstance(stmt, TryStmt):
        blocks = [stmt.body, *stmt.handlers]
        if stmt.else_body:
            blocks.append(stmt.else_body)
        if stmt.finally_body:
            blocks.append(stmt.finally_body)
        return blocks
    if isinstance(stmt, WithStmt):
        return [stmt.body]
    return []


def plan_declarations(body: list[Statement], params: set[str], mutated: set[str]) -> Plan:
    occurrences: dict[str, list[Position]] = {}
    first_store: dict[str, Position] = {}
    blocks: dict[int, list[Statement]] = {id(body): body}

    def walk(
        stmts: list[Statement], prefix: Position, hidden: frozenset[str] = frozenset()
    ) -> None:
        blocks[id(stmts)] = stmts
        for index, stmt in enumerate(stmts):
            pos = (*prefix, (id(stmts), index))
            inner_hidden = hidden
            if isinstance(stmt, ForStmt):
                # a loop variable whose last value is overwritten before any read after the
                # loop is a separate variable: Rust's `for` binds it fresh
                enclosing = [(blocks[b], i) for b, i in prefix]
                private = {
                    n
                    for n in _target_names(stmt.index)
                    if n in loop_only or _dead_once_done(n, stmts, index, enclosing)
                }
                inner_hidden = hidden | private
                # loop targets live in the loop body
                for name in _target_names(stmt.index):
                    if name in inner_hidden:
                        continue
                    inner = (*pos, (id(stmt.body.body), -1))
                    occurrences.setdefault(name, []).append(inner)
                    first_store.setdefault(name, inner)
            for name in _header_names(stmt, params):
                if name in hidden:
                    continue
                occurrences.setdefault(name, []).append(pos)
                if _stores(stmt, name):
                    first_store.setdefault(name, pos)
            for block in _child_blocks(stmt):
                body_hidden = (
                    inner_hidden if isinstance(stmt, ForStmt) and block is stmt.body else hidden
                )
                if isinstance(stmt, TryStmt):
                    # `except E as name`: the handler binds it itself (Python unbinds it after)
                    body_hidden = body_hidden | {
                        v.name
                        for v, h in zip(stmt.vars, stmt.handlers, strict=True)
                        if v is not None and h is block
                    }
                walk(block.body, pos, body_hidden)

    loop_only = _loop_only_names(body, params)
    walk(body, ())
    plan = Plan(aliases=_aliases(body, params))
    mutated = mutated | {source for alias, source in plan.aliases.items() if alias in mutated}
    for name, positions in occurrences.items():
        if name == "_":
            continue  # `_ = f()` discards: each one is its own `let _ = ...`
        depth, block_id = _declaration_block(positions, id(body))
        decl_block = blocks.get(block_id, body)
        index = min(p[depth][1] if len(p) > depth else 0 for p in positions)
        if index < 0:
            continue  # a loop target or except name used only inside its own block
        first = min(positions, key=_order_key)
        store = first_store.get(name)
        at_assignment = (
            store == first
            and len(first) == depth + 1
            and isinstance(decl_block[first[depth][1]], AssignmentStmt)
        )
        decl = Declaration(name, block_id, index, at_assignment)
        following = decl_block[index:]
        if not decl.at_assignment:
            # a default that no path reads would be a dead store (rustc's unused_assignments)
            decl.needs_default = _read_before_assigned(following, name)
        count = _path_assignments(following, name) + (1 if decl.needs_default else 0)
        decl.rebound = count > 1
        decl.mutable = decl.rebound or name in mutated
        plan.declarations[name] = decl
    return plan


def _aliases(body: list[Statement], params: set[str]) -> dict[str, str]:
    stores: dict[str, int] = {}
    candidates: dict[str, str] = {}

    def walk(stmts: list[Statement]) -> None:
        for stmt in stmts:
            if isinstance(stmt, AssignmentStmt):
                for lv in stmt.lvalues:
                    for name in _target_names(lv):
                        stores[name] = stores.get(name, 0) + 1
                target, value = stmt.lvalues[0], stmt.rvalue
                if (
                    len(stmt.lvalues) == 1
                    and isinstance(target, NameExpr)
                    and isinstance(value, NameExpr)
                    and value.kind == LDEF
                    and value.name not in params
                ):
                    candidates[target.name] = value.name
            elif isinstance(stmt, OperatorAssignmentStmt):
                for name in _target_names(stmt.lvalue):
                    stores[name] = stores.get(name, 2) + 2
            elif isinstance(stmt, ForStmt):
                for name in _target_names(stmt.index):
                    stores[name] = stores.get(name, 0) + 2
            elif isinstance(stmt, TryStmt):
                for var in stmt.vars:
                    if var is not None:
                        stores[var.name] = stores.get(var.name, 0) + 2
            for block in _child_blocks(stmt):
                walk(block.body)

    walk(body)
    return {
        alias: source
        for alias, source in candidates.items()
        if stores.get(alias) == 1 and stores.get(source) == 1 and source not in candidates
    }


def unified_aliases(body: list[Statement], params: set[str]) -> dict[str, str]:
    """`alias = source` pairs lowered as one variable (see `Plan.aliases`)."""
    return _aliases(body, params)


def _order_key(pos: Position) -> tuple[int, ...]:
    return tuple(i for _, i in pos)


def _declaration_block(positions: list[Position], root: int) -> tuple[int, int]:
    """(depth, block id) of the deepest block that encloses every occurrence."""
    depth = 0
    block = root
    while True:
        if not all(len(p) > depth for p in positions):
            return depth, block
        ids = {p[depth][0] for p in positions}
        if len(ids) != 1:
            return depth - 1 if depth else 0, block
        block = ids.pop()
        indexes = {p[depth][1] for p in positions}
        if len(indexes) != 1 or not all(len(p) > depth + 1 for p in positions):
            return depth, block
        depth += 1


def _stores(stmt: Statement, name: str) -> bool:
    if isinstance(stmt, AssignmentStmt):
        return any(name in _target_names(lv) for lv in stmt.lvalues)
    if isinstance(stmt, OperatorAssignmentStmt):
        return name in _target_names(stmt.lvalue)
    return False


def _diverges(stmts: list[Statement]) -> bool:
    return bool(stmts) and isinstance(stmts[-1], ReturnStmt | RaiseStmt | BreakStmt | ContinueStmt)


def _definitely_assigns(stmts: list[Statement], name: str) -> bool:
    """Every path through `stmts` assigns `name` before its first read (conservative)."""
    for stmt in stmts:
        if isinstance(stmt, AssignmentStmt) and any(
            name in _target_names(lv) for lv in stmt.lvalues
        ):
            v = _Names(set())
            v.visit(stmt.rvalue)
            return name not in v.found
        if isinstance(stmt, IfStmt) and stmt.else_body is not None:
            branches = [b.body for b in stmt.body] + [stmt.else_body.body]
            if all(_definitely_assigns(b, name) or _diverges(b) for b in branches):
                return True
        if name in _header_names(stmt, set()):
            return False
        for block in _child_blocks(stmt):
            if name in _all_names(block.body):
                return False
    return False


def _read_before_assigned(stmts: list[Statement], name: str) -> bool:
    """Some path through `stmts` may read `name` before assigning it: the same path-based
    (value-blind) question rustc's definite-initialisation check asks of `let name: T;`."""
    flow = _InitFlow(name)
    flow.block(stmts, assigned=False)
    return flow.read_unassigned


class _InitFlow:
    """Walks statements tracking whether `name` is definitely assigned on the current path;
    anything it does not model precisely (try, with, nested blocks it does not know) counts
    as a read of an unassigned value, so the declaration keeps its default."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.read_unassigned = False
        # per enclosing loop: some `break` leaves it while `name` may be unassigned
        self.breaks_unassigned: list[bool] = []

    def _reads(self, names: list[str], assigned: bool) -> None:
        if not assigned and self.name in names:
            self.read_unassigned = True

    def block(self, stmts: list[Statement], assigned: bool) -> bool:
        """Whether `name` is assigned where `stmts` fall through (True when they cannot)."""
        for stmt in stmts:
            if isinstance(stmt, ReturnStmt | RaiseStmt):
                self._reads(_header_names(stmt, set()), assigned)
                return True
            if isinstance(stmt, BreakStmt):
                if self.breaks_unassigned and not assigned:
                    self.breaks_unassigned[-1] = True
                return True
            if isinstance(stmt, ContinueStmt):
                return True  # the next iteration starts no less assigned than the first
            assigned = self.statement(stmt, assigned)
        return assigned

    def statement(self, stmt: Statement, assigned: bool) -> bool:
        if isinstance(stmt, AssignmentStmt) and _stores(stmt, self.name):
            reads = _Names(set())
            reads.visit(stmt.rvalue)
            for lv in stmt.lvalues:
                if not isinstance(lv, NameExpr | TupleExpr | ListExpr | StarExpr):
                    reads.visit(lv)  # `xs[i] = ...` reads `xs` and `i`
            self._reads(reads.found, assigned)
            return True
        if isinstance(stmt, IfStmt):
            self._reads(_header_names(stmt, set()), assigned)
            ends = [self.block(b.body, assigned) for b in stmt.body]
            ends.append(self.block(stmt.else_body.body, assigned) if stmt.else_body else assigned)
            return all(ends)
        if isinstance(stmt, WhileStmt | ForStmt):
            return self.loop(stmt, assigned)
        if _child_blocks(stmt) or isinstance(stmt, TryStmt | WithStmt):
            return self.opaque(stmt, assigned)
        self._reads(_header_names(stmt, set()), assigned)
        return assigned

    def loop(self, stmt: WhileStmt | ForStmt, assigned: bool) -> bool:
        self._reads(_header_names(stmt, set()), assigned)
        bound = isinstance(stmt, ForStmt) and self.name in _target_names(stmt.index)
        self.breaks_unassigned.append(False)
        self.block(stmt.body.body, assigned or bound)
        broke_unassigned = self.breaks_unassigned.pop()
        after_break = assigned or not broke_unassigned
        if isinstance(stmt, WhileStmt) and _is_true_literal(stmt.expr):
            return after_break  # lowered to `loop`: only a `break` leaves it
        # the loop may run zero times: its normal exit (and `else`) sees the state before it
        after_normal = self.block(stmt.else_body.body, assigned) if stmt.else_body else assigned
        return after_normal and after_break

    def opaque(self, stmt: Statement, assigned: bool) -> bool:
        if assigned:
            return True
        names = set(_header_names(stmt, set()))
        for block in _child_blocks(stmt):
            names |= _all_names(block.body)
        if isinstance(stmt, TryStmt):
            names.update(v.name for v in stmt.vars if v is not None)
        if self.name in names:
            self.read_unassigned = True
        if self.breaks_unassigned and any(_breaks(b.body) for b in _child_blocks(stmt)):
            self.breaks_unassigned[-1] = True
        return False


def _is_true_literal(node: Node) -> bool:
    return isinstance(node, NameExpr) and node.fullname == "builtins.True"


def _breaks(stmts: list[Statement]) -> bool:
    """A `break` that leaves the loop enclosing `stmts` (not one of a nested loop)."""
    for stmt in stmts:
        if isinstance(stmt, BreakStmt):
            return True
        if isinstance(stmt, WhileStmt | ForStmt):
            if stmt.else_body and _breaks(stmt.else_body.body):
                return True
            continue
        if any(_breaks(b.body) for b in _child_blocks(stmt)):
            return True
    return False


def _loop_only_names(body: list[Statement], params: set[str]) -> set[str]:
    """Names used only as `for` targets and inside those loops: each loop's variable is
    independent of the others."""
    targets: set[str] = set()
    used_outside: set[str] = set()

    def walk(stmts: list[Statement], bound: frozenset[str]) -> None:
        for stmt in stmts:
            used_outside.update(n for n in _header_names(stmt, params) if n not in bound)
            if isinstance(stmt, ForStmt):
                names = set(_target_names(stmt.index))
                targets.update(names)
                walk(stmt.body.body, bound | names)
                if stmt.else_body:
                    walk(stmt.else_body.body, bound)
                continue
            for block in _child_blocks(stmt):
                walk(block.body, bound)

    walk(body, frozenset())
    return targets - used_outside - params


def _dead_after(stmts: list[Statement], name: str) -> bool:
    """`name` is assigned before any read on every path through `stmts`, which cannot leave
    early (break/continue/return/raise) before that assignment."""
    for index, stmt in enumerate(stmts):
        if isinstance(stmt, AssignmentStmt) and any(
            name in _target_names(lv) for lv in stmt.lvalues
        ):
            return _definitely_assigns(stmts[index:], name) and not _leaves(stmts[:index])
    return False


def _dead_once_done(
    name: str, stmts: list[Statement], index: int, enclosing: list[tuple[list[Statement], int]]
) -> bool:
    """`name` is dead once `stmts[index]` finishes: assigned before any read after it, in
    its block or, when the rest of the block never mentions it, after the statements that
    enclose it (an inner loop's variable that the code after the outer loop reassigns)."""
    rest = stmts[index + 1 :]
    if _dead_after(rest, name):
        return True
    if name in _all_names(rest) or not enclosing:
        return False
    if any(isinstance(block[i], TryStmt | WithStmt) for block, i in enclosing):
        return False  # a handler may read what an error left behind
    block, position = enclosing[-1]
    parent = block[position]
    if isinstance(parent, WhileStmt | ForStmt) and stmts is parent.body.body:
        # the next iteration runs the rest of the body and the loop header again
        again = [*stmts[:index], *(parent.else_body.body if parent.else_body else [])]
        if name in _header_names(parent, set()) or name in _all_names(again):
            return False
        if isinstance(parent, ForStmt) and name in _target_names(parent.index):
            return False
    return _dead_once_done(name, block, position, enclosing[:-1])


def _leaves(stmts: list[Statement]) -> bool:
    for stmt in stmts:
        if isinstance(stmt, ReturnStmt | RaiseStmt | BreakStmt | ContinueStmt):
            return True
        if any(_leaves(b.body) for b in _child_blocks(stmt)):
            return True
    return False


def _all_names(stmts: list[Statement]) -> set[str]:
    found: set[str] = set()
    for stmt in stmts:
        found.update(_header_names(stmt, set()))
        for block in _child_blocks(stmt):
            found |= _all_names(block.body)
        if isinstance(stmt, ForStmt):
            found.update(_target_names(stmt.index))
    return found


def _path_assignments(stmts: list[Statement], name: str) -> int:
    """The most assignments to `name` along one path (loops count as many)."""
    total = 0
    ended = 0  # the most along a path that left through a `return`/`raise` in a branch
    for stmt in stmts:
        if isinstance(stmt, AssignmentStmt):
            total += sum(1 for lv in stmt.lvalues if name in _target_names(lv))
        elif isinstance(stmt, OperatorAssignmentStmt):
            total += 1 if name in _target_names(stmt.lvalue) else 0
        elif isinstance(stmt, IfStmt):
            # no `else`: an empty branch falls through
            branches = [b.body for b in stmt.body] + (
                [stmt.else_body.body] if stmt.else_body else [[]]
            )
            counts = [(_path_assignments(b, name), _returns(b)) for b in branches]
            ended = max([ended, *(total + n for n, left in counts if left)])
            total += max((n for n, left in counts if not left), default=0)
        elif isinstance(stmt, WhileStmt | ForStmt):
            inner = _path_assignments(stmt.body.body, name)
            if isinstance(stmt, ForStmt) and name in _target_names(stmt.index):
                inner += 2
            total += 2 * inner
            if stmt.else_body:
                total += _path_assignments(stmt.else_body.body, name)
        elif isinstance(stmt, TryStmt):
            total += _path_assignments(stmt.body.body, name)
            total += max((_path_assignments(h.body, name) for h in stmt.handlers), default=0)
            if stmt.else_body:
                total += _path_assignments(stmt.else_body.body, name)
            if stmt.finally_body:
                total += _path_assignments(stmt.finally_body.body, name)
        elif isinstance(stmt, WithStmt):
            total += _path_assignments(stmt.body.body, name)
    return max(total, ended)


def _returns(stmts: list[Statement]) -> bool:
    return bool(stmts) and isinstance(stmts[-1], ReturnStmt | RaiseStmt)
