-- A second LSP client: Debian's Neovim (0.7.2, which has vim.lsp.start_client but not
-- vim.lsp.start) opens an .awsflow file with the awsflow server attached, waits for the
-- diagnostics, asks for a hover, and writes what it saw to RESULT_FILE as JSON.
local file = assert(vim.env.AWSFLOW_FILE, 'AWSFLOW_FILE not set')
local server = assert(vim.env.AWSFLOW_SERVER, 'AWSFLOW_SERVER not set')
local result_file = assert(vim.env.RESULT_FILE, 'RESULT_FILE not set')

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'awsflow'

local client_id = vim.lsp.start_client({
  name = 'awsflow',
  cmd = { vim.env.NODE or 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
})

local published = false
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result and result.uri == vim.uri_from_bufnr(bufnr) then published = true end
  return default_handler(err, result, ctx, config)
end
vim.lsp.buf_attach_client(bufnr, client_id)

local out = { diagnostics = {}, hover = vim.NIL }
if vim.wait(20000, function() return published end, 50) then
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out.diagnostics, { line = d.lnum, col = d.col, severity = d.severity, message = d.message, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
  end
  local line, col = tonumber(vim.env.HOVER_LINE or 0), tonumber(vim.env.HOVER_COL or 0)
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = col } }, 5000)
  for _, response in pairs(responses or {}) do
    if response.result and response.result.contents then out.hover = response.result.contents.value or vim.NIL end
  end
else
  out.error = 'no publishDiagnostics within 20 s'
end

local handle = assert(io.open(result_file, 'w'))
handle:write(vim.fn.json_encode(out))
handle:close()
vim.lsp.stop_client(client_id)
vim.cmd('qall!')
