"""The WorkspaceEdit a "Translate to Rust" action applies.

The translation goes to `<stem>.rs` next to the Python file, or under the `outputDir`
setting (mirroring the file's place in the workspace). Each translated item lives in a block

    // portalis:begin name
    …
    // portalis:end name

A new file is created with `CreateFile` (plus a text edit that fills it, for clients that
ignore the content of created files); an existing file gets one text edit that replaces
only the item's previous block, or appends a new block at the end. Nothing outside the
markers is ever touched. The edit carries the .rs document's version when the editor has
it open.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path

from backend.transpiler import Translation
from lsp_server.positions import end_of, utf16_length

BEGIN = "// portalis:begin {name}"
END = "// portalis:end {name}"


class EditError(Exception):
    """The edit cannot be made safely (the message is for the user)."""


@dataclass(frozen=True)
class Existing:
    text: str
    version: int | None  # the editor's version when it has the file open


def output_path(python_path: Path, output_dir: str | None, root: Path | None) -> Path:
    if not output_dir:
        return python_path.with_suffix(".rs")
    out = Path(output_dir).expanduser()
    if not out.is_absolute():
        out = (root or python_path.parent) / out
    if root is not None and python_path.is_relative_to(root):
        return out / python_path.relative_to(root).with_suffix(".rs")
    return out / python_path.with_suffix(".rs").name


def block(name: str, translation: Translation, origin: str) -> str:
    status = translation.status.value
    header = (
        f"// Translated by Portalis from {origin} "
        f"(status: {status}, confidence {translation.confidence:.2f})."
    )
    body = translation.rust_code.rstrip("\n")
    return f"{BEGIN.format(name=name)}\n{header}\n{body}\n{END.format(name=name)}\n"


def block_edit(existing: str, name: str, new_block: str) -> types.TextEdit:
    """Replace `name`'s block in `existing`, or append it."""
    lines = existing.split("\n")
    begin = BEGIN.format(name=name)
    end = END.format(name=name)
    starts = [i for i, line in enumerate(lines) if line.rstrip("\r") == begin]
    ends = [i for i, line in enumerate(lines) if line.rstrip("\r") == end]
    if len(starts) > 1 or len(ends) > 1:
        raise EditError(f"the Rust file has more than one `{begin}` block; edit it by hand")
    if starts or ends:
        if not (starts and ends and starts[0] < ends[0]):
            raise EditError(f"the Rust file has `{begin}` without a matching `{end}`")
        first, last = starts[0], ends[0]
        if last + 1 < len(lines):
            stop = types.Position(last + 1, 0)
            text = new_block
        else:  # the end marker is the last line, without a newline after it
            stop = types.Position(last, utf16_length(lines[last]))
            text = new_block.rstrip("\n")
        return types.TextEdit(types.Range(types.Position(first, 0), stop), text)
    at = end_of(existing)
    if not existing or existing.endswith("\n\n"):
        prefix = ""
    elif existing.endswith("\n"):
        prefix = "\n"
    else:
        prefix = "\n\n"
    return types.TextEdit(types.Range(at, at), prefix + new_block)


def workspace_edit(
    target: Path,
    name: str,
    new_block: str,
    existing: Existing | None,
    *,
    document_changes: bool,
    can_create: bool,
) -> types.WorkspaceEdit:
    """The edit for `target`; `existing` is None when the file does not exist yet."""
    uri = from_fs_path(str(target)) or target.as_uri()
    target.parent.mkdir(parents=True, exist_ok=True)
    if existing is None:
        if not (document_changes and can_create):
            # The client cannot create files: create it empty, then fill it with an edit.
            target.touch(exist_ok=True)
        existing_text, version = "", None
    else:
        existing_text = existing.text
        version = existing.version if existing.version and existing.version > 0 else None
    edit = block_edit(existing_text, name, new_block)
    if not document_changes:
        return types.WorkspaceEdit(changes={uri: [edit]})
    changes: list[
        types.TextDocumentEdit | types.CreateFile | types.RenameFile | types.DeleteFile
    ] = []
    if existing is None and can_create:
        changes.append(
            types.CreateFile(uri=uri, options=types.CreateFileOptions(ignore_if_exists=True))
        )
    changes.append(
        types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=[edit],
        )
    )
    return types.WorkspaceEdit(document_changes=changes)
