"""Behaviour under pressure: cancelled hovers, stale versions, coalesced hovers."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import pytest_lsp
from lsp.support import (
    CLIENTS,
    change_doc,
    copy_workspace,
    hover,
    initialize,
    line_of,
    open_doc,
    server_config,
)
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.slow  # starts real processes (the language server)

SLOW_MS = 1500


@pytest_lsp.fixture(config=server_config(PORTALIS_LSP_DEBUG_DELAY_MS=str(SLOW_MS)), params=CLIENTS)
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest, tmp_path: Path):
    lsp_client.root = copy_workspace(tmp_path)  # type: ignore[attr-defined]
    await initialize(
        lsp_client,
        request.param,
        lsp_client.root,  # type: ignore[attr-defined]
        options={"diagnostics": False, "logLevel": "debug"},
    )
    yield
    await lsp_client.shutdown_session()


def _shapes(client: LanguageClient) -> Path:
    return client.root / "shapes.py"  # type: ignore[attr-defined, no-any-return]


def _hover_params(uri: str, line: int) -> types.HoverParams:
    return types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, 5))


def _translations_started(client: LanguageClient, symbol: str) -> int:
    return sum(f"translating symbol:{symbol} " in m.message for m in client.log_messages)


async def test_cancelled_hover_answers_at_once_and_server_stays_up(
    client: LanguageClient,
) -> None:
    shapes = _shapes(client)
    uri = open_doc(client, shapes)
    loop = asyncio.get_running_loop()
    started = loop.time()
    params = _hover_params(uri, line_of(shapes, "def area"))
    pending = asyncio.ensure_future(
        client.protocol.send_request_async(types.TEXT_DOCUMENT_HOVER, params, msg_id="slow-1")
    )
    await asyncio.sleep(0.2)
    client.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id="slow-1"))
    with pytest.raises(JsonRpcException) as err:
        await pending
    assert err.value.code == -32800  # RequestCancelled
    assert loop.time() - started < SLOW_MS / 1000
    # the server still answers, and a body line is still no hover
    assert await hover(client, uri, line_of(shapes, "return width * height")) is None


async def test_result_for_a_changed_document_is_discarded(client: LanguageClient) -> None:
    shapes = _shapes(client)
    uri = open_doc(client, shapes)
    pending = asyncio.ensure_future(hover(client, uri, line_of(shapes, "def perimeter")))
    await asyncio.sleep(0.3)
    change_doc(client, uri, shapes.read_text() + "\n# edited\n", 2)
    assert await pending is None


async def test_hovers_on_the_same_item_coalesce(client: LanguageClient) -> None:
    shapes = _shapes(client)
    uri = open_doc(client, shapes)
    line = line_of(shapes, "def area")
    results = await asyncio.gather(*(hover(client, uri, line) for _ in range(4)))
    assert all(r is not None and "pub fn area" in r for r in results)
    assert _translations_started(client, "area") == 1
