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
                private = {
                    n
                    for n in _target_names(stmt.index)
                    if n in loop_only or _dead_after(stmts[index + 1 :], n)
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
            decl.needs_default = not _definitely_assigns(following, name)
        count = _path_assignments(following, name) + (1 if decl.needs_default else 0)
        decl.mutable = count > 1 or name in mutated
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
    for stmt in stmts:
        if isinstance(stmt, AssignmentStmt):
            total += sum(1 for lv in stmt.lvalues if name in _target_names(lv))
        elif isinstance(stmt, OperatorAssignmentStmt):
            total += 1 if name in _target_names(stmt.lvalue) else 0
        elif isinstance(stmt, IfStmt):
            branches = [b.body for b in stmt.body] + (
                [stmt.else_body.body] if stmt.else_body else []
            )
            total += max((_path_assignments(b, name) for b in branches), default=0)
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
    return total
