"""Portalis language server: Rust hover previews, "Translate to Rust" code actions,
workspace translation, diagnostics for untranslatable constructs (pygls 2.x)."""

from __future__ import annotations

__version__ = "0.1.0"
