"""Never silently wrong: each `tests/traps/*.py` compiles and behaves exactly like CPython.

Every module there reproduces a miscompile that was once reported `compiles` while the
program printed something else (see tests/traps/README.md). Here each one must translate
to a compiling program whose stdout and exit status equal CPython's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from check_support import checked_program

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo

TRAPS = sorted((Path(__file__).parent / "traps").glob("*.py"))


def test_there_are_traps_to_check() -> None:
    assert len(TRAPS) >= 8


@pytest.mark.parametrize("path", TRAPS, ids=[p.stem for p in TRAPS])
def test_trap_behaves_like_cpython(path: Path) -> None:
    result, _ = checked_program(path)
    # Exact: the traps do not get the normalisation (True/true, 1/1.0) the golden cases get.
    assert result.rust_stdout == result.python_stdout, result.diff
    assert (result.python_exit == 0) == (result.rust_exit == 0), result.rust_stderr
