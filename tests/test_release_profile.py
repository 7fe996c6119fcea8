"""`portalis translate --release-profile`: `#[inline]` on small functions and helpers.

Small (transform/inline_hints.py): a body of at most 12 lines of Rust with no loop."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from backend import cli
from backend.transpiler import translate
from backend.transpiler.record import Status, TranslateOptions, Translation
from backend.transpiler.transform import inline_hints

SOURCE = textwrap.dedent(
    """
    def half(n: int, d: int) -> int:
        return n // d


    def total(xs: list[int]) -> int:
        t = 0
        for x in xs:
            t += x
        return t


    def long_one(a: int) -> int:
        b = a + 1
        c = b * 2
        d = c - 3
        e = d * 4
        f = e + 5
        g = f * 6
        h = g - 7
        i = h * 8
        j = i + 9
        k = j * 10
        m = k - 11
        o = m * 12
        return o


    if __name__ == "__main__":
        print(half(-7, 2), total([1, 2, 3]), long_one(2))
    """
)


def _attrs_before(code: str, signature: str) -> list[str]:
    lines = code.splitlines()
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith(signature))
    attrs = []
    for line in reversed(lines[:at]):
        if not line.strip().startswith("#["):
            break
        attrs.append(line.strip())
    return attrs


def test_small_functions_and_helpers_are_inlined() -> None:
    hinted = translate(SOURCE, options=TranslateOptions(release_profile=True))
    assert hinted.status in (Status.VERIFIED, Status.COMPILES)
    code = hinted.rust_code
    assert _attrs_before(code, "fn half(") == ["#[inline]"]
    assert _attrs_before(code, "fn total(") == []  # a loop
    assert _attrs_before(code, "fn long_one(") == []  # thirteen lines
    assert _attrs_before(code, "fn main(") == []
    assert _attrs_before(code, "fn py_floordiv(") == ["#[inline]"]  # a small helper


def test_without_the_option_nothing_is_hinted() -> None:
    plain = translate(SOURCE, options=TranslateOptions(verify=False))
    assert _attrs_before(plain.rust_code, "fn half(") == []
    assert _attrs_before(plain.rust_code, "fn py_floordiv(") == []


def test_helper_text_hints_only_small_bodies() -> None:
    text = textwrap.dedent(
        """\
        /// doc
        fn small(a: i64) -> i64 {
            a + 1
        }
        #[cold]
        fn cold() {
            panic!()
        }
        fn looping(n: i64) -> i64 {
            let mut t = 0;
            for i in 0..n {
                t += i;
            }
            t
        }
        trait T {
            fn required(&self) -> i64;
            fn provided(
                &self,
            ) -> i64 {
                1
            }
        }
        fn one_line() -> i64 { 2 }
        """
    )
    hinted = inline_hints.hint_helpers(text)
    assert _attrs_before(hinted, "fn small(") == ["#[inline]"]
    assert _attrs_before(hinted, "fn cold(") == ["#[cold]"]
    assert _attrs_before(hinted, "fn looping(") == []
    assert _attrs_before(hinted, "fn required(") == []  # no body: an attribute is an error
    assert _attrs_before(hinted, "fn provided(") == ["#[inline]"]
    assert _attrs_before(hinted, "fn one_line(") == ["#[inline]"]


def test_cli_passes_the_release_profile(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[TranslateOptions] = []

    def fake(source: str, symbol: str | None, options: TranslateOptions) -> Translation:
        calls.append(options)
        return Translation("pub fn f() {}\n", Status.COMPILES, 0.9)

    monkeypatch.setattr(cli, "_engine_translate", fake)
    src = tmp_path / "m.py"
    src.write_text("def f() -> None:\n    pass\n")
    assert cli.main(["translate", str(src), "--release-profile"]) == 0
    assert cli.main(["translate", str(src)]) == 0
    assert [o.release_profile for o in calls] == [True, False]


def test_release_profile_is_part_of_the_options_wire_form() -> None:
    options = TranslateOptions(release_profile=True)
    assert TranslateOptions.from_json(options.to_json()) == options
