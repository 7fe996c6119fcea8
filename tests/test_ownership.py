"""Returning a local moves it instead of cloning it (lower/statements.py `_moved_local`).
Behaviour: tests/cases/func_return_owned_locals.py and
tests/traps/return_local_inside_try.py through the differential check."""

from __future__ import annotations

import pytest
from test_ranges import function, rust_of


@pytest.mark.parametrize(
    ("name", "tail"),
    [("squares", "    out\n}"), ("first_run", "    run\n}"), ("histogram", "    counts\n}")],
)
def test_a_returned_local_is_moved(name: str, tail: str) -> None:
    body = function(rust_of("cases/func_return_owned_locals.py"), name)
    assert body.endswith(tail), body
    assert ".clone()\n}" not in body


def test_returns_inside_a_loop_and_a_branch_move_too() -> None:
    code = rust_of("cases/func_return_owned_locals.py")
    assert "            return run;" in function(code, "first_run")
    assert "        return name;" in function(code, "label")


def test_a_return_a_finally_follows_or_a_closure_makes_keeps_the_clone() -> None:
    code = rust_of("traps/return_local_inside_try.py")
    assert "Some(out.clone())" in function(code, "guarded")
    assert "|| -> Vec<i64> { base.clone() }" in function(code, "via_helper")
