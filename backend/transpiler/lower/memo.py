"""`functools.lru_cache`/`cache`: a thread-local memo table in front of the function body."""

from __future__ import annotations

from mypy.nodes import Context

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.lower.context import FuncSig, ModuleContext, Unsupported


def memoize(ctx: ModuleContext, item: ir.Function, sig: FuncSig) -> list[ir.Item]:
    if any(not p.ty.is_ord and not p.ty.is_copy for p in sig.params) or any(
        p.ty == rt.FLOAT for p in sig.params
    ):
        raise Unsupported(
            _node(item.span.line if item.span else 1),
            "lru_cache on unhashable parameters",
            "PRT211",
        )
    ctx.use("std::cell::RefCell")
    ctx.use("std::collections::HashMap")
    inner_name = f"{item.name}_uncached"
    key_types = [p.ty.render() for p in sig.params]
    key_values = [p.name if p.ty.is_copy else f"{p.name}.to_owned()" for p in sig.params]
    key_t = key_types[0] if len(key_types) == 1 else f"({', '.join(key_types)})"
    key_v = key_values[0] if len(key_values) == 1 else f"({', '.join(key_values)})"
    ret = item.ret or "()"
    value_t = ret
    args = ", ".join(p.name for p in item.params)
    body = [
        ir.RawStmt(
            [
                "thread_local! {",
                (
                    f"    static CACHE: RefCell<HashMap<{key_t}, {value_t}>> = "
                    "RefCell::new(HashMap::new());"
                ),
                "}",
            ]
        ),
        ir.Let("key", None, key_v),
        ir.RawStmt(
            [
                "if let Some(hit) = CACHE.with(|cache| cache.borrow().get(&key).cloned()) {",
                "    return hit;",
                "}",
            ]
        ),
        ir.Let("result", None, f"{inner_name}({args})"),
        ir.ExprStmt("CACHE.with(|cache| cache.borrow_mut().insert(key, result.clone()))"),
        ir.RawStmt(["result"]),
    ]
    wrapper = ir.Function(item.name, item.params, item.ret, body, doc=item.doc, span=item.span)
    item.doc = []
    item.name = inner_name
    return [wrapper, item]


def _node(line: int) -> Context:
    """A source position for a diagnostic that has no mypy node (the first column of `line`)."""
    node = Context(line, 0)
    node.end_line = line
    node.end_column = 1
    return node
