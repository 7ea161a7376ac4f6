"""A file name that is not UTF-8 (a lone surrogate in Python's str on Linux): every report shows its
bytes as backslash escapes (`caf\\xe9`), written as UTF-8, with no traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from charterlint.cli.outputs import REPORT_NAMES
from tests.helpers import MINIMAL_CHARTER, run, sarif_errors

TEXT = ["check", "--isolated", "--color", "never"]
OFFICE = MINIMAL_CHARTER.replace("hours: always", "hours: office")
CH020 = ('10:12: error CH020 [unknown-reference] "office" is not the id of a calendar (no calendars are defined;'
         ' use "always" or add one under calendars)')

LATIN1 = os.fsdecode(b"caf\xe9.charter.yaml")  # as os.listdir gives it on Linux: with a lone surrogate
SHOWN = "caf\\xe9.charter.yaml"
# How each report names it: JSON escapes the backslash; a SARIF URI percent-encodes the byte itself.
IN_REPORT = {"json": "caf\\\\xe9.charter.yaml", "sarif": "caf%E9.charter.yaml"}


@pytest.fixture
def latin1_name(project: Path) -> Path:
    try:
        (project / LATIN1).write_text(OFFICE, encoding="utf-8")
    except (UnicodeEncodeError, OSError):  # a file system that takes only UTF-8 names (macOS)
        pytest.skip("this file system refuses names that are not UTF-8")
    return project


def test_text_shows_a_non_utf8_file_name_with_a_backslash_escape(
    latin1_name: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([*TEXT, "--quiet", "--select", "CH020", "."], capsys)
    assert (code, err) == (1, "")
    assert out == f"{SHOWN}:{CH020}\n\n1 error in 1 of 1 file\n"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "html"])
def test_every_report_of_a_non_utf8_file_name_is_written_as_utf8(
    latin1_name: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, err = run(["check", "--isolated", "--select", "CH020", "--format", f"{fmt}:report.out", "."], capsys)
    assert (code, out, err) == (1, "", f"wrote {REPORT_NAMES[fmt]} to report.out\n")
    written = (latin1_name / "report.out").read_text(encoding="utf-8")
    assert IN_REPORT.get(fmt, SHOWN) in written
    assert "caf\udce9" not in written
    # on standard output too, and the same text
    code, out, err = run(["check", "--isolated", "--select", "CH020", "--format", fmt, "."], capsys)
    assert (code, err) == (1, "")
    assert out == written


def test_json_and_sarif_of_a_non_utf8_file_name_are_valid(
    latin1_name: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", "--isolated", "--select", "CH020", "--format", "json", "."], capsys)
    data = json.loads(out)
    assert [(f["file"], f["code"]) for f in data["findings"]] == [(SHOWN, "CH020")]
    assert [f["path"] for f in data["files"]] == [SHOWN]
    code, out, _ = run(["check", "--isolated", "--select", "CH020", "--format", "sarif", "."], capsys)
    log = json.loads(out)
    assert sarif_errors(log) == []
    [result] = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "caf%E9.charter.yaml"


def test_a_baseline_records_a_non_utf8_file_name_and_matches_it_again(
    latin1_name: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["check", "--isolated", "--select", "CH020", "--format", "text", "--color", "never", "."]
    code, out, err = run([*args, "--write-baseline", "baseline.json"], capsys)
    assert (code, out, err) == (0, "no findings in 1 file\n", "charterlint: wrote 1 findings to baseline.json\n")
    recorded = (latin1_name / "baseline.json").read_text(encoding="utf-8")
    assert '"path": "caf\\\\xe9.charter.yaml"' in recorded
    assert run([*args, "--baseline", "baseline.json"], capsys) == (0, "no findings in 1 file\n", "")
