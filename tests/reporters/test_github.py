"""GitHub workflow commands: escaping as @actions/core does, the per-step cap, the summary fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from charterlint.cli.app import main
from charterlint.model import Finding, Severity, Suppression
from charterlint.reporters import RenderOptions
from charterlint.reporters.github import annotation, escape_data, escape_property, render, step_summary
from tests.helpers import finding, report


def test_an_annotation_carries_file_span_title_and_message() -> None:
    line = annotation(finding(path="charters/a.charter.yaml", line=7, column=9, length=6,
                              message='"office" is not the id of a calendar'))
    assert line == ('::error file=charters/a.charter.yaml,line=7,endLine=7,col=9,endColumn=15,'
                    'title=CH020 unknown-reference::"office" is not the id of a calendar')


def test_severities_map_to_error_warning_and_notice() -> None:
    commands = [annotation(finding(severity=s)).split(" ", 1)[0] for s in Severity]
    assert commands == ["::notice", "::warning", "::error"]


def test_data_escapes_percent_and_line_breaks() -> None:
    assert escape_data("80% of calls\r\nwithin: 60s, or else") == "80%25 of calls%0D%0Awithin: 60s, or else"


def test_properties_also_escape_colon_and_comma() -> None:
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_a_path_with_commas_and_colons_cannot_break_the_command() -> None:
    line = annotation(finding(path="a,b:c 100%.charter.yaml", message="multi\nline: 50%"))
    assert line.startswith("::error file=a%2Cb%3Ac 100%25.charter.yaml,line=3,")
    assert line.endswith("::multi%0Aline: 50%25")
    assert line.count("::") == 2 and "\n" not in line


def test_suppressed_findings_are_not_annotated() -> None:
    out = render(report(finding(line=3), finding(line=9, suppression=Suppression("inSource", "known"))),
                 RenderOptions())
    assert out.count("::error") == 1
    assert "line=9" not in out


def many(errors: int, warnings: int, notices: int) -> list[Finding]:
    found: list[Finding] = []
    for severity, number in ((Severity.ERROR, errors), (Severity.WARNING, warnings), (Severity.INFO, notices)):
        found += [finding(line=100 * int(severity) + i, severity=severity, message=f"problem {i}")
                  for i in range(1, number + 1)]
    return found


def test_at_most_ten_of_each_kind_are_annotated_and_the_rest_are_counted() -> None:
    out = render(report(*many(14, 3, 12)), RenderOptions())
    lines = out.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 3
    assert sum(line.startswith("::notice ") for line in lines) == 10
    assert lines[-1] == ("charterlint: 6 findings were not annotated: GitHub shows at most 10 errors, "
                         "10 warnings and 10 notices per step (no job summary lists them: GITHUB_STEP_SUMMARY "
                         "is not set)")


def test_the_count_of_findings_not_annotated_says_they_are_in_the_job_summary_only_when_they_are() -> None:
    found = report(*many(11, 0, 0))
    assert render(found, RenderOptions(step_summary=True)).splitlines()[-1] == (
        "charterlint: 1 finding was not annotated: GitHub shows at most 10 errors, 10 warnings and 10 notices "
        "per step (listed in the job summary)")
    assert render(found, RenderOptions()).splitlines()[-1].endswith(
        "per step (no job summary lists them: GITHUB_STEP_SUMMARY is not set)")


def test_the_step_summary_lists_exactly_the_findings_past_the_cap() -> None:
    summary = step_summary(report(*many(14, 3, 12)))
    rows = [line for line in summary.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert "6 findings were not annotated" in summary
    assert [row.split(" | ")[1] for row in rows] == ["111", "112", "311", "312", "313", "314"]
    assert rows[2] == "| a.charter.yaml | 311 | 5 | error | CH020 unknown-reference | problem 11 |"


def test_no_step_summary_when_everything_was_annotated() -> None:
    assert step_summary(report(*many(10, 10, 10))) == ""
    assert "not annotated" not in render(report(*many(10, 10, 10)), RenderOptions())


def test_summary_cells_cannot_break_the_table_or_inject_html() -> None:
    summary = step_summary(report(*many(10, 0, 0), finding(line=999, message="a | b <script>\nx *y*")))
    assert summary.rstrip("\n").splitlines()[-1].endswith("| a \\| b \\<script\\> x \\*y\\* |")


@pytest.fixture
def crowded(project: Path) -> Path:
    """The current directory, holding a charter with 12 unknown references: two more than GitHub annotates."""
    channels = "".join(f"  - id: c{i}\n    type: phone\n    hours: cal{i}\n" for i in range(12))
    (project / "busy.charter.yaml").write_text(
        "charter_format: 1\ntitle: T\norganization:\n  name: O\noverview:\n  mission: M\n"
        f"channels:\n{channels}review:\n  last_reviewed: 2025-06-01\n", encoding="utf-8")
    return project


def test_the_cli_appends_the_rest_to_the_step_summary(crowded: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    summary = crowded / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "--select", "CH0", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert out.count("::error ") == 10
    assert "2 findings were not annotated" in out
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("# earlier step\n### charterlint: findings not annotated\n")
    assert "| busy.charter.yaml | 40 | 12 | error | CH020 unknown-reference |" in written
    assert "| busy.charter.yaml | 43 | 12 | error | CH020 unknown-reference |" in written


def test_without_a_step_summary_file_the_cli_does_not_claim_one(crowded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--select", "CH0", "--format", "github"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "charterlint: 2 findings were not annotated: GitHub shows at most 10 errors, 10 warnings and 10 notices "
        "per step (no job summary lists them: GITHUB_STEP_SUMMARY is not set)")


def test_with_a_step_summary_file_the_cli_says_the_rest_are_listed_there(
        crowded: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(crowded / "summary.md"))
    assert main(["check", "--select", "CH0", "--format", "github"]) == 1
    assert capsys.readouterr().out.splitlines()[-1].endswith("per step (listed in the job summary)")


def test_without_github_output_the_step_summary_is_left_alone(crowded: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    summary = crowded / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    main(["check", "--select", "CH0", "--format", "text"])
    assert not summary.exists()


def test_auto_is_text_plus_annotations_in_github_actions(crowded: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--select", "CH0"])
    plain = capsys.readouterr().out
    assert "::error" not in plain and "busy.charter.yaml:10:12: error CH020" in plain
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    main(["check", "--select", "CH0"])
    in_actions = capsys.readouterr().out
    assert in_actions.startswith(plain)
    assert in_actions.count("::error ") == 10
    main(["check", "--select", "CH0", "--format", "auto"])
    assert capsys.readouterr().out == in_actions


def test_auto_takes_no_path(crowded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "auto:out.txt"]) == 2
    assert 'format "auto" writes to standard output' in capsys.readouterr().err
