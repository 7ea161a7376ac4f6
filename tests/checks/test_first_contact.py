"""CH301 on attempts to settle a matter at the contact itself (issue 15, tenth round): the attempt
is honest where what happens otherwise is timed, and an attempt about who acts is no time at all."""

from __future__ import annotations

import time

import pytest

from tests.helpers import CHARTER_HEAD, REVIEW, findings

HEDGES = ["CH301", "CH312"]

# A messaging channel whose resolve `text` is line 13, with the complaints procedure that times
# what happens when the matter is not settled at once (an Australian lender, twenty-second batch).
CHANNEL = """\
channels:
  - id: app
    type: messaging
    hours: always
    commitments:
      resolve:
        text: {text}
"""
FEEDBACK = """\
feedback:
  channels: [app]
  acknowledge:
    within: 1 business day
    text: We acknowledge complaints within one business day.
  respond:
    within: 5 business days
    text: We resolve complaints within 5 business days.
"""


def charter(text: str, feedback: str = FEEDBACK, more: str = "") -> str:
    return CHARTER_HEAD + CHANNEL.format(text=text) + more + feedback + REVIEW


def hedged(text: str, **kwargs: str) -> list[tuple[str, int]]:
    return [(code, line) for code, line, _, _ in findings(charter(text, **kwargs), HEDGES)]


# The moments of the contact itself: the lender's "on the spot", a US service desk's "on the call",
# and the other ways a writer says "there and then".
ATTEMPTS = [
    "Where possible, we will try to resolve your complaint on the spot.",
    "If possible we resolve the issue on the call.",
    "We will try to resolve your complaint there and then.",
    "We do our best to resolve your query while you wait.",
    "Wherever possible we deal with your complaint during your visit.",
    "We try to resolve your question straight away.",
    "We aim to resolve your enquiry at the first point of contact wherever possible.",
    "We will always try to resolve it over the phone.",
    "We will try to resolve your complaint at this stage.",
    "We make every effort to resolve it immediately.",
    "We will try to resolve your complaint in the first instance.",
    "Where possible we resolve complaints informally.",
    "We try to resolve your enquiry at reception.",
    "We will try to resolve your query when you first contact us.",
    "Wherever possible we resolve it on first contact.",
]


@pytest.mark.parametrize("text", ATTEMPTS)
def test_an_attempt_at_the_contact_with_a_timed_procedure_after_it_is_no_hedge(text: str) -> None:
    assert hedged(text) == []


@pytest.mark.parametrize("text", ATTEMPTS)
def test_an_attempt_at_the_contact_with_nothing_timed_after_it_still_counts(text: str) -> None:
    # no acknowledgement or resolution time anywhere: the attempt is the only promise the matter has
    assert hedged(text, feedback="") == [("CH301", 13)]


def test_an_acknowledgement_alone_does_not_time_the_attempted_resolution() -> None:
    # a NZ company: "we will always try to resolve your concerns immediately", only the
    # acknowledgement timed
    acknowledged = FEEDBACK.split("  respond:")[0]
    assert hedged("We will always try to resolve your concerns immediately.", feedback=acknowledged) == [("CH301", 13)]


@pytest.mark.parametrize("text", [
    # an English district council: "We try to deal with your query without passing you on"
    "We try to deal with your query without passing you on.",
    "We will try to resolve your query without transferring you.",
    "Where possible, your enquiry is resolved by the person you first speak to.",
    "We aim to get it right first time.",
    "We try to give you one point of contact for your complaint.",
    "Where possible your query is resolved by the member of staff you speak to.",
    "We try to resolve your enquiry without needing to transfer you.",
])
def test_an_attempt_about_who_acts_or_how_many_contacts_is_no_hedge(text: str) -> None:
    assert hedged(text, feedback="") == []


@pytest.mark.parametrize("text", [
    # an Isle of Man department: the alternative to the attempt has a limit
    "The Complaints Officer will try to resolve your complaint immediately or write to you within 5 working days.",
    # an Australian council: "do our best ... when you visit", a timed follow-up later in the sentence
    "We will do our best to satisfy your request when you visit and, if the right person is unavailable, get in "
    "touch within 24 hours.",
    # the step in the next sentence
    "We try to resolve your complaint on the spot. Otherwise we write to you within 5 working days.",
])
def test_an_attempt_whose_alternative_has_a_limit_is_no_hedge(text: str) -> None:
    assert hedged(text, feedback="") == []


def test_a_limit_of_the_attempt_itself_or_an_untimed_alternative_still_counts() -> None:
    # the limit is the attempt's own: a hedged limit
    assert hedged("We try to resolve your complaint immediately, within 2 working days.") == [("CH301", 13)]
    assert hedged("We try to resolve it at the first point of contact within one day.") == [("CH301", 13)]
    # a UK lender: "on the phone or as soon as we reasonably can": the alternative is itself untimed
    assert hedged("We try to resolve your complaint on the phone or as soon as we reasonably can.") == [("CH301", 13)]


def test_another_channels_limit_does_not_time_the_attempt() -> None:
    # a US service desk: calls "if possible" resolved on the call; only emails are answered in 24 hours
    email = """\
  - id: email
    type: email
    hours: always
    commitments:
      respond:
        within: 24 hours
        text: We respond to emails within 24 hours.
"""
    assert hedged("If possible we resolve the issue on the call.", feedback="", more=email) == [("CH301", 13)]
    # a channel the complaints procedure does not list is not timed by it
    assert hedged("If possible we resolve the issue on the call.",
                  feedback=FEEDBACK.replace("[app]", "[email]"), more=email) == [("CH301", 13)]


def test_a_first_stage_attempt_is_timed_by_the_later_stages() -> None:
    # an Isle of Man department: "speak to the person you have been dealing with ...; we will try to
    # resolve your grievance at this stage", a Complaints Officer's 28 days after it
    text = CHARTER_HEAD + """\
feedback:
  respond:
    text: Speak to the person you have been dealing with; we will try to resolve your grievance at this stage.
escalation:
  stages:
    - name: Complaints Officer
      internal: true
      respond:
        within: 28 days
        text: The Complaints Officer writes to you within 28 days with a decision.
""" + REVIEW
    assert findings(text, HEDGES) == []
    untimed = text.replace("        within: 28 days\n", "").replace(" within 28 days", "")
    assert [finding[:2] for finding in findings(untimed, HEDGES)] == [("CH301", 9)]


def test_many_channels_with_attempts_are_judged_in_linear_time() -> None:
    # each channel's route is its own commitments and the procedure's: no walk of every commitment per text
    entries = "".join(
        f"  - id: c{i}\n    type: messaging\n    hours: always\n    commitments:\n"
        f"      resolve: {{text: Where possible we resolve it on the spot.}}\n"
        f"      acknowledge: {{within: 1 day}}\n" for i in range(3000))
    text = CHARTER_HEAD + "channels:\n" + entries + FEEDBACK.replace("  channels: [app]\n", "") + REVIEW
    started = time.perf_counter()
    assert findings(text, HEDGES) == []
    assert time.perf_counter() - started < 20
