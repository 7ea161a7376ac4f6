-- charterlint's language server in Neovim's built-in LSP client (Neovim 0.7 and later).
--
-- Put this file in your config (for example ~/.config/nvim/lua/charterlint.lua) and add
-- `require("charterlint")` to init.lua. Every *.charter.yaml, .yml, .json and .md buffer gets
-- charterlint's findings as diagnostics, hover (K), completion, go to definition and code actions.
-- Set vim.g.charterlint_cmd first to run another command, e.g. { ".venv/bin/charterlint", "server" }.
local M = {}

local clients = {} -- one server per project folder

-- The folder of the nearest .charterlint.yaml, pyproject.toml or .git above `file`, else its own.
local function project_of(file)
  local folder = vim.fn.fnamemodify(file, ":p:h")
  for _, marker in ipairs({ ".charterlint.yaml", "pyproject.toml" }) do
    local found = vim.fn.findfile(marker, folder .. ";")
    if found ~= "" then
      return vim.fn.fnamemodify(found, ":p:h")
    end
  end
  local git = vim.fn.finddir(".git", folder .. ";")
  return git ~= "" and vim.fn.fnamemodify(git, ":p:h:h") or folder
end

function M.attach(bufnr)
  local root = project_of(vim.api.nvim_buf_get_name(bufnr))
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({
      name = "charterlint",
      cmd = vim.g.charterlint_cmd or { "charterlint", "server" },
      root_dir = root,
    })
    clients[root] = id
  end
  if id ~= nil then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
  pattern = { "*.charter.yaml", "*.charter.yml", "*.charter.json", "*.charter.md" },
  callback = function(args)
    M.attach(args.buf)
  end,
})

return M
