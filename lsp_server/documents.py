"""Looking up what a request is about: the Python snapshot, its items, the target item."""

from __future__ import annotations

from pathlib import Path

from lsp_server.app import PortalisServer, Snapshot
from lsp_server.segments import AnyItems, index_large_document

# A document this large is indexed by segments (see `segments`), off the event loop.
INLINE_PARSE_LIMIT = 256 * 1024


async def items_for(ls: PortalisServer, snap: Snapshot) -> AnyItems:
    """The items of this snapshot: parsed once per version."""
    if len(snap.source) <= INLINE_PARSE_LIMIT:
        return ls.items(snap)
    cached = ls.cached_items(snap)
    if cached is not None:
        return cached
    items: AnyItems = await ls.service.run_interactive(index_large_document, snap.source)
    ls.remember_items(snap, items)
    return items


def module_name(snap: Snapshot) -> str:
    """The Python module name the engine should use for imports between modules."""
    stem = snap.path.stem if snap.path is not None else Path(snap.uri).stem
    return stem if stem.isidentifier() else "main"
