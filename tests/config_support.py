"""Shared by the configuration, suppression and baseline tests: a project directory and a runner."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import ANSWERED_PHONE_HEAD, REVIEW
from tests.helpers import run as run_cli

# ANSWERED_PHONE_HEAD with a hedge for its mission, then REVIEW (14 lines).
# Under the recommended preset on 2026-01-01 this gives CH104 (error, 1:1), CH401 and CH403
# (warnings, 1:1) and CH301 (warning, 6:21); under strict also infos.
CHARTER = ANSWERED_PHONE_HEAD.replace("Safe, reliable water for every home.", "We reply shortly.") + REVIEW
_HEADLINE = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) "
                       r"(?P<code>[A-Z]+\d+) \[[a-z0-9-]+\] (?P<message>.*)$")

Found = tuple[str, str, str, int, int]  # path, code, severity, line, column


@pytest.fixture
def project(project: Path) -> Path:
    """The shared `project` (conftest.py) made a repository root (it has .git), holding w.charter.yaml."""
    (project / ".git").mkdir()
    (project / "w.charter.yaml").write_text(CHARTER, encoding="utf-8")
    return project


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    return run_cli(list(args), capsys)


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
