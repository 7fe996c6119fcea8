"""Backend health for the editors' status bars, end to end over stdio: the
`portalis.backendStatus` command and the `portalis/backendStatus` notification, with a
remote backend (a small KServe v2 HTTP server in this process) that is down, then back."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsp.support import copy_workspace, hover, initialize, server_config, wait_for
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.slow  # starts real processes (the language server)

STATUS_COMMAND = "portalis.backendStatus"
STATUS_NOTIFICATION = "portalis/backendStatus"


class FakeTriton:
    """Answers KServe v2 infer and readiness calls when `up`, HTTP 503 otherwise."""

    def __init__(self) -> None:
        self.up = False
        self.requests = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._answer(b"{}")

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length", 0)))
                fake.requests += 1
                self._answer(json.dumps(_kserve_answer()).encode())

            def _answer(self, body: bytes) -> None:
                if not fake.up:
                    body = b'{"error": "model not ready"}'
                self.send_response(200 if fake.up else 503)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeTriton:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def _kserve_answer() -> dict[str, Any]:
    def output(name: str, datatype: str, value: Any) -> dict[str, Any]:
        return {"name": name, "datatype": datatype, "shape": [1], "data": [value]}

    metadata = {"status": "unverified", "engine_version": "remote", "span_map": {}}
    return {
        "model_name": "rust_transpiler",
        "outputs": [
            output("rust_code", "BYTES", "pub fn answer() -> i64 {\n    42\n}\n"),
            output("confidence_score", "FP32", 0.9),
            output("metadata", "BYTES", json.dumps(metadata)),
            output("warnings", "BYTES", "[]"),
            output("suggestions", "BYTES", "[]"),
        ],
    }


@pytest.fixture
def triton() -> Iterator[FakeTriton]:
    with FakeTriton() as fake:
        yield fake


def _record_status_notifications(client: LanguageClient) -> list[dict[str, Any]]:
    received: list[dict[str, Any]] = []

    @client.feature(STATUS_NOTIFICATION)
    def on_status(params: Any) -> None:
        received.append(_as_dict(params))

    return received


def _as_dict(value: Any) -> dict[str, Any]:
    """pygls hands unknown notifications' params over as namedtuple-like objects."""
    if isinstance(value, dict):
        return value
    return {name: getattr(value, name) for name in ("backend", "state", "detail")}


async def _status(client: LanguageClient) -> dict[str, Any]:
    answer = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=STATUS_COMMAND)
    )
    return _as_dict(answer)


async def _hover_new_function(client: LanguageClient, root: Path, index: int) -> None:
    """Hover a function never seen before (a cached translation would not reach a backend)."""
    path = root / f"probe_{index}.py"
    path.write_text(f"def probe_{index}(x: int) -> int:\n    return x + {index}\n")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "python", 1, path.read_text()))
    )
    assert await hover(client, uri, 0) is not None


@pytest_lsp.fixture(config=server_config())
async def client(lsp_client: LanguageClient, tmp_path: Path):
    lsp_client.root = copy_workspace(tmp_path)  # type: ignore[attr-defined]
    lsp_client.statuses = _record_status_notifications(lsp_client)  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


def _root(client: LanguageClient) -> Path:
    return client.root  # type: ignore[attr-defined, no-any-return]


def _statuses(client: LanguageClient) -> list[dict[str, Any]]:
    return client.statuses  # type: ignore[attr-defined, no-any-return]


async def test_embedded_backend_is_ok(client: LanguageClient) -> None:
    await initialize(client, "visual-studio-code", _root(client))
    status = await _status(client)
    assert status["backend"] == "embedded" and status["state"] == "ok"
    assert "built-in translator" in status["detail"]


async def test_remote_down_is_reported_then_settings_switch_back(
    client: LanguageClient, triton: FakeTriton
) -> None:
    await initialize(client, "visual-studio-code", _root(client), options={"backend": triton.url})
    before = await _status(client)
    assert (before["backend"], before["state"]) == (triton.url, "ok")  # not contacted yet

    await _hover_new_function(client, _root(client), 0)
    pushed = await wait_for(lambda: _statuses(client))
    assert pushed[0]["state"] == "fallback" and pushed[0]["backend"] == triton.url
    status = await _status(client)
    assert status["state"] == "fallback"
    assert triton.url in status["detail"] and "503" in status["detail"]

    client.set_configuration({"backend": "embedded", "diagnostics": False}, section="portalis")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={}))
    await wait_for(
        lambda: any(
            "settings changed (workspace/configuration)" in m.message for m in client.log_messages
        )
    )
    assert await _status(client) == {
        "backend": "embedded",
        "state": "ok",
        "detail": "the built-in translator (in the language server)",
    }


@pytest.mark.slow
async def test_remote_recovery_is_pushed(client: LanguageClient, triton: FakeTriton) -> None:
    await initialize(client, "visual-studio-code", _root(client), options={"backend": triton.url})
    await _hover_new_function(client, _root(client), 0)
    await wait_for(lambda: _statuses(client))
    assert _statuses(client)[-1]["state"] == "fallback"

    triton.up = True
    # The breaker retries the remote a few seconds after it opened, on the next request
    # that reaches the backend: keep hovering functions it has not seen.
    deadline = time.monotonic() + 90
    index = 0
    while _statuses(client)[-1]["state"] != "ok" and time.monotonic() < deadline:
        index += 1
        await _hover_new_function(client, _root(client), index)
        await asyncio.sleep(0.5)
    assert [s["state"] for s in _statuses(client)] == ["fallback", "ok"]
    assert _statuses(client)[-1] == await _status(client)
    assert triton.requests >= 1
