"""Degrade per member, never per class (see tests/partial_members/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.transpiler import Severity, Status, TranslateOptions, translate
from backend.transpiler.check import check_module
from backend.transpiler.lower import class_traits, classes

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo

MODULES = sorted((Path(__file__).parent / "partial_members").glob("*.py"))
MARK = "# untranslated"


def test_there_are_partial_member_programs() -> None:
    assert MODULES


def _marked_lines(source: str) -> set[int]:
    return {n for n, line in enumerate(source.splitlines(), 1) if line.rstrip().endswith(MARK)}


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
def test_untranslated_member_is_reported_where_it_is(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    result = translate(source, options=TranslateOptions(verify=False))
    assert result.status is Status.PARTIAL
    warned = {d.range.line for d in result.diagnostics if d.severity is Severity.WARNING}
    assert warned == _marked_lines(source), result.diagnostics


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
def test_the_rest_of_the_class_compiles_and_behaves(path: Path) -> None:
    result = check_module(path.read_text(encoding="utf-8"), filename=path.name, timeout_s=20.0)
    assert result.translation is not None
    assert result.translation.status is Status.PARTIAL
    errors = [d for d in result.translation.diagnostics if d.severity is Severity.ERROR]
    assert result.stage_failed is None and not errors, f"{result.message}\n{errors}"
    assert result.matches, f"{result.message}\n{result.diff}\n{result.rust_stderr}"


ENGINE_BUG = """\
\"\"\"Boxes.\"\"\"


class Box:
    def __init__(self, size: int) -> None:
        self.size = size

    def __str__(self) -> str:
        return f"Box({self.size})"

    def double(self) -> int:
        return self.size * 2


def main() -> None:
    print(Box(4).double())


if __name__ == "__main__":
    main()
"""


def _boom(*args: object) -> object:
    raise KeyError("engine bug")


def test_an_engine_bug_in_a_member_costs_that_member(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(class_traits, "dunder_trait", _boom)
    result = translate(ENGINE_BUG)
    assert result.status is Status.PARTIAL
    bugs = [d for d in result.diagnostics if d.code == "PRT999"]
    assert [d.range.line for d in bugs] == [8], result.diagnostics
    assert result.metadata["rustc"]["ok"] is True  # type: ignore[index]


def test_an_engine_bug_in_an_item_is_located_not_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(classes, "lower_class", _boom)
    result = translate(ENGINE_BUG)
    assert result.status is Status.PARTIAL
    bugs = [d for d in result.diagnostics if d.code == "PRT999"]
    assert [d.range.line for d in bugs] == [4], result.diagnostics
    assert "KeyError" in bugs[0].message
