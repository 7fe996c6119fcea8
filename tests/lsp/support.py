"""Shared helpers for the language-server tests (pytest-lsp over stdio)."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

HERE = Path(__file__).resolve().parent
WORKSPACE = HERE / "workspace"
REPO = HERE.parent.parent
CLIENTS = ["visual-studio-code", "neovim"]
SERVER_COMMAND = [sys.executable, "-m", "lsp_server", "--log-level", "debug"]


def server_config(**env: str) -> ClientServerConfig:
    return ClientServerConfig(
        server_command=SERVER_COMMAND,
        server_env={**os.environ, "PYTHONPATH": str(REPO), **env},
    )


def copy_workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(WORKSPACE, root)
    return root


def capabilities(profile: str, *, resolve: bool = True) -> types.ClientCapabilities:
    caps = client_capabilities(profile)
    if not resolve and caps.text_document and caps.text_document.code_action:
        caps.text_document.code_action.resolve_support = None
    return caps


async def initialize(
    client: LanguageClient,
    profile: str,
    root: Path,
    *,
    options: dict[str, Any] | None = None,
    resolve: bool = True,
) -> None:
    # Whole-file diagnostics translate every opened file in the background: off unless a
    # test is about them, so that the suite stays fast on two cores.
    await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(profile, resolve=resolve),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
            initialization_options={"diagnostics": False, **(options or {})},
        )
    )


def open_doc(
    client: LanguageClient,
    path: Path,
    text: str | None = None,
    *,
    version: int = 1,
    language: str = "python",
) -> str:
    uri = path.as_uri()
    content = path.read_text(encoding="utf-8") if text is None else text
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, version, content))
    )
    return uri


def change_doc(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def line_of(path_or_text: Path | str, needle: str) -> int:
    """0-based line of the first line containing `needle`."""
    text = path_or_text.read_text() if isinstance(path_or_text, Path) else path_or_text
    for index, line in enumerate(text.splitlines()):
        if needle in line:
            return index
    raise AssertionError(f"{needle!r} not found")


async def hover(client: LanguageClient, uri: str, line: int, character: int = 4) -> str | None:
    result = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
    )
    if result is None:
        return None
    assert isinstance(result.contents, types.MarkupContent)
    return result.contents.value


async def code_actions(
    client: LanguageClient,
    uri: str,
    start: int,
    end: int | None = None,
    only: list[str] | None = None,
) -> list[types.CodeAction]:
    end = start if end is None else end
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(start, 0), types.Position(end, 0)),
            types.CodeActionContext(diagnostics=[], only=only),
        )
    )
    return [a for a in result or [] if isinstance(a, types.CodeAction)]


def apply_edit(edit: types.WorkspaceEdit) -> None:
    """Apply a WorkspaceEdit to the files on disk, like an editor would (UTF-16 columns
    equal code points for the ASCII files used here)."""
    changes: list[Any] = list(edit.document_changes or [])
    for uri, text_edits in (edit.changes or {}).items():
        changes.append(
            types.TextDocumentEdit(types.OptionalVersionedTextDocumentIdentifier(uri), text_edits)
        )
    for change in changes:
        if isinstance(change, types.CreateFile):
            path = _path(change.uri)
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                path.write_text("")
        elif isinstance(change, types.TextDocumentEdit):
            path = _path(change.text_document.uri)
            text = path.read_text() if path.exists() else ""
            for text_edit in sorted(
                change.edits,
                key=lambda e: (e.range.start.line, e.range.start.character),
                reverse=True,
            ):
                assert isinstance(text_edit, types.TextEdit)
                text = _apply(text, text_edit)
            path.write_text(text)


def _path(uri: str) -> Path:
    assert uri.startswith("file://")
    return Path(uri[len("file://") :])


def _offset(text: str, position: types.Position) -> int:
    lines = text.split("\n")
    assert position.line <= len(lines), (position, len(lines))
    if position.line == len(lines):
        return len(text)
    return sum(len(line) + 1 for line in lines[: position.line]) + position.character


def _apply(text: str, edit: types.TextEdit) -> str:
    start, end = _offset(text, edit.range.start), _offset(text, edit.range.end)
    return text[:start] + edit.new_text + text[end:]


async def wait_for(predicate: Callable[[], Any], timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        await asyncio.sleep(0.05)
    raise AssertionError("timed out waiting for the server")


async def raw_request(client: LanguageClient, msg_id: int, method: str, params: Any) -> Any:
    """Send a request whose params are not checked by the client (malformed on purpose)."""
    future: Future[Any] = Future()
    client.protocol._request_futures[msg_id] = future
    client.protocol._send_data({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})
    return await asyncio.wait_for(asyncio.wrap_future(future), 10)
