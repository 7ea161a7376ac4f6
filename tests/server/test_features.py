"""What the server answers, in process: completion, definitions, hover and code actions on charters
the end-to-end tests do not open (calendars, Markdown, JSON, a new list item)."""

from __future__ import annotations

from pathlib import Path

from charterlint.model import Position, Span
from charterlint.server.actions import code_actions
from charterlint.server.completion import candidates
from charterlint.server.definition import definition
from charterlint.server.hover import hover_text
from charterlint.server.state import Linted, lint_open
from tests.helpers import MINIMAL_CHARTER, settings_for

CALENDAR = MINIMAL_CHARTER.replace("    hours: always\n", "    hours: office\n").replace(
    "channels:\n", "calendars:\n  - id: office\n    timezone: Europe/London\n    open: {mon-fri: 09:00-17:00}\nchannels:\n")


def _linted(text: str, name: str = "w.charter.yaml") -> Linted:
    return lint_open(Path("/project") / name, text, 1, settings_for())


def test_a_calendar_reference_leads_to_its_calendar() -> None:
    linted = _linted(CALENDAR)
    assert linted.lines[13] == "    hours: office"
    assert definition(linted, Position(14, 14)) == Span.at(8, 9, 6)  # `office` in `- id: office`
    assert definition(linted, Position(13, 12)) is None  # on `type: phone`: no reference


def test_completion_of_a_new_channel_offers_the_fields_of_a_channel() -> None:
    text = CALENDAR.replace("review:\n", "  - \nreview:\n")
    names = [c.label for c in candidates(_linted(text), Position(15, 5))]
    assert names[:4] == ["id", "type", "name", "address"]


def test_completion_of_hours_offers_the_calendars() -> None:
    text = CALENDAR.replace("    hours: office\n", "    hours: \n")
    assert [(c.label, c.detail) for c in candidates(_linted(text), Position(14, 12))] == [("office", "calendar")]


def test_json_charters_get_no_completion() -> None:
    assert candidates(_linted('{"charter_format": 1}\n', "w.charter.json"), Position(1, 2)) == []


def test_hover_on_a_field_value_says_what_the_field_means() -> None:
    text = hover_text(_linted(CALENDAR), Position(9, 16))
    assert text is not None and text.startswith("**timezone**\n\nIANA time zone of the opening hours")


def test_a_finding_in_a_markdown_body_is_suppressed_with_an_html_comment() -> None:
    text = "---\n" + MINIMAL_CHARTER + "---\n\n# Our service\n\nYou can chat with us on WhatsApp.\n"
    linted = _linted(text, "w.charter.md")
    [finding] = [f for f in linted.result.findings if f.code == "CH501"]
    [suppress] = [a for a in code_actions(linted, finding.span) if a.title.startswith("Suppress")]
    assert [(e.span, e.text) for e in suppress.edits] == [
        (Span.at(18, 1, 0), "<!-- charterlint: disable-next-line CH501 -- TODO: say why this does not apply -->\n")]


def test_a_json_charter_gets_its_fix_but_no_suppression() -> None:
    text = ('{"charter_format": 1, "title": "Example Water customer charter",\n'
            ' "organization": {"name": "Example Water"}, "overview": {"mission": "Safe water."},\n'
            ' "channels": [{"id": "phone", "type": "Phone", "hours": "always"}],\n'
            ' "review": {"last_reviewed": "2025-06-01"}}\n')
    linted = _linted(text, "w.charter.json")
    [finding] = [f for f in linted.result.findings if f.code == "CH013"]
    actions = code_actions(linted, finding.span)
    assert [a.title for a in actions] == ['Replace with "phone"', "Fix all safe charterlint fixes (1)"]
    assert [e.text for e in actions[0].edits] == ['"phone"']
