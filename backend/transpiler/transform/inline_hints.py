"""`#[inline]` hints for `portalis translate --release-profile`.

Small means: a body of at most `SMALL_BODY_LINES` lines of Rust (as emitted, before
rustfmt) with no loop in it (`for`, `while`, `loop`). Such a function costs less than
its call, and `#[inline]` lets rustc inline it across codegen units and crates (a
`translate-project` crate's modules). `main`, and functions that already carry an
`#[inline...]` or `#[cold]` attribute, are left alone. The program is unchanged: the
hints only change what the optimiser may do.
"""

from __future__ import annotations

import re

from backend.transpiler import ir
from backend.transpiler.emit import emit_module

SMALL_BODY_LINES = 12
INLINE = "#[inline]"

_LOOP = re.compile(r"(?:^|[\s;{}'])(?:for\s|while\s|loop\s*\{)")
_FN_HEAD = re.compile(r"^(\s*)(?:pub(?:\([\w:]+\))?\s+)?(?:const\s+)?fn\s+\w+")
_KEEP = ("#[inline", "#[cold]", "#[test]")


def hint_module(module: ir.Module) -> None:
    """Add `#[inline]` to the module's small functions and methods, in place."""
    for item in module.items:
        if isinstance(item, ir.Function):
            _hint_function(item)
        elif isinstance(item, ir.Impl):
            for member in item.items:
                if isinstance(member, ir.Function):
                    _hint_function(member)


def _hint_function(fn: ir.Function) -> None:
    if fn.name == "main" or any(a.startswith(_KEEP) for a in fn.attrs):
        return
    if is_small(_body_lines(fn)):
        fn.attrs.insert(0, INLINE)


def _body_lines(fn: ir.Function) -> list[str]:
    """The body as the emitter writes it (without the signature and the closing brace)."""
    alone = ir.Function(fn.name, fn.params, fn.ret, fn.body, generics=fn.generics)
    lines = emit_module(ir.Module([], [alone], [])).code.rstrip("\n").split("\n")
    return lines[1:-1]


def is_small(body: list[str]) -> bool:
    code = [line for line in body if line.strip() and not line.strip().startswith("//")]
    return len(code) <= SMALL_BODY_LINES and not any(_LOOP.search(line) for line in code)


def hint_helpers(text: str) -> str:
    """The runtime helpers' text with `#[inline]` before each small function.

    The helpers are stored rustfmt-formatted: a function's body ends at the first line
    that closes its brace at the signature's indentation."""
    lines = text.split("\n")
    out: list[str] = []
    for index, line in enumerate(lines):
        head = _FN_HEAD.match(line)
        if head and not _already_hinted(out):
            body = _helper_body(lines, index, head.group(1))
            if body is not None and is_small(body):
                out.append(head.group(1) + INLINE)
        out.append(line)
    return "\n".join(out)


def _already_hinted(previous: list[str]) -> bool:
    """Whether the attributes just above the signature already say how to inline."""
    for line in reversed(previous):
        stripped = line.strip()
        if stripped.startswith(_KEEP):
            return True
        if not stripped.startswith(("#[", "///")):
            return False
    return False


def _helper_body(lines: list[str], start: int, indent: str) -> list[str] | None:
    """The body lines of the function whose signature starts at `start`; None for a
    declaration without a body (a trait's required method)."""
    head = lines[start].rstrip()
    if head.endswith("}") and head.count("{") == head.count("}"):
        return [head[head.index("{") + 1 : -1]]  # a one-line function
    opened = start
    while not lines[opened].rstrip().endswith("{"):  # a signature over several lines
        if lines[opened].rstrip().endswith(";") or opened + 1 == len(lines):
            return None
        opened += 1
    closing = indent + "}"
    for end in range(opened + 1, len(lines)):
        if lines[end].rstrip() == closing:
            return lines[opened + 1 : end]
    return None
