"""The text format: `--quiet` gives one line per finding and the summary, without excerpts or statistics."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from charterlint.cli.app import main
from charterlint.model import Suppression
from charterlint.reporters import RenderOptions
from charterlint.reporters.text import render
from tests.helpers import MINIMAL_CHARTER, ROOT, finding, report

FERRIES = "tests/fixtures/report_scenario/ferries.charter.yaml"


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for variable in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(variable, raising=False)


def test_quiet_prints_each_finding_on_one_line_without_excerpt_or_statistics(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["check", FERRIES, "--select", "CH0", "--today", "2026-01-01", "--color", "never", "--no-cache"]
    assert main([*args, "--quiet", "--statistics"]) == 1
    assert capsys.readouterr().out == (
        f'{FERRIES}:27:12: error CH020 [unknown-reference] "ticket-office" is not the id of a calendar'
        ' (calendars: "booking-office")\n'
        f'{FERRIES}:30:9: error CH021 [duplicate-id] channel id "phone" is already used on line 19:'
        " rename one (ids must be unique)\n"
        f'{FERRIES}:38:21: error CH020 [unknown-reference] "sms" is not the id of a channel'
        ' (channels: "chat", "phone")\n'
        "\n"
        "3 errors in 1 of 1 file\n"
    )


def test_quiet_leaves_out_suppressed_findings_and_a_clean_run_prints_only_the_summary() -> None:
    quiet = RenderOptions(quiet=True, statistics=True)
    assert render(report(finding(suppression=Suppression("inSource", "known"))), quiet) == "no findings in 1 file\n"
    assert render(report(finding(line=3)), quiet) == (
        'a.charter.yaml:3:5: error CH020 [unknown-reference] x "y" is not z\n\n1 error in 1 of 1 file\n')


def test_carets_line_up_under_wide_characters(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINIMAL_CHARTER.replace("    type: phone\n", "    type: 電話\n")
    (project / "a.charter.yaml").write_text(text, encoding="utf-8")
    assert main(["check", "--isolated", "--color", "never", "--select", "CH013", "a.charter.yaml"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:3] == [" 9 |     type: 電話", "   |           ^^^^"]


def test_control_characters_in_an_excerpt_are_shown_escaped_and_the_carets_follow() -> None:
    found = finding(line=1, column=10, length=2)
    base = report(found)
    result = replace(base, files=(replace(base.files[0], source_lines=("title: \x1b\x85[2Jx\u202e",)),))
    out = render(result, RenderOptions())
    assert out.splitlines()[1:3] == [" 1 | title: \\x1b\\u0085[2Jx\\u202e", "   |                  ^^"]
