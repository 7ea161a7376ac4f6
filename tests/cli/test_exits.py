"""How the `charterlint` process ends: the quick exit keeps output, atexit handlers and codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT


def test_the_quick_exit_flushes_output_runs_atexit_handlers_and_keeps_the_code() -> None:
    script = ("import atexit, sys\n"
              "from charterlint.exits import leave\n"
              "atexit.register(lambda: sys.stderr.write('handler ran'))\n"
              "sys.stdout.write('unflushed line')\n"
              "leave(3)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (3, "unflushed line", "handler ran")


def test_the_command_exits_with_its_code_and_complete_output(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "charterlint", "check", "--isolated", "--no-cache",
                           "--today", "2026-01-01", "examples/"], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 1
    assert done.stdout.rstrip().splitlines()[-1] == "8 errors, 23 warnings in 2 of 4 files"
    assert done.stderr == ""


def test_a_reader_that_went_away_is_not_an_error() -> None:
    # `charterlint check . | head -0`: the pipe is closed before anything is written
    process = subprocess.Popen([sys.executable, "-m", "charterlint", "check", "--isolated", "--no-cache",
                                "--today", "2026-01-01", "examples/"], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    errors = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Traceback" not in errors and "Exception ignored" not in errors
