"""Golden tests per family: Python in, emitted Rust out, no rustc (tests/golden/*.test).

A seconds-long inner loop for engine work (`make test-fast`). After an intended change of
output, regenerate the expectations and review the diff:

    .venv/bin/pytest tests/test_golden.py --update-golden
"""

from __future__ import annotations

import difflib
import tempfile
from pathlib import Path

import pytest
from filelock import FileLock
from golden_support import Case, golden_files, golden_output, read_golden

CASES = [
    pytest.param(path, case, id=f"{path.stem}::{case.name}")
    for path in golden_files()
    for case in read_golden(path).cases
]


@pytest.mark.parametrize(("path", "case"), CASES)
def test_golden(path: Path, case: Case, request: pytest.FixtureRequest) -> None:
    actual = golden_output(case.python)
    if actual == case.out:
        return
    if request.config.getoption("update_golden"):
        _update(path, case.name, actual)
        return
    diff = "\n".join(
        difflib.unified_diff(
            case.out.splitlines(), actual.splitlines(), "expected", "actual", lineterm=""
        )
    )
    pytest.fail(
        f"{path.name} [case {case.name}]: the emitted Rust changed "
        f"(rerun with --update-golden if intended):\n{diff}",
        pytrace=False,
    )


def _update(path: Path, name: str, actual: str) -> None:
    # xdist workers may update cases of one file at once: one rewrite at a time.
    with FileLock(str(Path(tempfile.gettempdir()) / f"portalis-golden-{path.name}.lock")):
        golden = read_golden(path)
        for case in golden.cases:
            if case.name == name:
                case.out = actual
        path.write_text(golden.render(), encoding="utf-8")


def test_golden_files_parse_and_have_cases() -> None:
    assert golden_files(), "no tests/golden/*.test files"
    for path in golden_files():
        golden = read_golden(path)
        assert golden.cases, f"{path.name} has no cases"
        assert golden.render() == path.read_text(encoding="utf-8"), (
            f"{path.name} is not in canonical form (rerun with --update-golden)"
        )
