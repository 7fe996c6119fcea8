"""The language server's pure parts and the backend layer, without a server process."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from backend.backends import (
    BackendUnavailable,
    CachedBackend,
    CircuitBreaker,
    FallbackBackend,
    TranslationRequest,
    TritonHttpBackend,
    make_backend,
)
from backend.backends.wire import kserve_infer_body
from backend.transpiler import SourceRange, Status, TranslateOptions, Translation
from backend.transpiler.record import Diagnostic, Severity
from lsp_server import edits, render
from lsp_server.configuration import DEFAULTS, parse_settings
from lsp_server.items import index_document
from lsp_server.segments import index_large_document

# --- fakes ------------------------------------------------------------------------------


def _translation(status: Status = Status.COMPILES, **meta: Any) -> Translation:
    return Translation(
        rust_code="pub fn f() -> i64 {\n    1\n}\n",
        status=status,
        confidence=0.9,
        metadata={"rustc_version": "rustc 1.95.0 (abc 2026-04-14)", "elapsed_ms": 12.4, **meta},
    )


class Counting:
    name = "counting"

    def __init__(self, fail: bool = False) -> None:
        self.calls = 0
        self.fail = fail

    def translate(self, request: TranslationRequest) -> Translation:
        self.calls += 1
        if self.fail:
            raise BackendUnavailable("down")
        return _translation()

    def close(self) -> None:
        pass


# --- rendering --------------------------------------------------------------------------


def test_status_lines() -> None:
    assert render.status_line(_translation()) == "✓ compiles (rustc 1.95) · 12 ms"
    cached = _translation(cache_hit=True)
    assert render.status_line(cached).endswith("· cached")
    partial = _translation(Status.PARTIAL)
    partial.confidence = 0.6
    partial.diagnostics = [
        Diagnostic(
            Severity.WARNING, "not translated: `yield from`", "PRT120", SourceRange(14, 4, 14, 9)
        ),
        Diagnostic(Severity.WARNING, "not translated: `*args`", "PRT200", SourceRange(3, 0, 3, 1)),
    ]
    assert render.status_line(partial) == (
        "⚠ 2 constructs not translated: `yield from` (line 14), `*args` (line 3)"
        " · confidence 0.60 · 12 ms"
    )
    off = _translation(Status.UNVERIFIED, rustc={"skipped": True})
    assert "verification is off" in render.status_line(off)
    failed = Translation(
        "",
        Status.FAILED,
        0.0,
        [Diagnostic(Severity.ERROR, "boom", "PRT999", SourceRange(1, 0, 1, 1))],
    )
    assert render.status_line(failed) == "✗ not translated: boom"


def test_only_method_keeps_the_impl_around_one_method() -> None:
    code = (
        "pub struct C {\n    pub n: i64,\n}\n\nimpl C {\n    pub fn new(n: i64) -> Self {\n"
        "        Self { n }\n    }\n\n    /// doc\n    pub fn get(&self) -> i64 {\n"
        "        self.n\n    }\n}\n"
    )
    assert render.only_method(code, "C", "get") == (
        "impl C {\n    /// doc\n    pub fn get(&self) -> i64 {\n        self.n\n    }\n}"
    )
    assert "fn new" in render.only_method(code, "C", "__init__")
    assert render.only_method(code, "C", "missing") == code


# --- edits ------------------------------------------------------------------------------


def test_block_edit_appends_replaces_and_refuses_broken_markers() -> None:
    block = edits.block("f", _translation(), "m.py")
    append = edits.block_edit("fn mine() {}\n", "f", block)
    assert (append.range.start.line, append.new_text[:1]) == (1, "\n")
    existing = "// mine\n" + block + "fn after() {}\n"
    replace = edits.block_edit(existing, "f", "NEW\n")
    assert (replace.range.start.line, replace.range.end.line) == (1, 1 + block.count("\n"))
    with pytest.raises(edits.EditError):
        edits.block_edit("// portalis:begin f\nfn x() {}\n", "f", block)


def test_output_path(tmp_path: Any) -> None:
    py = tmp_path / "pkg" / "m.py"
    assert edits.output_path(py, None, tmp_path) == tmp_path / "pkg" / "m.rs"
    assert edits.output_path(py, "out", tmp_path) == tmp_path / "out" / "pkg" / "m.rs"


# --- configuration ----------------------------------------------------------------------


def test_settings_parse_and_report_invalid_values() -> None:
    settings, problems = parse_settings(
        {"backend": "http://triton:8000", "verify": False, "logLevel": "DEBUG", "other": 1}
    )
    assert (settings.backend, settings.verify, settings.log_level) == (
        "http://triton:8000",
        False,
        "debug",
    )
    assert problems == []
    settings, problems = parse_settings({"backend": "ftp://x", "interactiveTimeoutMs": -5})
    assert settings == DEFAULTS
    assert len(problems) == 2 and "portalis.backend" in problems[0]
    assert parse_settings({"portalis": {"verify": False}})[0].verify is False


# --- items ------------------------------------------------------------------------------

MODULE = '''import math

LIMIT = 10


def helper(x: int) -> int:
    return x + LIMIT


def target(
    y: int,
) -> int:
    """doc"""
    return helper(y) * 2


def unrelated() -> float:
    return math.pi


if __name__ == "__main__":
    print(target(1))
'''


@pytest.mark.parametrize("index", [index_document, index_large_document])
def test_items_and_reduced_source(index: Any) -> None:
    doc = index(MODULE)
    target = doc.get("target")
    assert target is not None and (target.header_start, target.header_end) == (10, 12)
    assert doc.item_at_header(11) == target and doc.item_at_header(13) is None
    reduced = doc.reduced_source(["target"])
    assert reduced.count("\n") == MODULE.count("\n")
    assert "def helper" in reduced and "LIMIT = 10" in reduced and "import math" in reduced
    assert "def unrelated" not in reduced and "__main__" not in reduced


# --- backends ---------------------------------------------------------------------------


def test_cache_key_covers_source_target_and_options() -> None:
    base = TranslationRequest("x = 1\n", symbol="f")
    keys = {
        base.cache_key(),
        TranslationRequest("x = 2\n", symbol="f").cache_key(),
        TranslationRequest("x = 1\n", symbol="g").cache_key(),
        TranslationRequest(
            "x = 1\n", symbol="f", options=TranslateOptions(verify=False)
        ).cache_key(),
    }
    assert len(keys) == 4
    assert TranslationRequest("x = 1\n", symbol="f", route="batch").cache_key() == base.cache_key()


def test_cached_backend_answers_repeats_from_the_cache() -> None:
    inner = Counting()
    cached = CachedBackend(inner)
    request = TranslationRequest("def f() -> int:\n    return 1\n", symbol="f")
    first = cached.translate(request)
    second = cached.translate(request)
    assert inner.calls == 1
    assert first.metadata.get("cache_hit") is None and second.metadata["cache_hit"] is True
    assert cached.lookup(request.cache_key()) is not None


def test_fallback_notifies_once_down_and_once_recovered() -> None:
    now = [0.0]
    primary, embedded = Counting(fail=True), Counting()
    events: list[str] = []
    fallback = FallbackBackend(
        primary,
        embedded,
        breaker=CircuitBreaker(reset_after_s=30, clock=lambda: now[0]),
        notify=lambda event, detail: events.append(event),
    )
    request = TranslationRequest("x = 1\n")
    for _ in range(5):
        assert fallback.translate(request).metadata["fallback_from"] == "counting"
    assert primary.calls == 1 and events == ["fallback"]  # the breaker skips the remote
    now[0] = 31.0
    primary.fail = False
    assert "fallback_from" not in fallback.translate(request).metadata
    assert events == ["fallback", "recovered"]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_triton_http_against_a_closed_port_is_unavailable() -> None:
    backend = TritonHttpBackend(f"http://127.0.0.1:{_closed_port()}")
    with pytest.raises(BackendUnavailable):
        backend.translate(TranslationRequest("x = 1\n"))
    stack = make_backend(f"http://127.0.0.1:{_closed_port()}")
    result = stack.translate(TranslationRequest("def f() -> int:\n    return 1\n", symbol="f"))
    assert result.metadata["backend"] == "embedded" and "fallback_from" in result.metadata


def test_batch_route_priority() -> None:
    body = kserve_infer_body(TranslationRequest("x\n", route="batch"), 120.0)
    assert body["parameters"] == {"priority": 2, "timeout": 120_000_000}
