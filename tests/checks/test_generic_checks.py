"""Generic checks: each function, its selector and filter, its default and custom messages."""

from __future__ import annotations

from typing import Any

from charterlint.model import Severity
from charterlint.ruleset.declarative import bind_generic
from charterlint.ruleset.rule import Rule
from tests.helpers import CHARTER_HEAD, MINIMAL_CHARTER, lint_with

# CHARTER_HEAD is six lines: `channels:` is line 7.
CHARTER = CHARTER_HEAD + """\
channels:
  - id: phone
    type: phone
    hours: always
    commitments:
      answer: {within: 10 minutes}
    accessibility: [relay_service, large_print]
  - id: email
    type: email
    address: help@example.org
    hours: always
    commitments:
      respond: {within: 48 hours, text: "We reply promptly, as soon as possible."}
    x-queue: mail
review:
  last_reviewed: 2025-06-01
"""


def check(spec: dict[str, Any], text: str = CHARTER) -> list[tuple[str, int, int, str]]:
    rule = Rule(code="TST001", name="test-rule", severity=Severity.WARNING, recommended=True,
                summary="a test rule", rationale="a test rule", check=bind_generic(spec))
    return lint_with([rule], text)


def test_required_reports_a_missing_field_at_the_first_key_of_each_item_lacking_it() -> None:
    found = check({"function": "required", "given": "/channels/*", "field": ["address", "hours"]})
    assert found == [("TST001", 8, 5, '"address" in channel "phone" is missing')]


def test_required_reports_a_missing_nested_field_at_the_key_of_the_section_that_lacks_it() -> None:
    found = check({"function": "required", "given": "/channels/*", "field": "commitments/resolve"})
    assert found == [
        ("TST001", 11, 5, '"commitments.resolve" in channel "phone" is missing'),
        ("TST001", 18, 5, '"commitments.resolve" in channel "email" is missing'),
    ]


def test_required_on_the_whole_charter_points_at_its_first_key() -> None:
    assert check({"function": "required", "field": "feedback"}) == [("TST001", 1, 1, '"feedback" is missing')]


def test_forbidden_points_at_the_key_of_the_member() -> None:
    found = check({"function": "forbidden", "given": "/channels/*", "where": {"type": "email"}, "field": "address"})
    assert found == [("TST001", 16, 5, '"address" in channel "email" is not allowed here (remove it)')]


def test_pattern_is_searched_in_text_values() -> None:
    spec = {"function": "pattern", "given": "/channels/*", "field": "address", "pattern": r"@example\.com$"}
    assert check(spec) == [
        ("TST001", 16, 14, '"address" in channel "email" is "help@example.org", which does not match "@example\\.com$"'),
    ]


def test_enum_checks_values_behind_a_wildcard_in_the_field() -> None:
    spec = {"function": "enum", "given": "/channels/*", "field": "accessibility/*", "values": ["relay_service", "braille"]}
    assert check(spec) == [
        ("TST001", 13, 36, '"accessibility[2]" in channel "phone" is "large_print": expected one of "relay_service", "braille"'),
    ]


def test_where_keeps_only_nodes_whose_fields_have_one_of_the_listed_values() -> None:
    spec = {"function": "required", "given": "/channels/*", "where": {"type": ["email", "sms"]}, "field": "name"}
    assert check(spec) == [("TST001", 14, 5, '"name" in channel "email" is missing')]


def test_where_does_not_take_true_for_one() -> None:
    text = CHARTER.replace("    accessibility: [relay_service, large_print]\n", "    x-priority: 1\n")
    text = text.replace("    x-queue: mail\n", "    x-priority: true\n")
    spec = {"function": "required", "given": "/channels/*", "where": {"x-priority": True}, "field": "name"}
    assert check(spec, text) == [("TST001", 14, 5, '"name" in channel "email" is missing')]


def test_wildcards_skip_x_extensions_which_a_named_field_still_reaches() -> None:
    not_mail = {"function": "pattern", "pattern": "^(?!mail$)"}
    assert check({**not_mail, "given": "/channels/1/*"}) == []
    assert check({**not_mail, "given": "/channels/1", "field": "x-queue"}) == [
        ("TST001", 20, 14, '"x-queue" in channel "email" is "mail", which does not match "^(?!mail$)"'),
    ]


def test_max_duration_reports_a_longer_limit_and_one_that_cannot_be_compared() -> None:
    assert check({"function": "max-duration", "given": "/channels/*", "field": "commitments/*/within", "max": "2 working days"}) == [
        ("TST001", 12, 24, '"commitments.answer.within" in channel "phone" is "10 minutes", which cannot be compared'
                           ' with the maximum of "2 working days" (give it in business or working days)'),
        ("TST001", 19, 25, '"commitments.respond.within" in channel "email" is "48 hours", which cannot be compared'
                           ' with the maximum of "2 working days" (give it in business or working days)'),
    ]
    assert check({"function": "max-duration", "given": "/channels/*", "field": "commitments/*/within", "max": "1 calendar day"}) == [
        ("TST001", 19, 25, '"commitments.respond.within" in channel "email" is "48 hours", longer than the maximum of "1 calendar day"'),
    ]


def test_max_duration_can_ignore_durations_it_cannot_compare() -> None:
    spec = {"function": "max-duration", "given": "/channels/*", "field": "commitments/*/within",
            "max": "2 working days", "incomparable": "ignore"}
    assert check(spec) == []


def test_max_duration_compares_a_range_by_its_upper_bound() -> None:
    text = CHARTER.replace("10 minutes", "4-6 minutes")
    spec = {"function": "max-duration", "given": "/channels/0", "field": "commitments/answer/within", "max": "5 minutes"}
    assert check(spec, text) == [
        ("TST001", 12, 24, '"commitments.answer.within" in channel "phone" is "4-6 minutes", longer than the maximum of "5 minutes"'),
    ]


def test_min_count_reports_a_short_list_at_the_list_and_a_missing_one_at_its_item() -> None:
    spec = {"function": "min-count", "given": "/channels/*", "field": "accessibility", "min": 3}
    assert check(spec) == [
        ("TST001", 13, 20, '"accessibility" in channel "phone" has 2 items, fewer than the minimum of 3'),
        ("TST001", 14, 5, '"accessibility" in channel "email" is missing (at least 3 expected)'),
    ]


def test_hedge_phrases_points_at_each_phrase_in_a_quoted_string() -> None:
    spec = {"function": "hedge-phrases", "phrases": ["promptly", "as soon as possible"]}
    assert check(spec) == [
        ("TST001", 19, 51, '"commitments.respond.text" in channel "email" says "promptly", a hedge instead of a commitment'
                           " (give a time limit)"),
        ("TST001", 19, 61, '"commitments.respond.text" in channel "email" says "as soon as possible", a hedge instead'
                           " of a commitment (give a time limit)"),
    ]


def test_hedge_phrases_points_at_a_multi_line_string_as_a_whole() -> None:
    text = MINIMAL_CHARTER.replace("  mission: Safe water.\n", "  mission: >-\n    We act\n    promptly.\n")
    found = check({"function": "hedge-phrases", "given": "/overview", "phrases": ["promptly"]}, text)
    assert found == [("TST001", 6, 12, '"overview.mission" says "promptly", a hedge instead of a commitment (give a time limit)')]


def test_a_custom_message_fills_in_its_placeholders() -> None:
    spec = {"function": "min-count", "given": "/channels/*", "where": {"type": "email"}, "field": "accessibility",
            "min": 1, "message": "{item} has {count} accessibility provisions ({items}; at least {min}): add {field}"}
    assert check(spec) == [
        ("TST001", 14, 5, 'channel "email" has 0 accessibility provisions (no items; at least 1): add accessibility'),
    ]


def test_a_commitment_given_as_variants_is_checked_variant_by_variant() -> None:
    text = CHARTER.replace(
        "      answer: {within: 10 minutes}\n",
        "      answer:\n        - {when: with an appointment, within: 5 minutes}\n"
        "        - {when: without an appointment, text: We will see you as soon as we can.}\n")
    spec = {"function": "max-duration", "given": "/channels/*", "field": "commitments/answer/within", "max": "6 minutes"}
    assert check(spec, text) == []
    spec = {"function": "required", "given": "/channels/0", "field": "commitments/answer/within"}
    assert check(spec, text) == [
        ("TST001", 14, 12, '"commitments.answer[2].within" in channel "phone" is missing'),
    ]
    spec = {"function": "max-duration", "given": "/channels/*", "field": "commitments/answer/within", "max": "4 minutes"}
    assert check(spec, text) == [
        ("TST001", 13, 47, '"commitments.answer[1].within" in channel "phone" is "5 minutes", longer than the maximum of "4 minutes"'),
    ]
