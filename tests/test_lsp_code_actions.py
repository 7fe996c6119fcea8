"""Code actions end to end: listing, resolve (and eager edits), applying the edit."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsp.support import (
    CLIENTS,
    apply_edit,
    change_doc,
    code_actions,
    copy_workspace,
    initialize,
    line_of,
    open_doc,
    server_config,
)
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.slow  # starts real processes (the language server)

KIND = "refactor.rewrite.rust"


@pytest_lsp.fixture(config=server_config(), params=CLIENTS)
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest, tmp_path: Path):
    lsp_client.root = copy_workspace(tmp_path)  # type: ignore[attr-defined]
    await initialize(lsp_client, request.param, lsp_client.root)  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


def _root(client: LanguageClient) -> Path:
    return client.root  # type: ignore[attr-defined, no-any-return]


async def test_listing_is_cheap_and_filtered(client: LanguageClient) -> None:
    shapes = _root(client) / "shapes.py"
    uri = open_doc(client, shapes)
    line = line_of(shapes, "return width * height")
    actions = await code_actions(client, uri, line)
    assert [a.title for a in actions] == ["Translate `area` to Rust", "Translate file to Rust"]
    assert all(a.kind == KIND and a.edit is None and a.data for a in actions)
    # a selection over two functions
    first, last = line_of(shapes, "def area"), line_of(shapes, "return 2 * (width")
    titles = [a.title for a in await code_actions(client, uri, first, last)]
    assert "Translate selection to Rust" in titles
    # a method: the action translates its class
    in_method = await code_actions(client, uri, line_of(shapes, "self.count += step"))
    assert in_method[0].title == "Translate `Counter` to Rust"
    # `only` filters
    assert await code_actions(client, uri, line, only=["refactor"])
    assert await code_actions(client, uri, line, only=["refactor.rewrite"])
    assert await code_actions(client, uri, line, only=["quickfix"]) == []


async def test_resolve_creates_the_file_then_replaces_only_its_block(
    client: LanguageClient,
) -> None:
    shapes = _root(client) / "shapes.py"
    rust = shapes.with_suffix(".rs")
    uri = open_doc(client, shapes)
    action = (await code_actions(client, uri, line_of(shapes, "def area")))[0]
    resolved = await client.code_action_resolve_async(action)
    assert resolved.edit is not None and resolved.edit.document_changes
    assert isinstance(resolved.edit.document_changes[0], types.CreateFile)
    apply_edit(resolved.edit)
    text = rust.read_text()
    assert text.startswith("// portalis:begin area\n")
    assert "pub fn area(width: i64, height: i64) -> i64" in text
    assert text.rstrip().endswith("// portalis:end area")

    # the user adds code around the block; the Python function changes
    rust.write_text("// my notes\n" + text + "\nfn mine() {}\n")
    changed = shapes.read_text().replace("return width * height", "return width * height * 2")
    shapes.write_text(changed)
    change_doc(client, uri, changed, 2)
    action = (await code_actions(client, uri, line_of(changed, "def area")))[0]
    resolved = await client.code_action_resolve_async(action)
    assert resolved.edit is not None
    edit = resolved.edit.document_changes[0]  # type: ignore[index]
    assert isinstance(edit, types.TextDocumentEdit)
    apply_edit(resolved.edit)
    text = rust.read_text()
    assert text.startswith("// my notes\n// portalis:begin area\n")
    assert "width.py_mul(height).py_mul(2)" in text and text.count("portalis:begin area") == 1
    assert text.endswith("\nfn mine() {}\n")

    # a second item is appended as its own block
    action = (await code_actions(client, uri, line_of(changed, "def perimeter")))[0]
    apply_edit((await client.code_action_resolve_async(action)).edit)  # type: ignore[arg-type]
    text = rust.read_text()
    assert "// portalis:begin perimeter" in text and "fn mine() {}" in text
    assert text.count("portalis:begin area") == 1


async def test_selection_and_file_actions(client: LanguageClient) -> None:
    shapes = _root(client) / "shapes.py"
    uri = open_doc(client, shapes)
    first, last = line_of(shapes, "def area"), line_of(shapes, "return 2 * (width")
    actions = {a.title: a for a in await code_actions(client, uri, first, last)}
    apply_edit(
        (await client.code_action_resolve_async(actions["Translate selection to Rust"])).edit
    )  # type: ignore[arg-type]
    apply_edit((await client.code_action_resolve_async(actions["Translate file to Rust"])).edit)  # type: ignore[arg-type]
    text = shapes.with_suffix(".rs").read_text()
    assert "// portalis:begin area+perimeter" in text
    assert "// portalis:begin shapes.py" in text and "struct Counter" in text


async def test_stale_version_gets_no_edit(client: LanguageClient) -> None:
    shapes = _root(client) / "shapes.py"
    uri = open_doc(client, shapes)
    action = (await code_actions(client, uri, line_of(shapes, "def area")))[0]
    change_doc(client, uri, shapes.read_text() + "\n# edited\n", 2)
    with pytest.raises(JsonRpcException) as err:
        await client.code_action_resolve_async(action)
    assert err.value.code == -32801  # ContentModified
    assert not shapes.with_suffix(".rs").exists()


async def test_output_dir_setting(client: LanguageClient) -> None:
    client.set_configuration({"outputDir": "rust_out"}, section="portalis")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={}))
    shapes = _root(client) / "shapes.py"
    uri = open_doc(client, shapes)
    action = (await code_actions(client, uri, line_of(shapes, "def area")))[0]
    apply_edit((await client.code_action_resolve_async(action)).edit)  # type: ignore[arg-type]
    assert "pub fn area" in (_root(client) / "rust_out" / "shapes.rs").read_text()
    assert not shapes.with_suffix(".rs").exists()


@pytest_lsp.fixture(config=server_config(), params=CLIENTS)
async def eager_client(lsp_client: LanguageClient, request: pytest.FixtureRequest, tmp_path: Path):
    lsp_client.root = copy_workspace(tmp_path)  # type: ignore[attr-defined]
    await initialize(lsp_client, request.param, lsp_client.root, resolve=False)  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def test_clients_without_resolve_get_eager_edits(eager_client: LanguageClient) -> None:
    shapes = _root(eager_client) / "shapes.py"
    uri = open_doc(eager_client, shapes)
    actions = await code_actions(eager_client, uri, line_of(shapes, "def area"))
    assert all(a.edit is not None for a in actions)
    apply_edit(actions[0].edit)  # type: ignore[arg-type]
    assert "pub fn area" in shapes.with_suffix(".rs").read_text()
