"""The acceptance corpus: every `tests/cases/*.py` must translate, compile, and behave.

Each case is a small program with an `if __name__ == "__main__":` block. It passes when
its translation's status is `compiles` or `verified`, rustc reports no warnings for it,
and the Rust binary prints what CPython prints (normalised: True/true and 1/1.0 count as
equal).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from check_support import checked_program

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo

CASES_DIR = Path(__file__).parent / "cases"
CASES = sorted(CASES_DIR.glob("*.py"))
MIN_CASES = 90  # the size of the corpus the acceptance criteria ask for


def test_corpus_is_complete() -> None:
    assert len(CASES) >= MIN_CASES, f"only {len(CASES)} cases in {CASES_DIR}"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_behaves_like_cpython(path: Path) -> None:
    result, diagnostics = checked_program(path)
    assert result.translation is not None
    rustc = result.translation.metadata.get("rustc")
    assert isinstance(rustc, dict), f"{path.name}: no rustc check in the metadata"
    assert rustc.get("warnings") == 0, f"rustc warns about the translation:\n{diagnostics}"
