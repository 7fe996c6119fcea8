"""Python module names -> Rust module paths (`pkg.mod` -> `crate::pkg::mod_`).

The single source of truth for that mapping: the engine uses it to emit `use crate::...`
for `from pkg.mod import f` (lower/module.py), and `backend.project` lays out a crate's
files with it, so the paths the one writes and the files the other lays out always agree.

Identifiers that Rust reserves (`mod`, `type`, `match`, ...) and the names Cargo gives a
meaning to at the top of `src/` (`lib`, `bin`, `main`) get a trailing underscore.
"""

from __future__ import annotations

__all__ = ["RUST_KEYWORDS", "rust_module_ident", "rust_module_path"]

# Strict and reserved keywords of Rust 2021, plus `gen` (reserved in 2024) so that a crate
# keeps compiling when it moves to the next edition.
_KEYWORDS_TEXT = """
    as async await break const continue crate dyn else enum extern false fn for if impl in
    let loop match mod move mut pub ref return self Self static struct super trait true type
    unsafe use where while abstract become box do final macro override priv typeof unsized
    virtual yield try gen
"""
RUST_KEYWORDS = frozenset(_KEYWORDS_TEXT.split())
# Names that would collide with Cargo's conventions when they sit directly under `src/`.
_RESERVED_AT_ROOT = frozenset({"lib", "main", "bin"})


def rust_module_ident(name: str, *, at_root: bool = False) -> str:
    """The Rust identifier for one Python module-name component."""
    if name in RUST_KEYWORDS or (at_root and name in _RESERVED_AT_ROOT):
        return name + "_"
    return name


def rust_module_path(dotted: str) -> str:
    """`pkg.mod` -> `crate::pkg::mod_`; the empty name is the crate root."""
    if not dotted:
        return "crate"
    parts = dotted.split(".")
    idents = [rust_module_ident(p, at_root=i == 0) for i, p in enumerate(parts)]
    return "::".join(["crate", *idents])
