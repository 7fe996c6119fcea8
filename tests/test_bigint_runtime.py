"""The `PyBigInt` runtime helper (runtime/bigint.rs) against CPython's `int`.

One Rust driver reads pairs of decimal ints on stdin and prints, per pair, every operation
the translation uses (arithmetic, floor division, comparisons with itself and with i64,
str and format, float conversion and true division, pow, shifts, checked i64); the test
computes the same lines with Python ints: a fixed table of edge values (limb and i64
boundaries, signs, zero) crossed with itself, then hypothesis-drawn pairs.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.transpiler.runtime import render

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo

RUSTC = shutil.which("rustc") or str(Path.home() / ".cargo" / "bin" / "rustc")
RUSTC_FLAGS = ["--edition", "2021", "-D", "warnings"]
I64_MIN, I64_MAX = -(2**63), 2**63 - 1
SPECS = ["", ">40", "+", ",", "_", "x", "#b", "o", "030", "^50", ".3e"]

DRIVER = r"""
fn show<R: std::fmt::Display>(f: impl FnOnce() -> R) -> String {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(v) => v.to_string(),
        Err(p) => match (p.downcast_ref::<String>(), p.downcast_ref::<&str>()) {
            (Some(m), _) => m.clone(),
            (_, Some(m)) => m.to_string(),
            _ => "<non-string panic>".to_string(),
        },
    }
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

fn main() {
    std::panic::set_hook(Box::new(|_| {}));
    let mut input = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut input).unwrap();
    let specs = [SPECS];
    for line in input.lines() {
        let (x, y) = line.split_once(' ').unwrap();
        let (a, b) = (PyBigInt::parse(x), PyBigInt::parse(y));
        let k = (b.abs() % 70).to_i64();
        let mut out = vec![
            a.to_string(),
            (&a + &b).to_string(),
            (&a - &b).to_string(),
            (&a * &b).to_string(),
            show(|| &a / &b),
            show(|| &a % &b),
            show(|| { let (q, r) = a.divmod(&b); format!("({q}, {r})") }),
            (-&a).to_string(),
            a.abs().to_string(),
            py_bool(a < b).to_string(),
            py_bool(a == b).to_string(),
            py_bool(a >= b).to_string(),
            show(|| py_bool(a < b.to_i64()).to_string()),
            show(|| py_bool(b.to_i64() == a).to_string()),
            show(|| py_bool(b.to_i64() <= a).to_string()),
            show(|| format!("{:x}", a.to_f64().to_bits())),
            show(|| format!("{:x}", a.true_div(&b).to_bits())),
            a.pow(k % 9).to_string(),
            (&a << k).to_string(),
            (&a >> k).to_string(),
            show(|| a.pow_mod(&b.abs(), &b)),
            show(|| a.to_i64()),
            a.bit_length().to_string(),
            {
                let mut c = a.clone();
                c *= &b;
                c += 7;
                c -= &a;
                c.to_string()
            },
            vec![a.clone(), b.clone()].into_iter().sum::<PyBigInt>().to_string(),
        ];
        out.extend(specs.iter().map(|spec| show(|| a.py_format(spec))));
        out.push(vec![a.clone(), b.clone()].py_str());
        println!("{}", out.join("|"));
    }
}
"""


def _show(f: object) -> str:
    try:
        return str(f())  # type: ignore[operator]
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def _bits(x: float) -> str:
    """The float's bits (the Rust side prints `to_bits()`: no repr rounding in between)."""
    return f"{struct.unpack('<Q', struct.pack('<d', x))[0]:x}"


def python_line(a: int, b: int) -> str:
    k = abs(b) % 70

    def to_i64(v: int) -> int:
        if not I64_MIN <= v <= I64_MAX:
            raise OverflowError(
                "Python int too large to convert to i64 "
                "(Python ints are unbounded; Portalis uses i64 here)"
            )
        return v

    def divmod_text() -> str:
        q, r = divmod(a, b)
        return f"({q}, {r})"

    out = [
        str(a),
        str(a + b),
        str(a - b),
        str(a * b),
        _show(lambda: a // b),
        _show(lambda: a % b),
        _show(divmod_text),
        str(-a),
        str(abs(a)),
        str(a < b),
        str(a == b),
        str(a >= b),
        _show(lambda: a < to_i64(b)),
        _show(lambda: to_i64(b) == a),
        _show(lambda: to_i64(b) <= a),
        _show(lambda: _bits(float(a))),
        _show(lambda: _bits(a / b)),
        str(a ** (k % 9)),
        str(a << k),
        str(a >> k),
        _show(lambda: pow(a, abs(b), b)),
        _show(lambda: to_i64(a)),
        str(a.bit_length()),
        str(a * b + 7 - a),
        str(a + b),
    ]
    out.extend(_show(lambda spec=spec: format(a, spec)) for spec in SPECS)  # type: ignore[misc]
    out.append(str([a, b]))
    return "|".join(out)


EDGES = [
    0,
    1,
    -1,
    2,
    -7,
    10,
    97,
    2**31,
    2**32 - 1,
    2**32,
    -(2**32),
    2**32 + 1,
    I64_MAX,
    I64_MIN,
    I64_MAX + 1,
    I64_MIN - 1,
    2**64 - 1,
    2**64,
    -(2**64) + 1,
    2**96 + 12345,
    10**30,
    -(10**30) - 7,
    2**128 - 1,
    2**61 - 1,
    3**100,
    -(7**60),
    10**80 + 1,
    2**1030,
]


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("bigint")
    specs = ", ".join(f'"{s}"' for s in SPECS)
    helpers = render(["py_bigint", "py_fmt", "py_format"])
    source = workdir / "driver.rs"
    source.write_text(helpers + DRIVER.replace("SPECS", specs), encoding="utf-8")
    binary = workdir / "driver"
    proc = subprocess.run(
        [RUSTC, *RUSTC_FLAGS, "-C", "opt-level=1", str(source), "-o", str(binary)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0 and not proc.stderr.strip(), proc.stderr
    return binary


def run_driver(driver: Path, pairs: list[tuple[int, int]]) -> list[str]:
    stdin = "".join(f"{a} {b}\n" for a, b in pairs)
    proc = subprocess.run([str(driver)], input=stdin, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def _edge_pairs() -> Iterator[tuple[int, int]]:
    for a in EDGES:
        for b in EDGES:
            yield a, b


def test_edge_values_match_cpython(driver: Path) -> None:
    pairs = list(_edge_pairs())
    lines = run_driver(driver, pairs)
    assert len(lines) == len(pairs)
    for (a, b), line in zip(pairs, lines, strict=True):
        expected = python_line(a, b)
        if line != expected:
            diffs = [
                (i, r, p)
                for i, (r, p) in enumerate(zip(line.split("|"), expected.split("|"), strict=False))
                if r != p
            ]
            pytest.fail(f"a={a} b={b}: (field, rust, python) {diffs}")


BIG = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.integers(min_value=-(2**300), max_value=2**300),
    st.sampled_from(EDGES),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pairs=st.lists(st.tuples(BIG, BIG), min_size=1, max_size=20))
def test_random_pairs_match_cpython(driver: Path, pairs: list[tuple[int, int]]) -> None:
    lines = run_driver(driver, pairs)
    for (a, b), line in zip(pairs, lines, strict=True):
        assert line == python_line(a, b), f"a={a} b={b}"


def test_parse_accepts_python_literal_syntax(driver: Path) -> None:
    assert run_driver(driver, [(-(10**40), 1_000)])[0].split("|")[0] == str(-(10**40))
