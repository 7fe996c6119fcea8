"""The int-width analysis (analyze/int_width.py): which ints become `PyBigInt`, which stay
i64, and how the Translation reports it (PRT720 diagnostics, `arbitrary_precision`)."""

from __future__ import annotations

import pytest

from backend.transpiler.record import Severity, TranslateOptions
from backend.transpiler.translate import translate

FAST = TranslateOptions(verify=False, rustfmt=False)


def decisions(source: str) -> set[tuple[str, str, str]]:
    result = translate(source, options=FAST)
    report = result.metadata["arbitrary_precision"]
    assert isinstance(report, list)
    return {(d["function"], d["name"], d["kind"]) for d in report}


BIG = [
    (
        "def fact(n: int) -> int:\n    r = 1\n    for i in range(2, n + 1):\n        r *= i\n"
        "    return r\n",
        {("fact", "r", "variable"), ("fact", "return", "return")},
    ),
    (
        "def fib(n: int) -> int:\n    a, b = 0, 1\n    for _ in range(n):\n"
        "        a, b = b, a + b\n    return a\n",
        {("fib", "a", "variable"), ("fib", "b", "variable"), ("fib", "return", "return")},
    ),
    (
        "def f(n: int) -> int:\n    return 1 if n < 2 else n * f(n - 1)\n",
        {("f", "return", "return")},
    ),
    (
        "def p(k: int) -> int:\n    x: int = 2**k\n    return x\n",
        {("p", "x", "variable"), ("p", "return", "return")},
    ),
    (
        "M = 2**61 - 1\n\ndef h(s: str) -> int:\n    v = 0\n    for c in s:\n"
        "        v = (v * 131 + ord(c)) % M\n    return v\n",
        {("h", "v", "variable"), ("h", "return", "return")},
    ),
    (
        "def seq(n: int) -> list[int]:\n    xs = [0, 1]\n    while len(xs) < n:\n"
        "        xs.append(xs[-1] + xs[-2])\n    return xs\n",
        {("seq", "xs", "list"), ("seq", "return", "list return")},
    ),
    (
        "def show(n: int) -> str:\n    return str(n)\n\ndef g() -> str:\n    return show(10**30)\n",
        {("show", "n", "parameter")},
    ),
    (
        # both branches grow: no division keeps it in check
        "def g(n: int, k: int) -> int:\n    for i in range(k):\n"
        "        n = n * 2 if i % 2 == 0 else 3 * n + 1\n    return n\n",
        {("g", "n", "parameter"), ("g", "return", "return")},
    ),
]

SMALL = [
    # list concatenation of its own slices is not arithmetic on its items
    "def rot(xs: list[int], n: int) -> list[int]:\n    for i in range(n):\n"
    "        xs[i:] = xs[i + 1 :] + xs[i : i + 1]\n    return xs\n",
    # halving: a binary search's midpoint
    "def s(xs: list[int], t: int) -> int:\n    lo, hi = 0, len(xs)\n    while lo < hi:\n"
    "        mid = (lo + hi) // 2\n        if xs[mid] < t:\n            lo = mid + 1\n"
    "        else:\n            hi = mid\n    return lo\n",
    # linear sums
    "def total(xs: list[int]) -> int:\n    t = 0\n    i = 0\n    while i < len(xs):\n"
    "        t += xs[i] + i\n        i += 1\n    return t\n",
    # a modulus whose products fit in i64
    "def h(s: str) -> int:\n    v = 0\n    for c in s:\n"
    "        v = (v * 31 + ord(c)) % 1_000_000_007\n    return v\n",
    # a loop target rebound each iteration
    "def c(xs: list[int]) -> int:\n    t = 0\n    for v in xs:\n        v *= 3\n        t += v\n"
    "    return t\n",
    # few trips of a small factor
    "def p() -> int:\n    r = 1\n    for _ in range(10):\n        r *= 3\n    return r\n",
    # Euclid's reductions
    "def e(a: int, b: int) -> int:\n    x, y = 1, 0\n    while b:\n        q = a // b\n"
    "        a, b = b, a - q * b\n        x, y = y, x - q * y\n    return x\n",
    "def sq(x: int) -> int:\n    return x**2 + x\n",
    # an update that halves as well as grows (Collatz): the values wander
    "def steps(n: int) -> int:\n    k = 0\n    while n != 1:\n"
    "        n = n // 2 if n % 2 == 0 else 3 * n + 1\n        k += 1\n    return k\n",
]


@pytest.mark.parametrize(("source", "expected"), BIG)
def test_values_that_may_exceed_i64_become_big(
    source: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= decisions(source)


@pytest.mark.parametrize("source", SMALL)
def test_bounded_values_stay_i64(source: str) -> None:
    assert decisions(source) == set()
    assert "PyBigInt" not in translate(source, options=FAST).rust_code


def test_each_decision_is_an_information_diagnostic_at_its_range() -> None:
    source = BIG[0][0]
    result = translate(source, options=FAST)
    found = [d for d in result.diagnostics if d.code == "PRT720"]
    assert {d.severity for d in found} == {Severity.INFORMATION}
    messages = " ".join(d.message for d in found)
    assert "int variable `r` in `fact` uses arbitrary precision" in messages
    assert "`fact` returns an arbitrary-precision int" in messages
    assert any(d.range.line == 4 for d in found)  # `r *= i`
    assert "fn fact(n: i64) -> PyBigInt" in result.rust_code


def test_a_big_value_stored_where_i64_stays_is_converted_with_a_check() -> None:
    source = (
        "def f(xs: list[int], n: int) -> int:\n    k = 1\n    for _ in range(n):\n"
        "        k *= 2\n    return xs[k % len(xs)]\n"
    )
    code = translate(source, options=FAST).rust_code
    assert ".to_i64()" in code  # the index: Python's OverflowError where it does not fit
