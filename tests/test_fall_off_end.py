"""Falling off the end of a function whose return type does not admit None.

mypy reports "Missing return statement" where that end is reachable: the translation must
then be `partial` with a diagnostic at the function (never a panic marked `compiles`).
Where mypy proved the end unreachable (`assert False`), a panic there is the translation.
"""

from __future__ import annotations

import pytest

from backend.transpiler import Status, translate

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo

REACHABLE_END = """
def index_of(xs: list[int], t: int) -> int:
    for i, x in enumerate(xs):
        if x == t:
            return i
"""

UNREACHABLE_END = """
def positive(n: int) -> int:
    if n > 0:
        return n
    assert False, "not positive"
"""


def test_a_reachable_end_without_none_is_reported_partial() -> None:
    result = translate(REACHABLE_END)
    assert result.status is Status.PARTIAL
    found = [d for d in result.diagnostics if d.code == "PRT316"]
    assert found and found[0].range.line == 2
    assert "unreachable!" not in result.rust_code


def test_an_end_mypy_proves_unreachable_panics() -> None:
    result = translate(UNREACHABLE_END)
    assert result.status in {Status.COMPILES, Status.VERIFIED}
    assert "unreachable!(" in result.rust_code
    assert not [d for d in result.diagnostics if d.code == "PRT316"]
