"""The differential check of one program file, asserted as the corpus tests assert it."""

from __future__ import annotations

from pathlib import Path

from backend.transpiler.check import CheckResult, check_module
from backend.transpiler.record import Status


def checked_program(path: Path) -> tuple[CheckResult, str]:
    """Run `path` under CPython and as Rust; assert it translated, compiled and matched.

    Returns the result and its diagnostics as `file:line:col: severity: message` lines.
    """
    result = check_module(path.read_text(encoding="utf-8"), filename=path.name, timeout_s=20.0)
    assert not result.nothing_to_run, f"{path.name}: {result.message}"
    assert result.translation is not None
    diagnostics = "\n".join(
        f"{path.name}:{d.range.line}:{d.range.col + 1}: {d.severity.value}: {d.message} [{d.code}]"
        for d in result.translation.diagnostics
    )
    assert result.stage_failed is None, f"{result.message}\n{diagnostics}"
    assert result.translation.status in {Status.COMPILES, Status.VERIFIED}, diagnostics
    assert result.matches, f"{result.message}\n{result.diff}\n{result.rust_stderr}"
    return result, diagnostics
