"""The operation records (backend/transpiler/operations.py) say what the engine does: each
list method's lowering, mutation, raising and runtime helper agree with its record."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from backend.transpiler import TranslateOptions, translate
from backend.transpiler.analyze.mutation import MUTATING_METHODS
from backend.transpiler.analyze.raising import IMPLICIT_METHOD_KINDS
from backend.transpiler.lower import collection_methods  # noqa: F401 (fills LIST_METHODS)
from backend.transpiler.lower.methods import LIST_METHODS
from backend.transpiler.operations import (
    LIST_OPERATIONS,
    DuplicateOperation,
    Operation,
    OperationTable,
)

RUNTIME = Path(__file__).resolve().parent.parent / "backend" / "transpiler" / "runtime"
FAST = TranslateOptions(verify=False, rustfmt=False)
LIST_OPS = [pytest.param(op, id=op.name) for op in LIST_OPERATIONS]


def test_a_second_record_for_one_method_is_rejected() -> None:
    op = Operation("builtins.list", "append", ("T",), "None", mutates=True)
    with pytest.raises(DuplicateOperation):
        OperationTable(op, Operation("builtins.list", "append", (), "None", mutates=False))


def test_every_list_lowering_has_a_record_and_the_reverse() -> None:
    assert {op.name for op in LIST_OPERATIONS} == set(LIST_METHODS)


@pytest.mark.parametrize("op", LIST_OPS)
def test_the_record_names_the_function_that_lowers_it(op: Operation) -> None:
    module, function = op.lowering.rsplit(".", 1)
    lowering = getattr(importlib.import_module(f"backend.transpiler.lower.{module}"), function)
    assert LIST_METHODS[op.name] is lowering


@pytest.mark.parametrize("op", LIST_OPS)
def test_analysis_reads_the_record(op: Operation) -> None:
    assert (op.name in MUTATING_METHODS) == op.mutates
    expected = op.raises[0].exception if op.raises else None
    assert IMPLICIT_METHOD_KINDS.get(op.key) == expected


@pytest.mark.parametrize("op", LIST_OPS)
def test_the_translation_does_what_the_record_says(op: Operation) -> None:
    source = f"def f(xs: list[int], x: int) -> None:\n    {op.example}\n"
    result = translate(source, options=FAST)
    assert result.status.value == "unverified", result.diagnostics
    assert op.name in op.example
    param = "xs: &mut Vec<i64>" if op.mutates else "xs: &[i64]"
    assert param in result.rust_code
    helpers = result.metadata["helpers"]
    assert isinstance(helpers, list)
    if op.helper is not None:
        assert op.helper in helpers


@pytest.mark.parametrize("op", [p for p in LIST_OPS if p.values[0].raises])  # type: ignore[union-attr]
def test_the_messages_are_the_runtime_helpers(op: Operation) -> None:
    """Each message is CPython's, and the runtime helper that raises it says it too."""
    assert op.helper is not None
    (source,) = [p for p in RUNTIME.glob("*.rs") if f"fn {op.helper}" in p.read_text()]
    for raises in op.raises:
        fixed = raises.message.split("{x}")[-1]
        assert f"{raises.exception}: " in source.read_text()
        assert fixed in source.read_text(), f"{op.helper} does not say {raises.message!r}"
