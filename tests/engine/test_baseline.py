"""Baselines: --write-baseline records today's findings, --baseline reports only new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from charterlint.resources import load_schema
from tests.helpers import CHARTER, check, cli, project, write

__all__ = ["project"]  # the fixture

ARGS = ("--today", "2026-01-01", "--select", "CH104,CH301,CH312,CH401")
MARKDOWN = "---\n" + CHARTER + "---\nWe reply shortly.\n"


def test_writing_a_baseline_records_the_findings_and_reports_them_as_suppressed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "check", *ARGS, "--write-baseline", "baseline.json")
    assert (code, out, err) == (0, "no findings in 1 file\n", "charterlint: wrote 3 findings to baseline.json\n")
    data = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(load_schema("baseline.schema.json")).iter_errors(data)) == []
    assert data["version"] == 1
    assert [(e["path"], e["code"], e["count"], e["message"]) for e in data["findings"]] == sorted([
        ("w.charter.yaml", "CH104", 1, 'the charter does not say on which channels customers can give feedback or'
                                       ' complain (add feedback.channels and list the service channels: "phone")'
                                       ' ("feedback:" goes here, after "channels")'),
        ("w.charter.yaml", "CH312", 1, '"shortly" is a hedge, not a commitment: give a time limit instead'
                                       ' (e.g. "within 2 working days")'),
        ("w.charter.yaml", "CH401", 1, 'no dispute process, yet "Example Water" bills customers (sector "utility"):'
                                       " add rights.disputes (how disagreements over bills, charges or repairs are"
                                       ' settled) or an escalation route ("rights:" goes here, after "channels")'),
    ])
    assert (project / "baseline.json").read_text(encoding="utf-8").endswith("}\n")


def test_inserting_lines_above_baselined_problems_reports_nothing_new(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(capsys, *ARGS, "--write-baseline", "baseline.json")[0] == 0
    moved = "# Example Water\n# owned by the service team\n\n" + CHARTER.replace(
        "title: Example", "language: en-GB\ntitle: Example")
    write(project / "w.charter.yaml", moved)
    assert check(capsys, *ARGS) == (1, [("w.charter.yaml", "CH312", "warning", 10, 21),
                                        ("w.charter.yaml", "CH104", "error", 17, 1),
                                        ("w.charter.yaml", "CH401", "warning", 17, 1)])
    assert check(capsys, *ARGS, "--baseline", "baseline.json") == (0, [])


def test_a_new_problem_is_reported_exactly(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(capsys, *ARGS, "--write-baseline", "baseline.json")[0] == 0
    write(project / "w.charter.yaml", CHARTER.replace("hours: always", "hours: always\n    text: We call back promptly."))
    assert check(capsys, *ARGS, "--baseline", "baseline.json") == (1, [("w.charter.yaml", "CH312", "warning", 11, 24)])


def test_matching_counts_identical_findings(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "w.charter.yaml").unlink()
    write(project / "m.charter.md", MARKDOWN)
    assert check(capsys, *ARGS, "--write-baseline", "baseline.json")[0] == 0
    write(project / "m.charter.md", MARKDOWN + "\nWe call back shortly.\n")
    assert check(capsys, *ARGS) == (1, [("m.charter.md", "CH312", "warning", 7, 21),
                                        ("m.charter.md", "CH104", "error", 14, 1),
                                        ("m.charter.md", "CH401", "warning", 14, 1),
                                        ("m.charter.md", "CH301", "warning", 17, 10),
                                        ("m.charter.md", "CH301", "warning", 19, 14)])
    # the body's two findings are identical; the baseline had one: one is new
    assert check(capsys, *ARGS, "--baseline", "baseline.json") == (1, [("m.charter.md", "CH301", "warning", 19, 14)])


def test_the_baseline_matches_from_another_directory(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project / "charters" / "w.charter.yaml", CHARTER)
    (project / "w.charter.yaml").unlink()
    (project / "ci").mkdir()  # a baseline's folder is not made (tests/cli/test_report_paths.py)
    assert check(capsys, *ARGS, "--write-baseline", "ci/baseline.json")[0] == 0
    assert json.loads((project / "ci" / "baseline.json").read_text())["findings"][0]["path"] == "../charters/w.charter.yaml"
    monkeypatch.chdir(project / "charters")
    assert check(capsys, *ARGS, "--baseline", "../ci/baseline.json") == (0, [])


def test_inline_suppressed_findings_are_not_recorded(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "w.charter.yaml", "# charterlint: disable-file CH401 -- no disputes yet\n" + CHARTER)
    cli(capsys, "check", *ARGS, "--write-baseline", "baseline.json")
    data = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    assert [e["code"] for e in data["findings"]] == ["CH104", "CH312"]


def test_a_missing_or_invalid_baseline_is_a_usage_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "check", *ARGS, "--baseline", "nope.json")
    assert (code, out) == (2, "")
    assert err == ('charterlint: error: baseline "nope.json" cannot be read: No such file or directory'
                   " (write one with --write-baseline)\n")
    write(project / "bad.json", '{"version": 1,\n "findings": [}\n')
    assert cli(capsys, "check", *ARGS, "--baseline", "bad.json") == (
        2, "", "charterlint: error: bad.json:2:15: invalid JSON: expecting a value, found '}'\n")
    write(project / "old.json", '{"version": 2, "findings": []}\n')
    assert cli(capsys, "check", *ARGS, "--baseline", "old.json") == (
        2, "", "charterlint: error: old.json:1:13: version: must be 1, not 2"
               " (not a charterlint baseline: write one with --write-baseline)\n")


def test_adding_a_section_before_where_a_missing_one_goes_keeps_its_finding_baselined(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the missing rights section's finding moves and its message changes ('after "accessibility"'):
    # the fingerprint is the rule and the pointer, so the baseline still matches it
    assert check(capsys, *ARGS, "--write-baseline", "baseline.json")[0] == 0
    write(project / "w.charter.yaml", CHARTER.replace("review:", "accessibility: [large_print]\nreview:"))
    code, out, _ = cli(capsys, "check", *ARGS, "--color", "never")
    assert code == 1 and '("rights:" goes here, after "accessibility")' in out
    assert check(capsys, *ARGS, "--baseline", "baseline.json") == (0, [])
