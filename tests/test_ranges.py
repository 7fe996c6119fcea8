"""The value-range pass (transform/ranges.py): the Rust it leads to.

Each rewrite is shown on the golden case `tests/cases/list_direct_indexing.py` (whose
behaviour test_cases.py checks against CPython); the traps `tests/traps/range_fact_*.py`
(behaviour checked by test_traps.py) keep the checked forms where the fact does not hold.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from backend.transpiler import translate
from backend.transpiler.record import TranslateOptions

TESTS = Path(__file__).parent


@cache
def rust_of(relative: str) -> str:
    source = (TESTS / relative).read_text(encoding="utf-8")
    code = translate(source, options=TranslateOptions(verify=False)).rust_code
    return code.split("// ---- Python runtime helpers")[0]


def function(code: str, name: str) -> str:
    match = re.search(rf"^fn {name}\(.*?^}}$", code, re.MULTILINE | re.DOTALL)
    assert match is not None, f"no fn {name} in\n{code}"
    return match.group(0)


CASE = "cases/list_direct_indexing.py"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("lower_bound", ["lo.py_add(hi) / 2", "values[mid as usize]"]),
        ("find_exact", ["hi.py_sub(lo) / 2", "values[mid as usize]"]),  # `hi` may be -1
        ("weighted_total", ["xs[i as usize]", "(i % 3)"]),
        ("prefix_sums", ["sums[i as usize]", "xs[i as usize]", "(i + 1) as usize"]),
        ("every_other", ["xs[k as usize]"]),
        ("add_into", ["for i in 0..xs.len() {", "out[i] = xs[i].py_mul(2).py_add(out[i]);"]),
        ("middle_item", ["xs[(n / 2) as usize]"]),
        ("digits_backwards", ["xs[i as usize]"]),
    ],
)
def test_proven_facts_index_directly_and_divide_plainly(name: str, expected: list[str]) -> None:
    body = function(rust_of(CASE), name)
    for snippet in expected:
        assert snippet in body, body
    if name != "middle_item":  # its second index is not proven (below)
        assert "py_index" not in body, body
        assert "div_euclid" not in body and "py_floordiv" not in body, body


def test_a_counter_used_in_arithmetic_stays_an_int() -> None:
    body = function(rust_of(CASE), "weighted_total")
    assert "for i in 0..xs.len() as i64 {" in body, body


def test_an_unproven_index_keeps_the_check_in_the_golden_case() -> None:
    # `(n - 1) // 2 if n > 0 else 0`: the pass does not reason through the condition
    body = function(rust_of(CASE), "middle_item")
    assert "py_index(if n > 0 { n.py_sub(1).div_euclid(2) }" in body, body


@pytest.mark.parametrize(
    ("trap", "name", "checked"),
    [
        ("range_fact_rebound_loop_index", "after_loop", ["i.div_euclid(2)", "py_index(i,"]),
        ("range_fact_rebound_loop_index", "inside_loop", ["py_index(i,", "i.rem_euclid(4)"]),
        ("range_fact_rebound_loop_index", "counter_goes_down", ["py_index(k,", "div_euclid(3)"]),
        ("range_fact_negative_index", "from_the_end", ["py_index(k,"]),
        ("range_fact_negative_index", "around", ["py_index(i,"]),
        ("range_fact_negative_index", "gaps", ["py_index(j,"]),
        ("range_fact_negative_index", "last_below", ["div_euclid(2)", "py_index(mid,"]),
        ("range_fact_negative_index", "walk_back", ["py_index(i,"]),
        ("range_fact_list_resized_in_loop", "drain", ["py_checked_index(i as i64,"]),
        ("range_fact_negative_floordiv", "halves", ["d.div_euclid(2)", "d.rem_euclid(3)"]),
        ("range_fact_negative_floordiv", "countdown", ["x.div_euclid(2)", "x.rem_euclid(4)"]),
        ("range_fact_negative_floordiv", "scaled", ["div_euclid(3)"]),
        ("range_fact_negative_floordiv", "mixed_signs", ["py_mod(i, -3)"]),
        ("range_fact_counter_indexes_a_dict", "lookups", ["for i in 0..xs.len() as i64 {"]),
        ("range_fact_counter_indexes_a_dict", "letters", ["for i in 0..xs.len() as i64 {"]),
    ],
)
def test_where_the_fact_does_not_hold_the_checked_form_stays(
    trap: str, name: str, checked: list[str]
) -> None:
    body = function(rust_of(f"traps/{trap}.py"), name)
    for snippet in checked:
        assert snippet in body, body
