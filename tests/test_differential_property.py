"""Property: generated typed programs print the same under CPython and as translated Rust.

Hypothesis writes small, fully typed programs (integer arithmetic with Python's floor
division and modulo, comparisons and chained comparisons, conditional expressions, string
indexing and slicing with steps, list building, sorting, `sum`/`min`/`max`/`abs`, loops with
`break` and a loop variable read after the loop) and each one goes through the
differential check. A translation may be `partial` (reported), but a translation that
claims to compile must behave exactly like CPython: stdout byte for byte and success or
failure alike. Values stay small, so no generated int leaves i64.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.transpiler.check import check_module
from backend.transpiler.record import Status

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo

NAMES = ("a", "b", "c")
SMALL = st.integers(min_value=-30, max_value=30)


@st.composite
def int_expr(draw: st.DrawFn, depth: int = 0) -> str:
    if depth >= 2 or draw(st.booleans()):
        return draw(st.one_of(st.sampled_from(NAMES), SMALL.map(str)))
    op = draw(st.sampled_from(["+", "-", "*", "//", "%", "min", "max", "abs", "if"]))
    left, right = draw(int_expr(depth + 1)), draw(int_expr(depth + 1))
    if op in ("min", "max"):
        return f"{op}({left}, {right})"
    if op == "abs":
        return f"abs({left})"
    if op == "if":
        return f"({left} if {left} < {right} else {right})"
    if op in ("//", "%"):
        return f"({left} {op} ({right} or 7))"  # never a zero divisor
    return f"({left} {op} {right})"


@st.composite
def bool_expr(draw: st.DrawFn) -> str:
    first, second, third = (draw(int_expr()) for _ in range(3))
    form = draw(st.sampled_from(["cmp", "chain", "not", "and"]))
    if form == "chain":
        return f"{first} <= {second} < {third}"
    if form == "not":
        return f"not ({first} == {second})"
    if form == "and":
        return f"{first} > 0 and {second} != {third}"
    return f"{first} != {second}"


@st.composite
def statement(draw: st.DrawFn) -> list[str]:
    kind = draw(st.sampled_from(["print_int", "print_bool", "text", "list", "loop"]))
    if kind == "print_int":
        return [f"print({draw(int_expr())})"]
    if kind == "print_bool":
        return [f"print({draw(bool_expr())})"]
    if kind == "text":
        start, stop = draw(SMALL), draw(SMALL)
        step = draw(st.sampled_from([1, 2, -1, -2, 3]))
        index = draw(st.integers(min_value=-5, max_value=4))
        return [
            f"print(word[{start}:{stop}:{step}], word[{index}], len(word))",
            "print(word.upper(), word[::-1])",
        ]
    if kind == "list":
        items = ", ".join(draw(int_expr()) for _ in range(draw(st.integers(1, 4))))
        return [
            f"values = [{items}]",
            "values.append(len(values))",
            "print(sorted(values), sum(values), min(values), max(values), values[-1])",
        ]
    bound = draw(st.integers(min_value=0, max_value=6))
    limit = draw(SMALL)
    return [
        "last = -1",
        f"for i in range({bound}):",
        f"    if i * 3 > {limit}:",
        "        break",
        "    last = i",
        "print(last)",
    ]


@st.composite
def program(draw: st.DrawFn) -> str:
    body: list[str] = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        body.extend(draw(statement()))
    lines = [
        "def run(a: int, b: int, c: int, word: str) -> None:",
        *(f"    {line}" for line in body),
        "",
        "",
        'if __name__ == "__main__":',
    ]
    for _ in range(2):
        args = [str(draw(SMALL)) for _ in NAMES]
        word = draw(st.sampled_from(["python", "rust", "ab", "hello world"]))
        lines.append(f"    run({', '.join(args)}, {word!r})")
    return "\n".join(lines) + "\n"


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(program())
def test_generated_program_behaves_like_cpython_or_is_reported(source: str) -> None:
    result = check_module(source, filename="generated.py", timeout_s=20.0)
    translation = result.translation
    assert translation is not None, result.message
    if translation.status not in {Status.COMPILES, Status.VERIFIED}:
        assert translation.diagnostics, "a partial translation must say what it left out"
        return
    assert result.stage_failed is None, f"{result.message}\n{source}"
    assert result.rust_stdout == result.python_stdout, f"{result.diff}\n{source}"
    assert (result.python_exit == 0) == (result.rust_exit == 0), f"{result.rust_stderr}\n{source}"
