"""CH502 prose-contradicts-data: a limit in the Markdown prose that the data gives differently."""

from __future__ import annotations

import pytest

from tests.helpers import CHARTER_HEAD, REVIEW, findings

DATA = CHARTER_HEAD + """\
channels:
  - id: phone
    type: phone
    hours: always
    commitments:
      answer: {within: 30 seconds, target: 80%}
  - id: email
    type: email
    hours: always
    commitments:
      respond: {within: 5 working days}
feedback:
  channels: [phone, email]
  acknowledge: {within: 2 working days}
  respond: {within: 10 working days}
"""


def ch502(prose: str) -> list[tuple[str, int, int, str]]:
    """The prose starts on line 26."""
    return findings("---\n" + DATA + REVIEW + "---\n" + prose, ["CH502"], filename="t.charter.md")


def test_a_complaints_limit_that_differs_from_the_data_is_reported_at_the_limit() -> None:
    # a complaints body: "we aim to respond to complaints within 45 working days" beside data of 10
    assert ch502("We aim to respond to complaints within 45 working days.\n") == [
        ("CH502", 26, 33, 'the text says complaints get a reply "within 45 working days", but feedback.respond says '
                          '"10 working days": state one limit in both places'),
    ]


def test_a_channel_limit_names_the_channel() -> None:
    assert ch502("# Phone\n- Calls are answered within 60 seconds.\n") == [
        ("CH502", 27, 22, 'the text says calls get an answer "within 60 seconds", but channel "phone" says '
                          '"30 seconds": state one limit in both places'),
    ]


@pytest.mark.parametrize("prose", [
    "We reply to complaints within 10 working days.",  # the same
    "We acknowledge complaints within 2 working days.",  # the same
    "We reply to complaints within 10 days.",  # bare days compare with nothing
    "We reply to complaints within 2 weeks.",  # clock time against working days
    "We reply to emails and letters within 3 working days.",  # two things
    "We acknowledge and reply to complaints within 3 working days.",  # two events
    "We reply to complaints within 3 working days, or within 10 working days if complex.",  # two limits
    "We resolve complaints within 30 working days.",  # no data for that event
    "```\nWe reply to complaints within 45 working days.\n```",  # not published
    "If we cannot answer your call we will call you back within 4 hours.",  # two events
    "At stage 2 a senior manager will reply to your complaint within 20 working days.",  # a later stage
    # an Australian Government service: a second limit in words may be the one meant for emails
    "We aim to respond to phone enquiries and emails within one working day, and to mail within 10 working days.",
    "We reply to emails within two working days, or to urgent emails within 9 working days.",  # two limits
])
def test_the_same_limit_or_an_unclear_sentence_is_not_reported(prose: str) -> None:
    assert ch502(prose + "\n") == []


def test_sentences_are_judged_one_by_one() -> None:
    prose = "We reply to emails within 5 working days. Complaints get a reply within 20 working days.\n"
    assert ch502(prose) == [
        ("CH502", 26, 66, 'the text says complaints get a reply "within 20 working days", but feedback.respond says '
                          '"10 working days": state one limit in both places'),
    ]


def test_a_yaml_charter_has_no_prose() -> None:
    assert findings(DATA + REVIEW, ["CH502"]) == []
