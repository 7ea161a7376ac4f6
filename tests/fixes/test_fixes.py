"""Each fix on a charter that needs it: the text it writes, what stays as written, what is unsafe."""

from __future__ import annotations

import pytest

from charterlint.fixes.run import fix_text
from tests.helpers import MINIMAL_CHARTER, lint_text, settings_for

# (what the minimal charter's phone says, what it says after a fix, rule fixed, safe)
CASES = [
    pytest.param("    type: Phone\n", "    type: phone\n", "CH013", True, id="enum-case"),
    pytest.param("    type: phone\n    adress: 0800 123 456  # freephone\n",
                 "    type: phone\n    address: 0800 123 456  # freephone\n", "CH012", True, id="field-name"),
    pytest.param("    type: phone\n    commitments:\n      answer: {within: 60 seconds, target: 80}\n",
                 "    type: phone\n    commitments:\n      answer: {within: 60 seconds, target: 80%}\n",
                 "CH013", True, id="share-number"),
    pytest.param("    type: phone\n    commitments:\n      answer: {within: 60 seconds, target: 0.8}\n",
                 "    type: phone\n    commitments:\n      answer: {within: 60 seconds, target: 80%}\n",
                 "CH013", True, id="share-fraction"),
    pytest.param("    type: phone\n    commitments:\n      respond: {within: 2 workdays}\n",
                 "    type: phone\n    commitments:\n      respond: {within: 2 working days}\n",
                 "CH013", True, id="workdays"),
    pytest.param("    type: phone\n    commitments:\n      respond: {within: '24 hrs'}\n",
                 "    type: phone\n    commitments:\n      respond: {within: '24 hours'}\n",
                 "CH013", True, id="hrs-single-quoted"),
    pytest.param('    type: phone\n    address: 08001234567\n', '    type: phone\n    address: "08001234567"\n',
                 "CH013", True, id="number-as-text"),
    pytest.param("    type: phone\n    commitments:\n      resolve: {within: 3}\n",
                 "    type: phone\n    commitments:\n      resolve: {within: 3 working days}\n",
                 "CH013", False, id="bare-number-duration"),
    pytest.param("    type: social_media\n    name: Twitter\n    platform: twitter\n"
                 "    address: https://twitter.com/examplewater\n",
                 "    type: social_media\n    name: X\n    platform: x\n    address: https://x.com/examplewater\n",
                 "CH205", False, id="twitter"),
]


def _charter(phone: str) -> str:
    return MINIMAL_CHARTER.replace("    type: phone\n", phone)


@pytest.mark.parametrize(("before", "after", "code", "safe"), CASES)
def test_a_fix_writes_what_was_meant_and_keeps_the_rest(before: str, after: str, code: str, safe: bool) -> None:
    text = _charter(before)
    assert code in {f.code for f in lint_text(text).findings}
    fixed = fix_text("t.charter.yaml", text, settings_for(), unsafe=True)
    assert fixed.text == _charter(after)
    assert code not in {f.code for f in fixed.remaining}
    assert fixed.applied == 1
    safely = fix_text("t.charter.yaml", text, settings_for())
    assert (safely.text == fixed.text) is safe
    assert safely.unsafe_left == (0 if safe else 1)


def test_hours_on_a_twelve_hour_clock_become_twenty_four_hour() -> None:
    text = _charter("    type: phone\n").replace("    hours: always\n", "    hours: office\n").replace(
        "channels:\n", "calendars:\n  - id: office  # the head office\n    timezone: Europe/London\n"
        "    open: {mon-fri: 9am-5pm, sat: '9.30am to 12pm'}\nchannels:\n")
    fixed = fix_text("t.charter.yaml", text, settings_for())
    assert "    open: {mon-fri: 09:00-17:00, sat: '09:30-12:00'}\n" in fixed.text
    assert "  - id: office  # the head office\n" in fixed.text
    assert fixed.applied == 2


def test_a_second_fix_changes_nothing() -> None:
    text = _charter("    type: Phone  # our main line\n    adress: 08001234567\n")
    once = fix_text("t.charter.yaml", text, settings_for(), unsafe=True)
    assert once.applied == 3  # the type, the key renamed, then (next round) its value quoted
    assert once.text == _charter('    type: phone  # our main line\n    address: "08001234567"\n')
    again = fix_text("t.charter.yaml", once.text, settings_for(), unsafe=True)
    assert (again.text, again.applied) == (once.text, 0)


def test_a_loose_field_match_is_unsafe() -> None:
    text = _charter("    type: phone\n").replace("    hours: always\n", "    hour: always\n    handof_to: chat\n")
    fixed = fix_text("t.charter.yaml", text, settings_for())
    assert "    hours: always\n" in fixed.text  # "hour" is a near miss of "hours"


def test_a_json_charter_is_fixed_as_json() -> None:
    text = ('{"charter_format": 1, "title": "Example Water customer charter",\n'
            ' "organization": {"name": "Example Water"}, "overview": {"mission": "Safe water."},\n'
            ' "channels": [{"id": "phone", "type": "Phone", "hours": "always",\n'
            '   "commitments": {"answer": {"within": "60 seconds", "target": 80}}}],\n'
            ' "review": {"last_reviewed": "2025-06-01"}}\n')
    fixed = fix_text("t.charter.json", text, settings_for())
    assert fixed.text == text.replace('"Phone"', '"phone"').replace('"target": 80}', '"target": "80%"}')


def test_a_markdown_charter_is_fixed_in_its_front_matter() -> None:
    text = "---\n" + _charter("    type: Phone\n") + "---\n\n# Our promise\n\nWe answer Phone calls.\n"
    fixed = fix_text("t.charter.md", text, settings_for())
    assert fixed.text == text.replace("type: Phone", "type: phone")


def test_a_file_that_does_not_parse_is_not_fixed() -> None:
    text = _charter("    type: Phone\n") + "  broken: [\n"
    fixed = fix_text("t.charter.yaml", text, settings_for())
    assert (fixed.text, fixed.applied) == (text, 0)
    assert "does not parse" in fixed.problem


def test_a_suppressed_finding_is_not_fixed() -> None:
    text = _charter("    type: Phone  # charterlint: disable-line CH013 -- the board's spelling\n")
    assert fix_text("t.charter.yaml", text, settings_for()).text == text
