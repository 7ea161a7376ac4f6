"""A signal stops a run with worker processes at once (issue 14, item 6): Ctrl-C (SIGINT to the
process group, or to the parent alone) and SIGTERM end the whole run, workers included, within a
second, with exit 130 or 143, `aborted`, and no report. Real processes: `charterlint check --jobs 2`
on a generated corpus, the signal sent once both workers exist."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.generate import generate_corpus, write_corpus

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads processes from /proc (Linux)")

WAIT = 30.0  # seconds for the workers to start: a bound, so a regression fails instead of hanging


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("interrupt") / "corpus"
    write_corpus(generate_corpus(300), out)
    return out


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            found += [int(child) for child in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except OSError:
            pass
    return found


def _living_in_group(group: int) -> list[int]:
    """Processes of the process group that are alive (not zombies)."""
    living = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            living.append(int(entry))
    return living


def _start(corpus: Path, report: Path, *args: str) -> subprocess.Popen[bytes]:
    """The run, in a process group of its own, once its two workers exist."""
    command = [sys.executable, "-m", "charterlint", "check", "--jobs", "2", *args, "--format", f"json:{report}", "."]
    process = subprocess.Popen(command, cwd=corpus, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    deadline = time.monotonic() + WAIT
    while len(_children(process.pid)) < 2:  # /proc offers nothing to wait on: polled, with a bound
        if process.poll() is not None or time.monotonic() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            pytest.fail(f"the run never started two workers: {process.communicate()[1].decode()[-2000:]}")
        time.sleep(0.005)
    return process


@pytest.mark.parametrize(("signum", "to_group", "cache", "code"), [
    (signal.SIGINT, True, False, 130),    # Ctrl-C in a terminal: the whole foreground group
    (signal.SIGINT, False, False, 130),   # the parent alone (hung for over 12 minutes)
    (signal.SIGTERM, False, False, 143),  # left the workers running, orphaned
    (signal.SIGINT, True, True, 130),     # with the cache: workers write entries
    (signal.SIGTERM, False, True, 143),
], ids=["sigint-group", "sigint-parent", "sigterm-parent", "sigint-group-cache", "sigterm-parent-cache"])
def test_a_signal_ends_the_whole_run_within_a_second(corpus: Path, tmp_path: Path, signum: int, to_group: bool,
                                                     cache: bool, code: int) -> None:
    report = tmp_path / "report.json"
    args = ["--cache-dir", str(tmp_path / "cache")] if cache else ["--no-cache"]
    process = _start(corpus, report, *args)
    (os.killpg if to_group else os.kill)(process.pid, signum)
    sent = time.monotonic()
    try:
        _, err = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("the run did not end within 10 s of the signal")
    took = time.monotonic() - sent
    living = _living_in_group(process.pid)
    for pid in living:
        os.kill(pid, signal.SIGKILL)
    assert (process.returncode, err.decode()) == (code, "aborted\n")
    assert living == []  # no worker left behind (their stdout would have held communicate() open too)
    assert took < 1.0
    assert not report.exists() and not [path for path in tmp_path.iterdir() if path.name.startswith(".report")]
