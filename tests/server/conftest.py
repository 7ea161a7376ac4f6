"""The language server under a real LSP client (pytest-lsp): `charterlint server` in a subprocess,
driven over stdio, in a project folder with its own configuration."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.helpers import MINIMAL_CHARTER

# A configuration beside the charters: a fixed date, and only the findings the tests look at.
CONFIG = "today: 2026-01-01\nignore: [CH101, CH104, CH403]\n"
BROKEN = MINIMAL_CHARTER.replace("    type: phone\n", "    type: Phone\n    adress: 0800 123 456  # freephone\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the configuration search stops here
    (tmp_path / ".charterlint.yaml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "charterlint", "server"]))
async def client(lsp_client: LanguageClient, folder: Path) -> AsyncIterator[None]:
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=folder.as_uri(),
        workspace_folders=[types.WorkspaceFolder(folder.as_uri(), "project")]))
    yield
    await lsp_client.shutdown_session()


async def open_charter(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    """Open `text` as `path` in the editor and wait for its diagnostics."""
    path.write_text(text, encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(path.as_uri(), "yaml", 1, text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[path.as_uri()])


def shown(diagnostics: list[types.Diagnostic]) -> list[tuple[str, int, int, int, int, str]]:
    """(code, start line, start character, end line, end character, message) of each diagnostic."""
    return [(str(d.code), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character,
             d.message) for d in diagnostics]
