"""CH111, CH112, CH206, CH310: the forms a writer records so that a rule reports them."""

from __future__ import annotations

import pytest

from tests.helpers import ANSWERED_PHONE_HEAD, CHARTER_HEAD, REVIEW, findings

_NEVER_OPEN = 'calendar "office" has no open day: every channel that uses it is never open ' \
              '(give opening hours for at least one day, e.g. mon-fri: "09:00-17:00")'


@pytest.mark.parametrize("opening", ["{}", "{x-note: closed for refurbishment}", "{mon-fri: closed, sat: closed}"])
def test_a_calendar_with_no_open_day_is_an_error(opening: str) -> None:
    text = ANSWERED_PHONE_HEAD + f"calendars:\n  - id: office\n    timezone: Europe/London\n    open: {opening}\n" + REVIEW
    assert findings(text, ["CH0", "CH112"]) == [("CH112", 16, 5, _NEVER_OPEN)]


def test_a_calendar_open_one_day_is_open() -> None:
    text = ANSWERED_PHONE_HEAD + 'calendars:\n  - id: office\n    timezone: Europe/London\n' \
        '    open: {mon-fri: closed, sat: "09:00-12:00"}\n' + REVIEW
    assert findings(text, ["CH0", "CH112"]) == []


def _with_respond(within: str, wording: str) -> str:
    return ANSWERED_PHONE_HEAD.replace(
        "      answer: {within: 60 seconds, target: 80%}\n",
        f"      answer: {{within: 60 seconds, target: 80%}}\n      respond: {{within: {within}, text: {wording}}}\n",
    ) + REVIEW


@pytest.mark.parametrize(("within", "wording", "words"), [
    ("24 hours", "We reply within 24 hours during office hours.", "office hours"),
    ("48 hours", "Within 48 working hours.", "working hours"),
    ("2 calendar days", "We reply within 2 days during our usual opening hours.", "usual opening hours"),
    ("8 hours", "We reply within 8 hours while we are open.", "while we are open"),
    # a land registry's forum: "within two hours during service hours (9am to 5pm on weekdays)"
    ("2 hours", "We respond within two hours during service hours.", "service hours"),
    ("4 hours", "First response within 4 hours during support hours.", "support hours"),
])
def test_a_clock_limit_qualified_by_opening_hours_is_ambiguous(within: str, wording: str, words: str) -> None:
    found = findings(_with_respond(within, wording), ["CH310"])
    assert [(code, line) for code, line, _, _ in found] == [("CH310", 13)]
    assert f'its text says "{words}"' in found[0][3]


@pytest.mark.parametrize(("within", "wording"), [
    ("24 business hours", "We reply within 24 business hours."),  # the limit is in business hours
    ("30 minutes", "We reply within 30 minutes during business hours."),  # under an hour
    ("4 weeks", "We reply within 4 weeks (20 working days)."),  # a conversion, not a second clock
    ("24 hours", "We reply within 24 hours, day or night."),
])
def test_a_clock_limit_that_says_one_clock_is_not_ambiguous(within: str, wording: str) -> None:
    assert findings(_with_respond(within, wording), ["CH310"]) == []


def test_ambiguous_clocks_are_found_outside_channels_too() -> None:
    text = ANSWERED_PHONE_HEAD + """\
feedback:
  channels: [phone]
  acknowledge: {within: 24 hours, text: We acknowledge complaints within 24 hours during business hours.}
""" + REVIEW
    assert [(code, line, column) for code, line, column, _ in findings(text, ["CH310"])] == [("CH310", 15, 25)]


@pytest.mark.parametrize("within", ["1 hour", "60 minutes"])
def test_a_clock_limit_of_an_hour_or_less_is_not_ambiguous(within: str) -> None:
    # a software vendor's P1 and P2 tickets: "within 1 hour, during business hours"; the clocks differ
    # only for a ticket logged in the last hour before closing (CH107 leaves such limits alone too)
    assert findings(_with_respond(within, '"Within 1 hour, during business hours."'), ["CH310"]) == []
    assert len(findings(_with_respond("2 hours", '"Within 2 hours, during business hours."'), ["CH310"])) == 1


def test_service_hours_on_a_channel_that_closes_is_one_finding_under_ch310() -> None:
    # one problem, one finding: CH107 (clock hours on a channel that closes) leaves the wording to CH310
    text = CHARTER_HEAD + """\
calendars:
  - id: service-hours
    timezone: Europe/London
    open:
      mon-fri: "09:00-17:00"
channels:
  - id: forum
    type: community_forum
    hours: service-hours
    commitments:
      respond: {within: 2 hours, text: We respond to posts within two hours during service hours.}
""" + REVIEW
    assert [(code, line) for code, line, _, _ in findings(text, ["CH107", "CH310"])] == [("CH310", 17)]


def _office(commitments: str) -> str:
    """CHARTER_HEAD with one in-person office whose hours are not published (`hours` on line 11)."""
    return (CHARTER_HEAD + "channels:\n  - id: office\n    type: in_person\n    name: Meetings at our offices\n"
            "    hours: not_published\n    commitments:\n" + commitments + REVIEW)


_NOT_PUBLISHED = ('CH111', 11, 12, 'channel "office" does not publish its hours: customers cannot know when someone '
                  'answers (give hours: always or the id of a calendar of opening hours)')
# a university estates department: meetings at its offices are pre-arranged
_PRE_ARRANGED = ("      answer:\n        within: 10 minutes\n        text: We greet you within ten minutes of your "
                 "scheduled meeting time; please tell us if you will be late for a pre-arranged visit.\n")


def test_an_office_met_only_by_appointment_needs_no_published_hours() -> None:
    assert findings(_office(_PRE_ARRANGED), ["CH111"]) == []
    variants = ("      answer:\n        - when: you come at the time you booked\n          within: 5 minutes\n"
                "          text: Interviews are by appointment only.\n")
    assert findings(_office(variants), ["CH111"]) == []


@pytest.mark.parametrize("commitments", [
    # a council: seen within 5 minutes of an appointment, and walk-ins are offered an appointment
    "      answer:\n        - when: with an appointment\n          within: 5 minutes\n"
    "        - when: the officer you need is not available when you visit\n          within: 10 working days\n"
    "          text: We offer you an appointment within 10 working days.\n",
    "      answer:\n        - when: with an appointment\n          within: 5 minutes\n"
    "        - when: without an appointment\n          within: 15 minutes\n",
    # promises that mention appointments, in an office the charter never says is by appointment only
    # (a housing authority's office, a council's service centres)
    "      answer:\n        - {when: you have an appointment, text: We will see you on time.}\n"
    "        - {when: you need an appointment, within: 1 week, text: You will get an appointment within 1 week.}\n",
    "      respond: {within: 24 hours, text: If the person who can help is away we get in touch within 24 hours"
    " to arrange an appointment.}\n",
    # no promise of its own says anything of appointments
    "      answer: {within: 10 minutes, text: We see you within ten minutes of arrival.}\n",
    "      {}\n",
])
def test_an_office_that_takes_visitors_at_their_own_time_publishes_hours(commitments: str) -> None:
    assert findings(_office(commitments), ["CH111"]) == [_NOT_PUBLISHED]
