-- Drives Neovim's built-in LSP client (0.7 and later) against the report language server, configured with
-- the README's recipe (REPORT_RECIPE), and writes what it saw to REPORT_RESULT as JSON: the diagnostics
-- pushed by the server, the document symbols, and a quick fix chosen from vim.lsp.buf.code_action()'s menu
-- and applied to the buffer by Neovim.
-- Run by test/editors/neovim.test.ts: nvim --headless -u NONE -i NONE -n -c 'luafile neovim.lua'

local recipe = os.getenv('REPORT_RECIPE')
local file = os.getenv('REPORT_FILE')
local result_path = os.getenv('REPORT_RESULT')
local out = { steps = {} }

local function step(name)
  table.insert(out.steps, name)
end

local function lines(buf)
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

local function run()
  -- The configuration from the README, as a user would put it in init.lua.
  dofile(recipe)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  assert(vim.bo[buf].filetype == 'report', 'the filetype is ' .. vim.bo[buf].filetype)
  step('opened')

  local client_id
  assert(vim.wait(10000, function()
    for id, _ in pairs(vim.lsp.buf_get_clients(buf)) do
      client_id = id
    end
    return client_id ~= nil
  end, 50), 'no client attached')
  step('attached')

  -- Diagnostics are pushed (Neovim 0.7 has no pull diagnostics).
  local got = vim.wait(20000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  assert(got, 'no diagnostics arrived')
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(out.diagnostics, {
      line = d.lnum,
      col = d.col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = lsp.code,
    })
  end
  step('diagnostics')

  -- Document symbols, as an outline plugin or :lua vim.lsp.buf.document_symbol() asks for them.
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', { textDocument = vim.lsp.util.make_text_document_params(buf) }, 10000)
  assert(responses, 'no answer to documentSymbol')
  out.symbols = {}
  local function collect(symbols, depth)
    for _, s in ipairs(symbols or {}) do
      table.insert(out.symbols, { name = s.name, depth = depth, line = (s.range or s.location.range).start.line })
      collect(s.children, depth + 1)
    end
  end
  for _, r in pairs(responses) do
    collect(r.result, 0)
  end
  step('symbols')

  -- A quick fix applied by the editor: the cursor on the dash problem, :lua vim.lsp.buf.code_action(), the
  -- menu (vim.ui.select, which a user answers) answered here with the preferred dash fix; Neovim resolves
  -- the action if needed and applies its edit with its own workspace-edit code.
  local target
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if lsp.code == 'punct-dash' then
      target = d
    end
  end
  assert(target, 'no punct-dash diagnostic')
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
  local before = table.concat(lines(buf), '\n')
  local offered = {}
  local menu_shown = false
  vim.ui.select = function(items, _, on_choice)
    menu_shown = true
    local choice
    for _, item in ipairs(items) do
      local action = item[2]
      table.insert(offered, string.format('%s [%s%s%s]', action.title, tostring(action.kind), action.edit and ', edit' or '', action.command and ', command' or ''))
      if not choice and action.kind == 'quickfix' and action.title:find('——', 1, true) then
        choice = item
      end
    end
    on_choice(choice)
  end
  vim.lsp.buf.code_action()
  assert(vim.wait(10000, function()
    return menu_shown
  end, 50), 'no code actions were offered')
  out.offered = offered
  local changed = vim.wait(10000, function()
    return table.concat(lines(buf), '\n') ~= before
  end, 50)
  assert(changed, 'the buffer did not change; actions offered: ' .. table.concat(offered, ' | '))
  out.lines_after = lines(buf)
  step('quickfix')

  -- The server sees the change: the dash problem goes away from the pushed diagnostics.
  local cleared = vim.wait(10000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      if lsp.code == 'punct-dash' then
        return false
      end
    end
    return true
  end, 50)
  out.cleared = cleared
  step('rechecked')

  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(run)
if not ok then
  out.error = tostring(err)
end
local f = io.open(result_path, 'w')
f:write(vim.fn.json_encode(out))
f:close()
vim.cmd('qall!')
