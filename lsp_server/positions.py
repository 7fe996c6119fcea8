"""Engine ranges (1-based lines, UTF-8 byte columns from `ast`) to LSP ranges (0-based lines,
UTF-16 columns)."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from backend.transpiler import SourceRange


def utf16_column(line: str, byte_col: int) -> int:
    prefix = line.encode("utf-8")[: max(byte_col, 0)].decode("utf-8", "ignore")
    return len(prefix.encode("utf-16-le")) // 2


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def lsp_range(lines: Sequence[str], rng: SourceRange) -> types.Range:
    def position(line: int, col: int) -> types.Position:
        index = min(max(line - 1, 0), max(len(lines) - 1, 0))
        text = lines[index].rstrip("\r\n") if lines else ""
        return types.Position(index, min(utf16_column(text, col), utf16_length(text)))

    start = position(rng.line, rng.col)
    end = position(rng.end_line, rng.end_col)
    if (end.line, end.character) < (start.line, start.character):
        end = start
    return types.Range(start, end)


def end_of(text: str) -> types.Position:
    """The position just after the last character of `text`."""
    lines = text.split("\n")
    return types.Position(len(lines) - 1, utf16_length(lines[-1]))
