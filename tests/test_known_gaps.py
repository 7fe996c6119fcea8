"""The engine is honest about what it cannot translate yet (see tests/known_gaps/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.transpiler import Severity, Status, translate

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo

GAPS = sorted((Path(__file__).parent / "known_gaps").glob("*.py"))


def test_there_are_known_gaps_to_check() -> None:
    assert GAPS


@pytest.mark.parametrize("path", GAPS, ids=[p.stem for p in GAPS])
def test_known_gap_is_reported_not_hidden(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    result = translate(source)
    assert result.status is Status.PARTIAL
    problems = [d for d in result.diagnostics if d.severity in (Severity.ERROR, Severity.WARNING)]
    assert problems, "an incomplete translation must say where it is incomplete"
    lines = len(source.splitlines())
    assert all(1 <= d.range.line <= lines for d in problems)
