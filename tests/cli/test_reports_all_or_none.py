"""Issue 14, item 14: a run stopped while its reports are made leaves the previous run's reports as
they were, never a new JSON beside an old SARIF; a signal while they are written waits for the set."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from charterlint.cli import outputs
from charterlint.exits import Interrupted, stop_on_signals
from tests.helpers import CHARTER, run, write

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

    def interrupted(*args: object) -> str:  # Ctrl-C arrives while the second report is made
        raise Interrupted(signal.SIGINT)

    monkeypatch.setattr(sarif, "render", interrupted)
    code, _, err = run(["check", *FORMATS], capsys)
    assert (code, err) == (130, "aborted\n")
    assert (previous_run / "r.json").read_text(encoding="utf-8") == "previous json\n"  # was the new one
    assert (previous_run / "r.sarif").read_text(encoding="utf-8") == "previous sarif\n"
    assert sorted(path.name for path in previous_run.iterdir() if path.name.startswith(".r")) == []


def test_a_signal_while_writing_waits_for_the_whole_set(previous_run: Path, handlers: None,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    real = outputs.write_output
    sent: list[str] = []

    def signalled(path: str, content: str) -> None:
        if not sent:
            sent.append(path)
            os.kill(os.getpid(), signal.SIGTERM)  # delivered only once the set is written
        real(path, content)

    monkeypatch.setattr(outputs, "write_output", signalled)
    code, _, err = run(["check", *FORMATS], capsys)
    assert (code, err) == (143, "aborted\n") and sent == ["r.json"]
    assert (previous_run / "r.json").read_text(encoding="utf-8").startswith("{")
    assert (previous_run / "r.sarif").read_text(encoding="utf-8").startswith("{")
