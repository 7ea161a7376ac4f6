"""Shared by the configuration, suppression and baseline tests: a project directory and a runner."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from charterlint.cli import main

# Under the recommended preset on 2026-01-01 this gives CH104 (error, 1:1), CH401 and CH403
# (warnings, 1:1) and CH301 (warning, 6:21); under strict also infos.
CHARTER = """\
charter_format: 1
title: Example Water customer charter
organization:
  name: Example Water
overview:
  mission: We reply shortly.
channels:
  - id: phone
    type: phone
    hours: always
    commitments:
      answer: {within: 60 seconds, target: 80%}
review:
  last_reviewed: 2025-06-01
"""
_HEADLINE = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) "
                       r"(?P<code>[A-Z]+\d+) \[[a-z0-9-]+\] (?P<message>.*)$")

Found = tuple[str, str, str, int, int]  # path, code, severity, line, column


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root (it has .git) as the current directory, holding w.charter.yaml."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "w.charter.yaml").write_text(CHARTER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for variable in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(variable, raising=False)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[Found]]:
    """Run `check` with text output; the exit code and every reported finding."""
    code, out, err = run(capsys, "check", "--format", "text", "--color", "never", *args)
    assert "Traceback" not in err
    found = [(m["path"], m["code"], m["severity"], int(m["line"]), int(m["column"]))
             for m in map(_HEADLINE.match, out.splitlines()) if m]
    return code, found


def messages(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    """`path:line:column: CODE message` of every reported finding."""
    _, out, _ = run(capsys, "check", "--format", "text", "--color", "never", *args)
    return [f'{m["path"]}:{m["line"]}:{m["column"]}: {m["code"]} {m["message"]}'
            for m in map(_HEADLINE.match, out.splitlines()) if m]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
