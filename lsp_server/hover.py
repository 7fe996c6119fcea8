"""`textDocument/hover`: the Rust translation of the def/class whose signature is hovered.

Anywhere else: no hover. Syntax errors: no hover (the diagnostics say why). The item is
translated from the document's reduced source (see `items.reduced_source`), so a hover
costs one item's translation whatever the file's size, and a cached hover is answered on
the event loop without a thread hop.
"""

from __future__ import annotations

import logging
import time

from lsprotocol import types

from backend.transpiler import Translation
from lsp_server import render
from lsp_server.app import PortalisServer
from lsp_server.documents import items_for, module_name
from lsp_server.items import Item

log = logging.getLogger(__name__)


def register(server: PortalisServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: PortalisServer, params: types.HoverParams) -> types.Hover | None:
        return await hover(ls, params)


async def hover(ls: PortalisServer, params: types.HoverParams) -> types.Hover | None:
    started = time.perf_counter()
    uri = params.text_document.uri
    snap = ls.python_snapshot(uri)
    if snap is None:
        return None
    items = await items_for(ls, snap)
    item = items.item_at_header(params.position.line + 1) if items.ok else None
    if item is None:
        return None
    request = ls.service.request(
        items.reduced_source([item.top]), symbol=item.top, module_name=module_name(snap)
    )
    translation = ls.service.cached(request)
    if translation is None:
        if ls.portalis_protocol.is_cancelled():
            return None  # cancelled before the work started
        translation = await ls.service.translate(request)
        if ls.portalis_protocol.is_cancelled():
            return None
    if ls.is_stale(snap):
        log.debug("hover result for %s v%s discarded: the document changed", uri, snap.version)
        return None
    result = _hover(ls, item, translation)
    log.debug(
        "hover %s %s: %s in %.1f ms",
        uri,
        item.name,
        translation.status.value,
        (time.perf_counter() - started) * 1000,
    )
    return result


def _hover(ls: PortalisServer, item: Item, translation: Translation) -> types.Hover:
    method = item.name if item.kind == "method" else None
    if ls.client_supports_markdown():
        content = types.MarkupContent(
            types.MarkupKind.Markdown, render.hover_markdown(translation, method)
        )
    else:
        content = types.MarkupContent(
            types.MarkupKind.PlainText, render.hover_plaintext(translation, method)
        )
    header = types.Range(
        types.Position(item.header_start - 1, 0), types.Position(item.header_end, 0)
    )
    return types.Hover(contents=content, range=header)
