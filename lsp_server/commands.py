"""Commands: `portalis.translateWorkspace`, `portalis.showTranslation`, `portalis.checkFile`.

The work runs on the background pool (the batch route), so hovers keep being answered while
a workspace translation runs. Workspace translation reports `$/progress` with a percentage
and honours the client's cancel button (and `$/cancelRequest`): a cancelled run writes
nothing.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import tempfile
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.uris import from_fs_path, to_fs_path

from backend.backends import TranslationRequest
from backend.project import ProjectReport, discover_modules, translate_project
from backend.transpiler import Translation
from lsp_server.app import PortalisServer, Snapshot
from lsp_server.diagnostics import SOURCE, DiagnosticsFeature
from lsp_server.documents import module_name
from lsp_server.positions import lsp_range

log = logging.getLogger(__name__)

TRANSLATE_WORKSPACE = "portalis.translateWorkspace"
SHOW_TRANSLATION = "portalis.showTranslation"
CHECK_FILE = "portalis.checkFile"
COMMANDS = [TRANSLATE_WORKSPACE, SHOW_TRANSLATION, CHECK_FILE]
DEFAULT_CRATE_DIR = Path("target") / "portalis"


class Cancelled(Exception):
    """The user cancelled a workspace translation."""


def register(server: PortalisServer, diagnostics: DiagnosticsFeature) -> None:
    @server.command(TRANSLATE_WORKSPACE)
    async def on_translate_workspace(ls: PortalisServer, *args: Any) -> dict[str, Any]:
        return await translate_workspace(ls, args)

    @server.command(SHOW_TRANSLATION)
    async def on_show_translation(ls: PortalisServer, *args: Any) -> dict[str, Any]:
        return await show_translation(ls, args)

    @server.command(CHECK_FILE)
    async def on_check_file(ls: PortalisServer, *args: Any) -> dict[str, Any]:
        return await check_file(ls, diagnostics, args)


def _path_arg(args: tuple[Any, ...], what: str) -> Path | None:
    """The first argument as a path: a `file:` URI, a path, or {"uri": …}."""
    if not args:
        return None
    value = args[0]
    if isinstance(value, dict):
        value = value.get("uri") or value.get("path")
    if not isinstance(value, str) or not value:
        raise JsonRpcInvalidParams(f"{what}: expected a file URI or path")
    if value.startswith("file:"):
        path = to_fs_path(value)
        if not path:
            raise JsonRpcInvalidParams(f"{what}: cannot use {value!r}")
        return Path(path)
    if ":" in value.split("/", 1)[0] and not Path(value).exists():
        raise JsonRpcInvalidParams(f"{what}: only file: URIs are supported")
    return Path(value)


# --- translateWorkspace --------------------------------------------------------------------


async def translate_workspace(ls: PortalisServer, args: tuple[Any, ...]) -> dict[str, Any]:
    src_dir = _path_arg(args, TRANSLATE_WORKSPACE) or ls.workspace_root()
    if src_dir is None or not src_dir.is_dir():
        raise JsonRpcInvalidParams(f"{TRANSLATE_WORKSPACE}: no workspace folder to translate")
    out = ls.settings.output_dir
    out_dir = Path(out).expanduser() if out else DEFAULT_CRATE_DIR
    if not out_dir.is_absolute():
        out_dir = (ls.workspace_root() or src_dir) / out_dir
    msg_id = ls.protocol.msg_id
    cancel = threading.Event()
    token = await _start_progress(ls, cancel)
    total = max(len(discover_modules(src_dir)), 1)
    done = itertools.count(1)

    def report_done(dotted: str) -> None:
        if token is None:
            return
        finished = next(done)
        report = types.WorkDoneProgressReport(
            message=f"{dotted or '(root)'} ({finished}/{total})",
            percentage=min(100, finished * 100 // total),
            cancellable=True,
        )
        ls.service.call_soon(ls.work_done_progress.report, token, report)

    route = _WorkspaceRoute(
        ls, lambda: cancel.is_set() or ls.portalis_protocol.is_cancelled(msg_id), report_done
    )
    # A remote server takes several modules at once; the built-in engine one at a time.
    concurrency = 1 if ls.settings.backend == "embedded" else 4
    try:
        report: ProjectReport = await ls.service.run_background(
            lambda: translate_project(src_dir, out_dir, remote=route, concurrency=concurrency)
        )
    except Cancelled:
        _end_progress(ls, token, "cancelled")
        ls.show(
            types.MessageType.Info,
            "Portalis: workspace translation cancelled; nothing was written.",
        )
        return {"cancelled": True, "translated": route.translated, "total": total}
    summary = _summary(report)
    _end_progress(ls, token, summary)
    kind = types.MessageType.Info if not report.failed else types.MessageType.Warning
    ls.show(kind, f"Portalis: {summary}")
    return {"cancelled": False, "summary": summary, **report.to_json()}


class _WorkspaceRoute:
    """`translate_project`'s requests (one per module, batch route, with the project modules
    it imports) through the configured backend, with progress and cancellation."""

    name = "workspace"

    def __init__(
        self,
        ls: PortalisServer,
        cancelled: Callable[[], bool],
        report_done: Callable[[str], None],
    ) -> None:
        self._ls = ls
        self._cancelled = cancelled
        self._report_done = report_done
        self._finished = itertools.count(1)  # requests run on several threads
        self.translated = 0

    def translate(self, request: TranslationRequest) -> Translation:
        if self._cancelled():
            raise Cancelled
        result = self._ls.service.run_sync(self._ls.service.backend, request)
        self.translated = next(self._finished)
        self._report_done(request.options.module_name)
        return result


async def _start_progress(ls: PortalisServer, cancel: threading.Event) -> str | None:
    if not ls.client_supports("window", "work_done_progress"):
        return None
    token = f"portalis-{uuid.uuid4()}"
    try:
        await ls.work_done_progress.create_async(token)
    except Exception as exc:  # the client refused: run without progress
        log.info("no progress for the workspace translation: %s", exc)
        return None
    future = ls.work_done_progress.tokens.get(token)
    if future is not None:
        future.add_done_callback(lambda f: cancel.set() if f.cancelled() else None)
    ls.work_done_progress.begin(
        token,
        types.WorkDoneProgressBegin(
            title="Portalis: translating the workspace", cancellable=True, percentage=0
        ),
    )
    return token


def _end_progress(ls: PortalisServer, token: str | None, message: str) -> None:
    if token is not None:
        ls.work_done_progress.end(token, types.WorkDoneProgressEnd(message=message))


def _summary(report: ProjectReport) -> str:
    count = len(report.modules)
    complete = sum(
        1 for m in report.modules if m.status.value in ("verified", "compiles", "unverified")
    )
    partial = sum(1 for m in report.modules if m.status.value == "partial")
    return (
        f"translated {count} module{'s' if count != 1 else ''} into {report.crate_dir} "
        f"({complete} complete, {partial} partial, {len(report.failed)} failed) "
        f"in {report.elapsed_ms / 1000:.1f} s"
    )


def _python_file(
    ls: PortalisServer, args: tuple[Any, ...], command: str
) -> tuple[Path, str, Snapshot]:
    """The (path, URI, open-document snapshot) a file command was invoked on."""
    path = _path_arg(args, command)
    if path is None:
        raise JsonRpcInvalidParams(f"{command}: expected the Python file's URI")
    uri = from_fs_path(str(path)) or path.as_uri()
    snap = ls.python_snapshot(uri)
    if snap is None:
        raise JsonRpcInvalidParams(f"{command}: {uri} is not a Python file")
    return path, uri, snap


# --- showTranslation -----------------------------------------------------------------------


async def show_translation(ls: PortalisServer, args: tuple[Any, ...]) -> dict[str, Any]:
    path, uri, snap = _python_file(ls, args, SHOW_TRANSLATION)
    request = ls.service.request(snap.source, module_name=module_name(snap))
    translation = await ls.service.translate(request)
    digest = hashlib.sha256(uri.encode()).hexdigest()[:12]
    preview = Path(tempfile.gettempdir()) / "portalis-preview" / digest / f"{path.stem}.rs"
    preview.parent.mkdir(parents=True, exist_ok=True)
    preview.write_text(translation.rust_code, encoding="utf-8")
    preview_uri = from_fs_path(str(preview)) or preview.as_uri()
    shown = False
    if ls.client_supports("window", "show_document", "support"):
        result = await ls.window_show_document_async(
            types.ShowDocumentParams(uri=preview_uri, take_focus=True)
        )
        shown = bool(result and result.success)
    return {
        "uri": preview_uri,
        "shown": shown,
        "status": translation.status.value,
        "confidence": translation.confidence,
        "rust_code": translation.rust_code,
    }


# --- checkFile -----------------------------------------------------------------------------


async def check_file(
    ls: PortalisServer, diagnostics: DiagnosticsFeature, args: tuple[Any, ...]
) -> dict[str, Any]:
    """The differential check. It RUNS the user's module (as the user asked by invoking it)."""
    from backend.transpiler.check import check_module

    path, uri, snap = _python_file(ls, args, CHECK_FILE)
    result = await ls.service.run_background(lambda: check_module(snap.source, filename=path.name))
    lines = snap.source.splitlines()
    found: list[types.Diagnostic] = []
    if result.nothing_to_run:
        ls.show(types.MessageType.Info, f"Portalis: {result.message or 'nothing to run'}")
    elif result.matches:
        ls.show(
            types.MessageType.Info,
            f"Portalis: ✓ {path.name}: the Rust translation prints exactly what CPython prints.",
        )
    else:
        stage = f" ({result.stage_failed} failed)" if result.stage_failed else ""
        detail = result.message or "the outputs differ"
        ls.show(types.MessageType.Warning, f"Portalis: ✗ {path.name}{stage}: {detail}")
        from backend.transpiler import SourceRange

        main_line = _main_guard_line(lines)
        found.append(
            types.Diagnostic(
                range=lsp_range(lines, SourceRange(main_line, 0, main_line, 1000)),
                message=f"Rust and CPython differ{stage}: {detail}\n{result.diff[:2000]}".rstrip(),
                severity=types.DiagnosticSeverity.Warning,
                code="PRT900",
                source=SOURCE,
            )
        )
    if snap.version is not None:
        diagnostics.set(uri, "check", found, snap)
    return {
        "matches": result.matches,
        "nothing_to_run": result.nothing_to_run,
        "stage_failed": result.stage_failed,
        "message": result.message,
        "diff": result.diff,
        "python_stdout": result.python_stdout,
        "rust_stdout": result.rust_stdout,
    }


def _main_guard_line(lines: list[str]) -> int:
    for index, line in enumerate(lines, start=1):
        if line.startswith("if __name__"):
            return index
    return 1
