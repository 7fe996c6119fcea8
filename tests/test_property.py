"""Property: `translate` never raises and returns in bounded time on generated programs."""

from __future__ import annotations

import time

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings

from backend.transpiler import Status, TranslateOptions, translate

pytestmark = pytest.mark.slow  # verifies generated programs with rustc

OPTIONS = TranslateOptions(verify=False, rustfmt=False)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(hypothesmith.from_grammar())
def test_translate_never_raises_and_is_bounded(source: str) -> None:
    # CPU time of this thread: the bound is on the engine's work, not on a busy machine
    started = time.thread_time()
    result = translate(source, options=OPTIONS)
    elapsed = time.thread_time() - started
    assert elapsed < 2.0
    assert isinstance(result.status, Status)
    if result.status is Status.FAILED:
        assert result.diagnostics and result.diagnostics[0].range.line >= 1


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(hypothesmith.from_node())
def test_translate_never_raises_on_valid_modules(source: str) -> None:
    result = translate(source, options=OPTIONS)
    assert isinstance(result.status, Status)
    assert result.status is not Status.FAILED or result.diagnostics
