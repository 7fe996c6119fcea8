"""The translation engine: parse -> analyze -> lower -> emit -> verify.

`translate()` is a pure function of its inputs: it never executes the user's code, never
raises (failures are `failed` Translations with a located diagnostic), and is thread-safe
(mypy builds are serialised inside the type oracle).
"""

from __future__ import annotations

from backend.transpiler.record import (
    Diagnostic,
    Severity,
    SourceRange,
    Status,
    TranslateOptions,
    Translation,
)
from backend.transpiler.translate import ENGINE_VERSION, translate

__all__ = [
    "ENGINE_VERSION",
    "Diagnostic",
    "Severity",
    "SourceRange",
    "Status",
    "TranslateOptions",
    "Translation",
    "translate",
]
