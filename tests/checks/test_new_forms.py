"""Charters that use the forms added to the format (issue 15 §3): every rule reads them rightly."""

from __future__ import annotations

from tests.helpers import CHARTER_HEAD, FIXTURES, REVIEW, findings

NEW_FORMS = FIXTURES / "format" / "new-forms.charter.yaml"
_CALENDAR = 'calendars:\n  - id: office\n    timezone: Europe/London\n    open: {mon-fri: "09:00-17:00"}\n'


def test_a_charter_using_every_new_form_gets_exactly_these_findings_from_all_rules() -> None:
    text = NEW_FORMS.read_text(encoding="utf-8")
    assert findings(text, ["CH"], filename=NEW_FORMS.name) == [
        ("CH112", 19, 5, 'calendar "closed-for-works" has no open day: every channel that uses it is never open '
                         '(give opening hours for at least one day, e.g. mon-fri: "09:00-17:00")'),
        # an answer time alone: nothing for calls not resolved on the call
        ("CH114", 33, 5, 'channel "emergency" promises an answer time but nothing for calls not resolved on the call '
                         "(add commitments.respond or commitments.resolve: when the caller hears back)"),
        ("CH111", 44, 12, 'channel "reception" does not publish its hours: customers cannot know when someone '
                          "answers (give hours: always or the id of a calendar of opening hours)"),
        ("CH310", 54, 17, 'respond within "24 hours" counts clock time, but its text says "normal business hours": '
                          'which clock does the promise run on? (write "24 business hours" if the clock stops when '
                          'you close, or drop "normal business hours" from the text)'),
        ("CH107", 63, 25, 'respond within "3 hours" on channel "webchat" counts clock time, but the channel is open '
                          'only on calendar "office": does the clock stop at closing time? (use "3 business hours")'),
        # the standard for letters and emails: once, at the standard, for both channels it lists
        ("CH107", 71, 25, 'respond within "48 hours" on channel "email" (and 1 more) counts clock time, but the '
                          'channel is open only on calendar "office": does the clock stop at closing time? '
                          '(use "48 business hours")'),
        # a promise without a number is judged by its text
        ("CH301", 83, 50, '"as soon as possible" is a hedge, not a commitment: give a time limit instead '
                          '(e.g. "within 2 working days")'),
        ("CH206", 118, 12, "the charter states no review date: customers cannot tell whether its promises are "
                           'current (review it, then give review.last_reviewed and review.cadence, e.g. "12 months")'),
    ]


def test_a_variant_is_checked_at_its_own_place() -> None:
    text = CHARTER_HEAD + _CALENDAR + """\
channels:
  - id: email
    type: email
    hours: office
    human_follow_up: {within: next working day, via: same channel}
    commitments:
      respond:
        - {when: a simple question, within: 30 minutes}
        - {when: anything else, within: 4 hours}
""" + REVIEW
    assert findings(text, ["CH107"]) == [
        ("CH107", 19, 41, 'respond within "4 hours" on channel "email" counts clock time, but the channel is open '
                          'only on calendar "office": does the clock stop at closing time? (use "4 business hours")'),
    ]


def test_a_standard_gives_the_channels_it_lists_their_commitments() -> None:
    text = CHARTER_HEAD + """\
channels:
  - id: letter
    type: post
    hours: always
  - id: fax
    type: post
    hours: always
  - id: counter
    type: in_person
    hours: always
standards:
  - id: written
    channels: [letter, fax]
    commitments:
      acknowledge: {within: 2 working days}
""" + REVIEW
    # letter and fax promise only an acknowledgement (the standard's); counter promises nothing
    assert findings(text, ["CH101", "CH306"]) == [
        ("CH306", 8, 5, 'channel "letter" only promises an acknowledgement, which may be automated '
                        "(add a respond or resolve commitment)"),
        ("CH306", 11, 5, 'channel "fax" only promises an acknowledgement, which may be automated '
                         "(add a respond or resolve commitment)"),
        ("CH101", 14, 5, 'channel "counter" has no commitment (add commitments.answer: how quickly a person answers)'),
    ]


def test_references_in_the_new_forms_are_checked() -> None:
    text = CHARTER_HEAD + _CALENDAR + """\
channels:
  - id: line
    type: phone
    hours: {outside: ofice}
    commitments:
      answer: {within: 60 seconds}
standards:
  - id: written
    channels: [letters]
    commitments:
      respond: {within: 10 working days}
  - id: written
    commitments:
      respond: {within: 3 working days}
""" + REVIEW
    assert findings(text, ["CH020", "CH021"]) == [
        ("CH020", 14, 22, '"ofice" is not the id of a calendar (did you mean "office"?)'),
        ("CH020", 19, 16, '"letters" is not the id of a channel (channels: "line")'),
        ("CH021", 22, 9, 'standard id "written" is already used on line 18: rename one (ids must be unique)'),
    ]


def test_neither_an_out_of_hours_service_nor_unpublished_hours_count_as_closing() -> None:
    text = CHARTER_HEAD + _CALENDAR + """\
channels:
  - id: night-chat
    type: live_chat
    hours: {outside: office}
    commitments:
      respond: {within: 2 hours}
  - id: chat
    type: live_chat
    hours: not_published
    commitments:
      respond: {within: 2 hours}
""" + REVIEW
    # the night chat takes over when the office closes: the organisation is there around the clock
    assert findings(text, ["CH102", "CH107", "CH111"]) == [
        ("CH111", 19, 12, 'channel "chat" does not publish its hours: customers cannot know when someone answers '
                          "(give hours: always or the id of a calendar of opening hours)"),
    ]


def test_an_undated_charter_that_gives_a_date_is_told_to_choose() -> None:
    text = CHARTER_HEAD + """\
channels:
  - id: phone
    type: phone
    hours: always
    commitments:
      answer: {within: 60 seconds}
review:
  undated: true
  last_reviewed: 2025-06-01
  cadence: 12 months
"""
    assert findings(text, ["CH204", "CH206"]) == [
        ("CH206", 14, 12, 'review.undated says the charter has no review date, but last_reviewed gives '
                          '"2025-06-01" (remove undated)'),
    ]


def test_organisation_wide_accessibility_satisfies_ch409() -> None:
    text = CHARTER_HEAD + """\
accessibility: [relay_service]
channels:
  - id: phone
    type: phone
    hours: always
    commitments:
      answer: {within: 60 seconds}
""" + REVIEW
    assert findings(text, ["CH409"]) == []
    assert findings(text.replace("accessibility: [relay_service]\n", ""), ["CH409"]) != []


def test_a_commitment_needs_a_time_a_target_or_words() -> None:
    text = CHARTER_HEAD + """\
channels:
  - id: phone
    type: phone
    hours: always
    commitments:
      answer: {strength: will}
""" + REVIEW
    assert findings(text, ["CH0"]) == [
        ("CH011", 12, 7, '"commitments.answer" in channel "phone" is missing one of "within", "target" or "text"'),
    ]


def test_the_order_of_a_standard_s_events_is_checked_at_the_standard() -> None:
    text = CHARTER_HEAD + _CALENDAR + """\
channels:
  - id: letter
    type: post
    hours: office
standards:
  - id: written
    channels: [letter]
    commitments:
      acknowledge: {within: 5 working days}
      respond: {within: 2 working days}
""" + REVIEW
    assert findings(text, ["CH307"]) == [
        ("CH307", 20, 25, 'respond within "2 working days" is shorter than acknowledge within "5 working days": '
                          "a later step cannot come sooner (give respond at least as long as acknowledge)"),
    ]
