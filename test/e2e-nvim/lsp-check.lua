-- Headless Neovim (0.7+) as an independent LSP client of the built server:
-- opens one file, waits for the published diagnostics, asks for hovers and
-- definitions, and writes everything as JSON. Driven by test/lsp/nvim.test.ts.
-- Environment (all set by the test):
--   PUBTATOR_NVIM_CMD       JSON array, the server command
--   PUBTATOR_NVIM_FILE      absolute path of the file to open
--   PUBTATOR_NVIM_REQUESTS  JSON {hover: [{line, character}], definition: [...]} (0-based)
--   PUBTATOR_NVIM_SETTINGS  JSON object answered for workspace/configuration
--   PUBTATOR_NVIM_MIN_DIAGNOSTICS  diagnostics to wait for
--   PUBTATOR_NVIM_TIMEOUT   ms to wait for each step
--   PUBTATOR_NVIM_OUT       where to write the JSON result

local function env(name, default)
  local v = os.getenv(name)
  if v == nil or v == '' then return default end
  return v
end

local timeout = tonumber(env('PUBTATOR_NVIM_TIMEOUT', '20000'))
local result = { nvim = string.format('%d.%d.%d', vim.version().major, vim.version().minor, vim.version().patch),
  diagnostics = {}, hover = {}, definition = {}, errors = {} }

local function finish(ok)
  result.ok = ok
  local f = io.open(env('PUBTATOR_NVIM_OUT', '/dev/stdout'), 'w')
  f:write(vim.fn.json_encode(result), '\n')
  f:close()
  -- Stop the server politely (shutdown + exit), then leave.
  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
  vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
  vim.cmd(ok and 'qall!' or 'cquit 1')
end

local ok, err = pcall(function()
  local file = env('PUBTATOR_NVIM_FILE', '')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'pubtator'

  local client_id = vim.lsp.start_client({
    name = 'pubtator',
    cmd = vim.fn.json_decode(env('PUBTATOR_NVIM_CMD', '[]')),
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    settings = { pubtator = vim.fn.json_decode(env('PUBTATOR_NVIM_SETTINGS', '{}')) },
    -- Neovim 0.7 does not announce workspace/configuration, so, like nvim-lspconfig,
    -- push the settings once the server is initialized.
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
    handlers = {
      ['window/showMessage'] = function(_, r) table.insert(result.errors, 'showMessage: ' .. tostring(r and r.message)) end,
    },
    on_exit = function(code, signal) result.serverExit = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client failed') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local inited = vim.wait(timeout, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized == true
  end, 20)
  if not inited then error('the server did not initialize within ' .. timeout .. ' ms') end

  local wanted = tonumber(env('PUBTATOR_NVIM_MIN_DIAGNOSTICS', '1'))
  vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) >= wanted end, 20)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    -- lnum/col are 0-based; col counts bytes, which equals characters on ASCII lines.
    table.insert(result.diagnostics, { line = d.lnum, character = d.col, endLine = d.end_lnum, endCharacter = d.end_col,
      severity = vim.diagnostic.severity[d.severity], code = d.code, source = d.source, message = d.message })
  end

  local requests = vim.fn.json_decode(env('PUBTATOR_NVIM_REQUESTS', '{}'))
  local uri = vim.uri_from_bufnr(bufnr)
  local function ask(method, at)
    local params = { textDocument = { uri = uri }, position = { line = at.line, character = at.character } }
    local responses, e = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
    if not responses then return nil, tostring(e) end
    for _, r in pairs(responses) do
      if r.error then return nil, r.error.message end
      return r.result
    end
  end
  for _, at in ipairs(requests.hover or {}) do
    local r, e = ask('textDocument/hover', at)
    local entry = { line = at.line, character = at.character, error = e }
    if type(r) == 'table' and r.contents then
      entry.value = type(r.contents) == 'string' and r.contents or r.contents.value
      entry.kind = type(r.contents) == 'table' and r.contents.kind or nil
    end
    table.insert(result.hover, entry)
  end
  for _, at in ipairs(requests.definition or {}) do
    local r, e = ask('textDocument/definition', at)
    local entry = { line = at.line, character = at.character, error = e, locations = {} }
    if type(r) == 'table' and (r.uri or r.targetUri) then r = { r } end
    for _, l in ipairs(type(r) == 'table' and r or {}) do
      local range = l.range or l.targetSelectionRange
      table.insert(entry.locations, { uri = l.uri or l.targetUri, line = range.start.line, character = range.start.character })
    end
    table.insert(result.definition, entry)
  end
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish(ok)
