"""The VS Code extension (editors/vscode): it serves the charter files, starts `charterlint server`,
and packages into a .vsix with @vscode/vsce (when npm is available)."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from charterlint.source.discovery import CHARTER_PATTERNS
from tests.helpers import ROOT

EXTENSION = ROOT / "editors" / "vscode"


def test_the_extension_associates_every_charter_suffix_and_starts_the_server() -> None:
    manifest = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    associated = {suffix for language in manifest["contributes"]["languages"] for suffix in language["extensions"]}
    assert associated == {pattern.removeprefix("*") for pattern in CHARTER_PATTERNS}
    assert manifest["main"] == "./extension.js"
    assert "vscode-languageclient" in manifest["dependencies"]
    assert manifest["capabilities"]["untrustedWorkspaces"]["supported"] is False  # plugins run code
    script = (EXTENSION / "extension.js").read_text(encoding="utf-8")
    assert '"server"]' in script and '"**/*.charter.{yaml,yml,json,md}"' in script


@pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed: the .vsix is not built here")
def test_vsce_packages_the_extension(tmp_path: Path) -> None:
    work = tmp_path / "vscode"
    shutil.copytree(EXTENSION, work, ignore=shutil.ignore_patterns("node_modules", "*.vsix", "package-lock.json"))
    assert subprocess.run(["node", "--check", "extension.js"], cwd=work).returncode == 0
    install = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=work,
                             capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr
    package = subprocess.run(["npx", "--no-install", "vsce", "package", "--out", "charterlint.vsix"], cwd=work,
                             capture_output=True, text=True, timeout=600)
    assert package.returncode == 0, package.stdout + package.stderr
    with zipfile.ZipFile(work / "charterlint.vsix") as vsix:
        names = set(vsix.namelist())
    assert {"extension/package.json", "extension/extension.js", "extension/LICENSE.txt"} <= names \
        or {"extension/package.json", "extension/extension.js", "extension/LICENSE"} <= names
    assert any(name.startswith("extension/node_modules/vscode-languageclient/") for name in names)
    assert not any(name.startswith("extension/node_modules/@vscode/vsce/") for name in names)  # a dev dependency
