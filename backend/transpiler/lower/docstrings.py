"""A Python docstring as the lines of a Rust doc comment (Markdown, as rustdoc reads it).

Lines are taken without their indentation (four spaces would make an indented block, which
rustdoc compiles as a doctest). Doctest examples (`>>>` lines and the output after them)
go in a ```text fence: `>>>` would read as nested quotes, and their output as a lazy
continuation of them (clippy::doc_lazy_continuation). The lines that continue a list item
are indented under its text, so they stay part of the item."""

from __future__ import annotations

import re

_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+")


def doc_lines(text: str) -> list[str]:
    out: list[str] = []
    in_example = False
    item_indent = ""
    for raw in text.strip().splitlines():
        line = raw.strip()
        if line.startswith(">>>") and not in_example:
            out.append("```text")
            in_example = True
        elif in_example and not line:
            out.append("```")
            in_example = False
        if in_example:
            out.append(line)
            continue
        item = _LIST_ITEM.match(line)
        if item:
            item_indent = " " * item.end()
            out.append(line)
        elif line and item_indent:
            out.append(item_indent + line)
        else:
            item_indent = ""
            out.append(line)
    if in_example:
        out.append("```")
    return out
