"""Code actions of kind `refactor.rewrite.rust`: translate the item at the cursor, the
selection, or the whole file into a `.rs` file.

Listing is cheap (the document's parsed items only); the edit is computed in
`codeAction/resolve`. Clients without resolve support get the edit eagerly. The action's
`data` records the document version: a resolve for an older version gets ContentModified
and no edit.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams

from backend.transpiler import SourceRange, Status
from lsp_server import edits
from lsp_server.app import PortalisServer, Snapshot
from lsp_server.documents import items_for, module_name
from lsp_server.segments import AnyItems

log = logging.getLogger(__name__)

KIND = "refactor.rewrite.rust"
CONTENT_MODIFIED = -32801


class ContentModified(JsonRpcException):
    CODE = CONTENT_MODIFIED
    MESSAGE = "ContentModified"


@dataclass(frozen=True)
class Target:
    """What an action translates: `item` (one top-level name), `selection`, or `file`."""

    kind: str
    names: tuple[str, ...] = ()
    first_line: int = 0
    last_line: int = 0

    def marker(self, snap: Snapshot) -> str:
        if self.kind == "file":
            return Path(snap.path or snap.uri).name
        return "+".join(self.names)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "names": list(self.names),
            "first_line": self.first_line,
            "last_line": self.last_line,
        }

    @classmethod
    def from_json(cls, data: Any) -> Target:
        if not isinstance(data, dict) or data.get("kind") not in ("item", "selection", "file"):
            raise ValueError("unknown target")
        names = data.get("names", [])
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError("bad names")
        return cls(data["kind"], tuple(names), int(data["first_line"]), int(data["last_line"]))


def register(server: PortalisServer) -> None:
    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[KIND], resolve_provider=True),
    )
    async def on_code_action(
        ls: PortalisServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        return await code_actions(ls, params)

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def on_resolve(ls: PortalisServer, action: types.CodeAction) -> types.CodeAction:
        return await resolve(ls, action)


def _wanted(only: Sequence[str] | None) -> bool:
    if not only:
        return True
    return any(k == KIND or KIND.startswith(k + ".") or k == "" for k in only)


async def code_actions(
    ls: PortalisServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    snap = ls.python_snapshot(params.text_document.uri)
    if snap is None or not _wanted(params.context.only):
        return None
    items = await items_for(ls, snap)
    if not items.ok:
        return []
    first = params.range.start.line + 1
    last = params.range.end.line + 1
    if params.range.end.character == 0 and last > first:
        last -= 1  # a selection of whole lines ends at column 0 of the next line
    targets: list[tuple[str, Target]] = []
    item = items.top_item_at(first)
    if item is not None:
        targets.append((f"Translate `{item.name}` to Rust", Target("item", (item.name,))))
    if params.range.start != params.range.end:
        covered = items.top_items_between(first, last)
        names = tuple(i.name for i in covered)
        if covered and (item is None or names != (item.name,)):
            targets.append(("Translate selection to Rust", Target("selection", names, first, last)))
    targets.append(("Translate file to Rust", Target("file")))
    actions = []
    for title, target in targets:
        data = {"uri": snap.uri, "version": snap.version, "target": target.to_json()}
        actions.append(types.CodeAction(title=title, kind=KIND, data=data))
    if not ls.client_supports_resolve():
        return [await _with_edit(ls, action, snap, items) for action in actions]
    return actions


async def resolve(ls: PortalisServer, action: types.CodeAction) -> types.CodeAction:
    data = action.data
    if not isinstance(data, dict) or not isinstance(data.get("uri"), str):
        raise JsonRpcInvalidParams("this code action was not made by Portalis")
    snap = ls.python_snapshot(data["uri"])
    if snap is None:
        raise JsonRpcInvalidParams(f"{data['uri']} is not a Python document")
    if data.get("version") != snap.version:
        raise ContentModified("the document changed since the action was listed")
    items = await items_for(ls, snap)
    return await _with_edit(ls, action, snap, items)


async def _with_edit(
    ls: PortalisServer, action: types.CodeAction, snap: Snapshot, items: AnyItems
) -> types.CodeAction:
    assert isinstance(action.data, dict)
    try:
        target = Target.from_json(action.data.get("target"))
    except (ValueError, KeyError, TypeError) as exc:
        raise JsonRpcInvalidParams(f"bad code action data: {exc}") from exc
    if not items.ok:
        raise ContentModified("the document has a syntax error")
    name = module_name(snap)
    if target.kind == "item":
        if items.get(target.names[0]) is None:
            raise ContentModified(f"`{target.names[0]}` is no longer in the document")
        source = items.reduced_source(list(target.names))
        request = ls.service.request(source, symbol=target.names[0], module_name=name)
    elif target.kind == "selection":
        source = items.reduced_source(list(target.names))
        rng = SourceRange(target.first_line, 0, target.last_line, 0)
        request = ls.service.request(source, range=rng, module_name=name)
    else:
        request = ls.service.request(snap.source, module_name=name)
    translation = await ls.service.translate(request)
    if ls.is_stale(snap):
        raise ContentModified("the document changed during the translation")
    if translation.status is Status.FAILED:
        reason = translation.diagnostics[0].message if translation.diagnostics else "no output"
        ls.show(types.MessageType.Error, f"Portalis could not translate it: {reason}")
        return action
    if snap.path is None:
        raise JsonRpcInvalidParams("only files on disk can be translated to a .rs file")
    target_path = edits.output_path(snap.path, ls.settings.output_dir, ls.workspace_root())
    origin = snap.path.name
    text = edits.block(target.marker(snap), translation, origin)
    try:
        action.edit = edits.workspace_edit(
            target_path,
            target.marker(snap),
            text,
            _existing(ls, target_path),
            document_changes=ls.client_supports_document_changes(),
            can_create=ls.client_supports_create(),
        )
    except edits.EditError as exc:
        ls.show(types.MessageType.Error, f"Portalis: {exc}")
    return action


def _existing(ls: PortalisServer, path: Path) -> edits.Existing | None:
    from pygls.uris import from_fs_path

    uri = from_fs_path(str(path)) or path.as_uri()
    doc = ls.workspace.text_documents.get(uri)
    if doc is not None:
        return edits.Existing(doc.source, doc.version)
    if path.is_file():
        return edits.Existing(path.read_text(encoding="utf-8"), None)
    return None
