-- The Portalis language server (Python to Rust) for Neovim 0.11+:
--
--   vim.lsp.enable('portalis')
--
-- Change any field with vim.lsp.config('portalis', { ... }), e.g. the server settings:
--
--   vim.lsp.config('portalis', { settings = { portalis = { verify = false } } })
---@type vim.lsp.Config
return require('portalis').default_config()
