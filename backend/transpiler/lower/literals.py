"""Rust literals for Python constants."""

from __future__ import annotations


def rust_str_literal(text: str) -> str:
    """A Rust string literal with the same characters (escapes what Rust requires)."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{{{code:x}}}" if not 0xD800 <= code <= 0xDFFF else "\\u{fffd}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def rust_char_literal(ch: str) -> str:
    if ch == "'":
        return "'\\''"
    lit = rust_str_literal(ch)[1:-1]
    return f"'{lit}'" if lit != '\\"' else "'\"'"


def rust_float_literal(value: float) -> str:
    if value != value:
        return "f64::NAN"
    if value in (float("inf"), float("-inf")):
        return "f64::INFINITY" if value > 0 else "f64::NEG_INFINITY"
    text = repr(value)
    if "e" in text or "E" in text:
        mantissa, exp = text.split("e")
        if "." not in mantissa:
            mantissa += ".0"
        return f"{mantissa}e{int(exp)}"
    if "." not in text:
        text += ".0"
    return text


def format_template_escape(text: str) -> str:
    """Literal text inside a `format!` template: braces doubled, string-escaped."""
    return rust_str_literal(text)[1:-1].replace("{", "{{").replace("}", "}}")
