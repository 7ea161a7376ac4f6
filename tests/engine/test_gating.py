"""Content rules run only on structurally sound charters, whatever the configuration selects,
and a file that cannot be parsed is never reported as clean."""

from __future__ import annotations

from dataclasses import replace

from charterlint.engine.lint import lint_bytes
from charterlint.engine.settings import ActiveRule
from charterlint.ruleset.roles import engine_rules
from charterlint.ruleset.rule import Rule
from tests.helpers import ANSWERED_PHONE_HEAD, REVIEW, builtin_rules, findings, lint_text, settings_for

AMBIGUOUS_DAYS = ANSWERED_PHONE_HEAD + "  - id: email\n    type: email\n    hours: always\n" \
    "    commitments:\n      respond: {within: 5 days}\n" + REVIEW
CH304 = ("CH304", 17, 25, '"5 days" does not say which days: use "5 working days" or "5 calendar days"')


def test_a_file_that_does_not_parse_reports_ch001_even_when_it_is_not_selected() -> None:
    assert findings("charter_format: 1\ntitle: [unclosed\n", ["CH1"]) == [
        ("CH001", 2, 8, "invalid YAML: the [ opened here is never closed (end the list with ])"),
    ]


def test_content_rules_do_not_run_on_a_schema_invalid_file_even_when_schema_rules_are_off() -> None:
    # overview is missing: CH110 would crash on it (CH000) if it ran
    assert findings("charter_format: 1\ntitle: T\n", ["CH110", "CH000"]) == []


def test_content_rules_do_not_run_when_a_reference_is_broken_even_if_ch020_is_off() -> None:
    broken = AMBIGUOUS_DAYS.replace("    hours: always\n    commitments:\n      respond", "    hours: office\n"
                                    "    commitments:\n      respond")
    assert findings(broken, ["CH304"]) == []


def test_an_unknown_field_does_not_stop_content_rules() -> None:
    text = AMBIGUOUS_DAYS.replace("    type: email\n", "    type: email\n    team_code: E1\n")
    line_shifted = (CH304[0], CH304[1] + 1, CH304[2], CH304[3])
    assert findings(text, ["CH012", "CH304"]) == [
        ("CH012", 15, 5, 'unknown field "team_code" in channel "email" (use an x- prefix for local extensions)'),
        line_shifted,
    ]


def test_a_suppressed_unknown_field_leaves_content_rules_running() -> None:
    text = AMBIGUOUS_DAYS.replace("    type: email\n", "    type: email\n"
                                  "    team_code: E1  # charterlint: disable-line CH012 -- read by our CMS\n")
    result = lint_text(text, ["CH012", "CH304", "CH030"])
    assert [(f.code, f.span.start.line, f.suppression is not None) for f in result.findings] == [
        ("CH012", 15, True), ("CH304", 18, False),
    ]


UNKNOWN_FIELD = AMBIGUOUS_DAYS.replace("    type: email\n", "    type: email\n    team_code: E1\n")


def _reporting(kind: str, rules: tuple[Rule, ...]) -> Rule:
    return next(rule for rule in rules if kind in rule.engine.reports)


def test_whether_a_problem_gates_is_its_rule_files_word_not_its_code() -> None:
    rules = builtin_rules()
    unknown = _reporting("unknown-field", rules)
    gating = [replace(rule, engine=rule.engine._replace(gates=True)) if rule is unknown else rule for rule in rules]
    settings = replace(settings_for(["CH012", "CH304"]), roles=engine_rules(gating))
    result = lint_bytes("test.charter.yaml", UNKNOWN_FIELD.encode("utf-8"), settings)
    assert [f.code for f in result.findings] == ["CH012"]  # CH304 did not run


def test_a_problem_kind_is_reported_under_the_rule_that_declares_it() -> None:
    rules = builtin_rules()
    unknown = _reporting("unknown-field", rules)
    renamed = replace(unknown, code="CH019", name="field-not-in-format")
    moved = [renamed if rule is unknown else rule for rule in rules]
    settings = replace(settings_for(["CH304"]), roles=engine_rules(moved))
    settings = replace(settings, rules={**settings.rules, "CH019": ActiveRule(renamed, renamed.severity)})
    result = lint_bytes("test.charter.yaml", UNKNOWN_FIELD.encode("utf-8"), settings)
    assert [(f.code, f.name) for f in result.findings] == [
        ("CH019", "field-not-in-format"), ("CH304", "ambiguous-day-unit")]
