"""A bug in charterlint exits 2 (never 1, the code for findings) with one line asking for a bug report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from charterlint.cli import check as check_module
from tests.helpers import MINIMAL_CHARTER, run

BUG_LINE = ("charterlint: internal error: RuntimeError: boom\\n::stop-commands::x (a bug in charterlint: please"
            " report it, with the command, at https://github.com/charterlint/charterlint/issues; CHARTERLINT_DEBUG=1"
            " shows the traceback)\n")


@pytest.fixture
def broken(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose run meets a bug: writing the reports raises."""
    (project / "a.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom\n::stop-commands::x")

    monkeypatch.setattr(check_module, "write_reports", boom)
    monkeypatch.delenv("CHARTERLINT_DEBUG", raising=False)
    return project


def test_an_internal_error_exits_2_with_one_line_and_no_traceback(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "--isolated", "--select", "CH0"], capsys) == (2, "", BUG_LINE)


@pytest.mark.parametrize("value", ["1", "yes"])
def test_charterlint_debug_adds_the_traceback(
    broken: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("CHARTERLINT_DEBUG", value)
    code, out, err = run(["check", "--isolated", "--select", "CH0"], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("Traceback (most recent call last):\n")
    assert "RuntimeError: boom\n::stop-commands::x\n" in err  # the traceback as Python prints it
    assert err.endswith(BUG_LINE)


def test_charterlint_debug_0_is_off(broken: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHARTERLINT_DEBUG", "0")
    assert run(["check", "--isolated", "--select", "CH0"], capsys) == (2, "", BUG_LINE)


def test_the_console_command_exits_2_on_an_internal_error(project: Path) -> None:
    """Through the installed entry point, as CI runs it: a RecursionError in the walk was exit 1 and a traceback."""
    script = ("import sys; from charterlint.source import discovery\n"
              "def walk(*args): raise RecursionError('maximum recursion depth exceeded')\n"
              "discovery._walk = walk\n"
              "from charterlint.cli.app import console\n"
              "sys.argv = ['charterlint', 'check', '--isolated', '.']\n"
              "console()\n")
    environment = {key: value for key, value in os.environ.items() if key != "CHARTERLINT_DEBUG"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment,
                          timeout=60, check=False)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == ("charterlint: internal error: RecursionError: maximum recursion depth exceeded (a bug in"
                           " charterlint: please report it, with the command, at"
                           " https://github.com/charterlint/charterlint/issues; CHARTERLINT_DEBUG=1 shows the"
                           " traceback)\n")
