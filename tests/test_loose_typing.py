"""Loosely typed parameters are typed from their call sites (analyze/call_sites.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.transpiler import Severity, Status, translate
from backend.transpiler.analyze import call_sites, oracle
from backend.transpiler.check import check_module

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo

PROGRAMS = sorted((Path(__file__).parent / "loose").glob("*.py"))


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_loosely_typed_program_behaves_like_cpython(path: Path) -> None:
    result = check_module(path.read_text(encoding="utf-8"), filename=path.name)
    assert result.translation is not None
    assert result.translation.status in {Status.COMPILES, Status.VERIFIED}, result.message
    assert result.rust_stdout == result.python_stdout, result.diff
    inferred = [d for d in result.translation.diagnostics if d.code == "PRT020"]
    assert inferred and all(d.severity is Severity.INFORMATION for d in inferred)


def _inferred(source: str) -> list[call_sites.InferredParam]:
    with oracle.BUILD_LOCK:
        typed = oracle.typecheck(source, "main")
        assert not isinstance(typed, str)
        return call_sites.infer_parameter_types(typed)


def test_call_sites_that_disagree_type_nothing() -> None:
    source = "def first(xs: list) -> int:\n    return 0\n\nfirst([1])\nfirst(['a'])\n"
    assert _inferred(source) == []


def test_int_and_float_call_sites_agree_on_float() -> None:
    source = "def half(x):\n    return x / 2\n\nhalf(1)\nhalf(2.5)\n"
    found = {(p.param, p.annotation) for p in _inferred(source)}
    assert ("x", "float") in found


def test_annotations_are_written_in_place_keeping_every_line() -> None:
    source = (
        "def tag(label, items: list) -> str:  # é\n"
        "    return label + str(len(items))\n\n"
        "print(tag('é', [1, 2]))\n"
    )
    annotated = call_sites.apply_annotations(source, _inferred(source))
    assert annotated.splitlines()[0] == ("def tag(label: str, items: list[int]) -> str:  # é")
    assert annotated.splitlines()[1:] == source.splitlines()[1:]


def test_a_loose_parameter_without_call_sites_is_reported_not_guessed() -> None:
    result = translate(
        "def total(xs: list) -> int:\n    return sum(xs)\n",
    )
    assert result.status is not Status.COMPILES
    assert not [d for d in result.diagnostics if d.code == "PRT020"]


def test_a_recursive_type_alias_at_a_call_site_is_not_spelled() -> None:
    source = (
        "Value = int | list['Value']\n\n"
        "def size(v: Value) -> int:\n    return 1\n\n"
        "def wrap(v):\n    return size(v)\n\n"
        "x: Value = [1, [2]]\nwrap(x)\n"
    )
    assert "v" not in [p.param for p in _inferred(source)]
