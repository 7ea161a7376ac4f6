"""Issue 14, item 14: a run stopped while its reports are made leaves the previous run's reports as
they were, never a new JSON beside an old SARIF; a signal while they are written waits for the set."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from charterlint import atomic as outputs
from charterlint.atomic import Staged
from charterlint.exits import Interrupted, stop_on_signals
from tests.helpers import CHARTER, ROOT, run, write

FORMATS = ["--format", "json:r.json", "--format", "sarif:r.sarif", "--today", "2026-01-01", "--no-cache"]


@pytest.fixture
def previous_run(project: Path) -> Path:
    (project / ".git").mkdir()
    write(project / "w.charter.yaml", CHARTER)
    (project / "r.json").write_text("previous json\n", encoding="utf-8")
    (project / "r.sarif").write_text("previous sarif\n", encoding="utf-8")
    return project


@pytest.fixture
def handlers() -> Iterator[None]:
    """charterlint's own signal handlers, as the console entry point installs them; restored after."""
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    stop_on_signals()
    yield
    for signum, handler in saved.items():
        signal.signal(signum, handler)


def test_a_stop_while_rendering_writes_no_report(previous_run: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from charterlint.reporters import sarif

    def interrupted(*args: object) -> Iterator[str]:  # Ctrl-C arrives while the second report is written
        yield '{"version": "2.1.0",'
        raise Interrupted(signal.SIGINT)

    monkeypatch.setattr(sarif, "stream", interrupted)
    code, _, err = run(["check", *FORMATS], capsys)
    assert (code, err) == (130, "aborted\n")
    assert (previous_run / "r.json").read_text(encoding="utf-8") == "previous json\n"  # was the new one
    assert (previous_run / "r.sarif").read_text(encoding="utf-8") == "previous sarif\n"
    assert sorted(path.name for path in previous_run.iterdir() if path.name.startswith(".r")) == []


def test_a_signal_while_writing_waits_for_the_whole_set(previous_run: Path, handlers: None,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    real = outputs.commit
    sent: list[str] = []

    def signalled(staged: Staged) -> None:
        if not sent:
            sent.append(staged.target.name)
            os.kill(os.getpid(), signal.SIGTERM)  # delivered only once the set is in place
        real(staged)

    monkeypatch.setattr(outputs, "commit", signalled)
    code, _, err = run(["check", *FORMATS], capsys)
    assert (code, err) == (143, "aborted\n") and sent == ["r.json"]
    assert (previous_run / "r.json").read_text(encoding="utf-8").startswith("{")
    assert (previous_run / "r.sarif").read_text(encoding="utf-8").startswith("{")


_FILE_SIZE_LIMITED = """
import resource, signal, subprocess, sys
def limit():  # a disk that fills after 2 KB a file: writes past it fail with EFBIG, as ENOSPC would
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))
run = subprocess.run(sys.argv[1:], capture_output=True, text=True, preexec_fn=limit)
print(run.returncode, run.stderr, end="")
"""


def test_a_full_disk_while_writing_leaves_the_previous_set(previous_run: Path) -> None:
    # The small JSON report fits, the larger SARIF does not: neither is put in place.
    command = [sys.executable, "-c", "from charterlint.cli.app import console; console()", "check",
               "--format", "json:r.json", "--format", "sarif:r.sarif", "--today", "2026-01-01", "--no-cache",
               "--select", "CH0"]
    completed = subprocess.run([sys.executable, "-c", _FILE_SIZE_LIMITED, *command], cwd=previous_run,
                               capture_output=True, text=True, timeout=60, check=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    code, _, err = completed.stdout.partition(" ")
    assert code == "2"
    assert err == 'charterlint: error: cannot write "r.sarif": File too large\n'
    assert (previous_run / "r.json").read_text(encoding="utf-8") == "previous json\n"
    assert (previous_run / "r.sarif").read_text(encoding="utf-8") == "previous sarif\n"
    assert sorted(path.name for path in previous_run.iterdir()) == [".git", "r.json", "r.sarif", "w.charter.yaml"]
