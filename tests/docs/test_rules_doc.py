"""docs/rules.md is generated from the rule files; `rules` and `explain` read the same data."""

from __future__ import annotations

import pytest

from charterlint.cli.app import main
from charterlint.ruleset.docs import rules_markdown
from tests.helpers import PROJECT, ROOT, builtin_rules

DOC = ROOT / "docs" / "rules.md"
CATALOGUE = {
    # code: (name, severity, recommended) as /shared/spec/rules.md gives them
    "CH000": ("internal-error", "error", True), "CH001": ("syntax-error", "error", True),
    "CH002": ("duplicate-key", "error", True), "CH010": ("schema-violation", "error", True),
    "CH011": ("missing-field", "error", True), "CH012": ("unknown-field", "error", True),
    "CH013": ("invalid-value", "error", True), "CH020": ("unknown-reference", "error", True),
    "CH021": ("duplicate-id", "error", True), "CH030": ("unused-suppression", "warning", True),
    "CH101": ("missing-channel-commitment", "error", True),
    "CH102": ("after-hours-without-follow-up", "error", True),
    "CH103": ("chatbot-without-human-follow-up", "error", True),
    "CH104": ("feedback-only-via-separate-channel", "error", True),
    "CH105": ("feedback-not-on-channel", "warning", True),
    "CH106": ("escalation-requires-channel-switch", "warning", True),
    "CH107": ("clock-hours-on-limited-channel", "warning", True),
    "CH108": ("self-service-without-purpose", "warning", True),
    "CH109": ("self-service-single-channel", "warning", True),
    "CH110": ("overview-without-channel-statement", "info", False),
    "CH201": ("stale-review", "error", True), "CH202": ("next-review-overdue", "error", True),
    "CH203": ("review-date-in-future", "error", True), "CH204": ("review-cadence-missing", "info", False),
    "CH205": ("obsolete-channel", "warning", True),
    "CH301": ("vague-commitment", "warning", True), "CH302": ("range-target", "warning", True),
    "CH303": ("average-target", "warning", True), "CH304": ("ambiguous-day-unit", "warning", True),
    "CH305": ("business-unit-without-calendar", "error", True),
    "CH306": ("acknowledgement-only", "warning", True), "CH307": ("commitment-order", "error", True),
    "CH308": ("mixed-day-units", "info", False), "CH309": ("weak-commitment", "info", False),
    "CH401": ("dispute-process-missing", "warning", True), "CH402": ("after-purchase-missing", "info", False),
    "CH403": ("escalation-path-missing", "warning", True),
    "CH404": ("escalation-stage-without-timescale", "warning", True),
    "CH405": ("external-review-missing", "info", False), "CH406": ("external-trigger-missing", "warning", True),
    "CH407": ("team-accountability-missing", "info", False),
    "CH408": ("performance-reporting-missing", "info", False), "CH409": ("accessibility-missing", "info", False),
    "CH501": ("channel-mentioned-not-listed", "warning", True),
}


def test_docs_rules_md_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == rules_markdown(builtin_rules()), (
        "docs/rules.md is stale: run `python -m charterlint.ruleset.docs`"
    )


def test_every_catalogue_rule_exists_with_its_name_severity_and_preset() -> None:
    shipped = {r.code: (r.name, r.severity.label, r.recommended) for r in builtin_rules()}
    assert shipped == CATALOGUE


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["CODE", "NAME", "SEVERITY", "PRESET", "SUMMARY"]
    assert [line.split()[0] for line in out[1:]] == sorted(CATALOGUE)
    assert out[1].split()[:4] == ["CH000", "internal-error", "error", "recommended"]


def test_explain_by_code_and_by_name_print_the_same_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "CH104"]) == 0
    by_code = capsys.readouterr().out
    assert main(["explain", "feedback-only-via-separate-channel"]) == 0
    assert capsys.readouterr().out == by_code
    assert by_code.startswith("CH104 feedback-only-via-separate-channel\nSeverity: error    Presets: recommended, strict\n")
    assert "\nFails" in by_code and "\nPasses" in by_code


def test_explain_refuses_a_prefix_that_names_several_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--isolated", "CH1"]) == 2
    assert 'explain: "CH1" names 10 rules: give one code or name' in capsys.readouterr().err


def test_rules_and_explain_know_the_packs_the_configuration_loads(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(PROJECT)
    assert main(["rules"]) == 0
    assert "\nACME001  " in capsys.readouterr().out
    assert main(["explain", "ACME001"]) == 0
    assert capsys.readouterr().out.startswith("ACME001 channel-without-accessibility\n")
    assert main(["rules", "--isolated"]) == 0
    assert "ACME001" not in capsys.readouterr().out
