"""The server object and the state its features share (settings, documents, translations).

Features live in their own modules and register handlers on a `PortalisServer`;
`server.py` wires them together.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from lsp_server import __version__
from lsp_server.configuration import DEFAULTS, Settings
from lsp_server.items import DocumentItems, index_document
from lsp_server.protocol import PortalisProtocol
from lsp_server.segments import AnyItems
from lsp_server.translation import TranslationService

log = logging.getLogger(__name__)

# Documents above this size get no whole-file diagnostics (only the syntax check); hovers
# and item code actions still work, since they translate only the target item.
MAX_DIAGNOSTICS_BYTES = 512 * 1024


@dataclass(frozen=True)
class Snapshot:
    """One version of one Python document, as the server saw it."""

    uri: str
    version: int | None  # None: read from disk, not open in the editor
    source: str
    path: Path | None


class PortalisServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "portalis-lsp",
            __version__,
            protocol_cls=PortalisProtocol,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        )
        self.settings: Settings = DEFAULTS
        self.service = TranslationService(DEFAULTS, notify=self._backend_event)
        self._items: dict[str, tuple[int | None, AnyItems]] = {}

    @property
    def portalis_protocol(self) -> PortalisProtocol:
        assert isinstance(self.protocol, PortalisProtocol)
        return self.protocol

    # --- documents -------------------------------------------------------------------

    def python_snapshot(self, uri: str) -> Snapshot | None:
        """The open document (or a local .py file on disk); None for anything else."""
        doc = self.workspace.text_documents.get(uri)
        path = _local_path(uri)
        if doc is not None:
            is_python = doc.language_id == "python" or uri.endswith((".py", ".pyi"))
            if not is_python:
                return None
            return Snapshot(uri, doc.version, doc.source, path)
        if path is None or path.suffix != ".py" or not path.is_file():
            return None
        try:
            return Snapshot(uri, None, path.read_text(encoding="utf-8"), path)
        except (OSError, UnicodeDecodeError):
            log.info("cannot read %s", uri)
            return None

    def current_version(self, uri: str) -> int | None:
        doc = self.workspace.text_documents.get(uri)
        return doc.version if doc is not None else None

    def is_stale(self, snap: Snapshot) -> bool:
        """Has the document changed since `snap` was taken (or been closed)?"""
        if snap.version is None:
            return False
        doc = self.workspace.text_documents.get(snap.uri)
        return doc is None or doc.version != snap.version

    def items(self, snap: Snapshot) -> AnyItems:
        """Parsed items of this version (parsed once per version)."""
        cached = self.cached_items(snap)
        if cached is not None:
            return cached
        items: DocumentItems
        items = index_document(snap.source)
        self.remember_items(snap, items)
        return items

    def cached_items(self, snap: Snapshot) -> AnyItems | None:
        cached = self._items.get(snap.uri)
        if cached is not None and cached[0] == snap.version and snap.version is not None:
            return cached[1]
        return None

    def remember_items(self, snap: Snapshot, items: AnyItems) -> None:
        if snap.version is not None:
            self._items[snap.uri] = (snap.version, items)

    def forget(self, uri: str) -> None:
        self._items.pop(uri, None)

    # --- client capabilities -----------------------------------------------------------

    def client_supports_resolve(self) -> bool:
        action = _get(self.client_capabilities, "text_document", "code_action")
        resolve = _get(action, "resolve_support")
        return resolve is not None and "edit" in (resolve.properties or [])

    def client_supports_document_changes(self) -> bool:
        edit = _get(self.client_capabilities, "workspace", "workspace_edit")
        if edit is None:
            return False
        ops = edit.resource_operations or []
        return bool(edit.document_changes) or types.ResourceOperationKind.Create in ops

    def client_supports_create(self) -> bool:
        edit = _get(self.client_capabilities, "workspace", "workspace_edit")
        ops = (edit.resource_operations or []) if edit is not None else []
        return types.ResourceOperationKind.Create in ops

    def client_supports_markdown(self) -> bool:
        hover = _get(self.client_capabilities, "text_document", "hover")
        formats = (hover.content_format or []) if hover is not None else []
        return not formats or types.MarkupKind.Markdown in formats

    def client_supports(self, *path: str) -> bool:
        return bool(_get(self.client_capabilities, *path))

    # --- notifications -------------------------------------------------------------------

    def show(self, kind: types.MessageType, message: str) -> None:
        self.window_show_message(types.ShowMessageParams(kind, message))

    def _backend_event(self, event: str, detail: str) -> None:
        """Called from worker threads by the fallback backend: hop onto the loop."""
        if event == "fallback":
            text = (
                f"Portalis: the translation server is unavailable ({detail}); "
                "using the built-in translator until it is back."
            )
            kind = types.MessageType.Warning
        else:
            text = f"Portalis: the translation server {detail} answers again."
            kind = types.MessageType.Info
        self.service.call_soon(self.show, kind, text)

    def workspace_root(self) -> Path | None:
        root = self.workspace.root_path
        return Path(root) if root else None


def _local_path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


def _get(obj: Any, *names: str) -> Any:
    for name in names:
        if obj is None:
            return None
        obj = getattr(obj, name, None)
    return obj
