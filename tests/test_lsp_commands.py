"""Commands end to end: workspace translation (progress, cancellation), showTranslation,
checkFile; settings applied at runtime; the remote backend being down."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import pytest
import pytest_lsp
from lsp.support import (
    CLIENTS,
    copy_workspace,
    hover,
    initialize,
    line_of,
    open_doc,
    server_config,
    wait_for,
)
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.slow  # starts real processes (the language server)


async def _start(client: LanguageClient, profile: str, tmp_path: Path, **options: object):
    client.root = copy_workspace(tmp_path)  # type: ignore[attr-defined]
    await initialize(client, profile, client.root, options=options or None)  # type: ignore[attr-defined]


@pytest_lsp.fixture(config=server_config(), params=CLIENTS)
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest, tmp_path: Path):
    await _start(lsp_client, request.param, tmp_path)
    yield
    await lsp_client.shutdown_session()


def _root(client: LanguageClient) -> Path:
    return client.root  # type: ignore[attr-defined, no-any-return]


def _command(name: str, *args: object) -> types.ExecuteCommandParams:
    return types.ExecuteCommandParams(command=name, arguments=list(args) or None)


async def test_translate_workspace_reports_progress(client: LanguageClient) -> None:
    result = await client.workspace_execute_command_async(_command("portalis.translateWorkspace"))
    assert result["cancelled"] is False
    crate = _root(client) / "target" / "portalis"
    assert (crate / "Cargo.toml").is_file()
    assert "pub fn area" in (crate / "src" / "shapes.rs").read_text()
    assert "pub mod inventory;" in (crate / "src" / "lib.rs").read_text()
    (reports,) = client.progress_reports.values()
    assert isinstance(reports[0], types.WorkDoneProgressBegin) and reports[0].cancellable
    percentages = [r.percentage for r in reports if isinstance(r, types.WorkDoneProgressReport)]
    assert percentages == [50, 100]
    assert isinstance(reports[-1], types.WorkDoneProgressEnd)
    assert any("translated 2 modules" in m.message for m in client.messages)


async def test_translate_workspace_resolves_imports_between_modules(
    client: LanguageClient,
) -> None:
    (_root(client) / "report.py").write_text(
        "from shapes import area\n\n\n"
        "def total_area(sizes: list[tuple[int, int]]) -> int:\n"
        "    return sum(area(w, h) for w, h in sizes)\n"
    )
    result = await client.workspace_execute_command_async(_command("portalis.translateWorkspace"))
    crate = _root(client) / "target" / "portalis"
    assert "use crate::shapes::area;" in (crate / "src" / "report.rs").read_text()
    # cargo checked the crate as a whole: every module compiles, imports included
    assert {m["module"]: m["status"] for m in result["modules"]} == {
        "inventory": "compiles",
        "report": "compiles",
        "shapes": "compiles",
    }


async def test_show_translation_opens_a_rust_document(client: LanguageClient) -> None:
    shapes = _root(client) / "shapes.py"
    open_doc(client, shapes)
    result = await client.workspace_execute_command_async(
        _command("portalis.showTranslation", shapes.as_uri())
    )
    assert result["shown"] is True
    (shown,) = client.shown_documents
    assert shown.uri == result["uri"] and shown.uri.endswith("/shapes.rs")
    assert "pub fn area" in Path(shown.uri.removeprefix("file://")).read_text()


async def test_check_file_reports_a_message_and_diagnostics(client: LanguageClient) -> None:
    inventory = _root(client) / "inventory.py"
    uri = open_doc(client, inventory)
    result = await client.workspace_execute_command_async(_command("portalis.checkFile", uri))
    assert set(result) >= {"matches", "stage_failed", "diff"}
    await wait_for(lambda: any("inventory.py" in m.message for m in client.messages))
    check = [d for d in client.diagnostics.get(uri, []) if d.code == "PRT900"]
    assert (check == []) is bool(result["matches"])


async def test_settings_change_at_runtime_and_invalid_values(client: LanguageClient) -> None:
    shapes = _root(client) / "shapes.py"
    uri = open_doc(client, shapes)
    line = line_of(shapes, "def area")
    assert "✓ compiles" in (await hover(client, uri, line) or "")

    client.set_configuration({"verify": False}, section="portalis")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={}))
    await wait_for(
        lambda: any(
            "settings changed (workspace/configuration)" in m.message and "verify" in m.message
            for m in client.log_messages
        )
    )
    assert "verification is off" in (await hover(client, uri, line) or "")

    client.set_configuration({"interactiveTimeoutMs": "fast", "verify": 3}, section="portalis")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={}))
    error = await wait_for(
        lambda: [m for m in client.messages if m.type == types.MessageType.Error]
    )
    assert "interactiveTimeoutMs" in error[0].message and "verify" in error[0].message
    await asyncio.sleep(0.2)
    assert "✓ compiles" in (await hover(client, uri, line) or "")  # defaults kept


@pytest_lsp.fixture(config=server_config(), params=CLIENTS)
async def init_options_client(
    lsp_client: LanguageClient, request: pytest.FixtureRequest, tmp_path: Path
):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed once the block ends: nothing listens there
    await _start(lsp_client, request.param, tmp_path, backend=f"http://127.0.0.1:{port}")
    yield
    await lsp_client.shutdown_session()


async def test_remote_backend_down_falls_back_once(init_options_client: LanguageClient) -> None:
    client = init_options_client
    shapes = _root(client) / "shapes.py"
    uri = open_doc(client, shapes)
    for needle in ("def area", "def perimeter", "class Counter"):
        shown = await hover(client, uri, line_of(shapes, needle))
        assert shown is not None and "built-in translator" in shown
    await asyncio.sleep(0.2)
    warnings = [m for m in client.messages if "unavailable" in m.message]
    assert len(warnings) == 1 and warnings[0].type == types.MessageType.Warning


SLOW_MS = 1500


@pytest_lsp.fixture(config=server_config(PORTALIS_LSP_DEBUG_DELAY_MS=str(SLOW_MS)), params=CLIENTS)
async def slow_client(lsp_client: LanguageClient, request: pytest.FixtureRequest, tmp_path: Path):
    await _start(lsp_client, request.param, tmp_path, diagnostics=False)
    yield
    await lsp_client.shutdown_session()


async def test_cancel_workspace_translation_writes_nothing(slow_client: LanguageClient) -> None:
    client = slow_client
    shapes = _root(client) / "shapes.py"
    uri = open_doc(client, shapes)
    running = asyncio.ensure_future(
        client.workspace_execute_command_async(_command("portalis.translateWorkspace"))
    )
    token = await wait_for(lambda: next(iter(client.progress_reports), None))
    # the server keeps answering while the workspace translation runs
    started = asyncio.get_running_loop().time()
    assert await hover(client, uri, line_of(shapes, "return width * height")) is None
    assert asyncio.get_running_loop().time() - started < 1.0
    client.window_work_done_progress_cancel(types.WorkDoneProgressCancelParams(token=token))
    result = await asyncio.wait_for(running, 30)
    assert result["cancelled"] is True
    assert not (_root(client) / "target" / "portalis" / "Cargo.toml").exists()
    assert isinstance(client.progress_reports[token][-1], types.WorkDoneProgressEnd)
