"""Neovim's built-in LSP client (Debian's package, headless) with editors/neovim/charterlint.lua:
it attaches `charterlint server` to a charter buffer and shows charterlint's findings."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import MINIMAL_CHARTER, ROOT

CONFIG = ROOT / "editors" / "neovim" / "charterlint.lua"
# Wait for the diagnostics (at most 20 s), write them as JSON, quit.
READ_BACK = """\
lua vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
lua local found = {}
  \\ for _, d in ipairs(vim.diagnostic.get(0)) do
  \\   local lsp = d.user_data and d.user_data.lsp or {}
  \\   table.insert(found, { code = d.code or lsp.code, lnum = d.lnum, col = d.col, severity = d.severity, message = d.message })
  \\ end
  \\ vim.fn.writefile({ vim.fn.json_encode(found) }, vim.g.charterlint_out)
qall!
"""


@pytest.mark.skipif(shutil.which("nvim") is None,
                    reason="nvim is not installed (.ci/run installs Debian's neovim where it can)")
def test_neovim_attaches_the_server_and_shows_the_findings(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".charterlint.yaml").write_text("today: 2026-01-01\nignore: [CH101, CH104, CH403]\n",
                                                encoding="utf-8")
    charter = tmp_path / "w.charter.yaml"
    charter.write_text(MINIMAL_CHARTER.replace("    type: phone\n", "    type: Phone\n"), encoding="utf-8")
    script = tmp_path / "read-back.vim"
    script.write_text(READ_BACK, encoding="utf-8")
    out = tmp_path / "diagnostics.json"
    command = json.dumps([sys.executable, "-m", "charterlint", "server"])
    result = subprocess.run(
        ["nvim", "--headless", "--clean", "--cmd", f"lua vim.g.charterlint_cmd = vim.fn.json_decode('{command}')",
         "--cmd", f"let g:charterlint_out = '{out}'", "-u", str(CONFIG), str(charter), "-S", str(script)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert out.is_file(), result.stdout + result.stderr
    found = json.loads(out.read_text(encoding="utf-8"))
    assert [(d.get("code"), d["lnum"], d["col"], d["severity"]) for d in found] == [
        ("CH013", 8, 10, 1), (None, 8, 10, 4)]  # the error, and the note that rules skipped the channels (a hint)
    assert found[1]["message"] == "note: rules did not run on channels: fix the error on line 9 first"
    assert found[0]["message"].startswith('"Phone" is not a valid "type" in channel "phone": expected one of phone,')
