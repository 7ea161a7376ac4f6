"""`charterlint server` where its optional dependencies are missing: a clear message, exit 2."""

from __future__ import annotations

import sys

import pytest

from tests.helpers import run


def test_server_without_pygls_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    for name in [module for module in sys.modules if module.startswith(("charterlint.server.", "pygls", "lsprotocol"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "lsprotocol", None)  # an import of it fails, as when it is not installed
    code, out, err = run(["server"], capsys)
    assert (code, out) == (2, "")
    assert err == ("charterlint: error: charterlint server needs the server extra (lsprotocol is not installed):"
                   " pip install 'charterlint[server]'\n")
