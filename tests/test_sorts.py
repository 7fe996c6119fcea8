"""Which Rust sort each Python sort becomes (lower/sorts.py). Behaviour is checked
against CPython by test_cases.py (tests/cases/list_sort_forms.py) and test_traps.py
(tests/traps/sort_stability_floats_and_keys.py)."""

from __future__ import annotations

import pytest
from test_ranges import function, rust_of

CASE = "cases/list_sort_forms.py"
TRAP = "traps/sort_stability_floats_and_keys.py"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("sort_ints", ["v.sort_unstable();", "xs.sort_unstable_by(|a, b| b.cmp(a));"]),
        ("sort_words", ["v.sort_unstable();", "v.sort_unstable_by(|a, b| b.cmp(a));"]),
        ("sort_pairs", ["pairs.sort_unstable();"]),
        ("sort_flags", ["v.sort_unstable();"]),
        ("by_score", ["v.sort_by_key(|p| p.score);"]),
        ("by_score_desc", ["v.sort_by_key(|p| std::cmp::Reverse(p.score));"]),
        ("by_name", ["v.sort_by_cached_key(|p| p.name.clone());"]),
        ("by_length", [".sort_by_key(|w| w.chars().count() as i64);"]),
        ("sort_floats", ["py_sort_floats(&mut v, false);", "py_sort_floats(&mut v, true);"]),
        ("sort_float_pairs", ["py_sort_floats(&mut v, false);"]),
    ],
)
def test_unobservable_order_uses_std_sorts(name: str, expected: list[str]) -> None:
    body = function(rust_of(CASE), name)
    for snippet in expected:
        assert snippet in body, body
    assert "py_sort(" not in body and "py_sort_by_key(" not in body, body


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("zeros", "py_sort_floats(&mut v, false);"),  # stable: -0.0 and 0.0 keep their order
        ("zeros_reversed", "py_sort_floats(xs, true);"),
        ("by_noisy_key", "py_sort_by_key(&mut v, |x| noisy_key(x), false);"),  # once per item
        ("by_float_key", "py_sort_by_key(&mut v, |p| p.1, false);"),
        ("by_tuple_key", "py_sort_by_key(&mut v, |p| (p.1, p.0.clone()), true);"),
    ],
)
def test_observable_order_or_key_calls_keep_pythons_sort(name: str, expected: str) -> None:
    body = function(rust_of(TRAP), name)
    assert expected in body, body
    assert "sort_unstable" not in body and "sort_by_key(" not in body.replace("py_sort_by_key", "")
