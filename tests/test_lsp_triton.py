"""The language server on the Triton route: a real `portalis serve`, killed mid-session.

Hovers go to the server over gRPC (priority 1); when it dies, the next hover is answered by
the built-in engine within the interactive timeout, the user is told once; when it is back,
hovers use it again and the user is told once more.
"""

from __future__ import annotations

import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import pytest_lsp
from lsp.support import (
    SERVER_COMMAND,
    WORKSPACE,
    change_doc,
    copy_workspace,
    hover,
    initialize,
    line_of,
    open_doc,
    server_config,
    wait_for,
)
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from triton_support import free_port, start_server

pytestmark = pytest.mark.slow

SHAPES = WORKSPACE / "shapes.py"
INTERACTIVE_TIMEOUT_S = 2.0
METRICS_PORT = free_port()


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[*SERVER_COMMAND, "--metrics-port", str(METRICS_PORT)],
        server_env=server_config().server_env,
    )
)
async def client(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


async def test_hover_survives_the_server_dying_and_uses_it_again_when_back(
    client: LanguageClient, tmp_path: Path
) -> None:
    ports = (free_port(), free_port(), free_port())
    triton = start_server(tmp_path, ports=ports)
    try:
        root = copy_workspace(tmp_path)
        options = {
            "backend": f"grpc://127.0.0.1:{ports[1]}",
            "interactiveTimeoutMs": int(INTERACTIVE_TIMEOUT_S * 1000),
        }
        await initialize(client, "visual-studio-code", root, options=options)
        text = SHAPES.read_text()
        uri = open_doc(client, root / "shapes.py", text)
        line = line_of(SHAPES, "def area")

        assert "via Triton" in (await hover(client, uri, line) or "")

        _kill_tritonserver(triton.process)
        answers = []
        for version in range(2, 5):  # edits defeat the cache: every hover is a new request
            change_doc(client, uri, _edited(text, version), version)
            started = time.monotonic()
            answers.append(await hover(client, uri, line) or "")
            assert time.monotonic() - started < INTERACTIVE_TIMEOUT_S
        assert all("fn area" in a and "built-in translator" in a for a in answers)
        assert len(_messages(client, "unavailable")) == 1  # once, not once per hover

        triton = start_server(tmp_path, ports=ports)
        version = 5

        async def remote_again() -> bool:
            nonlocal version
            version += 1
            change_doc(client, uri, _edited(text, version), version)
            return "via Triton" in (await hover(client, uri, line) or "")

        deadline = time.monotonic() + 60
        while not await remote_again():
            assert time.monotonic() < deadline, "the remote was never used again"
            time.sleep(0.5)
        await wait_for(lambda: _messages(client, "answers again"))
        assert len(_messages(client, "unavailable")) == 1
        assert len(_messages(client, "answers again")) == 1

        scraped = _scrape(f"http://127.0.0.1:{METRICS_PORT}/metrics")
        assert 'portalis_client_fallbacks_total{backend="triton-grpc"}' in scraped
        assert 'portalis_client_request_duration_seconds_count{backend="triton-grpc"' in scraped
        assert 'portalis_client_errors_total{backend="triton-grpc"}' in scraped
    finally:
        triton.stop()


def _edited(text: str, version: int) -> str:
    """The item itself changes (a new constant), so the cache cannot answer."""
    return text.replace("return width * height", f"return width * height + {version}")


def _messages(client: LanguageClient, needle: str) -> list[types.ShowMessageParams]:
    return [m for m in client.messages if needle in m.message]


def _kill_tritonserver(serve: subprocess.Popen[bytes]) -> None:
    """Crash the server: SIGKILL tritonserver itself (`portalis serve` then exits)."""
    found = subprocess.run(["pgrep", "-P", str(serve.pid)], capture_output=True, text=True)
    for pid in found.stdout.split():
        subprocess.run(["kill", "-KILL", pid], check=False)
    serve.wait(timeout=30)


def _scrape(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode())
