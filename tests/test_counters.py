"""Counters (analyze/counters.py): int locals stepped by small constants from small literals
add without an overflow check; every other int keeps the checked form."""

from __future__ import annotations

import pytest

from backend.transpiler.record import TranslateOptions
from backend.transpiler.translate import translate

FAST = TranslateOptions(verify=False, rustfmt=False)


def rust_of(source: str) -> str:
    return translate(source, options=FAST).rust_code


@pytest.mark.parametrize(
    ("source", "line"),
    [
        (
            "def f(n: int) -> int:\n    k = 0\n    for _ in range(n):\n        k += 1\n"
            "    return k\n",
            "k += 1;",
        ),
        (
            "def f(n: int) -> int:\n    k = 10\n    while k > 0:\n        k = k - 3\n"
            "    return k\n",
            "k = k - 3;",
        ),
        (
            "def f(xs: list[int]) -> int:\n    hits = 0\n    for x in xs:\n        if x:\n"
            "            hits += 16\n    return hits\n",
            "hits += 16;",
        ),
    ],
)
def test_counters_step_without_a_check(source: str, line: str) -> None:
    rust = rust_of(source)
    assert line in rust, rust
    assert "py_add" not in rust.partition("// ---- Python runtime helpers")[0]


@pytest.mark.parametrize(
    "source",
    [
        # starts from a parameter: any value may come in
        "def f(n: int) -> int:\n    n += 1\n    return n\n",
        "def f(s: int) -> int:\n    k = s\n    k += 1\n    return k\n",
        # a step that is not a small literal
        "def f(n: int) -> int:\n    k = 0\n    for i in range(n):\n        k += i\n    return k\n",
        "def f(n: int) -> int:\n    k = 0\n    for _ in range(n):\n        k += 17\n    return k\n",
        # a start beyond 2**32
        "def f(n: int) -> int:\n    k = 2**40\n    for _ in range(n):\n        k += 1\n"
        "    return k\n",
        "def f(n: int) -> int:\n    k = 10_000_000_000\n    k += 1\n    return k\n",
        # also bound by a loop or a tuple assignment
        "def f(xs: list[int]) -> int:\n    k = 0\n    for k in xs:\n        pass\n    k += 1\n"
        "    return k\n",
        "def f(a: int) -> int:\n    k = 0\n    k, j = a, 1\n    k += 1\n    return k + j\n",
        # changed by a nested function
        "def f() -> int:\n    k = 0\n    def g() -> None:\n        nonlocal k\n        k = k * 3\n"
        "    g()\n    k += 1\n    return k\n",
    ],
)
def test_other_ints_keep_the_checked_step(source: str) -> None:
    rust = rust_of(source).partition("// ---- Python runtime helpers")[0]
    assert "py_add" in rust, rust
