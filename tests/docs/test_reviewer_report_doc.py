"""docs/reviewer-report.md's examples: the terminal matrix is the real output, the workflow is valid."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from charterlint.cli.app import main
from charterlint.reporters.matrix_model import COLUMNS
from tests.helpers import ROOT

DOC = ROOT / "docs" / "reviewer-report.md"


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", DOC.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)


def test_the_matrix_example_is_the_real_output(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for variable in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(variable, raising=False)
    [example] = [block for block in blocks("console") if block.startswith("$ charterlint matrix")]
    command, _, expected = example.partition("\n")
    assert main(shlex.split(command)[2:]) == 0
    assert capsys.readouterr().out == expected


def test_the_workflow_example_is_valid(tmp_path: Path) -> None:
    [source] = blocks("yaml")
    path = tmp_path / "workflow.yml"
    path.write_text(source, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    steps = yaml.safe_load(source)["jobs"]["report"]["steps"]
    assert any("--format html:charterlint-report.html" in step.get("run", "") for step in steps)


def test_every_column_and_state_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert [column.heading for column in COLUMNS if f"| {column.heading} |" not in text] == []
    assert [state for state in ("met", "flagged", "missing", "not applicable") if f"| {state} |" not in text] == []
    assert "](images/report.png)" in text
