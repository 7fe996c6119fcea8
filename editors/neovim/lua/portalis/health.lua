-- :checkhealth portalis
local M = {}

--- The server command in use: setup()'s, else vim.lsp.config's (0.11+), else the default.
local function server_cmd()
  local portalis = require('portalis')
  if portalis.setup_config then
    return portalis.setup_config.cmd, 'setup()'
  end
  if vim.lsp.config then
    local config = vim.lsp.config[portalis.name]
    if config and config.cmd then
      return config.cmd, "vim.lsp.config('portalis')"
    end
  end
  return portalis.default_config().cmd, 'default'
end

local function check_neovim()
  local version = vim.version()
  local shown = string.format('Neovim %d.%d.%d', version.major, version.minor, version.patch)
  if vim.fn.has('nvim-0.11') == 1 then
    vim.health.ok(shown .. ": vim.lsp.enable('portalis') works")
  elseif vim.fn.has('nvim-0.10') == 1 then
    vim.health.ok(shown .. ": use require('portalis').setup()")
  else
    vim.health.error(shown .. ': Portalis needs Neovim 0.10 or newer')
  end
end

local function check_server()
  local cmd, origin = server_cmd()
  if type(cmd) ~= 'table' then
    vim.health.info('the server command is a function (' .. origin .. '): not checked')
    return
  end
  local program = cmd[1]
  if vim.fn.executable(program) ~= 1 then
    vim.health.error(program .. ' not found on PATH (command from ' .. origin .. ')', {
      "install Portalis into a Python environment: pip install -e '.[test]' in a checkout",
      "put that environment's bin folder on PATH, or set cmd to the full path of portalis-lsp",
    })
    return
  end
  vim.health.ok(program .. ' found: ' .. vim.fn.exepath(program))
  local probe = vim.list_extend(vim.deepcopy(cmd), { '--version' })
  local ran = vim.system(probe, { text = true }):wait(30000)
  if ran.code == 0 then
    vim.health.ok('server version: ' .. vim.trim(ran.stdout or ''))
  else
    vim.health.warn(
      table.concat(probe, ' ') .. ' failed (exit ' .. ran.code .. '): ' .. vim.trim(ran.stderr or '')
    )
  end
end

local function check_clients()
  local clients = vim.lsp.get_clients({ name = require('portalis').name })
  if #clients == 0 then
    vim.health.info('no Portalis client running (it starts when a Python file is opened)')
  end
  for _, client in ipairs(clients) do
    local buffers = vim.tbl_count(client.attached_buffers or {})
    local root = client.root_dir or client.config.root_dir or '(no root)'
    vim.health.ok(string.format('client %d running, root %s, %d buffer(s)', client.id, root, buffers))
  end
end

function M.check()
  vim.health.start('portalis')
  check_neovim()
  check_server()
  check_clients()
end

return M
