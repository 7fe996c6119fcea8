"""Diagnostics: syntax errors, and the constructs the engine could not translate
(Information, with the rule code), published after open/save, debounced per document.

Every feature that reports on a document (`translation`, `check`) owns one source; the
published list is their union for the document's current version.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from lsprotocol import types

from backend.transpiler import Translation
from backend.transpiler.record import Diagnostic, Severity
from lsp_server.documents import module_name
from lsp_server.positions import lsp_range

if TYPE_CHECKING:
    from lsp_server.app import PortalisServer, Snapshot

log = logging.getLogger(__name__)

DEBOUNCE_S = 0.3
SOURCE = "portalis"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFORMATION: types.DiagnosticSeverity.Information,
    Severity.HINT: types.DiagnosticSeverity.Hint,
}


class DiagnosticsFeature:
    def __init__(self, server: PortalisServer) -> None:
        self.server = server
        self._by_source: dict[str, dict[str, list[types.Diagnostic]]] = {}
        self._pending: dict[str, asyncio.Task[None]] = {}

    def register(self) -> None:
        server = self.server

        @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
        def on_open(ls: PortalisServer, params: types.DidOpenTextDocumentParams) -> None:
            self.schedule(params.text_document.uri, full=True)

        @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
        def on_save(ls: PortalisServer, params: types.DidSaveTextDocumentParams) -> None:
            self.schedule(params.text_document.uri, full=True)

        @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
        def on_change(ls: PortalisServer, params: types.DidChangeTextDocumentParams) -> None:
            self.schedule(params.text_document.uri, full=False)

        @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
        def on_close(ls: PortalisServer, params: types.DidCloseTextDocumentParams) -> None:
            uri = params.text_document.uri
            self._cancel_pending(uri)
            self._by_source.pop(uri, None)
            ls.forget(uri)
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    # --- scheduling --------------------------------------------------------------------

    def schedule(self, uri: str, *, full: bool) -> None:
        """Re-check `uri` after a quiet period; `full` re-translates, else syntax only."""
        previous = self._pending.pop(uri, None)
        if previous is not None and not previous.done():
            previous.cancel()
            full = full or getattr(previous, "portalis_full", False)
        task = asyncio.ensure_future(self._run(uri, full))
        task.portalis_full = full  # type: ignore[attr-defined]
        self._pending[uri] = task

    def refresh_all(self) -> None:
        """Settings changed: re-check every open Python document."""
        for uri in list(self.server.workspace.text_documents):
            self.schedule(uri, full=True)

    def _cancel_pending(self, uri: str) -> None:
        task = self._pending.pop(uri, None)
        if task is not None:
            task.cancel()

    async def _run(self, uri: str, full: bool) -> None:
        await asyncio.sleep(DEBOUNCE_S)
        ls = self.server
        snap = ls.python_snapshot(uri)
        if snap is None or snap.version is None:
            return
        from lsp_server.documents import items_for

        items = await items_for(ls, snap)
        lines = snap.source.splitlines()
        if items.error is not None:
            self.set(uri, "translation", [to_lsp(lines, items.error)], snap)
            return
        if not full:
            current = self._by_source.get(uri, {}).get("translation", [])
            kept = [d for d in current if d.code != "PRT001"]
            self.set(uri, "translation", kept, snap)
            return
        if not ls.settings.diagnostics:
            self.set(uri, "translation", [], snap)
            return
        from lsp_server.app import MAX_DIAGNOSTICS_BYTES

        if len(snap.source.encode("utf-8", "surrogatepass")) > MAX_DIAGNOSTICS_BYTES:
            log.info("%s is too large for whole-file diagnostics; syntax only", uri)
            self.set(uri, "translation", [], snap)
            return
        request = ls.service.request(snap.source, module_name=module_name(snap), route="batch")
        translation = await ls.service.translate(request)
        if ls.is_stale(snap):
            return  # a newer version has its own check scheduled
        self.set(uri, "translation", translation_diagnostics(lines, translation), snap)

    # --- publishing --------------------------------------------------------------------

    def set(
        self, uri: str, source: str, diagnostics: list[types.Diagnostic], snap: Snapshot
    ) -> None:
        if self.server.is_stale(snap):
            log.debug("not publishing diagnostics for a stale version of %s", uri)
            return
        self._by_source.setdefault(uri, {})[source] = diagnostics
        everything = [d for group in self._by_source[uri].values() for d in group]
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri, everything, version=snap.version)
        )


def to_lsp(lines: list[str], diag: Diagnostic) -> types.Diagnostic:
    severity = _SEVERITY[diag.severity]
    if diag.code != "PRT001" and diag.severity is not Severity.ERROR:
        severity = types.DiagnosticSeverity.Information
    return types.Diagnostic(
        range=lsp_range(lines, diag.range),
        message=diag.message,
        severity=severity,
        code=diag.code,
        source=SOURCE,
    )


def translation_diagnostics(lines: list[str], translation: Translation) -> list[types.Diagnostic]:
    """What the user should know about the file's translation: the engine's own findings
    (untranslatable constructs) and rustc's errors; rustc's lints on generated code and
    the type checker's opinions are left out (noise in a Python editor)."""
    out = []
    for diag in translation.diagnostics:
        if diag.code.startswith("mypy"):
            continue
        if diag.code.startswith("rustc") and diag.severity is not Severity.ERROR:
            continue
        lsp = to_lsp(lines, diag)
        if diag.code != "PRT001":
            lsp.severity = types.DiagnosticSeverity.Information
        out.append(lsp)
    return out
