"""Content rules run only on structurally sound charters, whatever the configuration selects,
and a file that cannot be parsed is never reported as clean."""

from __future__ import annotations

import json
from dataclasses import replace

from charterlint.engine.lint import lint_bytes
from charterlint.engine.settings import ActiveRule
from charterlint.ruleset.roles import engine_rules
from charterlint.ruleset.rule import Rule
from tests.helpers import ANSWERED_PHONE_HEAD, REVIEW, ROOT, builtin_rules, findings, lint_text, settings_for

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


# -- per-section gating: an error stops the rules that read its part of the charter, not the others ---------
CHATBOT_AND_REVIEW = ANSWERED_PHONE_HEAD + """\
  - id: bot
    type: chatbot
    hours: always
  - id: email
    type: email
    hours: always
    commitments:
      respond: {within: 5 days}
review:
  last_reviewed: 2025-13-01
"""
BAD_DATE = ("CH013", 22, 18, '"2025-13-01" is not a date: expected e.g. "2025-03-01"')
CHATBOT = ("CH103", 13, 5, 'chatbot "bot" has no human_follow_up: say when and how a person follows up a question'
           " it cannot answer (add human_follow_up.within and .via)")


def test_an_invalid_review_date_stops_the_review_rules_not_the_channel_rules() -> None:
    result = lint_text(CHATBOT_AND_REVIEW, ["CH0", "CH103", "CH201", "CH304"])
    assert [(f.code, f.span.start.line, f.span.start.column, f.message) for f in result.findings] == [
        CHATBOT, ("CH304", 20, 25, '"5 days" does not say which days: use "5 working days" or "5 calendar days"'),
        BAD_DATE]
    assert result.skipped is not None
    assert (result.skipped.message, result.skipped.codes) == (
        "rules did not run on review: fix the error on line 22 first", ("CH201", "CH304"))  # CH304 reads "*"


def test_an_error_in_one_channel_leaves_the_other_channels_checked() -> None:
    text = CHATBOT_AND_REVIEW.replace("last_reviewed: 2025-13-01", "last_reviewed: 2025-06-01").replace(
        "  - id: email\n    type: email\n", "  - id: email\n    type: e-mail\n")
    result = lint_text(text, ["CH103", "CH304"])
    assert [(f.code, f.span.start.line) for f in result.findings] == [("CH103", 13)]  # not CH304 in "email"
    assert result.skipped is not None
    assert result.skipped.message == "rules did not run on channels: fix the error on line 17 first"


def test_a_rule_reading_a_whole_section_does_not_run_when_any_part_of_it_has_an_error() -> None:
    text = CHATBOT_AND_REVIEW.replace("2025-13-01", "2025-06-01").replace("type: email", "type: e-mail")
    assert [code for code, *_ in findings(text, ["CH409"])] == []  # reads [channels]: accessibility anywhere
    assert lint_text(text, ["CH409"]).skipped is not None


def test_a_rule_that_declares_no_reads_runs_only_on_a_file_without_errors() -> None:
    chatbot_rule = next(rule for rule in builtin_rules() if rule.code == "CH103")
    undeclared = replace(chatbot_rule, reads=None)  # as a rule pack's rule without reads
    settings = replace(settings_for(["CH103"]), rules={"CH103": ActiveRule(undeclared, undeclared.severity)})
    result = lint_bytes("test.charter.yaml", CHATBOT_AND_REVIEW.encode("utf-8"), settings)
    assert result.findings == ()
    assert result.skipped is not None and result.skipped.codes == ("CH103",)
    sound = CHATBOT_AND_REVIEW.replace("2025-13-01", "2025-06-01")
    assert [f.code for f in lint_bytes("test.charter.yaml", sound.encode("utf-8"), settings).findings] == ["CH103"]


def test_a_misspelt_section_stops_the_rules_reading_the_section_it_misspells() -> None:
    text = CHATBOT_AND_REVIEW.replace("last_reviewed: 2025-13-01", "last_reviewed: 2025-06-01").replace(
        "review:\n", "reveiw:\n")
    result = lint_text(text, ["CH0", "CH103", "CH201"])
    assert [(f.code, f.span.start.line, f.message) for f in result.findings] == [
        CHATBOT[:2] + CHATBOT[3:], ("CH011", 21, 'unknown field "reveiw": did you mean "review"? it is required')]
    assert result.skipped is not None and result.skipped.sections == ("review",)


def test_a_file_without_errors_has_no_note() -> None:
    sound = CHATBOT_AND_REVIEW.replace("2025-13-01", "2025-06-01")
    assert lint_text(sound).skipped is None


def test_a_file_that_does_not_parse_says_no_content_rule_ran() -> None:
    result = lint_text("charter_format: 1\ntitle: [unclosed\n")
    assert result.skipped is not None
    assert result.skipped.message == "content rules did not run: fix the error on line 2 first"
    assert lint_text("charter_format: 1\ntitle: [unclosed\n", ["CH0"]).skipped is None  # no content rule enabled


def test_every_built_in_rule_with_a_check_says_what_it_reads_and_names_real_sections() -> None:
    sections = set(json.loads((ROOT / "schemas/charter.schema.json").read_text(encoding="utf-8"))["properties"])
    for rule in builtin_rules():
        if rule.check is None:
            continue
        assert rule.reads is not None, f"{rule.code} has no reads: (rules/{rule.code}.yaml)"
        for read in rule.reads:
            assert read == "*" or read.partition("/")[0] in sections, f"{rule.code} reads {read}: no such section"


def test_a_rule_reading_one_field_of_each_item_skips_only_items_wrong_in_that_field() -> None:
    # CH105 reads the channels' ids: the email channel's bad duration does not hide that it takes no feedback
    text = CHATBOT_AND_REVIEW.replace("2025-13-01", "2025-06-01").replace("{within: 5 days}", "{within: 5 dayz}") \
        + "feedback:\n  channels: [phone]\n"
    assert [(code, line) for code, line, *_ in findings(text, ["CH105"])] == [("CH105", 16)]
    renamed = text.replace("  - id: email\n", "  - id: E-mail\n")  # the id itself is wrong: nothing to say about it
    assert findings(renamed, ["CH105"]) == []
