-- Drives Neovim's built-in LSP client against `whittle lsp` (run by NvimLspTest, headless):
-- opens $WHITTLE_FILE, waits for whittle's diagnostics, asks for the code actions on the line of the first
-- diagnostic of pass $WHITTLE_PASS, applies the fix of that pass, and writes the buffer to $WHITTLE_OUT.
-- Everything it saw goes to $WHITTLE_LOG; it exits 0 only when all of that worked.
local log_file = assert(io.open(os.getenv('WHITTLE_LOG'), 'w'))
local function log(...)
  log_file:write(table.concat(vim.tbl_map(tostring, { ... }), ' '), '\n')
  log_file:flush()
end
local function fail(msg)
  log('FAIL', msg)
  log_file:close()
  vim.cmd('cquit 1')
end

local ok, err = pcall(function()
  local cmd = vim.split(os.getenv('WHITTLE_CMD'), '\n', { plain = true })
  local pass = os.getenv('WHITTLE_PASS')
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('WHITTLE_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'whittle',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(os.getenv('WHITTLE_FILE'), ':h'),
  })
  if not client_id then return fail('the client did not start') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function ours()
    return vim.tbl_filter(function(d) return d.source == 'whittle' end, vim.diagnostic.get(bufnr))
  end
  if not vim.wait(60000, function() return #ours() > 0 end, 50) then
    return fail('no diagnostics from whittle within 60 s')
  end
  local target
  for _, d in ipairs(ours()) do
    log('diagnostic', d.lnum + 1, d.severity, d.message)
    if not target and d.message:find('[' .. pass .. ']', 1, true) then target = d end
  end
  if not target then return fail('no diagnostic of ' .. pass) end

  local client = vim.lsp.get_client_by_id(client_id)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = target.lnum, character = 0 }, ['end'] = { line = target.lnum, character = 0 } },
    context = { diagnostics = {} },
  }
  local response = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 30000)
  if not response or not response[client_id] or response[client_id].err then
    return fail('no code actions: ' .. vim.inspect(response))
  end
  local chosen
  for _, action in ipairs(response[client_id].result or {}) do
    log('action', action.kind, action.title)
    if not chosen and action.kind == 'quickfix' and action.title:find('[' .. pass .. ']', 1, true) then
      chosen = action
    end
  end
  if not chosen then return fail('no quick fix for ' .. pass) end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  vim.cmd('write! ' .. vim.fn.fnameescape(os.getenv('WHITTLE_OUT')))
  log('applied', chosen.title)
  client.stop()
end)
if not ok then return fail(tostring(err)) end
log_file:close()
vim.cmd('qall!')
