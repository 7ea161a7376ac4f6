"""One pull request with several kinds of change, in every output format (golden files), plus the
Markdown summary's headline and SARIF's validity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.diff.repo import BASE, make_repo
from tests.helpers import assert_golden, run, sarif_errors

FORMATS = ("text", "json", "sarif", "github", "junit", "html", "markdown")


@pytest.fixture
def scenario(project: Path) -> Path:
    """Weakened (a channel, a reply time, a target, Saturday hours), strengthened (a faster answer),
    not comparable (an acknowledgement in working days) and accepted (braille, with a reason)."""
    base = BASE.replace("acknowledge: {within: 1 hour}", "acknowledge: {within: 24 hours}")
    make_repo(project, {"charters/water.charter.yaml": base, "charters/same.charter.yaml": BASE})
    changed = (base.replace('      sat: "09:00-12:00"\n', "")
               .replace("answer: {within: 60 seconds", "answer: {within: 30 seconds")
               .replace("acknowledge: {within: 24 hours}", "acknowledge: {within: 1 working day}")
               .replace("within: 2 working days, target: 95%", "within: 5 working days, target: 80%")
               .replace("  - id: chat\n    type: chatbot\n    hours: always\n    handoff_to: phone\n"
                        "    human_follow_up: {within: next working day, via: email}\n", "")
               .replace("accessibility: [relay_service, braille]",
                        "accessibility: [relay_service]  # charterlint: allow CH613 -- braille on request, see FAQ"))
    (project / "charters/water.charter.yaml").write_text(changed, encoding="utf-8")
    return project


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_of_a_multi_change_scenario_matches_its_golden_file(
        scenario: Path, capsys: pytest.CaptureFixture[str], update_golden: bool, name: str) -> None:
    code, out, err = run(["diff", "--base", "HEAD", "--format", f"{name}:report.out", "--color", "never",
                          "--today", "2026-01-01"], capsys)
    assert (code, out) == (1, "")
    assert_golden(f"diff-scenario.{name}", (scenario / "report.out").read_text(encoding="utf-8"), update_golden)


def test_the_markdown_summary_counts_weakened_and_strengthened_promises(
        scenario: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["diff", "--base", "HEAD", "--format", "markdown"], capsys)
    assert out.splitlines()[0] == "### charterlint diff: 4 promises weakened, 1 strengthened; 1 change not compared"
    assert "| accepted | charters/water.charter.yaml | 25 | CH613 accessibility-removed |" in out


def test_the_sarif_log_is_valid_and_marks_the_accepted_change_suppressed(
        scenario: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["diff", "--base", "HEAD", "--format", "sarif"], capsys)
    log = json.loads(out)
    assert sarif_errors(log) == []
    suppressed = [r["ruleId"] for r in log["runs"][0]["results"] if r.get("suppressions")]
    assert suppressed == ["CH613"]


def test_in_github_actions_the_summary_table_goes_to_the_job_summary(
        scenario: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    summary = scenario / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run(["diff", "--base", "HEAD"], capsys)
    assert code == 1 and "::error file=charters/water.charter.yaml" in out
    assert summary.read_text(encoding="utf-8").startswith("### charterlint diff: 4 promises weakened")
