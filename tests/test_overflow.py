"""Python ints never wrap, whatever profile the user builds the translation with.

The translation is compiled with plain `rustc -O` (no `-C overflow-checks`, as a user's own
`cargo build --release` would), then each function runs on inputs whose Python result
leaves i64: the program must stop with an OverflowError that says what overflowed, never
print a wrapped number.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from backend.transpiler import translate
from backend.transpiler.verify import find_tool

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo

MODULE = """
def add(a: int, b: int) -> int:
    return a + b


def scale(a: int, b: int) -> int:
    return a * b - 1


def negate(a: int) -> int:
    return -a


def magnitude(a: int) -> int:
    return abs(a)


def shift(a: int, n: int) -> int:
    return a << n


def total(xs: list[int]) -> int:
    return sum(xs)


def count_up(start: int) -> int:
    counts = [start]
    counts[0] += 1
    return counts[0]


def halve_down(a: int) -> int:
    return a // -1
"""

# Rust calls into the translation (its functions, unchanged), chosen by the first argument.
DRIVER = """
fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let result: i64 = match which.as_str() {
        "add" => add(i64::MAX, 1),
        "scale" => scale(1 << 40, 1 << 30),
        "negate" => negate(i64::MIN),
        "magnitude" => magnitude(i64::MIN),
        "shift" => shift(3, 62),
        "total" => total(&vec![i64::MAX, i64::MAX]),
        "count_up" => count_up(i64::MAX),
        "halve_down" => halve_down(i64::MIN),
        "fits" => add(i64::MAX - 1, 1) + scale(0, 5) + 1,
        _ => panic!("unknown case {which}"),
    };
    println!("{result}");
}
"""

# What each case's OverflowError names: the operation, with its operands. (An accumulator
# multiplied in a loop, `value *= 3`, or `a ** n`, is made arbitrary precision by the
# int-width analysis instead: tests/test_int_width.py.)
EXPECTED = {
    "add": "9223372036854775807 + 1",
    "scale": "1099511627776 * 1073741824",
    "negate": "-(-9223372036854775808)",
    "magnitude": "abs(-9223372036854775808)",
    "shift": "3 << 62",
    "total": "sum() = 18446744073709551614",
    "count_up": "9223372036854775807 + 1",
    "halve_down": "//",
}


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rustc = find_tool("rustc")
    if rustc is None:
        pytest.skip("rustc is not installed")
    result = translate(MODULE)
    assert result.status.value in ("compiles", "verified"), result.diagnostics
    out = tmp_path_factory.mktemp("overflow")
    source = out / "main.rs"
    source.write_text(result.rust_code + DRIVER, encoding="utf-8")
    exe = out / "main"
    # plain `rustc -O`: release optimisation, overflow checks off (the build's default)
    proc = subprocess.run(
        [rustc, "--edition", "2021", "-O", "--cap-lints", "allow", "-o", str(exe), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return exe


def _run(exe: Path, case: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), case], capture_output=True, text=True, timeout=30)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_an_overflow_stops_the_program_and_says_what_overflowed(program: Path, case: str) -> None:
    run = _run(program, case)
    assert run.returncode != 0, f"{case}: printed {run.stdout!r} instead of stopping"
    assert run.stdout == ""
    assert "OverflowError: integer overflow in" in run.stderr, run.stderr
    assert EXPECTED[case] in run.stderr, run.stderr


def test_results_that_fit_are_computed(program: Path) -> None:
    run = _run(program, "fits")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(2**63 - 1)
