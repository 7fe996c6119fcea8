"""Differential tests of the Rust runtime helpers (backend/transpiler/runtime) against CPython.

One Rust program renders every helper and prints, for each case, the `str()` of a Rust
expression; the test evaluates the matching Python expression with `eval` and compares.
A raised exception compares as "Kind: message" (Rust helpers panic with that text).
Every helper is also compiled alone, with a tiny main, under `-D warnings`.
"""

from __future__ import annotations

import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from backend.transpiler.runtime import HELPERS, closure, load_helpers, render

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo

RUSTC = shutil.which("rustc") or str(Path.home() / ".cargo" / "bin" / "rustc")
RUSTC_FLAGS = ["--edition", "2021", "-D", "warnings"]


@dataclass(frozen=True)
class Case:
    """A Python expression, the Rust expression that must print the same `str()`,
    and, where Python has no equivalent (i64 overflow), the expected text itself."""

    py: str
    rust: str
    expected: str | None = None


def rs(text: str) -> str:
    """A Rust string literal for `text`."""
    out = []
    for c in text:
        if c in '"\\':
            out.append("\\" + c)
        elif " " <= c <= "~":
            out.append(c)
        else:
            out.append(f"\\u{{{ord(c):x}}}")
    return '"' + "".join(out) + '"'


def rc(c: str) -> str:
    """A Rust char literal for the one-character string `c`."""
    return "'\\''" if c == "'" else "'" + rs(c)[1:-1].replace('\\"', '"') + "'"


def rf(x: float) -> str:
    """A Rust f64 expression for `x`, bit-exact."""
    return f"f64::from_bits(0x{struct.unpack('<Q', struct.pack('<d', x))[0]:016x})"


I64_OVERFLOW = "(Python ints are unbounded; Portalis uses i64)"

# ---------------------------------------------------------------------------------------
# Cases, by family
# ---------------------------------------------------------------------------------------

EXCEPTIONS = [
    Case("str(ValueError('bad'))", 'PyException::new("ValueError", "bad").to_string()'),
    Case(
        "isinstance(KeyError('k'), (KeyError, LookupError, Exception))",
        'PyException::new("KeyError", "k").is_a(&["KeyError", "LookupError", "Exception"])',
    ),
    Case(
        "isinstance(KeyError('k'), ValueError)",
        'PyException::new("KeyError", "k").is_a(&["ValueError"])',
    ),
    Case(
        "'bad'",
        '{ let b: Box<dyn std::error::Error> = Box::new(PyException::new("E", "bad")); '
        "b.to_string() "
        "}",
    ),
    Case(
        "True",
        '{ let e = PyException::new("E", String::from("m")); e.clone() == e && e.kind == "E" }',
    ),
    Case(
        "2.5",
        '{ let e = PyException::new("E", "m").with_payload(2.5f64); *e.clone().payload::<f64>() }',
    ),
    Case(
        "'inner'",
        '{ let e = PyException::new("E", "outer").with_cause(PyException::new("V", "inner")); '
        "e.cause.map(|c| c.msg).unwrap_or_default() }",
    ),
    Case("[1, 2, 3][2]", '[1, 2, 3][ok(py_checked_index(-1, 3, "list"))]'),
    Case("[1, 2, 3][5]", '[1, 2, 3][ok(py_checked_index(5, 3, "list"))]'),
    Case("[1, 2, 3][-4]", '[1, 2, 3][ok(py_checked_index(-4, 3, "list"))]'),
    Case("-7 // 2", "ok(py_checked_floordiv(-7, 2))"),
    Case("7 // 0", "ok(py_checked_floordiv(7, 0))"),
    Case("-7 % 3", "ok(py_checked_mod(-7, 3))"),
    Case("7 % 0", "ok(py_checked_mod(7, 0))"),
    Case("7 / 2", 'ok(py_checked_div(7.0, 2.0, "division by zero"))'),
    Case("7 / 0", 'ok(py_checked_div(7.0, 0.0, "division by zero"))'),
    Case("7.0 / 0", 'ok(py_checked_div(7.0, 0.0, "float division by zero"))'),
]

NUMBERS = [
    Case("7 // 2", "py_floordiv(7, 2)"),
    Case("-7 // 2", "py_floordiv(-7, 2)"),
    Case("7 // -2", "py_floordiv(7, -2)"),
    Case("-7 // -2", "py_floordiv(-7, -2)"),
    Case("-6 // 3", "py_floordiv(-6, 3)"),
    Case("7 // 0", "py_floordiv(7, 0)"),
    Case(
        "",
        "py_floordiv(i64::MIN, -1)",
        f"OverflowError: integer overflow in -9223372036854775808 // -1 {I64_OVERFLOW}",
    ),
    Case("7 % 3", "py_mod(7, 3)"),
    Case("-7 % 3", "py_mod(-7, 3)"),
    Case("7 % -3", "py_mod(7, -3)"),
    Case("-7 % -3", "py_mod(-7, -3)"),
    Case("-9223372036854775808 % -1", "py_mod(i64::MIN, -1)"),
    Case("5 % 0", "py_mod(5, 0)"),
    Case("divmod(-7, 2)", "py_divmod(-7, 2)"),
    Case("divmod(7, -2)", "py_divmod(7, -2)"),
    Case("divmod(1, 0)", "py_divmod(1, 0)"),
    Case("7.5 // 2", "py_floordiv_f(7.5, 2.0)"),
    Case("-7.5 // 2", "py_floordiv_f(-7.5, 2.0)"),
    Case("7.5 // -2.0", "py_floordiv_f(7.5, -2.0)"),
    Case("0.0 // -1.0", "py_floordiv_f(0.0, -1.0)"),
    Case("-0.5 // 1.0", "py_floordiv_f(-0.5, 1.0)"),
    Case("1.0 // 0.1", "py_floordiv_f(1.0, 0.1)"),
    Case("1.0 // 0.0", "py_floordiv_f(1.0, 0.0)"),
    Case("-7.5 % 2", "py_mod_f(-7.5, 2.0)"),
    Case("7.5 % -2", "py_mod_f(7.5, -2.0)"),
    Case("-0.0 % 1.0", "py_mod_f(-0.0, 1.0)"),
    Case("0.0 % -1.0", "py_mod_f(0.0, -1.0)"),
    Case("-1e-20 % 1.0", "py_mod_f(-1e-20, 1.0)"),
    Case("1.0 % 0.1", "py_mod_f(1.0, 0.1)"),
    Case("5.0 % 0.0", "py_mod_f(5.0, 0.0)"),
    Case("7 / 2", "py_true_div(7.0, 2.0)"),
    Case("1 / 3", "py_true_div(1.0, 3.0)"),
    Case("1 / 0", "py_true_div(1.0, 0.0)"),
    Case("2 ** 10", "py_ipow(2, 10)"),
    Case("(-3) ** 3", "py_ipow(-3, 3)"),
    Case("0 ** 0", "py_ipow(0, 0)"),
    Case("(-1) ** 1000000000001", "py_ipow(-1, 1_000_000_000_001)"),
    Case("1 ** 99999999999", "py_ipow(1, 99_999_999_999)"),
    Case("2 ** 62", "py_ipow(2, 62)"),
    Case("10 ** 18", "py_ipow(10, 18)"),
    Case("", "py_ipow(2, 63)", f"OverflowError: integer overflow in 2 ** 63 {I64_OVERFLOW}"),
    Case(
        "",
        "py_ipow(3, 5_000_000_000)",
        f"OverflowError: integer overflow in 3 ** 5000000000 {I64_OVERFLOW}",
    ),
    Case("2 ** -1", "py_ipow_f(2, -1)"),
    Case("(-2) ** -3", "py_ipow_f(-2, -3)"),
    Case("float(3 ** 2)", "py_ipow_f(3, 2)"),
    Case("0 ** -1", "py_ipow_f(0, -1)"),
    Case("9223372036854775806 + 1", "9223372036854775806_i64.py_add(1)"),
    Case(
        "",
        "i64::MAX.py_add(1)",
        f"OverflowError: integer overflow in 9223372036854775807 + 1 {I64_OVERFLOW}",
    ),
    Case(
        "",
        "i64::MIN.py_sub(1)",
        f"OverflowError: integer overflow in -9223372036854775808 - 1 {I64_OVERFLOW}",
    ),
    Case("-3 * 5", "(-3_i64).py_mul(5)"),
    Case(
        "",
        "(1_i64 << 32).py_mul(1 << 31)",
        f"OverflowError: integer overflow in 4294967296 * 2147483648 {I64_OVERFLOW}",
    ),
    Case("-(-9223372036854775807)", "(-9223372036854775807_i64).py_neg()"),
    Case(
        "",
        "i64::MIN.py_neg()",
        f"OverflowError: integer overflow in -(-9223372036854775808) {I64_OVERFLOW}",
    ),
    Case("abs(-7)", "(-7_i64).py_abs()"),
    Case(
        "",
        "i64::MIN.py_abs()",
        f"OverflowError: integer overflow in abs(-9223372036854775808) {I64_OVERFLOW}",
    ),
    Case("-1 << 63", "(-1_i64).py_shl(63)"),
    Case("5 << 0", "5_i64.py_shl(0)"),
    Case("0 << 500", "0_i64.py_shl(500)"),
    Case("", "1_i64.py_shl(63)", f"OverflowError: integer overflow in 1 << 63 {I64_OVERFLOW}"),
    Case("", "3_i64.py_shl(64)", f"OverflowError: integer overflow in 3 << 64 {I64_OVERFLOW}"),
    Case("1 << -1", "1_i64.py_shl(-1)"),
    Case("-5 >> 100", "(-5_i64).py_shr(100)"),
    Case("5 >> 64", "5_i64.py_shr(64)"),
    Case("-5 >> 1", "(-5_i64).py_shr(1)"),
    Case("5 >> -1", "5_i64.py_shr(-1)"),
    Case("(-2) ** 63", "(-2_i64).py_pow(63)"),
    Case("", "2_i64.py_pow(63)", f"OverflowError: integer overflow in 2 ** 63 {I64_OVERFLOW}"),
    Case("sum([9223372036854775807, 1, -1])", "py_int_sum([i64::MAX, 1, -1])"),
    Case(
        "",
        "py_int_sum([i64::MAX, 1])",
        f"OverflowError: integer overflow in sum() = 9223372036854775808 {I64_OVERFLOW}",
    ),
    Case("sum([])", "py_int_sum(Vec::new())"),
    Case("math.prod([3, -4, 5])", "py_int_product([3, -4, 5])"),
    Case(
        "",
        "py_int_product([1 << 40, 1 << 30])",
        f"OverflowError: integer overflow in prod(): 1099511627776 * 1073741824 {I64_OVERFLOW}",
    ),
    Case("2.0 ** 0.5", "py_fpow(2.0, 0.5)"),
    Case("2.0 ** -1", "py_fpow(2.0, -1.0)"),
    Case("(-2.0) ** 3.0", "py_fpow(-2.0, 3.0)"),
    Case("1.0 ** float('nan')", "py_fpow(1.0, f64::NAN)"),
    Case("0.0 ** -1.0", "py_fpow(0.0, -1.0)"),
    Case("10.0 ** 400", "py_fpow(10.0, 400.0)"),
    Case(
        "",
        "py_fpow(-8.0, 1.0 / 3.0)",
        "ValueError: negative number cannot be raised to a fractional power (Python returns a "
        "complex)",
    ),
    Case("int(3.9)", "py_float_to_int(3.9)"),
    Case("int(-3.9)", "py_float_to_int(-3.9)"),
    Case("int(-0.0)", "py_float_to_int(-0.0)"),
    Case("int(9.2e18)", "py_float_to_int(9.2e18)"),
    Case("int(float('nan'))", "py_float_to_int(f64::NAN)"),
    Case("int(float('-inf'))", "py_float_to_int(f64::NEG_INFINITY)"),
    Case(
        "", "py_float_to_int(1e19)", f"OverflowError: int(1e19) does not fit in i64 {I64_OVERFLOW}"
    ),
]
NUMBERS += [
    Case(f"pow({b}, {e}, {m})", f"py_powmod({b}, {e}, {m})")
    for b, e, m in [
        (3, 4, 5),
        (2, 10, 1000),
        (-3, 3, 7),
        (3, 2, -5),
        (5, 0, 1),
        (5, 0, -7),
        (3, -1, 7),
        (-3, -2, 11),
        (2, -1, 4),
        (7, 3, 0),
        (9223372036854775807, 9223372036854775807, 9223372036854775783),
        (-9223372036854775808, 3, -9223372036854775808),
    ]
]
NUMBERS += [
    Case(f"round({x!r})", f"py_round({rf(x)})")
    for x in [2.5, 3.5, -2.5, 0.5, -0.5, 1.4999999999999998, 2.675, -7.3, 1e15 + 0.5]
]
NUMBERS += [
    Case("round(float('nan'))", "py_round(f64::NAN)"),
    Case("round(float('inf'))", "py_round(f64::INFINITY)"),
]
NUMBERS += [
    Case(f"round({x!r}, {n})", f"py_round_to({rf(x)}, {n})")
    for x, n in [
        (2.675, 2),
        (0.125, 2),
        (0.375, 2),
        (1.005, 2),
        (2.5, 0),
        (3.5, 0),
        (-0.4, 0),
        (0.5, 0),
        (1234.5678, -2),
        (1250.0, -2),
        (1350.0, -2),
        (1250.0001, -2),
        (15.0, -1),
        (25.0, -1),
        (-5.0, -1),
        (-7.0, -1),
        (0.5, -1),
        (123.456, -5),
        (5e-324, 400),
        (1e300, -301),
        (1.7976931348623157e308, -308),
        (0.1 + 0.2, 15),
        (987654321.123456789, 4),
        (1e22, -21),
        (4.35, 1),
        (-4.35, 1),
        (99999.99999, 3),
        (1.5, -400),
        (float("inf"), 2),
        (float("nan"), 2),
    ]
]
NUMBERS += [
    Case(f"int({s!r})", f"ok(py_int_parse({rs(s)}))")
    for s in [
        " 42 ",
        "-1_000",
        "+7",
        "0042",
        "\t-5\n",
        "9223372036854775807",
        "-9223372036854775808",
        "abc",
        "1__0",
        "_1",
        "1_",
        "",
        " ",
        "12.5",
        "+",
        "- 1",
        "1 2",
        "\u00a012\u2003",
    ]
]
NUMBERS += [
    Case(
        "",
        'ok(py_int_parse("9223372036854775808"))',
        f"OverflowError: int('9223372036854775808') does not fit in i64 {I64_OVERFLOW}",
    ),
]
NUMBERS += [
    Case(f"int({s!r}, {b})", f"ok(py_int_parse_base({rs(s)}, {b}))")
    for s, b in [
        ("ff", 16),
        (" 0x_1F ", 16),
        ("0x", 16),
        ("0b101", 0),
        ("0B1_01", 2),
        ("0b1", 16),
        ("-0o17", 0),
        ("0o17", 10),
        ("0_0", 0),
        ("00", 0),
        ("08", 0),
        ("08", 10),
        ("1__0", 0),
        ("1_", 16),
        ("_1", 16),
        ("0x_", 16),
        ("0x__1", 16),
        ("zZ", 36),
        ("9", 8),
        ("", 0),
        ("+", 2),
        (" 12 ", 0),
        ("7fffffffffffffff", 16),
        ("-8000000000000000", 16),
        ("1", 1),
        ("1", 37),
        ("-1", -1),
    ]
]
NUMBERS += [
    Case(
        "",
        'ok(py_int_parse_base("8000000000000000", 16))',
        f"OverflowError: int('8000000000000000', 16) does not fit in i64 {I64_OVERFLOW}",
    ),
]
NUMBERS += [
    Case(f"float({s!r})", f"ok(py_float_parse({rs(s)}))")
    for s in [
        "1.5",
        " -2.5e3 ",
        "inf",
        "-Infinity",
        "+INF",
        "nan",
        "-nan",
        "1_000.5",
        "1e5",
        ".5",
        "5.",
        "1.e2",
        "+1.5E-3",
        "1e400",
        "0.1",
        "abc",
        "1__0",
        "1e",
        "e5",
        ".",
        "  ",
        "0x10",
        "1_e5",
        "1._5",
        "_1.5",
        "1.5_",
        "++1",
        "1e+-5",
        "infinite",
        "1,5",
        "12",
    ]
]

FLOAT_REPR_VALUES = [
    1.0,
    0.1,
    1e16,
    1.5e-05,
    1e-05,
    123456789.0,
    1e15,
    9999999999999998.0,
    0.0001,
    0.00001,
    -0.0,
    0.0,
    float("inf"),
    float("-inf"),
    float("nan"),
    1e22,
    1.7976931348623157e308,
    5e-324,
    2.5,
    1 / 3,
    100.0,
    1e100,
    123.456e-10,
    0.1 + 0.2,
    2.0**53,
    2.0**63,
    -1234.5,
    1e-7,
    12345678901234567.0,
]
_rng = random.Random(20240611)
FLOAT_REPR_VALUES += [
    struct.unpack("<d", _rng.getrandbits(64).to_bytes(8, "little"))[0] for _ in range(150)
]
FLOAT_REPR_VALUES += [_rng.uniform(-1, 1) * 10.0 ** _rng.randint(-8, 20) for _ in range(150)]
FLOAT_REPR_VALUES += [round(_rng.uniform(0, 1000), _rng.randint(0, 6)) for _ in range(50)]

FORMAT = [Case(f"repr({x!r})", f"py_float_repr({rf(x)})") for x in FLOAT_REPR_VALUES]
STR_REPR_VALUES = [
    "",
    "abc",
    "it's",
    'say "hi"',
    "both ' and \"",
    "a\nb\tc\\d\r",
    "\x07\x00\x7f",
    "\u200b\u00ad",
    "é日本",
    "e\u0301",
    "\u00a0\u3000",
    "\U0010ffff\ue000",
    "\U0001f600",
    "\x1b[0m",
    "\u2028",
    "'",
    '"',
]
FORMAT += [Case(f"repr({s!r})", f"{rs(s)}.py_repr()") for s in STR_REPR_VALUES]
FORMAT += [
    Case("[1, 2, 3]", "vec![1i64, 2, 3]"),
    Case("['a', \"b'c\"]", 'vec![s("a"), s("b\'c")]'),
    Case("[]", "Vec::<i64>::new()"),
    Case("(1,)", "(1i64,)"),
    Case("(1, 'x', 2.5, True, None)", '(1i64, "x", 2.5f64, true, ())'),
    Case("(1, 2, 3, 4, 5, 6)", "(1i64, 2i64, 3i64, 4i64, 5i64, 6i64)"),
    Case("((1, 2), [3.0], 'q')", "((1i64, 2i64), vec![3.0f64], 'q')"),
    Case("3", "Some(3i64)"),
    Case("None", "None::<i64>"),
    Case("[1, None]", "vec![Some(1i64), None]"),
    Case("['x', None]", 'vec![Some(s("x")), None]'),
    Case("{1, 2, 3}", "[3i64, 1, 2].into_iter().collect::<std::collections::HashSet<_>>()"),
    Case("set()", "std::collections::HashSet::<i64>::new()"),
    Case("", '["b", "a"].into_iter().collect::<std::collections::BTreeSet<_>>()', "{'a', 'b'}"),
    Case("collections.deque([1, 2])", "std::collections::VecDeque::from(vec![1i64, 2])"),
    Case("collections.deque()", "std::collections::VecDeque::<i64>::new()"),
    Case("[[1.5], [], [1e+16, -0.0]]", "vec![vec![1.5f64], vec![], vec![1e16, -0.0]]"),
    Case("'a'", "'a'"),
    Case("repr('a')", "'a'.py_repr()"),
    Case('repr("\'")', "'\\''.py_repr()"),
    Case("True", "true"),
    Case("None", "()"),
    Case("1e+16", "1e16f64"),
    Case("[1, 2]", "[1i64, 2]"),
    Case("[1, 2]", "&[1u8, 2][..]"),
    Case("5", "Box::new(5i64)"),
    Case("[7]", "std::rc::Rc::new(std::cell::RefCell::new(vec![7usize]))"),
    Case("'s'", "&&'s'"),
    Case("repr('s')", '(&&"s").py_repr()'),
    Case("repr('s')", 's("s").py_repr()'),
    Case("-5", "-5i32"),
    Case("['a\\nb']", 'vec![s("a\\nb")]'),
    Case("'a\\nb'", 's("a\\nb")'),
    Case(
        "{'a': [1, 2], 'b': []}", 'PyDict::from_iter([(s("a"), vec![1i64, 2]), (s("b"), vec![])])'
    ),
    Case("{}", "PyDict::<i64, i64>::new()"),
    Case(
        "{(1, 2): {3}}",
        "PyDict::from_iter([((1i64, 2i64), std::collections::BTreeSet::from([3i64]))])",
    ),
]

FORMAT_INTS = [0, 7, -42, 255, 1234567, -1234567, 65, 9223372036854775807]
FORMAT_INT_SPECS = [
    "",
    "d",
    "5",
    "<5",
    ">8",
    "^9",
    "*^11",
    "+d",
    " d",
    "-d",
    "08",
    "08d",
    "+08d",
    "x",
    "X",
    "#x",
    "#X",
    "#b",
    "b",
    "o",
    "#o",
    ",",
    "_",
    "010,",
    "09,",
    "08,",
    "_x",
    "#_b",
    "#012_x",
    "e",
    ".2f",
    "%",
    ".1%",
    "=+10",
    "0=10",
    "<05",
    "n",
    "g",
    ",d",
    "^+10,",
    "c",
    "+c",
    ".2",
    ",x",
    "q",
]
FORMAT_FLOATS = [
    0.0,
    -0.0,
    1.0,
    3.14159,
    -2.5,
    1234567.891,
    1e16,
    1.5e-05,
    0.000123456,
    123456789.0,
    float("inf"),
    float("-inf"),
    float("nan"),
    2.675,
    0.5,
    100.0,
    12.0,
    9.9999,
    1e-10,
    123.0,
]
FORMAT_FLOAT_SPECS = [
    "",
    ".2f",
    ".0f",
    "#.0f",
    ">10",
    "<10",
    "08.3f",
    "+.3f",
    " .2f",
    ",",
    ",.2f",
    "_.2f",
    "010,.2f",
    "e",
    ".3e",
    "E",
    ".0e",
    "#.0e",
    "g",
    ".3g",
    ".10g",
    "G",
    "#g",
    ".1%",
    "%",
    ".3",
    ".1",
    "12",
    "z.1f",
    "^12.3f",
    "*>12,.1f",
    "=+12.2f",
    "n",
    ".2",
    "F",
    ".2F",
    "#.3g",
    "0",
    "010",
    "+",
    "z",
    "x",
    ",.3e",
]
FORMAT_STRS = ["", "abc", "héllo"]
FORMAT_STR_SPECS = [
    "",
    "s",
    ">5",
    "<8",
    "^9",
    "*^11",
    ".2",
    "05",
    ">10.3",
    "<05",
    ">+5",
    "=5",
    ",",
    "d",
]

FORMAT += [
    Case(f"format({n}, {spec!r})", f"({n}i64).py_format({rs(spec)})")
    for n in FORMAT_INTS
    for spec in FORMAT_INT_SPECS
    if not (spec in ("c", "+c") and n != 65)
]
FORMAT += [
    Case(f"format({x!r}, {spec!r})", f"{rf(x)}.py_format({rs(spec)})")
    for x in FORMAT_FLOATS
    for spec in FORMAT_FLOAT_SPECS
]
FORMAT += [
    Case(f"format({t!r}, {spec!r})", f"{rs(t)}.py_format({rs(spec)})")
    for t in FORMAT_STRS
    for spec in FORMAT_STR_SPECS
]
FORMAT += [
    Case(f"format({b}, {spec!r})", f"{str(b).lower()}.py_format({rs(spec)})")
    for b in (True, False)
    for spec in ("", "d", ">6", "5", "^7", "x")
]
FORMAT += [
    Case("format(255, 'x')", '255u8.py_format("x")'),
    Case("format(3, '>4')", '3usize.py_format(">4")'),
    Case("format('é', '^5')", "'é'.py_format(\"^5\")"),
    Case("format('ab', '>4')", 's("ab").py_format(">4")'),
    Case("format(5, '.')", '5i64.py_format(".")'),
]

STRINGS = [
    Case("'héllo'[1]", 'py_str_index("héllo", 1)'),
    Case("'héllo'[-1]", 'py_str_index("héllo", -1)'),
    Case("'abc'[3]", 'py_str_index("abc", 3)'),
    Case("'abc'[-4]", 'py_str_index("abc", -4)'),
]
SLICES = [
    (None, None, -1),
    (1, -1, 1),
    (-100, 100, 2),
    (4, 0, -2),
    (None, None, 3),
    (-2, None, 1),
    (None, -2, 1),
    (3, 1, 1),
    (10, None, -1),
    (None, 10, -3),
    (0, 0, 1),
    (0, 5, 0),
    (None, None, -4),
]


def _opt(x: int | None) -> str:
    return "None" if x is None else f"Some({x})"


def _py_none(x: int | None) -> str:
    return "None" if x is None else str(x)


def _py_slice(a: int | None, b: int | None, c: int) -> str:
    return f"{'' if a is None else a}:{'' if b is None else b}:{c}"


STRINGS += [
    Case(
        f"'héllo wörld'[{_py_slice(a, b, c)}]",
        f'py_str_slice("héllo wörld", {_opt(a)}, {_opt(b)}, {c})',
    )
    for a, b, c in SLICES
]
STR_SEARCH = [
    ("héllo wörld", "wö"),
    ("héllo wörld", "l"),
    ("abc", ""),
    ("abc", "x"),
    ("", ""),
    ("aaaa", "aa"),
]
STRINGS += [
    Case(f"{s!r}.{m}({sub!r})", f"{fn}({rs(s)}, {rs(sub)})")
    for s, sub in STR_SEARCH
    for m, fn in [
        ("find", "py_str_find"),
        ("rfind", "py_str_rfind"),
        ("index", "py_str_index_of"),
        ("count", "py_str_count"),
    ]
]
STR_WINDOWS = [
    (None, None),
    (1, None),
    (3, None),
    (4, None),
    (-3, None),
    (-100, 2),
    (2, 1),
    (0, -1),
    (5, 100),
]
STRINGS += [
    Case(
        f"{s!r}.{m}({sub!r}, {_py_none(a)}, {_py_none(b)})",
        f"{fn}({rs(s)}, {rs(sub)}, {_opt(a)}, {_opt(b)})",
    )
    for s, sub in [*STR_SEARCH, ("héllo wörld", "o"), ("abcabc", "bc")]
    for a, b in STR_WINDOWS
    for m, fn in [
        ("find", "py_str_find_in"),
        ("rfind", "py_str_rfind_in"),
        ("index", "py_str_index_in"),
        ("rindex", "py_str_rindex_in"),
        ("count", "py_str_count_in"),
    ]
]
STRINGS += [
    Case(
        f"{s!r}.{m}({affix!r}, {_py_none(a)}, {_py_none(b)})",
        f"py_str_affix_in({rs(s)}, {rs(affix)}, {_opt(a)}, {_opt(b)}, {suffix})",
    )
    for s, affix in [("héllo wörld", "llo"), ("héllo wörld", "wö"), ("abc", ""), ("", "")]
    for a, b in STR_WINDOWS
    for m, suffix in [("startswith", "false"), ("endswith", "true")]
]
STRINGS += [
    Case(f"{s!r}.{m}({sep!r})", f"{fn}({rs(s)}, {rs(sep)})")
    for s, sep in [
        ("a=b=c", "="),
        ("abc", ":"),
        ("", "x"),
        ("héllo wörld", "ö"),
        ("aXbXc", "X"),
        ("ab", ""),
    ]
    for m, fn in [("partition", "py_str_partition"), ("rpartition", "py_str_rpartition")]
]
STRINGS += [
    Case(f"{s!r}.expandtabs({n})", f"py_str_expandtabs({rs(s)}, {n})")
    for s in ["a\tb", "\tx\n\tyz\ttab", "abcd\te", "ü\tü", "a\r\tb", "no tabs"]
    for n in [8, 4, 1, 0, -2]
]
STRINGS += [
    Case(f"{s!r}.casefold()", f"py_str_casefold({rs(s)})")
    for s in ["Straße", "ΣΑΣ", "ẞIG", "Hello World", ""]
]
SPLIT_ARGS: list[tuple[str, str | None, int]] = [
    ("a,b,,c", ",", -1),
    ("a,b,c", ",", 1),
    ("a,b,c", ",", 0),
    ("  a  b  c  ", None, -1),
    ("  a  b  c  ", None, 1),
    ("  a  b  c  ", None, 0),
    ("", None, -1),
    ("", ",", -1),
    ("a\x1cb\u3000c\u0085d", None, -1),
    ("a b", "", -1),
    ("x--y--z", "--", 5),
    ("   ", None, -1),
    ("a b c", None, 2),
    ("héllo wörld  ", None, 1),
]


def _sep(sep: str | None) -> str:
    return "None" if sep is None else f"Some({rs(sep)})"


STRINGS += [
    Case(f"{s!r}.{m}({sep!r}, {n})", f"{fn}({rs(s)}, {_sep(sep)}, {n})")
    for s, sep, n in SPLIT_ARGS
    for m, fn in [("split", "py_str_split"), ("rsplit", "py_str_rsplit")]
]
STRINGS += [
    Case(f"{s!r}.splitlines()", f"py_str_splitlines({rs(s)})")
    for s in ["a\nb\r\nc\rd\x0be\x0cf\x1cg\u2028h\n", "", "\n\n", "no newline", "\r\n\r", "x\n\ny"]
]
STRINGS += [
    Case(f"{s!r}.{m}({c!r})", f"{fn}({rs(s)}, {rs(c)})")
    for s, c in [
        ("xxhixx", "x"),
        ("..a.b..", "."),
        ("abcba", "ab"),
        ("héh", "h"),
        ("", "x"),
        ("abc", ""),
    ]
    for m, fn in [
        ("strip", "py_str_strip"),
        ("lstrip", "py_str_lstrip"),
        ("rstrip", "py_str_rstrip"),
    ]
]
STRINGS += [
    Case(f"{s!r}.zfill({w})", f"py_str_zfill({rs(s)}, {w})")
    for s, w in [("42", 5), ("-42", 5), ("+x", 4), ("abc", 2), ("", 3), ("é", 3), ("-", 3)]
]
STRINGS += [
    Case(f"{s!r}.{m}({w}, {f!r})", f"{fn}({rs(s)}, {w}, {rc(f)})")
    for s, w, f in [
        ("ab", 7, "*"),
        ("abc", 6, "-"),
        ("a", 4, " "),
        ("ab", 5, " "),
        ("abc", 2, "x"),
        ("é", 4, "ü"),
        ("", 3, "."),
        ("abc", -1, " "),
    ]
    for m, fn in [("center", "py_str_center"), ("ljust", "py_str_ljust"), ("rjust", "py_str_rjust")]
]
PREDICATE_STRS = [
    "",
    "abc",
    "ABC",
    "Abc",
    "abc1",
    "123",
    "١٢٣",
    "²",
    " \t\n",
    "Hello World",
    "Hello world",
    "hello World",
    "ǅungla",
    "ΣΑΣ",
    "\x1c",
    "a b",
    "HELLO 123",
    "123 hello",
    "'Ab' Cd",
    "Ab1c",
    "éÉ",
    "\u3000",
    "_",
    "A_B",
    "a-b",
    "ΣΑΣ σας",
]
STRINGS += [
    Case(f"{s!r}.{m}()", f"py_str_{m}({rs(s)})")
    for s in PREDICATE_STRS
    for m in ["isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "istitle"]
]
CASE_STRS = [
    "hello world",
    "they're bill's friends",
    "ΣΑΣ ΣΑΣ",
    "HELLO wORLD",
    "",
    "1st place",
    "a",
    "ΌΣΟΣ",
    "mIxEd_CaSe-words",
    "éCOLE élève",
    "x\u0301y",
]
STRINGS += [
    Case(f"{s!r}.{m}()", f"py_str_{m}({rs(s)})")
    for s in CASE_STRS
    for m in ["capitalize", "title", "swapcase"]
]
STRINGS += [Case(f"chr({i})", f"py_chr({i})") for i in [65, 0x1F600, 0xE9, 0, -1, 0x110000]]
STRINGS += [Case(f"ord({s!r})", f"py_ord({rs(s)})") for s in ["A", "é", "\U0001f600", "ab", ""]]
STRINGS += [
    Case(f"{c!r}.isspace()", f"py_char_isspace({rc(c)})") for c in [" ", "\x1f", "a", "\u2029"]
]
STRINGS += [
    Case(
        "'%-6.3x|%05.3d|%+.2d|%#o|%c|%*d|%.*f|%e' % (255, 5, -3, 8, 233, 4, 7, 2, 3.14159, 1e100)",
        'py_percent("%-6.3x|%05.3d|%+.2d|%#o|%c|%*d|%.*f|%e", &[PyPercentArg::Int(255), '
        "PyPercentArg::Int(5), PyPercentArg::Int(-3), PyPercentArg::Int(8), "
        "PyPercentArg::Int(233), PyPercentArg::Int(4), PyPercentArg::Int(7), PyPercentArg::Int(2), "
        "PyPercentArg::Float(3.14159), PyPercentArg::Float(1e100)])",
    ),
    Case(
        "'%s|%r|%a|%.1s|%5s|%i' % ('x', 'y', '\u00e9', 'abc', True, 3.9)",
        'py_percent("%s|%r|%a|%.1s|%5s|%i", &[PyPercentArg::Text("x".into(), "\'x\'".into()), '
        'PyPercentArg::Text("y".into(), "\'y\'".into()), '
        'PyPercentArg::Text("\\u{e9}".into(), "\'\\u{e9}\'".into()), '
        'PyPercentArg::Text("abc".into(), String::new()), PyPercentArg::Bool(true), '
        "PyPercentArg::Float(3.9)])",
    ),
    Case("'%d %d' % (1,)", 'py_percent("%d %d", &[PyPercentArg::Int(1)])'),
    Case("'%d' % (1, 2)", 'py_percent("%d", &[PyPercentArg::Int(1), PyPercentArg::Int(2)])'),
    Case("'%x' % 1.5", 'py_percent("%x", &[PyPercentArg::Float(1.5)])'),
]
_STRINGIO = "(lambda s: (s.write('ab\\u00e9'), print(1, 'x', end='|', file=s), s.getvalue()))"
STRINGS += [
    Case(
        f"{_STRINGIO}(__import__('io').StringIO())[0]",
        '{ let mut s = PyStringIO::new(); s.write("ab\\u{e9}") }',
    ),
    Case(
        f"{_STRINGIO}(__import__('io').StringIO())[2]",
        '{ let mut s = PyStringIO::new(); s.write("ab\\u{e9}"); write!(s, "{} {}|", 1, "x"); '
        "s.getvalue() }",
    ),
]

SEQUENCES = [
    Case("[10, 20, 30][-1]", "vec![10, 20, 30][py_index(-1, 3)]"),
    Case("[10, 20, 30][0]", "vec![10, 20, 30][py_index(0, 3)]"),
    Case("[10, 20, 30][3]", "vec![10, 20, 30][py_index(3, 3)]"),
    Case("[10, 20, 30][-4]", "vec![10, 20, 30][py_index(-4, 3)]"),
]
SEQUENCES += [
    Case(
        f"list(range(10))[{_py_slice(a, b, c)}]",
        f"py_slice(&(0..10).collect::<Vec<i64>>(), {_opt(a)}, {_opt(b)}, {c})",
    )
    for a, b, c in SLICES
]


def _slice_assign_py(a: int | None, b: int | None, c: int, items: list[int]) -> str:
    return f"(lambda v: (v.__setitem__(slice({a}, {b}, {c}), {items}), v)[1])(list(range(8)))"


def _slice_assign_rs(a: int | None, b: int | None, c: int, items: list[int]) -> str:
    return (
        "{ let mut v: Vec<i64> = (0..8).collect(); "
        f"py_slice_assign(&mut v, {_opt(a)}, {_opt(b)}, {c}, vec!{items}); v }}"
    )


SLICE_ASSIGNMENTS = [
    (1, 3, 1, [10, 11, 12]),
    (None, 2, 1, []),
    (-2, None, 1, [9]),
    (0, None, 2, [7, 7, 7, 7]),
    (None, None, -3, [1, 2, 3]),
    (0, None, 2, [1, 2]),
]
SEQUENCES += [
    Case(_slice_assign_py(a, b, c, items), _slice_assign_rs(a, b, c, items))
    for a, b, c, items in SLICE_ASSIGNMENTS
]
SEQUENCES += [
    Case(
        f"(lambda v: (v.__delitem__(slice({a}, {b}, {c})), v)[1])(list(range(8)))",
        "{ let mut v: Vec<i64> = (0..8).collect(); "
        f"py_slice_delete(&mut v, {_opt(a)}, {_opt(b)}, {c}); v }}",
    )
    for a, b, c in [(1, 3, 1), (None, None, 2), (-3, None, 1), (None, None, -2), (5, 1, -1)]
]
SEQUENCES += [
    Case("[1, 2, 3, 2].index(2)", "py_list_index(&[1, 2, 3, 2], &2)"),
    Case("", "py_list_index(&[1, 2, 3], &5)", "ValueError: x is not in list"),
    Case(
        "(lambda v: (v.remove(2), v)[1])([1, 2, 3, 2])",
        "{ let mut v = vec![1, 2, 3, 2]; py_list_remove(&mut v, &2); v }",
    ),
    Case("[1].remove(5)", "{ let mut v = vec![1]; py_list_remove(&mut v, &5); v }"),
    Case(
        "(lambda v: (v.pop(), v))([1, 2, 3])",
        "{ let mut v = vec![1, 2, 3]; (py_list_pop(&mut v, -1), v) }",
    ),
    Case(
        "(lambda v: (v.pop(0), v))([1, 2, 3])",
        "{ let mut v = vec![1, 2, 3]; (py_list_pop(&mut v, 0), v) }",
    ),
    Case(
        "(lambda v: (v.pop(-3), v))([1, 2, 3])",
        "{ let mut v = vec![1, 2, 3]; (py_list_pop(&mut v, -3), v) }",
    ),
    Case("[].pop()", "py_list_pop(&mut Vec::<i64>::new(), -1)"),
    Case("[1, 2].pop(2)", "py_list_pop(&mut vec![1, 2], 2)"),
    Case("[1, 2].pop(-3)", "py_list_pop(&mut vec![1, 2], -3)"),
]
SEQUENCES += [
    Case(
        f"(lambda v: (v.insert({i}, 9), v)[1])([1, 2, 3])",
        f"{{ let mut v = vec![1, 2, 3]; py_list_insert(&mut v, {i}, 9); v }}",
    )
    for i in [0, 1, 3, 10, -1, -3, -10]
]
SEQUENCES += [
    Case("max(['bb', 'a', 'cc'], key=len)", 'py_max_by(vec!["bb", "a", "cc"], |s| s.len())'),
    Case("min(['bb', 'a', 'c'], key=len)", 'py_min_by(vec!["bb", "a", "c"], |s| s.len())'),
    Case(
        "max([(1, 'b'), (2, 'a'), (2, 'c')], key=lambda t: t[0])",
        'py_max_by(vec![(1, "b"), (2, "a"), (2, "c")], |t| t.0)',
    ),
    Case(
        "min([(1, 'b'), (2, 'a'), (1, 'c')], key=lambda t: t[0])",
        'py_min_by(vec![(1, "b"), (2, "a"), (1, "c")], |t| t.0)',
    ),
    Case("max([], key=len)", "py_max_by(Vec::<String>::new(), |s| s.len())"),
    Case("min([], key=len)", "py_min_by(Vec::<String>::new(), |s| s.len())"),
    Case("max([1.5, float('nan'), 2.0])", "py_max(vec![1.5, f64::NAN, 2.0])"),
    Case("min([3, 1, 2])", "py_min([3, 1, 2])"),
    Case("max('hello')", 'py_max("hello".chars())'),
    Case("max([])", "py_max(Vec::<i64>::new())"),
    Case("min([])", "py_min(Vec::<i64>::new())"),
    Case("max([(1, 2.5), (1, 3.5), (0, 9.0)])", "py_max(vec![(1, 2.5), (1, 3.5), (0, 9.0)])"),
]
SORT_WORDS = ["bb", "a", "ccc", "dd", "e", "fff", "g"]
SEQUENCES += [
    Case(
        f"sorted({SORT_WORDS!r}, key=len, reverse={r})",
        f"{{ let mut v = vec!{SORT_WORDS!r}; py_sort_by_key(&mut v, |s| s.len(), "
        f"{str(r).lower()}); "
        f"v }}".replace("'", '"'),
    )
    for r in (False, True)
]
SORT_FLOATS = [3.5, -1.0, 2.25, 0.0, -0.0, 1e10, -7.5, 2.25, 0.1]
SORT_TUPLES = [(1, 2.5), (0, 3.0), (1, 0.5), (0, -1.0), (1, 2.5)]
SEQUENCES += [
    Case(
        f"sorted({SORT_FLOATS!r}, reverse={r})",
        f"{{ let mut v = vec!{SORT_FLOATS!r}; py_sort(&mut v, {str(r).lower()}); v }}",
    )
    for r in (False, True)
] + [
    Case(
        f"sorted({SORT_TUPLES!r}, reverse={r})",
        f"{{ let mut v = vec!{SORT_TUPLES!r}; py_sort(&mut v, {str(r).lower()}); v }}",
    )
    for r in (False, True)
]
SEQUENCES += [
    Case(
        f"sorted({data!r}, reverse={r})",
        f"{{ let mut v = vec!{data!r}; py_sort_floats(&mut v, {str(r).lower()}); v }}",
    )
    for data in (SORT_FLOATS, SORT_TUPLES)
    for r in (False, True)
]  # with a NaN, py_sort_floats is py_sort (whose NaN order can differ from timsort's)
_sort_data = [_rng.randint(0, 30) for _ in range(200)]
SEQUENCES += [
    Case(
        f"sorted({_sort_data!r}, key=lambda x: x % 7, reverse={r})",
        f"{{ let mut v: Vec<i64> = vec!{_sort_data!r}; py_sort_by_key(&mut v, |x| x % 7, "
        f"{str(r).lower()}); "
        f"v }}",
    )
    for r in (False, True)
]
SEQUENCES += [
    Case(
        "sorted([(2, 'b'), (1, 'z'), (2, 'a')], key=lambda t: t[0], reverse=True)",
        'py_sort_then(vec![(2, "b"), (1, "z"), (2, "a")], |t| t.0, true)',
    ),
]
HEAP_DATA = [5, 3, 8, 1, 9, 2, 7, 3, 0, 6, 4, 8]
HEAP_PUSHED = (
    f"{{ let mut h = Vec::new(); for x in {HEAP_DATA!r} {{ py_heappush(&mut h, x); }} h }}"
)
SEQUENCES += [
    Case(f"(lambda h: ([heapq.heappush(h, x) for x in {HEAP_DATA!r}], h)[1])([])", HEAP_PUSHED),
    Case(
        f"(lambda h: (heapq.heapify(h), h)[1])({HEAP_DATA!r})",
        f"{{ let mut h = vec!{HEAP_DATA!r}; py_heapify(&mut h); h }}",
    ),
    Case(
        f"(lambda h: (heapq.heapify(h), [heapq.heappop(h) for _ in range(5)], "
        f"h)[1:])({HEAP_DATA!r})",
        f"{{ let mut h = vec!{HEAP_DATA!r}; py_heapify(&mut h); let p: Vec<i64> = (0..5).map(|_| "
        f"py_heappop(&mut "
        f"h)).collect(); (p, h) }}",
    ),
    Case(
        f"(lambda h: (heapq.heapify(h), heapq.heappushpop(h, 4), heapq.heappushpop(h, -1), "
        f"h)[1:])({HEAP_DATA!r})",
        f"{{ let mut h = vec!{HEAP_DATA!r}; py_heapify(&mut h); (py_heappushpop(&mut h, 4), "
        f"py_heappushpop(&mut "
        f"h, -1), h) }}",
    ),
    Case(
        f"(lambda h: (heapq.heapify(h), heapq.heapreplace(h, 10), h)[1:])({HEAP_DATA!r})",
        f"{{ let mut h = vec!{HEAP_DATA!r}; py_heapify(&mut h); (py_heapreplace(&mut h, 10), h) }}",
    ),
    Case("heapq.heappushpop([], 3)", "py_heappushpop(&mut Vec::new(), 3)"),
    Case("heapq.heappop([])", "py_heappop(&mut Vec::<i64>::new())"),
    Case("heapq.heapreplace([], 1)", "py_heapreplace(&mut Vec::<i64>::new(), 1)"),
    Case(
        "(lambda h: ([heapq.heappush(h, x) for x in [(2, 'b'), (1, 'z'), (2, 'a'), (1.5, 'q')]], "
        "h)[1])([])",
        '{ let mut h = Vec::new(); for x in [(2.0, "b"), (1.0, "z"), (2.0, "a"), (1.5, "q")] { '
        "py_heappush(&mut "
        "h, x); } h }"
        ".into_iter().map(|(a, b)| (a as i64 as f64 == a, b)).collect::<Vec<_>>()",
        "[(True, 'z'), (False, 'q'), (True, 'a'), (True, 'b')]",
    ),
    Case(f"heapq.nlargest(3, {HEAP_DATA!r})", f"py_nlargest(3, &{HEAP_DATA!r})"),
    Case(f"heapq.nsmallest(4, {HEAP_DATA!r})", f"py_nsmallest(4, &{HEAP_DATA!r})"),
    Case("heapq.nlargest(-1, [1, 2])", "py_nlargest(-1, &[1, 2])"),
    Case("heapq.nsmallest(5, [2.5, 1.0])", "py_nsmallest(5, &[2.5, 1.0])"),
]
_heap_ops = [_rng.randint(-50, 50) for _ in range(300)]
SEQUENCES += [
    Case(
        f"(lambda h, out: ([(heapq.heappush(h, x) if x % 3 else out.append(heapq.heappop(h))) for "
        f"x in {_heap_ops!r}], h, out)[1:])([], [])",
        f"{{ let (mut h, mut out) = (Vec::new(), Vec::new()); for x in {_heap_ops!r} {{ if x % 3 "
        f"!= "
        f"0 {{ py_heappush(&mut h, x) }} else {{ out.push(py_heappop(&mut h)) }} }} (h, out) }}",
    ),
]
SEQUENCES += [
    Case(f"list(range({a}, {b}, {c}))", f"py_range({a}, {b}, {c}).collect::<Vec<_>>()")
    for a, b, c in [
        (0, 10, 3),
        (10, 0, -3),
        (0, 10, -1),
        (5, 5, 1),
        (-5, 5, 4),
        (3, -4, -2),
        (0, 1, 0),
    ]
] + [
    Case("list(reversed(range(1, 10, 4)))", "py_range(1, 10, 4).rev().collect::<Vec<_>>()"),
    Case(
        "len(range(-9223372036854775808, 9223372036854775807, 3))",
        "py_range(i64::MIN, i64::MAX, 3).len()",
    ),
    Case(
        "list(range(9223372036854775806, -9223372036854775808, -9223372036854775807))",
        "py_range(i64::MAX - 1, i64::MIN, -i64::MAX).collect::<Vec<_>>()",
    ),
]
BISECT = [1, 2, 2, 2, 3, 5]
SEQUENCES += [
    Case(f"bisect.{m}({BISECT!r}, {x})", f"py_{m}(&{BISECT!r}, &{x})")
    for m in ("bisect_left", "bisect_right")
    for x in (0, 2, 4, 5, 6)
]
SEQUENCES += [
    Case(
        f"(lambda v: (bisect.{m}(v, 2), v)[1])({BISECT!r})",
        f"{{ let mut v = vec!{BISECT!r}; py_{m}(&mut v, 2); v }}",
    )
    for m in ("insort_left", "insort_right")
] + [
    Case(
        "(lambda v: (bisect.insort_right(v, (2, 'z')), bisect.insort_left(v, (2, 'a')), "
        "v)[2])([(1, "
        "'a'), (2, 'm'), (3, 'a')])",
        '{ let mut v = vec![(1, "a"), (2, "m"), (3, "a")]; py_insort_right(&mut v, (2, "z")); '
        "py_insort_left(&mut "
        'v, (2, "a")); v }',
    ),
]

SEQUENCES += (
    [
        Case(
            f"bisect.bisect_left({BISECT!r}, {x}, {lo}, {hi})",
            f"py_bisect_by(&{BISECT!r}, {lo}, {_opt(hi)}, |e| *e < {x})",
        )
        for x, lo, hi in [(2, 0, None), (2, 2, None), (2, 0, 2), (4, 1, 3), (9, 0, 0), (0, 3, 1)]
    ]
    + [
        Case(
            f"bisect.bisect_right({BISECT!r}, {x}, {lo}, {hi})",
            f"py_bisect_by(&{BISECT!r}, {lo}, {_opt(hi)}, |e| !({x} < *e))",
        )
        for x, lo, hi in [(2, 0, None), (2, 4, None), (2, 0, 3), (5, 0, 6), (9, 0, 9), (1, -1, 3)]
    ]
    + [
        Case(
            "bisect.bisect_left([(1, 'a'), (3, 'b'), (3, 'c'), (7, 'd')], 3, key=lambda t: t[0])",
            'py_bisect_by(&[(1, "a"), (3, "b"), (3, "c"), (7, "d")], 0, None, |e| e.0 < 3)',
        ),
        Case(
            "heapq.nlargest(3, ['bb', 'a', 'ccc', 'dd', 'e'], key=len)",
            'py_nlargest_by(3, &["bb", "a", "ccc", "dd", "e"], |w| w.len())',
        ),
        Case(
            "heapq.nsmallest(4, ['bb', 'a', 'ccc', 'dd', 'e'], key=len)",
            'py_nsmallest_by(4, &["bb", "a", "ccc", "dd", "e"], |w| w.len())',
        ),
        Case(
            "heapq.nsmallest(-1, [3, 1], key=abs)",
            "py_nsmallest_by(-1, &[3, 1], |x: &i64| x.abs())",
        ),
        Case(
            "heapq.nlargest(5, [-3, 1, 2], key=abs)",
            "py_nlargest_by(5, &[-3, 1, 2], |x: &i64| x.abs())",
        ),
    ]
)

DICT = [
    Case(
        "dict([('b', 1), ('a', 2), ('b', 3)])",
        'PyDict::from_iter([(s("b"), 1), (s("a"), 2), (s("b"), 3)])',
    ),
    Case(
        "(lambda d: (d.pop('a'), d))({'a': 1, 'b': 2, 'c': 3})",
        '{ let mut d = abc(); let x = d.remove("a"); (x, d) }',
    ),
    Case(
        "(lambda d: (d.pop('zz', None), len(d), bool(d)))({'a': 1, 'b': 2, 'c': 3})",
        '{ let mut d = abc(); (d.remove("zz"), d.len(), !d.is_empty()) }',
    ),
    Case("{'a': 1}['b']", '{ let d = abc(); d["zz"] }', "KeyError: 'zz'"),
    Case("{1: 2}[5]", "{ let d = PyDict::from_iter([(1i64, 2i64)]); d[&5] }"),
    Case("{'a': 1, 'b': 2, 'c': 3}['b']", '{ let d = abc(); d["b"] }'),
    Case(
        "(lambda d: (d.__setitem__('a', d['a'] + 5), d)[1])({'a': 1, 'b': 2, 'c': 3})",
        '{ let mut d = abc(); d["a"] += 5; d }',
    ),
    Case(
        "(lambda d: (d.get('a'), d.get('q'), 'c' in d, 'q' in d))({'a': 1, 'b': 2, 'c': 3})",
        '{ let d = abc(); (d.get("a").copied(), d.get("q").copied(), d.contains_key("c"), '
        'd.contains_key("q")) '
        "}",
    ),
    Case(
        "(lambda d: ([d.setdefault(w, []).append(i) for i, w in enumerate('a b a c b a'.split())], "
        "d)[1])({})",
        '{ let mut d: PyDict<String, Vec<usize>> = PyDict::new(); for (i, w) in "a b a c b '
        "a\".split(' "
        "').enumerate() "
        "{ d.get_or_insert_with(s(w), Vec::new).push(i); } d }",
    ),
    Case(
        "(lambda d: (d.popitem(), d.popitem(), d))({'a': 1, 'b': 2, 'c': 3})",
        "{ let mut d = abc(); (d.pop_last(), d.pop_last(), d) }",
    ),
    Case(
        "(lambda d: (d.popitem(), d.__setitem__('z', 0), d.popitem(), d))({'a': 1})",
        '{ let mut d = PyDict::from_iter([(s("a"), 1)]); let a = d.pop_last(); d.insert(s("z"), '
        "0); "
        "(a, d.pop_last(), d.pop_last(), d) }",
        "(('a', 1), ('z', 0), None, {})",
    ),
    Case(
        "{'a': 1, 'b': 2} == {'b': 2, 'a': 1}",
        'PyDict::from_iter([(s("a"), 1), (s("b"), 2)]) == PyDict::from_iter([(s("b"), 2), (s("a"), '
        "1)])",
    ),
    Case(
        "{'a': 1} == {'a': 2}",
        'PyDict::from_iter([(s("a"), 1)]) == PyDict::from_iter([(s("a"), 2)])',
    ),
    Case(
        "list(reversed({'a': 1, 'b': 2, 'c': 3}.items()))",
        "abc().iter().rev().map(|(k, v)| (k.clone(), *v)).collect::<Vec<_>>()",
    ),
    Case("list({'a': 1, 'b': 2, 'c': 3}.keys())", "abc().keys().cloned().collect::<Vec<_>>()"),
    Case("sum({'a': 1, 'b': 2, 'c': 3}.values())", "abc().values().sum::<i64>()"),
    Case(
        "{k: v * 2 for k, v in {'a': 1, 'b': 2, 'c': 3}.items()}",
        "{ let mut d = abc(); for v in d.values_mut() { *v *= 2; } d }",
    ),
    Case(
        "{k: v + 1 for k, v in {'a': 1, 'b': 2, 'c': 3}.items()}",
        "{ let mut d = abc(); for (_, v) in d.iter_mut() { *v += 1; } for (_, v) in &mut d { *v *= "
        "1; } d }",
    ),
    Case(
        "[k + str(v) for k, v in {'a': 1, 'b': 2, 'c': 3}.items()]",
        'abc().into_iter().map(|(k, v)| format!("{k}{v}")).collect::<Vec<_>>()',
    ),
    Case(
        "[k for k, v in {'a': 1, 'b': 2, 'c': 3}.items()]",
        "{ let d = abc(); let mut out = vec![]; for (k, _) in &d { out.push(k.clone()); } out }",
    ),
    Case(
        "(lambda d: (d.clear(), d, len(d))[1:])({'a': 1})",
        "{ let mut d = abc(); d.clear(); let n = d.len(); (d, n) }",
    ),
    Case(
        "(lambda d: (d.update([('c', 9), ('d', 4)]), d)[1])({'a': 1, 'b': 2, 'c': 3})",
        '{ let mut d = abc(); d.extend([(s("c"), 9), (s("d"), 4)]); d }',
    ),
    Case(
        "{(1, 2): 'x'}.get((1, 2))",
        'PyDict::from_iter([((1i64, 2i64), s("x"))]).get(&(1, 2)).cloned()',
    ),
    Case("{'a': 1}", '{ let mut d = PyDict::with_capacity(100); d.insert(s("a"), 1); d }'),
    Case("{}", "PyDict::<i64, i64>::default()"),
    Case("", 'format!("{:?}", abc())', '{"a": 1, "b": 2, "c": 3}'),
    Case(
        "(lambda d: (d.__setitem__('b', 7), d)[1])({'a': 1, 'b': 2, 'c': 3})",
        '{ let mut d = abc(); let old = d.insert(s("b"), 7); assert_eq!(old, Some(2)); d }',
    ),
    Case(
        "(lambda d: ([d.__setitem__(i, i * i) for i in range(1000)], [d.pop(i) for i in range(0, "
        "1000, "
        "2)],"
        " [d.__setitem__(i, -i) for i in range(0, 100, 3)], [d.pop(i) for i in range(1, 900, 3) if "
        "i in d], d)[-1])({})",
        "{ let mut d = PyDict::new(); for i in 0..1000i64 { d.insert(i, i * i); } for i in "
        "(0..1000).step_by(2) "
        "{ d.remove(&i); }"
        " for i in (0..100).step_by(3) { d.insert(i, -i); } for i in (1..900).step_by(3) { "
        "d.remove(&i); "
        "} d }",
    ),
    Case(
        "(lambda d: ([d.__setitem__(i % 37, i) or (d.popitem() if i % 5 == 0 else None) for i in "
        "range(2000)], "
        "d)[-1])({})",
        "{ let mut d = PyDict::new(); for i in 0..2000i64 { d.insert(i % 37, i); if i % 5 == 0 { "
        "d.pop_last(); "
        "} } d }",
    ),
]

COLLECTIONS = [
    Case("collections.deque([1, 2, 3], maxlen=2)", "PyDeque::bounded(vec![1i64, 2, 3], 2)"),
    Case(
        "(lambda d: (d.append(4), d.appendleft(0), d)[2])(collections.deque([1, 2], maxlen=2))",
        "{ let mut d = PyDeque::bounded(vec![1i64, 2], 2); d.push_back(4); d.push_front(0); d }",
    ),
    Case("collections.deque([1, 2])", "vec![1i64, 2].into_iter().collect::<PyDeque<_>>()"),
    Case(r"""b"it's\n\xff\\" """, "py_bytes_repr(&[105u8, 116, 39, 115, 10, 255, 92])"),
    Case("""b'say "hi"' """, 'py_bytes_repr(b"say \\"hi\\"")'),
    Case(
        "collections.Counter('abracadabra').most_common(3)",
        'py_counter_most_common(&counter_of("abracadabra"), Some(3))',
    ),
    Case(
        "collections.Counter('abracadabra').most_common()",
        'py_counter_most_common(&counter_of("abracadabra"), None)',
    ),
    Case(
        "collections.Counter('abc').most_common(0)",
        'py_counter_most_common(&counter_of("abc"), Some(0))',
    ),
    Case(
        "collections.Counter('abc').most_common(-2)",
        'py_counter_most_common(&counter_of("abc"), Some(-2))',
    ),
    Case("repr(collections.Counter('abracadabra'))", 'py_counter_repr(&counter_of("abracadabra"))'),
    Case("repr(collections.Counter('mississippi'))", 'py_counter_repr(&counter_of("mississippi"))'),
    Case("repr(collections.Counter())", 'py_counter_repr(&counter_of(""))'),
    Case(
        "repr(collections.defaultdict(int, {'a': 1}))",
        'py_defaultdict_repr(&PyDict::from_iter([(s("a"), 1)]), "int")',
    ),
    Case(
        "repr(collections.defaultdict(list))",
        'py_defaultdict_repr(&PyDict::<i64, Vec<i64>>::new(), "list")',
    ),
]

GENERATORS = [
    Case(
        "list(i * i for i in range(5))",
        "PyGenerator::new(|co: Yielder<i64>| async move { "
        "for i in 0..5 { co.yield_(i * i).await?; } Some(()) "
        "}).collect::<Vec<_>>()",
    ),
    Case(
        "list(itertools.islice(itertools.count(), 4))",
        "PyGenerator::new(|co: Yielder<i64>| async move { "
        "let mut i = 0; loop { co.yield_(i).await?; i += 1; } "
        "}).take(4).collect::<Vec<_>>()",
    ),
    Case(
        "list(fails())",
        "PyGenerator::new(|co: Yielder<i64>| async move { "
        'co.yield_(1).await?; panic!("ValueError: boom") '
        "}).collect::<Vec<_>>()",
    ),
    Case(
        "(lambda g: (next(g), next(g, 'done'), next(g, 'done')))(iter(['x']))",
        "{ let mut g = PyGenerator::new(|co: Yielder<String>| async move { "
        'co.yield_(s("x")).await }); (g.next(), '
        "g.next(), "
        "g.next()) }",
        "('x', None, None)",
    ),
    Case(
        "[x for x in (y + 1 for y in range(3)) if x % 2]",
        "{ let inner = PyGenerator::new(|co: Yielder<i64>| async move { "
        "for y in 0..3 { co.yield_(y).await?; } "
        "Some(()) "
        "});"
        " PyGenerator::new(move |co: Yielder<i64>| async move { "
        "for y in inner { co.yield_(y + 1).await?; } "
        "Some(()) "
        "})"
        ".filter(|x| x % 2 == 1).collect::<Vec<_>>() }",
    ),
]

ITERTOOLS = [
    Case(
        "[list(t) for t in itertools.permutations([1, 2, 3], 2)]", "py_permutations(&[1, 2, 3], 2)"
    ),
    Case(
        "[''.join(t) for t in itertools.permutations('abcd')]",
        'py_permutations(&chars("abcd"), 4).iter().map(|t| '
        "t.iter().collect::<String>()).collect::<Vec<_>>()",
    ),
    Case(
        "[list(t) for t in itertools.permutations([], 0)]", "py_permutations(&Vec::<i64>::new(), 0)"
    ),
    Case("[list(t) for t in itertools.permutations([1, 2], 3)]", "py_permutations(&[1, 2], 3)"),
    Case("[list(t) for t in itertools.permutations([1, 2], 0)]", "py_permutations(&[1, 2], 0)"),
    Case("list(itertools.permutations([1], -1))", "py_permutations(&[1], -1)"),
    Case(
        "[list(t) for t in itertools.combinations('abcde', 3)]",
        'py_combinations(&chars("abcde"), 3)',
    ),
    Case("[list(t) for t in itertools.combinations([1, 2], 0)]", "py_combinations(&[1, 2], 0)"),
    Case("[list(t) for t in itertools.combinations([1, 2], 3)]", "py_combinations(&[1, 2], 3)"),
    Case(
        "[list(t) for t in itertools.combinations_with_replacement('abc', 2)]",
        'py_combinations_with_replacement(&chars("abc"), 2)',
    ),
    Case(
        "[list(t) for t in itertools.combinations_with_replacement([], 2)]",
        "py_combinations_with_replacement(&Vec::<i64>::new(), 2)",
    ),
    Case(
        "[list(t) for t in itertools.combinations_with_replacement([], 0)]",
        "py_combinations_with_replacement(&Vec::<i64>::new(), 0)",
    ),
    Case(
        "[list(t) for t in itertools.combinations_with_replacement([1, 2], 3)]",
        "py_combinations_with_replacement(&[1, 2], 3)",
    ),
    Case(
        "[list(t) for t in itertools.product([1, 2], [3, 4], [5])]",
        "py_product(&[vec![1, 2], vec![3, 4], vec![5]])",
    ),
    Case("[list(t) for t in itertools.product([1, 2], [])]", "py_product(&[vec![1, 2], vec![]])"),
    Case("[list(t) for t in itertools.product()]", "py_product::<i64>(&[])"),
    Case(
        "[''.join(t) for t in itertools.product('ab', repeat=3)]",
        'py_product_repeat(&chars("ab"), 3).iter().map(|t| '
        "t.iter().collect::<String>()).collect::<Vec<_>>()",
    ),
    Case(
        "[list(t) for t in itertools.product('ab', repeat=0)]", 'py_product_repeat(&chars("ab"), 0)'
    ),
    Case("list(itertools.product('ab', repeat=-1))", 'py_product_repeat(&chars("ab"), -1)'),
    Case(
        "list(itertools.accumulate([1, 2, 3, 4], operator.mul))",
        "py_accumulate(&[1, 2, 3, 4], |a, b| a * b)",
    ),
    Case(
        "list(itertools.accumulate([3, 1, 4, 1, 5], max))",
        "py_accumulate(&[3, 1, 4, 1, 5], |a, b| *a.max(b))",
    ),
    Case(
        "list(itertools.accumulate([], operator.add))",
        "py_accumulate(&Vec::<i64>::new(), |a, b| a + b)",
    ),
    Case(
        "[(k, list(g)) for k, g in itertools.groupby('aaabbca')]",
        'py_groupby(&chars("aaabbca"), |c| *c)',
    ),
    Case(
        "[(k, list(g)) for k, g in itertools.groupby([1, 3, 2, 4, 5], lambda x: x % 2)]",
        "py_groupby(&[1, 3, 2, 4, 5], |x| x % 2)",
    ),
    Case("list(itertools.pairwise([1, 2, 3, 4]))", "py_pairwise(&[1, 2, 3, 4])"),
    Case("list(itertools.pairwise([1]))", "py_pairwise(&[1])"),
]

MATH = [
    Case(f"math.gcd({a}, {b})", f"py_gcd({a}, {b})")
    for a, b in [(12, -18), (0, 0), (-5, 0), (7, 13), (-48, -36)]
]
MATH += [
    Case(f"math.lcm({a}, {b})", f"py_lcm({a}, {b})")
    for a, b in [(4, 6), (-4, 6), (0, 5), (21, 6), (-3, -7)]
]
MATH += [
    Case("", "py_gcd(i64::MIN, 0)", f"OverflowError: integer overflow in gcd {I64_OVERFLOW}"),
    Case(
        "",
        "py_lcm(i64::MAX, i64::MAX - 1)",
        f"OverflowError: integer overflow in lcm {I64_OVERFLOW}",
    ),
]
MATH += [
    Case(f"math.isqrt({n})", f"py_isqrt({n})")
    for n in [0, 1, 2, 3, 4, 15, 16, 17, 10**18, 10**18 - 1, 2**63 - 1, 999999999999999999, -1]
]
MATH += [Case(f"math.factorial({n})", f"py_factorial({n})") for n in [0, 1, 5, 20, -1]]
MATH += [
    Case("", "py_factorial(21)", f"OverflowError: factorial(21) does not fit in i64 {I64_OVERFLOW}")
]
MATH += [
    Case(f"math.comb({n}, {k})", f"py_comb({n}, {k})")
    for n, k in [(10, 3), (60, 30), (5, 7), (5, 0), (0, 0), (-1, 2), (3, -1), (62, 31), (1000, 2)]
]
MATH += [
    Case("", "py_comb(70, 35)", f"OverflowError: comb(70, 35) does not fit in i64 {I64_OVERFLOW}")
]
MATH += [
    Case(f"math.perm({n}, {k})", f"py_perm({n}, {k})")
    for n, k in [(5, 2), (5, 7), (5, 0), (20, 20), (-1, 1), (1, -1)]
]
MATH += [
    Case("", "py_perm(21, 21)", f"OverflowError: perm(21, 21) does not fit in i64 {I64_OVERFLOW}")
]
MATH += [
    Case(f"math.fsum({xs!r})", f"py_fsum(vec![{', '.join(rf(x) for x in xs)}])")
    for xs in [
        [0.1] * 10,
        [],
        [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50],
        [0.3, 0.6, -0.9],
        [1.0, float("inf")],
        [float("inf"), float("-inf")],
        [2.0**53, 1.0, 1.0],
    ]
]
MATH += [
    Case(f"math.isclose({a!r}, {b!r})", f"py_isclose({rf(a)}, {rf(b)})")
    for a, b in [
        (0.1 + 0.2, 0.3),
        (1.0, 1.0 + 1e-8),
        (float("inf"), float("inf")),
        (float("inf"), 1e308),
        (0.0, 1e-300),
        (1e9, 1e9 + 0.5),
        (-1.0, -1.0000000001),
        (float("nan"), float("nan")),
    ]
]
MATH += [
    Case(f"math.sqrt({x!r})", f"py_sqrt({rf(x)})")
    for x in [2.0, 0.0, -0.0, 1e308, -1.0, float("inf")]
]
MATH += [
    Case(f"math.log({x!r})", f"py_log({rf(x)})")
    for x in [2.718281828459045, 1.0, 1e-300, 0.0, -1.0, 10.0]
]
MATH += [
    Case(f"math.log({x!r}, {b!r})", f"py_log_base({rf(x)}, {rf(b)})")
    for x, b in [
        (8.0, 2.0),
        (100.0, 10.0),
        (1000.0, 10.0),
        (1.0, 1.0),
        (2.0, 1.0),
        (0.0, 2.0),
        (5.0, 0.5),
    ]
]

DECODE_SAMPLES = [
    b"",
    b"plain",
    b"caf\xc3\xa9",
    b"\xe2\x82\xac\xf0\x9f\x98\x80",
    b"\xff\xfe",
    b"a\xe9\xe9b",
    b"\xe0\x80",
    b"\xe2\x82x",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xf0\x9f\x98",
    b"ok\xf0\x9f",
    b"\xc0\xaf",
    b"\xc2",
    b"\xf5",
    b"\x80abc",
]
CODECS = (
    [
        Case(f"{data!r}.decode({enc!r})", f"ok(py_decode_{enc}(&{list(data)!r}))")
        for data in DECODE_SAMPLES
        for enc in ("utf8", "ascii")
    ]
    + [
        Case(f"list({text!r}.encode('ascii'))", f"ok(py_encode_ascii({rs(text)}))")
        for text in ["", "plain", "café", "aéé", "x\U0001f600", "a€b€", "\x7f\x80"]
    ]
    + [
        Case("str.maketrans('abc', 'xyz')", 'py_maketrans("abc", "xyz")'),
        Case("str.maketrans('ab', 'x')", 'py_maketrans("ab", "x")'),
        Case("str.maketrans('ab', 'éz', 'bq')", 'py_maketrans_deleting("ab", "éz", "bq")'),
        Case(
            "str.maketrans({'a': '1', 'é': 'e'})",
            'py_maketrans_keys(&PyDict::from_iter([(s("a"), s("1")), (s("é"), s("e"))]))',
        ),
        Case(
            "str.maketrans({'ab': '1'})", 'py_maketrans_keys(&PyDict::from_iter([(s("ab"), 1i64)]))'
        ),
        Case("str.maketrans({'': None})", 'py_maketrans_keys(&PyDict::from_iter([(s(""), ())]))'),
        Case(
            "'hello world'.translate(str.maketrans('lo', '01', ' '))",
            'py_translate("hello world", &py_maketrans_deleting("lo", "01", " "))',
        ),
        Case(
            "'hello'.translate({104: 'J', 108: ''})",
            'py_translate("hello", &PyDict::from_iter([(104i64, s("J")), (108, s(""))]))',
        ),
        Case(
            "'hello'.translate({104: 'J', 108: None})",
            'py_translate("hello", &PyDict::from_iter([(104i64, Some("J")), (108, None)]))',
        ),
        Case(
            "'abc'.translate({98: None})", 'py_translate("abc", &PyDict::from_iter([(98i64, ())]))'
        ),
        Case(
            "'abc'.translate({97: 0x1F600, 99: 0x110000})",
            'py_translate("abc", &PyDict::from_iter([(97i64, 0x1F600i64), (99, 0x110000)]))',
        ),
        Case(
            "'abc'.translate({97: -1})", 'py_translate("abc", &PyDict::from_iter([(97i64, -1i64)]))'
        ),
    ]
)

RANDOM_SEEDS = [0, 1, 42, -42, 2**31, 2**32 - 1, 2**32, 2**32 + 5, 123456789012345, 2**63 - 1]


def _seeded(seed: int, py: str, rust: str) -> Case:
    """`py` (over the module-level generator `random`) right after `random.seed(seed)`."""
    return Case(
        f"(random.seed({seed}), {py})[1]",
        f"{{ py_random_seed(Some({seed}i64)); {rust} }}",
    )


RANDOM = (
    [
        _seeded(
            seed,
            "[random.random() for _ in range(8)]",
            "(0..8).map(|_| py_random()).collect::<Vec<_>>()",
        )
        for seed in RANDOM_SEEDS
    ]
    + [
        _seeded(
            seed,
            "[random.randint(1, 6) for _ in range(30)]",
            "(0..30).map(|_| py_randint(1, 6)).collect::<Vec<_>>()",
        )
        for seed in RANDOM_SEEDS[:5]
    ]
    + [
        _seeded(
            seed,
            f"[random.randrange({a}) for _ in range(12)]",
            f"(0..12).map(|_| py_randrange({a}, None, 1)).collect::<Vec<_>>()",
        )
        for seed in (3, 99)
        for a in (1, 2, 7, 1000, 2**33, 2**62 + 12345)
    ]
    + [
        _seeded(
            7,
            f"[random.randrange({a}, {b}, {c}) for _ in range(10)]",
            f"(0..10).map(|_| py_randrange({a}, Some({b}), {c})).collect::<Vec<_>>()",
        )
        for a, b, c in [
            (0, 10, 3),
            (10, 0, -3),
            (-5, 5, 1),
            (-(2**62), 2**62, 1),
            (5, 100, 7),
            (0, -1, -1),
        ]
    ]
    + [
        _seeded(
            11,
            f"[random.getrandbits({k}) for _ in range(6)]",
            f"(0..6).map(|_| py_getrandbits({k})).collect::<Vec<_>>()",
        )
        for k in (0, 1, 5, 31, 32, 33, 40, 63)
    ]
    + [
        _seeded(
            seed,
            "(lambda v: (random.shuffle(v), v)[1])(list(range(20)))",
            "{ let mut v: Vec<i64> = (0..20).collect(); py_shuffle(&mut v); v }",
        )
        for seed in RANDOM_SEEDS[:6]
    ]
    + [
        _seeded(
            seed,
            "[random.choice('abcdefgh') for _ in range(10)]",
            '(0..10).map(|_| py_choice(&chars("abcdefgh"))).collect::<Vec<_>>()',
        )
        for seed in (0, 5)
    ]
    + [
        _seeded(
            seed,
            "[random.uniform(-2.5, 10.0) for _ in range(4)]",
            "(0..4).map(|_| py_uniform(-2.5, 10.0)).collect::<Vec<_>>()",
        )
        for seed in (0, 5)
    ]
    + [
        _seeded(
            seed,
            f"random.sample(range({n}), {k})",
            f"py_sample(&(0..{n}).collect::<Vec<i64>>(), {k})",
        )
        for seed in (1, 2)
        for n, k in [(10, 10), (10, 3), (30, 5), (30, 6), (100, 8), (1000, 30), (5, 0)]
    ]
    + [
        _seeded(4, "random.choices([10, 20, 30], k=7)", "py_choices(&[10, 20, 30], 7)"),
        _seeded(4, "random.choices('xyz')", 'py_choices(&chars("xyz"), 1)'),
        Case("random.choice([])", "py_choice::<i64>(&[])"),
        Case("random.randrange(0)", "py_randrange(0, None, 1)"),
        Case("random.randrange(5, 5)", "py_randrange(5, Some(5), 1)"),
        Case("random.randrange(0, 10, 0)", "py_randrange(0, Some(10), 0)"),
        Case("random.randrange(0, 10, -1)", "py_randrange(0, Some(10), -1)"),
        Case("random.randint(3, 2)", "py_randint(3, 2)"),
        Case("random.sample([1, 2], 3)", "py_sample(&[1, 2], 3)"),
        Case("random.sample([1, 2], -1)", "py_sample(&[1, 2], -1)"),
        Case("random.getrandbits(-1)", "py_getrandbits(-1)"),
        Case("random.choices([], k=2)", "py_choices::<i64>(&[], 2)"),
        Case("random.choices([], k=0)", "py_choices::<i64>(&[], 0)"),
        Case(
            "(random.seed(None), 0 <= random.random() < 1)[1]",
            "{ py_random_seed(None); (0.0..1.0).contains(&py_random()) }",
        ),
    ]
)

STRUCT_FORMATS = [
    "@bi", "@ib", "@bq", "bhbh", "<bhbh", "=bq", "!3h", "2xh", "@hxl", "3?", "0h", "", "@",
    "q2b", "<i h", "<i 2 h", "z", "3", "@l", "=L", ">d", "<10b", " <i", "<<i",
]  # fmt: skip
STRUCT_PACKS = [
    ("<b", [127]), ("<b", [128]), ("<b", [-129]), ("<B", [-1]), ("<B", [255]), ("<h", [40000]),
    ("<H", [-1]), ("<H", [65535]), ("<i", [2**31]), ("<i", [-(2**31)]), ("<I", [-1]),
    ("<I", [2**32]), ("<l", [2**31]), ("<L", [2**32]), ("<L", [-1]), ("<q", [-(2**63)]),
    ("<Q", [-1]), ("@b", [200]), ("@l", [2**40]), ("@L", [-1]), ("=l", [2**31]),
    ("!Q", [2**63 - 1]),
    ("<f", [1e300]), ("<f", [float("inf")]), ("<f", [0.1]), (">f", [-2.5]), ("<d", [1e300]),
    ("<?", [5]), ("<?", [0]), ("<f", [1]), ("<hh", [1]), ("<h", [1, 2]), ("<h", [1.5]),
    ("@bi", [1, -2]), ("@hxl", [3, 4]), ("=bq", [-1, -1]), (">iHq", [-5, 513, 2**40]),
    ("<?d", [True, 0.5]), ("<B?", [True, 2.5]), ("3x", []), ("2b", [1, 2]),
]  # fmt: skip


def _struct_item(v: object) -> str:
    kind = {bool: "Bool", int: "Int", float: "Float"}[type(v)]
    if isinstance(v, bool):
        return f"PyStructItem::Bool({str(v).lower()})"
    return f"PyStructItem::{kind}({rf(v) if isinstance(v, float) else f'{v}i64'})"


def _struct_unpack_rust(fmt: str, data: list[int]) -> str:
    from backend.transpiler import rtypes as rt
    from backend.transpiler.lower.stdlib import struct_items

    getters = {rt.INT: "int", rt.FLOAT: "float", rt.BOOL: "bool"}
    parts = [f"v[{i}].{getters[t]}()" for i, t in enumerate(struct_items(fmt) or [])]
    tup = f"({parts[0]},)" if len(parts) == 1 else f"({', '.join(parts)})"
    return f"{{ let v = py_struct_unpack({rs(fmt)}, &{data!r}); {tup} }}"


STRUCT_UNPACKS = [
    ("<BHI", [2, 239, 190, 64, 226, 1, 0]),
    (">hqd?", [255, 254, 0, 0, 1, 0, 0, 0, 0, 0, 64, 10, 0, 0, 0, 0, 0, 0, 2]),
    ("<f", [205, 204, 204, 61]),
    ("!2H", [1, 2, 3, 4]),
    ("@bi", [255, 0, 0, 0, 254, 255, 255, 255]),
    ("<q", [0, 0, 0, 0, 0, 0, 0, 128]),
    ("<Q", [255] * 7 + [127]),
    ("<b", [1, 2]),
    ("<2x?", [9, 9, 0]),
    ("=l", [255, 255, 255, 255]),
    ("<L", [255, 255, 255, 255]),
]
STRUCT = (
    [Case(f"struct.calcsize({f!r})", f"py_struct_calcsize({rs(f)})") for f in STRUCT_FORMATS]
    + [
        Case(
            f"list(struct.pack({f!r}, *{vs!r}))",
            f"py_struct_pack({rs(f)}, &[{', '.join(_struct_item(v) for v in vs)}])",
        )
        for f, vs in STRUCT_PACKS
    ]
    + [
        Case(f"struct.unpack({f!r}, bytes({data!r}))", _struct_unpack_rust(f, data))
        for f, data in STRUCT_UNPACKS
    ]
    + [
        Case(
            "",
            'py_struct_unpack("<Q", &[255; 8])[0].int()',
            f"OverflowError: 18446744073709551615 does not fit in i64 {I64_OVERFLOW}",
        )
    ]
)

TIME = [
    Case("time.time() > 1.7e9", "py_time() > 1.7e9"),
    Case("time.time_ns() > 1.7e18", "py_time_ns() as f64 > 1.7e18"),
    Case(
        "(lambda a: time.perf_counter() >= a)(time.perf_counter())",
        "{ let a = py_perf_counter(); py_perf_counter() >= a }",
    ),
    Case(
        "(lambda a: time.perf_counter_ns() >= a)(time.perf_counter_ns())",
        "{ let a = py_perf_counter_ns(); py_perf_counter_ns() >= a }",
    ),
    Case("time.sleep(0.001)", "py_sleep(0.001)"),
    Case("time.sleep(-1)", "py_sleep(-1.0)"),
    Case("time.sleep(nan)", "py_sleep(f64::NAN)"),
]

# PyBigInt (runtime/bigint.rs; tests/test_bigint_runtime.py has the property tests)
NUMBERS += [
    Case("2**100", "PyBigInt::from(2).pow(100)"),
    Case("math.factorial(25) // -7", "(1..=25).map(PyBigInt::from).product::<PyBigInt>() / -7"),
    Case("-(10**20) % 7", '-PyBigInt::parse("100000000000000000000") % 7'),
    Case("[3**50, -1]", "vec![PyBigInt::from(3).pow(50), PyBigInt::from(-1)]"),
    Case("format(2**64, '_x')", 'PyBigInt::from(2).pow(64).py_format("_x")'),
    Case(
        "1 // 0",
        "PyBigInt::from(1) / PyBigInt::default()",
    ),
    Case(
        "int(2**64)",
        "PyBigInt::from(2).pow(64).to_i64()",
        "OverflowError: Python int too large to convert to i64 " + I64_OVERFLOW[:-1] + " here)",
    ),
]

FAMILIES: dict[str, list[Case]] = {
    "exceptions": EXCEPTIONS,
    "numbers": NUMBERS,
    "format": FORMAT,
    "strings": STRINGS,
    "sequences": SEQUENCES,
    "dict": DICT,
    "collections": COLLECTIONS,
    "generators": GENERATORS,
    "itertools": ITERTOOLS,
    "math": MATH,
    "time": TIME,
    "codecs": CODECS,
    "random": RANDOM,
    "struct": STRUCT,
}
ALL_CASES: list[tuple[str, Case]] = [
    (f"{fam}-{i}", c) for fam, cases in FAMILIES.items() for i, c in enumerate(cases)
]

# ---------------------------------------------------------------------------------------
# Python side
# ---------------------------------------------------------------------------------------


def _fails() -> Iterator[int]:
    yield 1
    raise ValueError("boom")


def _namespace() -> dict[str, object]:
    import bisect
    import collections
    import heapq
    import itertools
    import math
    import operator
    import random
    import struct
    import time

    return {
        "bisect": bisect,
        "collections": collections,
        "heapq": heapq,
        "itertools": itertools,
        "math": math,
        "operator": operator,
        "time": time,
        "random": random,
        "struct": struct,
        "fails": _fails,
        "inf": math.inf,
        "nan": math.nan,
    }


def python_result(expr: str) -> str:
    """`str(eval(expr))`, or "Kind: message" when it raises."""
    try:
        value = eval(expr, _namespace())
    except Exception as e:
        kind = type(e).__name__
        if type(e).__module__ != "builtins":
            kind = f"{type(e).__module__}.{kind}"  # `struct.error`, as tracebacks print it
        return f"{kind}: {e}" if str(e) else kind
    return str(value)


# ---------------------------------------------------------------------------------------
# Rust side
# ---------------------------------------------------------------------------------------

MAIN_PRELUDE = r"""
/// Runs `f`, returning `str()` of its value or the "Kind: message" it panicked with.
fn show<R: PyFmt>(f: impl FnOnce() -> R) -> String {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(v) => v.py_str(),
        Err(p) => match (p.downcast_ref::<String>(), p.downcast_ref::<&str>()) {
            (Some(m), _) => m.clone(),
            (_, Some(m)) => m.to_string(),
            _ => "<non-string panic>".to_string(),
        },
    }
}

/// Unwraps a helper's Result, re-raising its exception as a panic.
fn ok<T>(r: Result<T, PyException>) -> T {
    r.unwrap_or_else(|e| panic!("{}: {}", e.kind, e))
}

fn s(x: &str) -> String {
    x.to_string()
}

fn chars(x: &str) -> Vec<char> {
    x.chars().collect()
}

fn abc() -> PyDict<String, i64> {
    PyDict::from_iter([(s("a"), 1), (s("b"), 2), (s("c"), 3)])
}

fn counter_of(text: &str) -> PyDict<char, i64> {
    let mut c = PyDict::new();
    for ch in text.chars() {
        *c.get_or_insert_with(ch, || 0) += 1;
    }
    c
}

/// `sorted(v, key=key, reverse=reverse)` on a copy.
fn py_sort_then<T, K: PartialOrd>(mut v: Vec<T>, key: impl Fn(&T) -> K, reverse: bool) -> Vec<T> {
    py_sort_by_key(&mut v, key, reverse);
    v
}
"""

# Calls that exercise the rest of the API, so the all-helpers program has no dead code.
MAIN_EXTRA = r"""
    if std::env::args().count() > 99 {
        py_uncaught(PyException::new("ValueError", "unreachable"));
    }
"""


def all_helpers_program() -> str:
    lines = [f'    println!("{{}}", py_str_repr(&show(|| {case.rust})));' for _, case in ALL_CASES]
    body = "\n".join(["    std::panic::set_hook(Box::new(|_| {}));", *lines, MAIN_EXTRA])
    allow = "#[allow(clippy::redundant_closure)] // `|| Vec::new()` reads like the other cases"
    main = f"{allow}\nfn main() {{\n{body}\n}}\n"
    return f"{render(HELPERS)}\n{MAIN_PRELUDE}\n{main}"


# For each helper, a main body that uses everything in its block.
USAGE: dict[str, str] = {
    "py_exception": (
        'let e = PyException::new("ValueError", "x").with_payload(1i64)'
        '.with_cause(PyException::new("KeyError", "k")); println!("{} {} {:?} {} {}", e, '
        'e.is_a(&["ValueError"]), e, e.payload::<i64>(), e == e.clone());'
    ),
    "py_checked_index": 'println!("{:?}", py_checked_index(-1, 3, "list"));',
    "py_checked_floordiv": 'println!("{:?}", py_checked_floordiv(7, 2));',
    "py_checked_mod": 'println!("{:?}", py_checked_mod(7, 2));',
    "py_checked_div": 'println!("{:?}", py_checked_div(7.0, 2.0, "division by zero"));',
    "py_uncaught": (
        'if std::env::args().count() > 99 { py_uncaught(PyException::new("ValueError", "x")) }'
    ),
    "py_floordiv": 'println!("{}", py_floordiv(7, 2));',
    "py_mod": 'println!("{}", py_mod(7, 2));',
    "py_divmod": 'println!("{:?}", py_divmod(7, 2));',
    "py_mod_f": 'println!("{}", py_mod_f(7.0, 2.0));',
    "py_floordiv_f": 'println!("{}", py_floordiv_f(7.0, 2.0));',
    "py_true_div": 'println!("{}", py_true_div(7.0, 2.0));',
    "py_ipow": 'println!("{}", py_ipow(7, 2));',
    "py_ipow_f": 'println!("{}", py_ipow_f(7, -2));',
    "py_int_overflow": (
        'if std::env::args().count() > 99 { py_int_overflow(format_args!("{}", 1)) }'
    ),
    "py_int": (
        "let mut a = 7_i64.py_add(1).py_sub(2).py_mul(3).py_neg().py_abs().py_shl(2).py_shr(1)"
        ".py_pow(2); a.py_add_assign(1); a.py_sub_assign(1); a.py_mul_assign(2); "
        'a.py_shl_assign(1); a.py_shr_assign(1); println!("{a}");'
    ),
    "py_int_sum": 'println!("{}", py_int_sum([1, 2]));',
    "py_int_product": 'println!("{}", py_int_product([3, 2]));',
    "py_bigint": 'println!("{}", PyBigInt::from(7).pow(30) % 1000);',
    "py_bigint_fmt": 'println!("{}", vec![PyBigInt::parse("1_000")].py_str());',
    "py_bigint_format": 'println!("{}", PyBigInt::from(2).pow(70).py_format(","));',
    "py_fpow": 'println!("{}", py_fpow(7.0, 2.0));',
    "py_float_to_int": 'println!("{}", py_float_to_int(7.5));',
    "py_round": 'println!("{}", py_round(7.5));',
    "py_round_to": 'println!("{}", py_round_to(7.55, 1));',
    "py_int_parse": 'println!("{:?}", py_int_parse("7"));',
    "py_int_parse_base": 'println!("{:?}", py_int_parse_base("0x7", 0));',
    "py_decode_utf8": 'println!("{:?}", py_decode_utf8(b"a"));',
    "py_decode_ascii": 'println!("{:?}", py_decode_ascii(b"a"));',
    "py_encode_ascii": 'println!("{:?}", py_encode_ascii("a"));',
    "py_maketrans": 'println!("{:?}", py_maketrans("a", "b"));',
    "py_maketrans_deleting": 'println!("{:?}", py_maketrans_deleting("a", "b", "c"));',
    "py_maketrans_keys": (
        'println!("{:?}", py_maketrans_keys(&PyDict::from_iter([(String::from("a"), 1)])));'
    ),
    "py_translate": (
        'let t: PyDict<i64, Option<&str>> = PyDict::from_iter([(97, Some("x")), (98, None)]); '
        "let u: PyDict<i64, String> = PyDict::new(); let w: PyDict<i64, ()> = PyDict::new(); "
        'let v: PyDict<i64, i64> = PyDict::new(); println!("{} {} {} {}", py_translate("abc", &t), '
        'py_translate("a", &v), py_translate("a", &u), py_translate("a", &w));'
    ),
    "py_random_state": (
        "let mut r = PyRandom::from_seed(1); let e = PyRandom::from_entropy(); "
        'println!("{} {} {} {}", r.random(), r.getrandbits(3), r.randbelow(9), e.index); '
        "py_random_with(|r| r.genrand_u32());"
    ),
    "py_random_seed": "py_random_seed(Some(1));",
    "py_random": 'println!("{}", py_random());',
    "py_getrandbits": 'println!("{}", py_getrandbits(3));',
    "py_randrange": 'println!("{}", py_randrange(0, Some(3), 1));',
    "py_randint": 'println!("{}", py_randint(0, 3));',
    "py_uniform": 'println!("{}", py_uniform(0.0, 3.0));',
    "py_choice": 'println!("{}", py_choice(&[1, 2]));',
    "py_shuffle": 'let mut v = vec![1, 2]; py_shuffle(&mut v); println!("{:?}", v);',
    "py_sample": 'println!("{:?}", py_sample(&[1, 2], 1));',
    "py_choices": 'println!("{:?}", py_choices(&[1, 2], 1));',
    "py_struct": (
        'let i = PyStructItem::Int(1); let (f, n, l) = py_struct_layout("<h"); '
        'println!("{} {} {} {:?} {:?} {} {}", i.int(), i.float(), i.bool(), i, f, n, l);'
    ),
    "py_struct_calcsize": 'println!("{}", py_struct_calcsize("<h"));',
    "py_struct_pack": 'println!("{:?}", py_struct_pack("<h", &[PyStructItem::Int(1)]));',
    "py_struct_unpack": 'println!("{:?}", py_struct_unpack("<h", &[1, 0]));',
    "py_time": 'println!("{}", py_time() > 0.0);',
    "py_time_ns": 'println!("{}", py_time_ns() > 0);',
    "py_perf_counter": 'println!("{}", py_perf_counter() >= 0.0);',
    "py_perf_counter_ns": 'println!("{}", py_perf_counter_ns() >= 0);',
    "py_sleep": "py_sleep(0.0);",
    "py_float_parse": 'println!("{:?}", py_float_parse("7.5"));',
    "py_powmod": 'println!("{}", py_powmod(3, 4, 5));',
    "py_range": 'println!("{:?}", py_range(0, 9, 2).collect::<Vec<_>>());',
    "py_float_repr": 'println!("{}", py_float_repr(7.5));',
    "py_char_printable": "println!(\"{}\", py_char_printable('x'));",
    "py_str_repr": 'println!("{}", py_str_repr("x"));',
    "py_fmt": 'println!("{} {}", vec![1i64].py_str(), "a".py_repr());',
    "py_format": 'println!("{}", 1.5f64.py_format(".2f"));',
    "py_char_isspace": "println!(\"{}\", py_char_isspace(' '));",
    "py_slice_indices": 'println!("{:?}", py_slice_indices(5, None, None, -1));',
    "py_str_index": 'println!("{}", py_str_index("abc", -1));',
    "py_str_slice": 'println!("{}", py_str_slice("abc", Some(1), None, 1));',
    "py_str_find": 'println!("{}", py_str_find("abc", "b"));',
    "py_str_rfind": 'println!("{}", py_str_rfind("abc", "b"));',
    "py_str_index_of": 'println!("{}", py_str_index_of("abc", "b"));',
    "py_str_count": 'println!("{}", py_str_count("abc", "b"));',
    "py_str_window": 'println!("{:?}", py_str_window("abc", Some(1), None));',
    "py_str_find_in": 'println!("{}", py_str_find_in("abc", "b", Some(1), None));',
    "py_str_affix_in": 'println!("{}", py_str_affix_in("abc", "b", Some(1), None, false));',
    "py_str_rfind_in": 'println!("{}", py_str_rfind_in("abc", "b", None, Some(2)));',
    "py_str_index_in": 'println!("{}", py_str_index_in("abc", "b", Some(1), None));',
    "py_str_rindex_in": 'println!("{}", py_str_rindex_in("abc", "b", Some(-2), None));',
    "py_str_count_in": 'println!("{}", py_str_count_in("abc", "b", Some(1), Some(3)));',
    "py_str_partition": 'println!("{:?}", py_str_partition("a=b", "="));',
    "py_str_rpartition": 'println!("{:?}", py_str_rpartition("a=b=c", "="));',
    "py_str_expandtabs": 'println!("{}", py_str_expandtabs("a\\tb", 4));',
    "py_str_casefold": 'println!("{}", py_str_casefold("Straße"));',
    "py_str_split": 'println!("{:?}", py_str_split("a b", None, -1));',
    "py_str_rsplit": 'println!("{:?}", py_str_rsplit("a b", Some(" "), 1));',
    "py_str_splitlines": 'println!("{:?}", py_str_splitlines("a\\nb"));',
    "py_str_strip": 'println!("{}", py_str_strip("xax", "x"));',
    "py_str_lstrip": 'println!("{}", py_str_lstrip("xax", "x"));',
    "py_str_rstrip": 'println!("{}", py_str_rstrip("xax", "x"));',
    "py_str_zfill": 'println!("{}", py_str_zfill("-1", 4));',
    "py_str_center": 'println!("{}", py_str_center("a", 4, \'*\'));',
    "py_str_ljust": 'println!("{}", py_str_ljust("a", 4, \'*\'));',
    "py_str_rjust": 'println!("{}", py_str_rjust("a", 4, \'*\'));',
    "py_str_isdigit": 'println!("{}", py_str_isdigit("1"));',
    "py_str_isalpha": 'println!("{}", py_str_isalpha("a"));',
    "py_str_isalnum": 'println!("{}", py_str_isalnum("a"));',
    "py_str_isspace": 'println!("{}", py_str_isspace(" "));',
    "py_char_istitle": "println!(\"{}\", py_char_istitle('a'));",
    "py_str_isupper": 'println!("{}", py_str_isupper("A"));',
    "py_str_islower": 'println!("{}", py_str_islower("a"));',
    "py_str_istitle": 'println!("{}", py_str_istitle("Ab"));',
    "py_str_capitalize": 'println!("{}", py_str_capitalize("ab"));',
    "py_str_title": 'println!("{}", py_str_title("ab cd"));',
    "py_str_swapcase": 'println!("{}", py_str_swapcase("aB"));',
    "py_chr": 'println!("{}", py_chr(65));',
    "py_ord": 'println!("{}", py_ord("A"));',
    "py_array_item": 'println!("{}", py_array_item(7, 0, 255, "unsigned byte integer"));',
    "py_percent": (
        'println!("{}", py_percent("%s %r %5.1f %-3d| %c %x %%", &[PyPercentArg::Text("a".into(), '
        "\"'a'\".into()), PyPercentArg::Bool(true), PyPercentArg::Float(2.25), "
        "PyPercentArg::Int(7), PyPercentArg::Int(65), PyPercentArg::Int(255)]));"
    ),
    "py_stringio": (
        'let mut s = PyStringIO::new(); write!(s, "{}", 1); s.write("x"); '
        'println!("{}", s.getvalue());'
    ),
    "py_index": 'println!("{}", py_index(-1, 3));',
    "py_slice": 'println!("{:?}", py_slice(&[1, 2, 3], None, None, -1));',
    "py_slice_assign": (
        "let mut v = vec![1, 2, 3]; py_slice_assign(&mut v, Some(1), None, 1, vec![9]); "
        'println!("{:?}", v);'
    ),
    "py_slice_delete": (
        'let mut v = vec![1, 2, 3]; py_slice_delete(&mut v, None, None, 2); println!("{:?}", v);'
    ),
    "py_list_index": 'println!("{}", py_list_index(&[1, 2], &2));',
    "py_list_remove": 'let mut v = vec![1, 2]; py_list_remove(&mut v, &2); println!("{:?}", v);',
    "py_list_pop": 'let mut v = vec![1, 2]; println!("{}", py_list_pop(&mut v, -1));',
    "py_list_insert": 'let mut v = vec![1, 2]; py_list_insert(&mut v, -9, 0); println!("{:?}", v);',
    "py_max_by": 'println!("{}", py_max_by(vec![1, 2], |x| -x));',
    "py_min_by": 'println!("{}", py_min_by(vec![1, 2], |x| -x));',
    "py_max": 'println!("{}", py_max(vec![1.5, 2.5]));',
    "py_min": 'println!("{}", py_min(vec![1.5, 2.5]));',
    "py_sort_order": 'println!("{:?}", py_sort_order(&[2, 1], false));',
    "py_apply_order": (
        'let mut v = vec![2, 1]; py_apply_order(&mut v, &[1, 0]); println!("{:?}", v);'
    ),
    "py_sort_by_key": (
        'let mut v = vec![2, 1]; py_sort_by_key(&mut v, |x| *x, true); println!("{:?}", v);'
    ),
    "py_sort": 'let mut v = vec![2.5, 1.0]; py_sort(&mut v, false); println!("{:?}", v);',
    "py_sort_floats": (
        'let mut v = vec![2.5, -0.0, 0.0]; py_sort_floats(&mut v, false); println!("{:?}", v);'
    ),
    "py_heap_siftdown": (
        'let mut v = vec![3, 1, 2]; py_heap_siftdown(&mut v, 0, 2); println!("{:?}", v);'
    ),
    "py_heap_siftup": 'let mut v = vec![3, 1, 2]; py_heap_siftup(&mut v, 0); println!("{:?}", v);',
    "py_nlargest_by": 'println!("{:?}", py_nlargest_by(1, &[1, 2], |x| -x));',
    "py_nsmallest_by": 'println!("{:?}", py_nsmallest_by(1, &[1, 2], |x| -x));',
    "py_bisect_by": 'println!("{}", py_bisect_by(&[1, 2], 0, None, |e| *e < 2));',
    "py_heappush": 'let mut h = vec![]; py_heappush(&mut h, 1); println!("{:?}", h);',
    "py_heappop": 'let mut h = vec![1]; println!("{}", py_heappop(&mut h));',
    "py_heapify": 'let mut h = vec![2, 1]; py_heapify(&mut h); println!("{:?}", h);',
    "py_heappushpop": 'let mut h = vec![1]; println!("{}", py_heappushpop(&mut h, 2));',
    "py_heapreplace": 'let mut h = vec![1]; println!("{}", py_heapreplace(&mut h, 2));',
    "py_nlargest": 'println!("{:?}", py_nlargest(1, &[1, 2]));',
    "py_nsmallest": 'println!("{:?}", py_nsmallest(1, &[1, 2]));',
    "py_bisect_left": 'println!("{}", py_bisect_left(&[1, 2], &2));',
    "py_bisect_right": 'println!("{}", py_bisect_right(&[1, 2], &2));',
    "py_insort_left": 'let mut v = vec![1, 3]; py_insort_left(&mut v, 2); println!("{:?}", v);',
    "py_insort_right": 'let mut v = vec![1, 3]; py_insort_right(&mut v, 2); println!("{:?}", v);',
    "py_dict": (
        'let mut d: PyDict<String, i64> = PyDict::new(); d.insert("a".to_string(), 1); '
        'println!("{}", d["a"]);'
    ),
    "py_dict_fmt": (
        'let mut d: PyDict<String, i64> = PyDict::new(); d.insert("a".to_string(), 1); '
        'println!("{}", d.py_str());'
    ),
    "py_counter_most_common": (
        "let c: PyDict<char, i64> = PyDict::from_iter([('a', 2)]); println!(\"{:?}\", "
        "py_counter_most_common(&c, "
        "None));"
    ),
    "py_counter_repr": (
        "let c: PyDict<char, i64> = PyDict::from_iter([('a', 2)]); println!(\"{}\", "
        "py_counter_repr(&c));"
    ),
    "py_bytes_repr": (
        'println!("{} {}", py_bytes_repr(&[105, 39, 10, 255, 92]), py_bytes_repr(&[39, 34]));'
    ),
    "py_deque": (
        "let mut d = PyDeque::bounded(vec![1i64, 2, 3], 2); d.push_back(4); d.push_front(0); "
        "d.extend([5]); let e: PyDeque<i64> = d.iter().copied().collect(); "
        'let f: PyDeque<i64> = PyDeque::default(); for x in &d { print!("{x}"); } '
        'println!("{} {} {} {:?}", d.py_repr(), e == d, PyDeque::<i64>::new() == f, '
        "d.into_iter().collect::<Vec<_>>());"
    ),
    "py_defaultdict_repr": (
        "let d: PyDict<char, i64> = PyDict::from_iter([('a', 2)]); println!(\"{}\", "
        "py_defaultdict_repr(&d, "
        '"int"));'
    ),
    "py_complex": (
        'println!("{} {}", (PyComplex::new(1.0, 2.0) * PyComplex::new(0.5, -1.0)).py_repr(), '
        "PyComplex::new(1.0, 0.0).py_div(PyComplex::new(0.0, 2.0)).abs());"
    ),
    "py_generator": (
        "let g = PyGenerator::new(|co: Yielder<i64>| async move { "
        "co.yield_(1).await?; Some(()) }); "
        'println!("{:?}", '
        "g.collect::<Vec<_>>());"
    ),
    "py_permutations": 'println!("{:?}", py_permutations(&[1, 2], 2));',
    "py_combinations": 'println!("{:?}", py_combinations(&[1, 2], 1));',
    "py_combinations_with_replacement": (
        'println!("{:?}", py_combinations_with_replacement(&[1, 2], 2));'
    ),
    "py_product": 'println!("{:?}", py_product(&[vec![1, 2], vec![3]]));',
    "py_product_repeat": 'println!("{:?}", py_product_repeat(&[1, 2], 2));',
    "py_accumulate": 'println!("{:?}", py_accumulate(&[1, 2], |a, b| a + b));',
    "py_groupby": 'println!("{:?}", py_groupby(&[1, 1, 2], |x| *x));',
    "py_pairwise": 'println!("{:?}", py_pairwise(&[1, 2, 3]));',
    "py_gcd": 'println!("{}", py_gcd(4, 6));',
    "py_lcm": 'println!("{}", py_lcm(4, 6));',
    "py_isqrt": 'println!("{}", py_isqrt(17));',
    "py_factorial": 'println!("{}", py_factorial(5));',
    "py_comb": 'println!("{}", py_comb(5, 2));',
    "py_perm": 'println!("{}", py_perm(5, 2));',
    "py_isclose": 'println!("{}", py_isclose(1.0, 1.0));',
    "py_fsum": 'println!("{}", py_fsum(vec![0.1, 0.2]));',
    "py_sqrt": 'println!("{}", py_sqrt(2.0));',
    "py_log": 'println!("{}", py_log(2.0));',
    "py_log_base": 'println!("{}", py_log_base(8.0, 2.0));',
}

GENERATOR_PROGRAM_MAIN = r"""
fn gen() -> PyGenerator<i64> {
    PyGenerator::new(|co: Yielder<i64>| async move {
        println!("start");
        for i in 0..3 {
            println!("yield {i}");
            co.yield_(i).await?;
            println!("resume {i}");
        }
        println!("end");
        Some(())
    })
}

fn main() {
    for x in gen() {
        println!("got {x}");
    }
    let mut g = gen();
    println!("created");
    println!("{:?}", g.next());
    drop(g);
    println!("dropped");
    let naturals = PyGenerator::new(|co: Yielder<i64>| async move {
        let mut n = 0;
        loop {
            println!("produce {n}");
            co.yield_(n).await?;
            n += 1;
        }
    });
    for n in naturals {
        if n >= 2 {
            break;
        }
        println!("use {n}");
    }
    println!("done");
}
"""

GENERATOR_PROGRAM_PY = """
def gen():
    print("start")
    for i in range(3):
        print(f"yield {i}")
        yield i
        print(f"resume {i}")
    print("end")

for x in gen():
    print(f"got {x}")
g = gen()
print("created")
print(f"Some({next(g)})")
del g
print("dropped")

def naturals():
    n = 0
    while True:
        print(f"produce {n}")
        yield n
        n += 1

for n in naturals():
    if n >= 2:
        break
    print(f"use {n}")
print("done")
"""

UNCAUGHT_MAIN = r"""
fn main() {
    print!("before");
    let kind = std::env::args().nth(1).unwrap_or_default();
    let msg = std::env::args().nth(2).unwrap_or_default();
    let kind: &'static str = Box::leak(kind.into_boxed_str());
    py_uncaught(PyException::new(kind, msg))
}
"""


@dataclass
class Build:
    ok: bool
    output: str  # rustc's diagnostics
    binary: Path | None


def compile_rust(source: str, workdir: Path, name: str, *, metadata_only: bool = False) -> Build:
    src = workdir / f"{name}.rs"
    src.write_text(source, encoding="utf-8")
    out = workdir / name
    cmd = [RUSTC, *RUSTC_FLAGS, str(src)]
    cmd += (
        ["--emit=metadata", "--out-dir", str(workdir / f"{name}.meta")]
        if metadata_only
        else ["-o", str(out)]
    )
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    ok = proc.returncode == 0 and not proc.stderr.strip()
    return Build(ok, proc.stderr, None if metadata_only else out)


def standalone_program(name: str) -> str:
    return f"{render([name])}\nfn main() {{\n    {USAGE[name]}\n}}\n"


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Future[Build]]]:
    """Starts every rustc run of this module at once on a thread pool (the big one first)."""
    workdir = tmp_path_factory.mktemp("runtime")
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {
            "all": pool.submit(compile_rust, all_helpers_program(), workdir, "all_helpers"),
            "generator": pool.submit(
                compile_rust, render(["py_generator"]) + GENERATOR_PROGRAM_MAIN, workdir, "gen"
            ),
            "uncaught": pool.submit(
                compile_rust, render(["py_uncaught"]) + UNCAUGHT_MAIN, workdir, "uncaught"
            ),
        }
        for name in HELPERS:
            if name in USAGE:
                futures[name] = pool.submit(
                    compile_rust,
                    standalone_program(name),
                    workdir,
                    f"alone_{name}",
                    metadata_only=True,
                )
        yield futures


@pytest.fixture(scope="module")
def rust_lines(builds: dict[str, Future[Build]]) -> list[str]:
    build = builds["all"].result()
    assert build.ok, build.output
    assert build.binary is not None
    proc = subprocess.run([str(build.binary)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == len(ALL_CASES)
    return lines


@pytest.mark.parametrize(("case_id", "case"), ALL_CASES, ids=[cid for cid, _ in ALL_CASES])
def test_matches_cpython(case_id: str, case: Case, rust_lines: list[str]) -> None:
    index = [cid for cid, _ in ALL_CASES].index(case_id)
    expected = case.expected if case.expected is not None else python_result(case.py)
    assert rust_lines[index] == repr(expected), f"python: {case.py}\nrust:   {case.rust}"


@pytest.mark.parametrize("name", list(HELPERS))
def test_helper_compiles_alone(name: str, builds: dict[str, Future[Build]]) -> None:
    assert name in USAGE, f"add a USAGE snippet for {name}"
    build = builds[name].result()
    assert build.ok, f"{name} rendered alone:\n{build.output}"


def test_generator_side_effects_interleave_like_python(builds: dict[str, Future[Build]]) -> None:
    build = builds["generator"].result()
    assert build.ok, build.output
    assert build.binary is not None
    rust = subprocess.run([str(build.binary)], capture_output=True, text=True, timeout=60)
    python = subprocess.run(
        [sys.executable, "-c", GENERATOR_PROGRAM_PY], capture_output=True, text=True, timeout=60
    )
    assert rust.returncode == 0, rust.stderr
    assert rust.stdout == python.stdout


@pytest.mark.parametrize(
    ("kind", "msg"), [("ValueError", "bad input"), ("KeyError", "'k'"), ("RuntimeError", "")]
)
def test_uncaught_exception_report(kind: str, msg: str, builds: dict[str, Future[Build]]) -> None:
    build = builds["uncaught"].result()
    assert build.ok, build.output
    assert build.binary is not None
    rust = subprocess.run(
        [str(build.binary), kind, msg], capture_output=True, text=True, timeout=60
    )
    raise_stmt = f"raise {kind}({msg!r})" if kind != "KeyError" else "raise KeyError('k')"
    if not msg:
        raise_stmt = f"raise {kind}"
    python = subprocess.run(
        [sys.executable, "-c", f"print('before', end=''); {raise_stmt}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (rust.returncode, rust.stdout) == (python.returncode, python.stdout) == (1, "before")
    assert (
        rust.stderr.splitlines()[0]
        == python.stderr.splitlines()[0]
        == "Traceback (most recent call last):"
    )
    assert rust.stderr.splitlines()[-1] == python.stderr.splitlines()[-1]


# ---------------------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------------------


def test_closure_is_transitive_and_in_file_order() -> None:
    names = closure(["py_counter_repr"])
    assert set(names) == {
        "py_counter_repr",
        "py_counter_most_common",
        "py_dict",
        "py_dict_fmt",  # joins py_dict and py_fmt
        "py_fmt",
        "py_float_repr",
        "py_str_repr",
        "py_char_printable",
    }
    assert names == sorted(names, key=lambda n: HELPERS[n].order)
    assert names.index("py_float_repr") < names.index("py_dict")


def test_render_emits_each_helper_once_without_markers() -> None:
    code = render(["py_divmod", "py_floordiv", "py_divmod"])
    assert code.count("fn py_floordiv(") == 1
    assert code.count("fn py_mod(") == 1
    assert "// @" not in code
    assert "\n\n\n" not in code
    assert code.index("fn py_floordiv(") < code.index("fn py_divmod(")
    assert render([]) == ""
    assert render("py_mod") == render(["py_mod"])


def test_unknown_helper_is_a_clear_key_error() -> None:
    with pytest.raises(KeyError, match="unknown runtime helper 'py_nope'"):
        render(["py_nope"])


def test_every_helper_has_a_doc_line() -> None:
    for helper in HELPERS.values():
        assert "///" in helper.code, helper.name
        assert helper.code.strip(), helper.name


def test_parser_rejects_malformed_blocks() -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "bad.rs"
        path.write_text("// @helper a\nfn a() {}\n", encoding="utf-8")
        with pytest.raises(ValueError, match="no // @end"):
            load_helpers(Path(d))
        path.write_text("// @helper a\n// @needs zz\nfn a() {}\n// @end\n", encoding="utf-8")
        with pytest.raises(ValueError, match="unknown helper"):
            load_helpers(Path(d))
