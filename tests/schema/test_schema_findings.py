"""Schema and reference findings: exact code, line, column and message in every source format."""

from __future__ import annotations

import pytest

from tests.helpers import FIXTURES, MINIMAL_CHARTER, findings, lint_text

CORE = FIXTURES / "core"


def fixture_findings(name: str) -> list[tuple[str, int, int, str]]:
    path = CORE / name
    return findings(path.read_text(encoding="utf-8"), ["CH0"], filename=name)


EXPECTED = {
    "broken.charter.yaml": [
        ("CH012", 5, 3, 'unknown field "sectr" in "organization" (did you mean "sector"?)'),
        ("CH011", 9, 5, 'channel "email" is missing "hours"'),
        ("CH013", 13, 17, '"2 workdays" is not a duration (write "2 working days")'),
        ("CH013", 14, 5, 'channel 2 must be a mapping of fields, not "web-chat"'),
        ("CH013", 16, 18, '"2025-02-30" is not a date: expected e.g. "2025-03-01"'),
    ],
    "broken.charter.json": [
        ("CH012", 4, 45, 'unknown field "sectr" in "organization" (did you mean "sector"?)'),
        ("CH011", 8, 7, 'channel "email" is missing "hours"'),
        ("CH013", 10, 45, '"2 workdays" is not a duration (write "2 working days")'),
        ("CH013", 12, 5, 'channel 2 must be a mapping of fields, not "web-chat"'),
        ("CH013", 14, 31, '"2025-02-30" is not a date: expected e.g. "2025-03-01"'),
    ],
    "broken.charter.md": [
        ("CH012", 6, 3, 'unknown field "sectr" in "organization" (did you mean "sector"?)'),
        ("CH011", 10, 5, 'channel "email" is missing "hours"'),
        ("CH013", 14, 17, '"2 workdays" is not a duration (write "2 working days")'),
        ("CH013", 15, 5, 'channel 2 must be a mapping of fields, not "web-chat"'),
        ("CH013", 17, 18, '"2025-02-30" is not a date: expected e.g. "2025-03-01"'),
    ],
    "references.charter.yaml": [
        ("CH020", 15, 12, '"ofice" is not the id of a calendar (did you mean "office"?)'),
        ("CH021", 18, 9, 'channel id "phone" is already used on line 13: rename one (ids must be unique)'),
        ("CH020", 25, 12, '"e-mail" is not the id of a channel (channels: "phone")'),
        ("CH020", 27, 21, '"webchat" is not the id of a channel (channels: "phone")'),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_reports_exact_findings(name: str) -> None:
    assert fixture_findings(name) == EXPECTED[name]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("review:\n  last_reviewed: 2025-06-01\n", "",
         [("CH011", 10, 18, 'the charter is missing "review" (add "review:" here, after "channels")')]),
        ("  mission: Safe water.\n", "  motto: Safe water.\n",
         [("CH011", 5, 1, '"overview" is missing one of "vision", "mission" or "values"'),
          ("CH012", 6, 3, 'unknown field "motto" in "overview" (expected one of "channel_statement", "mission", "values", "vision")')]),
        ("title: Example Water customer charter\n", "titel: Example Water customer charter\n",
         [("CH011", 2, 1, 'unknown field "titel": did you mean "title"? it is required')]),
        ("charter_format: 1\n", "charter_format: 2\n",
         [("CH013", 1, 17, '"charter_format" must be 1, not 2')]),
        ("    hours: always\n", "    hours: always\n    x-internal-owner: Ops team\n", []),
        ("    type: phone\n", "    type: webchat\n",
         [("CH013", 9, 11, '"webchat" is not a valid "type" in channel "phone": expected one of phone, email, '
           "live_chat, chatbot, social_media, sms, messaging, web_form, portal, app, in_person, post, video, "
           'voicemail, fax, community_forum (did you mean "live_chat"?)')]),
        ("channels:\n", "channels: []\nx:\n",
         [("CH010", 7, 11, '"channels" must list at least 1 item'),
          ("CH012", 8, 1, 'unknown field "x" (use an x- prefix for local extensions)')]),
        ("    hours: always\n", "    hours: always\n    commitments:\n      answer: {within: 1 min, target: 8 %}\n",
         [("CH013", 12, 24, '"1 min" is not a duration (write "1 minute")'),
          ("CH013", 12, 39, '"8 %" is not a percentage: expected e.g. "80%"')]),
        ("    hours: always\n", "    hours: always\n    address: 08001234567\n",
         [("CH013", 11, 14, '"address" in channel "phone" must be text, not the number 08001234567'
           ' (write "08001234567")')]),
        ("channels:\n", "calendars:\n  - id: office\n    timezone: Europe/London\n"
         "    open: {mon-fri: \"9:00-17:00\"}\nchannels:\n",
         [("CH013", 10, 21, '"9:00-17:00" is not opening hours (write "09:00-17:00")')]),
        ("channels:\n", "calendars:\n  - id: office\n    timezone: Europe/London\n"
         "    open: {mon-fri: \"09:00-17:00\"}\n    holidays: [2025-12-25, 2025-13-40]\nchannels:\n",
         [("CH013", 11, 28, '"2025-13-40" is not a date: expected e.g. "2025-03-01"')]),
    ],
    ids=["missing-section", "at-least-one-of", "typo-of-required", "const", "x-extension-allowed",
         "enum-with-suggestion", "too-few-items", "duration-and-share", "number-where-text-is-expected",
         "alternative-of-the-value's-type-text", "alternative-of-the-value's-type-list"],
)
def test_schema_failure_kinds(old: str, new: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert old in MINIMAL_CHARTER
    assert findings(MINIMAL_CHARTER.replace(old, new), ["CH0"]) == expected


def test_content_rules_run_on_the_sections_without_schema_errors() -> None:
    broken = (CORE / "broken.charter.yaml").read_text(encoding="utf-8")
    result = lint_text(broken, preset="strict")
    # organization, feedback and escalation are sound (absent, or only an unknown field below the top
    # level): their rules run; channels and review are not, nor the rules that read them (CH110)
    assert sorted({f.code for f in result.findings}) == ["CH011", "CH012", "CH013", "CH104", "CH403", "CH405"]
    assert result.skipped is not None
    assert result.skipped.message == "rules did not run on channels and review: fix the errors on lines 9 and 16 first"


def test_a_misspelt_optional_section_is_one_finding_and_its_rules_wait() -> None:
    # `feedbak:` is an unknown field, not also "no feedback channels" (CH104)
    text = MINIMAL_CHARTER.replace("channels:\n", "feedbak:\n  channels: [phone]\nchannels:\n")
    result = lint_text(text)
    assert [(f.code, f.span.start.line, f.message) for f in result.findings] == [
        ("CH012", 7, 'unknown field "feedbak" (did you mean "feedback"?)')]
    assert result.skipped is not None and result.skipped.message == (
        "rules did not run on feedback: fix the error on line 7 first")


def test_an_empty_unknown_section_that_misspells_nothing_stops_no_rule() -> None:
    result = lint_text(MINIMAL_CHARTER.replace("review:\n", "zzqx:\nreview:\n"))
    # an unknown key left empty is not a misspelt section: it stops nothing (no note)
    assert [f.message for f in result.findings if f.code == "CH012"] == [
        'unknown field "zzqx" (use an x- prefix for local extensions)']
    assert result.skipped is None


def test_a_misspelt_field_in_a_channel_leaves_the_channels_other_problems_reported() -> None:
    text = MINIMAL_CHARTER.replace("    hours: always\n", "    hours: office\n    human_folow_up: {within: 1 day, via: same channel}\n")
    codes = [f.code for f in lint_text(text).findings]
    assert codes.count("CH012") == 1 and "CH020" in codes  # the unknown calendar "office" is still found


def test_values_of_the_right_form_that_cannot_be_meant_are_invalid() -> None:
    text = ("""\
charter_format: 1
title: T
organization: {name: O}
overview: {mission: m}
calendars:
  - id: office
    timezone: Europe/Londn
    open: {mon-fri: "17:00-09:00", sat: ["09:00-12:00", "13:00-17:00"]}
channels:
  - {id: phone, type: phone, hours: office, commitments: {answer: {within: 5-2 minutes}}}
review: {last_reviewed: 2025-01-01}
""")
    assert findings(text, ["CH0"]) == [
        ("CH013", 7, 15, '"Europe/Londn" is not an IANA time zone: expected e.g. "Europe/London"'),
        ("CH013", 8, 21, '"17:00-09:00" closes before it opens: give opening then closing time, e.g. "08:30-17:00"'
         " (a night service: split it at midnight)"),
        ("CH013", 10, 76, '"5-2 minutes" is a range whose first number is the larger: write it low to high,'
         ' e.g. "2-5 minutes"'),
    ]


def test_a_yaml_merge_key_is_explained() -> None:
    text = MINIMAL_CHARTER.replace("    hours: always\n", "    <<: {hours: always}\n")
    assert findings(text, ["CH0"]) == [
        ("CH011", 8, 5, 'channel "phone" is missing "hours"'),
        ("CH012", 10, 5, 'unknown field "<<" in channel "phone" (YAML merge keys are not supported: write the'
         " fields out)"),
    ]


def test_what_is_inside_a_misspelt_section_is_checked_as_the_section_it_misspells() -> None:
    text = MINIMAL_CHARTER.replace("organization:\n  name: Example Water\n",
                                   "organisation:\n  name: Example Water\n  jurisdiction: [GB]\n  sectr: utility\n")
    assert findings(text, ["CH0"]) == [
        ("CH011", 3, 1, 'unknown field "organisation": did you mean "organization"? it is required'),
        ("CH013", 5, 17, '"organization.jurisdiction" must be text, not a list'),
        ("CH012", 6, 3, 'unknown field "sectr" in "organization" (did you mean "sector"?)'),
    ]


@pytest.mark.parametrize(
    ("commitment", "expected"),
    [
        ("{within: 60 seconds, target: 80}",
         (12, 44, '"commitments.answer.target" in channel "phone" must be a percentage, not the number 80'
                  ' (write "80%")')),
        ("{within: 60 seconds, target: 0.8}",
         (12, 44, '"commitments.answer.target" in channel "phone" must be a percentage, not the number 0.8'
                  ' (write "80%")')),
        ("{within: 3}",
         (12, 24, '"commitments.answer.within" in channel "phone" must be a duration, not the number 3'
                  ' (write "3 working days")')),
        ("{within: 2 workdays}", (12, 24, '"2 workdays" is not a duration (write "2 working days")')),
    ],
    ids=["share-as-a-number", "share-as-a-fraction", "duration-without-a-unit", "duration-unit-misspelt"],
)
def test_a_value_of_the_wrong_form_names_the_text_that_fits(commitment: str, expected: tuple[int, int, str]) -> None:
    text = MINIMAL_CHARTER.replace("    hours: always\n", f"    hours: always\n    commitments:\n      answer: {commitment}\n")
    assert findings(text, ["CH0"]) == [("CH013", *expected)]
