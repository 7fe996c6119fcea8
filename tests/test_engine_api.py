"""The engine's contract: never raises, located errors, selection, determinism, statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from backend.transpiler import (
    ENGINE_VERSION,
    Severity,
    SourceRange,
    Status,
    TranslateOptions,
    Translation,
    translate,
)
from backend.transpiler.verify import check_rust

pytestmark = pytest.mark.slow  # verifies translations with rustc

ROOT = Path(__file__).resolve().parent.parent

MODULE = textwrap.dedent(
    """\
    def square(x: int) -> int:
        return x * x


    def total(xs: list[int]) -> int:
        return sum(square(x) for x in xs)


    class Counter:
        def __init__(self) -> None:
            self.count = 0

        def bump(self, by: int) -> None:
            self.count += by


    if __name__ == "__main__":
        print(total([1, 2, 3]))
    """
)


def test_syntax_error_is_a_failed_translation_with_its_location() -> None:
    result = translate("def f(:\n    pass\n")
    assert result.status is Status.FAILED
    assert result.confidence == 0.0
    assert result.rust_code == ""
    (diag,) = result.diagnostics
    assert diag.code == "PRT001"
    assert (diag.range.line, diag.range.col) == (1, 6)


def test_whole_module_compiles_and_reports_metadata() -> None:
    result = translate(MODULE)
    assert result.status is Status.COMPILES, result.diagnostics
    assert "fn main()" in result.rust_code
    assert result.metadata["engine_version"] == ENGINE_VERSION
    assert result.metadata["rustc"]["ok"] is True
    assert 0.0 < result.confidence <= 1.0
    assert check_rust(result.rust_code, crate_type="bin").ok


def test_symbol_selects_one_item_and_what_it_needs() -> None:
    result = translate(MODULE, symbol="total")
    assert "fn total(" in result.rust_code
    assert "fn square(" in result.rust_code  # total calls square
    assert "struct Counter" not in result.rust_code
    assert "fn main()" not in result.rust_code
    assert result.status is Status.COMPILES


def test_method_symbol_translates_its_class() -> None:
    result = translate(MODULE, symbol="Counter.bump")
    assert "impl Counter" in result.rust_code
    assert "&mut self" in result.rust_code


def test_unknown_symbol_is_a_clear_error() -> None:
    result = translate(MODULE, symbol="nope")
    assert result.status is Status.FAILED
    assert "nope" in result.diagnostics[0].message


def test_range_selects_the_items_it_touches() -> None:
    result = translate(MODULE, range=SourceRange(1, 0, 2, 0))
    assert "fn square(" in result.rust_code
    assert "fn total(" not in result.rust_code


def test_same_input_same_output() -> None:
    options = TranslateOptions(verify=False)
    first = translate(MODULE, options=options)
    second = translate(MODULE, options=options)
    assert first.rust_code == second.rust_code
    assert first.span_map == second.span_map


def test_unverified_without_verification() -> None:
    result = translate(MODULE, options=TranslateOptions(verify=False))
    assert result.status is Status.UNVERIFIED
    assert result.metadata["rustc"]["skipped"] is True


def test_span_map_points_back_to_python_lines() -> None:
    result = translate(MODULE, options=TranslateOptions(verify=False, rustfmt=False))
    rust_lines = result.rust_code.splitlines()
    fn_line = next(i for i, line in enumerate(rust_lines, 1) if line.startswith("fn square"))
    assert result.span_map[fn_line].line == 1


def test_untranslatable_construct_is_a_located_placeholder() -> None:
    source = "def f(x: int) -> int:\n    y = [x async for x in g()]\n    return x\n"
    result = translate(source)
    assert result.status in (Status.PARTIAL, Status.FAILED)
    assert result.diagnostics, "an untranslated construct must be reported"
    assert all(d.range.line >= 1 for d in result.diagnostics)


def test_record_round_trips_through_json() -> None:
    result = translate(MODULE, options=TranslateOptions(verify=False))
    again = Translation.from_json(json.loads(json.dumps(result.to_json())))
    assert again.rust_code == result.rust_code
    assert again.status is result.status
    assert again.diagnostics == result.diagnostics


def test_without_rustc_the_status_is_unverified(tmp_path: Path) -> None:
    script = (
        "from backend.transpiler import translate\n"
        "r = translate('def f(x: int) -> int:\\n    return x + 1\\n')\n"
        "print(r.status.value)\n"
    )
    # no rustc or rustfmt on PATH, nor in ~/.cargo/bin
    env = dict(os.environ, PATH=str(tmp_path), HOME=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert out.stdout.strip() == "unverified"


def test_concurrent_translations_match_sequential_ones() -> None:
    from concurrent.futures import ThreadPoolExecutor

    sources = [MODULE.replace("x * x", f"x * x + {i}") for i in range(8)]
    options = TranslateOptions(verify=False, rustfmt=False)
    expected = [translate(s, options=options).rust_code for s in sources]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda s: translate(s, options=options).rust_code, sources))
    assert got == expected
    assert all(f"x.py_mul(x).py_add({i})" in code for i, code in enumerate(got))


def test_fast_verification_agrees_with_the_full_check() -> None:
    source = (
        "def tally(words: list[str]) -> dict[str, int]:\n"
        "    counts: dict[str, int] = {}\n"
        "    for w in words:\n"
        "        counts[w] = counts.get(w, 0) + 1\n"
        "    return counts\n\n"
        "if __name__ == '__main__':\n"
        "    print(tally(['a', 'b', 'a']))\n"
    )
    fast = translate(source, options=TranslateOptions(fast_verify=True))
    full = translate(source)
    assert fast.status is full.status is Status.COMPILES
    assert fast.metadata["rustc_mode"] == "prebuilt runtime"
    assert fast.rust_code == full.rust_code  # the user still gets the self-contained file


def test_fast_verification_falls_back_when_a_name_could_shadow_a_helper() -> None:
    source = "def py_index(x: int) -> int:\n    return x\n\nprint(py_index(2), {'a': 1})\n"
    result = translate(source, options=TranslateOptions(fast_verify=True))
    assert result.metadata["rustc_mode"] == "full"


@pytest.mark.parametrize(
    ("path", "symbol"),
    [
        ("benchmarks/corpus/mod_matrix_helper.py", None),
        ("benchmarks/corpus/mod_unit_converter.py", "convert"),
        ("tests/known_gaps/gen_tree_walk.py", "walk"),
        ("tests/cases/class_inheritance_animals.py", "Dog"),
    ],
)
def test_fast_verification_reports_the_full_checks_errors(path: str, symbol: str | None) -> None:
    """A translation rustc rejects: the fast check's errors, at the self-contained file's
    lines and with its names, are the full check's errors."""
    source = (ROOT / path).read_text()
    fast = translate(source, symbol=symbol, options=TranslateOptions(fast_verify=True))
    full = translate(source, symbol=symbol)

    def errors(t: Translation) -> list[tuple[str, int, int, str]]:
        return sorted(
            (d.code, d.range.line, d.range.col, d.message)
            for d in t.diagnostics
            if d.severity is Severity.ERROR or not d.code.startswith("rustc")
        )

    assert fast.metadata["rustc_mode"] == "prebuilt runtime"
    assert fast.status is full.status is Status.PARTIAL
    assert any(code.startswith("rustc:E") for code, *_ in errors(fast))
    assert errors(fast) == errors(full)
