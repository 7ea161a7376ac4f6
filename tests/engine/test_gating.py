"""Content rules run only on structurally sound charters, whatever the configuration selects,
and a file that cannot be parsed is never reported as clean."""

from __future__ import annotations

from tests.helpers import ANSWERED_PHONE_HEAD, REVIEW, findings, lint_text

AMBIGUOUS_DAYS = ANSWERED_PHONE_HEAD + "  - id: email\n    type: email\n    hours: always\n" \
    "    commitments:\n      respond: {within: 5 days}\n" + REVIEW
CH304 = ("CH304", 17, 25, '"5 days" does not say which days: use "5 working days" or "5 calendar days"')


def test_a_file_that_does_not_parse_reports_ch001_even_when_it_is_not_selected() -> None:
    assert findings("charter_format: 1\ntitle: [unclosed\n", ["CH1"]) == [
        ("CH001", 2, 17, "invalid YAML: did not find expected ',' or ']' while parsing a flow sequence"),
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
