"""Special files (issue 14, item 10): only regular files are read, from a walk, the command line,
a baseline or a configuration; a named pipe or a device never hangs a run nor exhausts memory.

Each run is a subprocess with a timeout, so a regression fails instead of hanging."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import MINIMAL_CHARTER, ROOT

TIMEOUT = 30


def charterlint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`charterlint ARGS` in `cwd` with standard input an open pipe nobody writes to (it never ends)."""
    process = subprocess.Popen(
        [sys.executable, "-c", "from charterlint.cli.app import console; console()", *args],
        cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "GITHUB_ACTIONS": ""})
    try:
        process.wait(timeout=TIMEOUT)  # standard input stays open: reading it would hang
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail(f"charterlint {' '.join(args)} hung")
    out, err = process.communicate()
    return subprocess.CompletedProcess(args, process.returncode, out, err)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "good.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    return tmp_path


def headlines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line and not line.startswith(" ")]


def test_a_fifo_found_by_the_walk_or_named_is_ch001_and_does_not_hang(repo: Path) -> None:
    os.mkfifo(repo / "pipe.charter.yaml")
    for args in ((".",), ("pipe.charter.yaml", "good.charter.yaml")):
        completed = charterlint(repo, "check", "--select", "CH0", *args)
        assert completed.returncode == 1, completed.stderr
        assert headlines(completed.stdout) == [
            "pipe.charter.yaml:1:1: error CH001 [syntax-error] file is a named pipe, not a regular file",
            "1 error in 1 of 2 files",
        ]


def test_devices_named_are_ch001_not_a_hang_nor_a_size(repo: Path) -> None:
    completed = charterlint(repo, "check", "--select", "CH0", "/dev/zero", "/dev/stdin", "good.charter.yaml")
    assert completed.returncode == 1, completed.stderr
    assert headlines(completed.stdout) == [
        "/dev/stdin:1:1: error CH001 [syntax-error] file is a named pipe, not a regular file",
        "/dev/zero:1:1: error CH001 [syntax-error] file is a character device, not a regular file",
        "2 errors in 2 of 3 files",
    ]


def test_a_committed_link_to_dev_stdin_is_not_read_by_a_walk(repo: Path) -> None:
    os.symlink("/dev/stdin", repo / "in.charter.yaml")
    completed = charterlint(repo, "check", "--select", "CH0", ".")
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ('charterlint: warning: not following "in.charter.yaml": a symbolic link to a file'
                                " outside the folder walked (name it on the command line to lint it)\n")


@pytest.mark.parametrize(("baseline", "kind"), [("/dev/zero", "a character device"), ("/dev/stdin", "a named pipe")])
def test_a_baseline_that_is_a_device_is_refused(repo: Path, baseline: str, kind: str) -> None:
    completed = charterlint(repo, "check", "--select", "CH0", "--baseline", baseline)
    assert completed.returncode == 2
    assert completed.stderr == (f'charterlint: error: baseline "{baseline}" cannot be read: is {kind}, not a regular'
                                " file (write one with --write-baseline)\n")


def test_a_fifo_baseline_is_refused(repo: Path) -> None:
    os.mkfifo(repo / "baseline.json")
    completed = charterlint(repo, "check", "--select", "CH0", "--baseline", "baseline.json")
    assert completed.returncode == 2
    assert completed.stderr == ('charterlint: error: baseline "baseline.json" cannot be read: is a named pipe,'
                                " not a regular file (write one with --write-baseline)\n")


@pytest.mark.parametrize(("content", "message"), [
    ('"GITHUB_TOKEN=ghp_secretsecret"', "baseline.json:1:1: expected a JSON object of findings, not a string"),
    ('["GITHUB_TOKEN=ghp_secretsecret"]', "baseline.json:1:1: expected a JSON object of findings, not a list"),
    ("GITHUB_TOKEN=ghp_secretsecret\n", "baseline.json:1:1: invalid JSON: expecting a value, found 'G'"),
])
def test_a_baseline_that_is_not_a_mapping_is_reported_without_its_content(
    repo: Path, content: str, message: str
) -> None:
    (repo / "baseline.json").write_text(content, encoding="utf-8")
    completed = charterlint(repo, "check", "--select", "CH0", "--baseline", "baseline.json")
    assert completed.returncode == 2
    assert "ghp_secret" not in completed.stderr
    suffix = "" if "invalid JSON" in message else " (not a charterlint baseline: write one with --write-baseline)"
    assert completed.stderr == f"charterlint: error: {message}{suffix}\n"


@pytest.mark.parametrize(("config", "message"), [
    ("/dev/zero", 'charterlint: error: /dev/zero: cannot be read: is a character device, not a regular file\n'),
    ("/dev/stdin", 'charterlint: error: /dev/stdin: cannot be read: is a named pipe, not a regular file\n'),
])
def test_a_configuration_that_is_a_device_is_refused(repo: Path, config: str, message: str) -> None:
    completed = charterlint(repo, "check", "--select", "CH0", "--config", config)
    assert completed.returncode == 2
    assert completed.stderr.endswith(message)


def test_extends_naming_a_fifo_or_a_device_is_refused(repo: Path) -> None:
    os.mkfifo(repo / "base.yaml")
    (repo / ".charterlint.yaml").write_text("extends: base.yaml\n", encoding="utf-8")
    completed = charterlint(repo, "check", "--select", "CH0")
    assert completed.returncode == 2
    assert completed.stderr == "charterlint: error: base.yaml: cannot be read: is a named pipe, not a regular file\n"
