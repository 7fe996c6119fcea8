"""Hover end to end: the real server over stdio, VS Code's and Neovim's capabilities."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import pytest_lsp
from lsp.support import (
    CLIENTS,
    WORKSPACE,
    copy_workspace,
    hover,
    initialize,
    line_of,
    open_doc,
    raw_request,
    server_config,
    wait_for,
)
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.slow  # starts real processes (the language server)

SHAPES = WORKSPACE / "shapes.py"


@pytest_lsp.fixture(config=server_config(), params=CLIENTS)
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest, tmp_path: Path):
    lsp_client.root = copy_workspace(tmp_path)  # type: ignore[attr-defined]
    await initialize(lsp_client, request.param, lsp_client.root)  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def test_hover_function_method_class_and_misses(client: LanguageClient) -> None:
    uri = open_doc(client, SHAPES)
    area = await hover(client, uri, line_of(SHAPES, "def area"), 6)
    assert area is not None
    assert area.startswith("```rust\n")
    assert "pub fn area(width: i64, height: i64) -> i64" in area
    assert "✓ compiles (rustc 1." in area.splitlines()[-1]

    # anywhere in a multi-line signature
    perimeter = await hover(client, uri, line_of(SHAPES, "    height: int,"), 2)
    assert perimeter is not None and "fn perimeter" in perimeter

    # a method: shown inside its impl, without the other methods
    bump = await hover(client, uri, line_of(SHAPES, "def bump"), 9)
    assert bump is not None
    assert "impl Counter {" in bump and "fn bump(&mut self, step: i64) -> i64" in bump
    assert "fn new" not in bump

    # a class: the struct
    counter = await hover(client, uri, line_of(SHAPES, "class Counter"), 7)
    assert counter is not None and "struct Counter" in counter

    # never noise: a body line, a blank line, the docstring, past the end of the file
    for line in (line_of(SHAPES, "return width * height"), 1, 0, 10_000):
        assert await hover(client, uri, line, 0) is None


async def test_cached_hover_is_fast(client: LanguageClient) -> None:
    uri = open_doc(client, SHAPES)
    line = line_of(SHAPES, "def area")
    first = await hover(client, uri, line)
    again = await hover(client, uri, line)
    assert first is not None and again is not None
    assert "cached" in again.splitlines()[-1]

    # the server's own time for the cached hover (logged at debug level)
    def hover_logs() -> list[str]:
        found = [m.message for m in client.log_messages if "lsp_server.hover: hover" in m.message]
        return found if len(found) >= 2 else []

    timings = await wait_for(hover_logs)
    server_ms = float(re.search(r"in ([\d.]+) ms", timings[-1]).group(1))  # type: ignore[union-attr]
    assert server_ms < 20, timings[-1]  # typically ~0.3 ms; generous for loaded CI machines


async def test_syntax_error_no_hover_and_a_diagnostic(client: LanguageClient) -> None:
    broken = "def ok(x: int) -> int:\n    return x\n\ndef broken(:\n    pass\n"
    path = client.root / "broken.py"  # type: ignore[attr-defined]
    path.write_text(broken)
    uri = open_doc(client, path)
    assert await hover(client, uri, 0, 5) is None
    diagnostics = await wait_for(lambda: client.diagnostics.get(uri))
    (syntax,) = diagnostics
    assert syntax.severity == types.DiagnosticSeverity.Error
    assert syntax.code == "PRT001" and "syntax error" in syntax.message
    assert syntax.range.start.line == 3


async def test_untranslatable_constructs_become_information_diagnostics(
    client: LanguageClient,
) -> None:
    client.set_configuration({"diagnostics": True}, section="portalis")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={}))
    source = 'def f(n: int) -> int:\n    return eval("n + 1")\n'
    path = client.root / "dynamic.py"  # type: ignore[attr-defined]
    path.write_text(source)
    uri = open_doc(client, path)
    diagnostics = await wait_for(lambda: client.diagnostics.get(uri))
    (found,) = [d for d in diagnostics if "eval" in d.message]
    assert found.severity == types.DiagnosticSeverity.Information
    assert isinstance(found.code, str) and found.code.startswith("PRT")
    assert found.range.start.line == 1 and found.source == "portalis"


async def test_non_python_unknown_uri_and_out_of_range(client: LanguageClient) -> None:
    text_uri = open_doc(
        client, Path("/tmp/notes.txt"), "def area(x):\n    pass\n", language="plaintext"
    )
    assert await hover(client, text_uri, 0, 5) is None
    assert await hover(client, "file:///nowhere/missing.py", 0, 0) is None
    assert await hover(client, "untitled:Untitled-1", 0, 0) is None
    uri = open_doc(client, SHAPES)
    assert await hover(client, uri, 2**31 - 1, 2**31 - 1) is None
    # still alive
    assert await hover(client, uri, line_of(SHAPES, "def area"), 5) is not None


async def test_malformed_params_get_invalid_params(client: LanguageClient) -> None:
    uri = open_doc(client, SHAPES)
    bad = [
        {"textDocument": {"uri": uri}, "position": {"line": -1, "character": 0}},
        {"textDocument": {"uri": uri}},
        {"textDocument": {"uri": uri}, "position": {"line": "three", "character": 0}},
    ]
    for index, params in enumerate(bad):
        with pytest.raises(JsonRpcInvalidParams):
            await raw_request(client, 9000 + index, "textDocument/hover", params)
    with pytest.raises(JsonRpcInvalidParams):
        await raw_request(client, 9100, "codeAction/resolve", {"title": 3})
    assert await hover(client, uri, line_of(SHAPES, "def area"), 5) is not None


async def test_five_megabyte_file_translates_only_the_target(client: LanguageClient) -> None:
    body = "".join(
        f"def filler_{i}(a: int, b: int) -> int:\n    return a * {i} + b\n\n\n"
        for i in range(80_000)
    )
    text = body + "def target(n: int) -> int:\n    return n + 1\n"
    assert len(text) >= 5_000_000
    path = client.root / "huge.py"  # type: ignore[attr-defined]
    path.write_text(text)
    uri = open_doc(client, path, text)
    started = time.perf_counter()
    result = await hover(client, uri, text.count("\n") - 2, 5)
    elapsed = time.perf_counter() - started
    assert result is not None and "pub fn target(n: i64) -> i64" in result
    assert "filler_" not in result
    assert elapsed < 20, elapsed
