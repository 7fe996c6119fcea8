-- Portalis for Neovim: the client side of the `portalis-lsp` language server.
--
-- Neovim 0.11+: `vim.lsp.enable('portalis')` (the config is in lsp/portalis.lua).
-- Neovim 0.10:  `require('portalis').setup()` (starts the server with vim.lsp.start).
-- Either way, buffers the server attaches to get :PortalisTranslate, :PortalisShowTranslation,
-- :PortalisCheck and :PortalisTranslateWorkspace.
local M = {}

M.name = 'portalis'
-- The server's code action kind (Refactor > Rewrite).
M.action_kind = 'refactor.rewrite.rust'

-- The server settings and their defaults (docs/editors.md, "Settings"). `apiKey` and
-- `outputDir` have no default; `logLevel` unset keeps the level the server started with.
local default_settings = {
  backend = 'embedded',
  interactiveTimeoutMs = 2000,
  verify = true,
  diagnostics = true,
}

--- The client configuration, shared by lsp/portalis.lua and setup().
---@return vim.lsp.Config
function M.default_config()
  return {
    cmd = { 'portalis-lsp' },
    filetypes = { 'python' },
    root_markers = { 'pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt', '.git' },
    settings = { portalis = vim.deepcopy(default_settings) },
    on_attach = function(client, bufnr)
      M.on_attach(client, bufnr)
    end,
  }
end

-- The configuration setup() was called with (read by :checkhealth portalis).
M.setup_config = nil

-- Client methods are called with `:` from 0.11 on (the `.` form is deprecated there).
local modern = vim.fn.has('nvim-0.11') == 1

local function request(client, method, params, handler, bufnr)
  if modern then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local function notify(message, level)
  vim.notify('Portalis: ' .. message, level or vim.log.levels.INFO)
end

--- The Portalis client attached to `bufnr`, or nil (with a message).
local function client_for(bufnr)
  local client = vim.lsp.get_clients({ bufnr = bufnr, name = M.name })[1]
  if client == nil then
    notify('the language server is not attached to this buffer', vim.log.levels.ERROR)
  end
  return client
end

-- --- :PortalisTranslate --------------------------------------------------------------------

--- The URIs a WorkspaceEdit changes.
local function edited_uris(edit)
  local uris = {}
  for _, change in ipairs(edit.documentChanges or {}) do
    local uri = change.textDocument and change.textDocument.uri or change.uri
    if uri then
      uris[uri] = true
    end
  end
  for uri in pairs(edit.changes or {}) do
    uris[uri] = true
  end
  return vim.tbl_keys(uris)
end

--- Apply `edit`, then write each file it changed, unless that file's buffer already had
--- unsaved changes of the user's (those are left for the user to write).
local function apply_and_write(edit, offset_encoding)
  local uris = edited_uris(edit)
  local had_changes = {}
  for _, uri in ipairs(uris) do
    local buf = vim.fn.bufnr(vim.uri_to_fname(uri))
    had_changes[uri] = buf ~= -1 and vim.bo[buf].modified
  end
  vim.lsp.util.apply_workspace_edit(edit, offset_encoding)
  local written = {}
  for _, uri in ipairs(uris) do
    local buf = vim.uri_to_bufnr(uri)
    if not had_changes[uri] and vim.api.nvim_buf_is_loaded(buf) then
      vim.api.nvim_buf_call(buf, function()
        vim.cmd('silent update')
      end)
      table.insert(written, vim.fn.fnamemodify(vim.uri_to_fname(uri), ':~:.'))
    end
  end
  if #written > 0 then
    notify('wrote ' .. table.concat(written, ', '))
  end
end

--- From the listed actions: the selection's with a range, else the first one (the item
--- at the cursor when there is one, else the whole file).
local function pick_action(actions, with_range)
  if with_range then
    for _, action in ipairs(actions) do
      local target = type(action.data) == 'table' and action.data.target or nil
      if target and target.kind == 'selection' then
        return action
      end
    end
  end
  return actions[1]
end

--- Translate the item at the cursor (or the lines `line1`..`line2`) into the .rs file and
--- write it.
---@param bufnr integer
---@param line1 integer|nil first line (1-based) of a range
---@param line2 integer|nil last line of that range
function M.translate(bufnr, line1, line2)
  local client = client_for(bufnr)
  if client == nil then
    return
  end
  local range
  if line1 then
    range = { start = { line = line1 - 1, character = 0 }, ['end'] = { line = line2, character = 0 } }
  else
    local cursor = vim.api.nvim_win_get_cursor(0)
    local at = { line = cursor[1] - 1, character = 0 }
    range = { start = at, ['end'] = at }
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = range,
    context = { diagnostics = {}, only = { M.action_kind } },
  }
  request(client, 'textDocument/codeAction', params, function(err, actions)
    if err or not actions or #actions == 0 then
      notify(err and err.message or 'nothing to translate here', vim.log.levels.WARN)
      return
    end
    local action = pick_action(actions, line1 ~= nil)
    if action.edit then
      apply_and_write(action.edit, client.offset_encoding)
      return
    end
    request(client, 'codeAction/resolve', action, function(resolve_err, resolved)
      if resolve_err or not (resolved and resolved.edit) then
        local reason = resolve_err and resolve_err.message or 'the server sent no edit'
        notify('could not translate: ' .. reason, vim.log.levels.ERROR)
        return
      end
      apply_and_write(resolved.edit, client.offset_encoding)
    end, bufnr)
  end, bufnr)
end

-- --- server commands ------------------------------------------------------------------------

local function execute(bufnr, command, arguments, on_result)
  local client = client_for(bufnr)
  if client == nil then
    return
  end
  local params = { command = command, arguments = arguments }
  request(client, 'workspace/executeCommand', params, function(err, result)
    if err then
      notify(command .. ' failed: ' .. err.message, vim.log.levels.ERROR)
    elseif on_result then
      on_result(result)
    end
  end, bufnr)
end

--- Open the whole file's translation in a read-only buffer.
function M.show_translation(bufnr)
  execute(bufnr, 'portalis.showTranslation', { vim.uri_from_bufnr(bufnr) }, function(result)
    local path = vim.uri_to_fname(result.uri)
    if not result.shown then -- the server could not ask Neovim to show it
      vim.cmd('split ' .. vim.fn.fnameescape(path))
    end
    local preview = vim.fn.bufnr(path)
    if preview ~= -1 then
      vim.bo[preview].readonly = true
    end
  end)
end

--- The differential check: runs the module under CPython and as Rust. The server reports
--- the verdict as a message and a diagnostic.
function M.check(bufnr)
  local file = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':t')
  notify('checking ' .. file .. ' (runs it under CPython and as Rust)')
  execute(bufnr, 'portalis.checkFile', { vim.uri_from_bufnr(bufnr) })
end

--- Translate every Python file of the workspace into a Cargo crate (progress and the
--- summary come from the server).
function M.translate_workspace(bufnr)
  execute(bufnr, 'portalis.translateWorkspace', {})
end

-- --- attaching ------------------------------------------------------------------------------

--- Create the buffer-local user commands (called when the client attaches).
function M.on_attach(_, bufnr)
  local function command(name, fn, opts)
    vim.api.nvim_buf_create_user_command(bufnr, name, fn, opts)
  end
  command('PortalisTranslate', function(args)
    if args.range > 0 then
      M.translate(bufnr, args.line1, args.line2)
    else
      M.translate(bufnr)
    end
  end, { range = true, desc = 'Portalis: translate the item at the cursor (or the lines) to Rust' })
  command('PortalisShowTranslation', function()
    M.show_translation(bufnr)
  end, { desc = "Portalis: show this file's Rust translation" })
  command('PortalisCheck', function()
    M.check(bufnr)
  end, { desc = 'Portalis: run this file under CPython and as Rust, compare' })
  command('PortalisTranslateWorkspace', function()
    M.translate_workspace(bufnr)
  end, { desc = 'Portalis: translate the workspace into a Cargo crate' })
end

-- --- Neovim 0.10: setup() -------------------------------------------------------------------

--- Start (or reuse) the server for `bufnr`.
local function start(bufnr, config)
  if vim.bo[bufnr].buftype ~= '' then
    return
  end
  local root = vim.fs.root(bufnr, config.root_markers)
    or vim.fs.dirname(vim.api.nvim_buf_get_name(bufnr))
  return vim.lsp.start({
    name = M.name,
    cmd = config.cmd,
    cmd_env = config.cmd_env,
    root_dir = root,
    settings = config.settings,
    init_options = config.init_options,
    capabilities = config.capabilities,
    on_attach = config.on_attach,
  }, { bufnr = bufnr })
end

--- Start the server for every Python buffer (for Neovim 0.10; on 0.11+ prefer
--- `vim.lsp.enable('portalis')`). `opts` overrides fields of default_config(); an
--- `on_attach` of yours runs after the one that creates the user commands.
---@param opts table|nil
function M.setup(opts)
  opts = opts or {}
  local config = vim.tbl_deep_extend('force', M.default_config(), opts)
  if opts.on_attach then
    config.on_attach = function(client, bufnr)
      M.on_attach(client, bufnr)
      opts.on_attach(client, bufnr)
    end
  end
  M.setup_config = config
  local group = vim.api.nvim_create_augroup('portalis', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = config.filetypes,
    callback = function(event)
      start(event.buf, config)
    end,
  })
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    local filetype = vim.bo[bufnr].filetype
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(config.filetypes, filetype) then
      start(bufnr, config)
    end
  end
end

return M
