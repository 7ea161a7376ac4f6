"""CH410-CH413: sections of one charter that contradict each other."""

from __future__ import annotations

import pytest

from tests.helpers import CHARTER_HEAD, REVIEW, findings

HEAD = CHARTER_HEAD + "channels:\n"  # the first channel starts on line 8


def channel(name: str, kind: str, commitments: str = "      respond: {within: 10 working days}\n") -> str:
    return f"  - id: {name}\n    type: {kind}\n    hours: always\n    commitments:\n{commitments}"


def lint(code: str, body: str, **kwargs: object) -> list[tuple[str, int, int, str]]:
    return findings(HEAD + body + REVIEW, [code], **kwargs)


# --- CH410 complaint-slower-than-channel -------------------------------------------------------

EMAIL_ACK = channel("email", "email",
                    "      acknowledge: {within: 1 working day}\n      respond: {within: 10 working days}\n")
FORM_ACK = channel("form", "web_form",
                   "      acknowledge: {within: 2 working days}\n      respond: {within: 10 working days}\n")


def slower(within: str, named: str) -> str:
    return (f'complaints are acknowledged within "{within}", but any message is acknowledged sooner on {named}: '
            "a complaint should not wait longer (acknowledge complaints at least as quickly)")


def test_complaints_acknowledged_slower_than_every_channel_name_each_channel() -> None:
    # a housing association: "complaints acknowledged within 5 working days"; "emails within 1"
    body = EMAIL_ACK + FORM_ACK + "feedback:\n  acknowledge: {within: 5 working days}\n"
    assert lint("CH410", body) == [
        ("CH410", 21, 25, slower("5 working days",
                                 'channels "email" within "1 working day", "form" within "2 working days"')),
    ]


def test_only_the_channels_that_take_complaints_are_compared() -> None:
    body = EMAIL_ACK + FORM_ACK + "feedback:\n  channels: [form]\n  acknowledge: {within: 5 working days}\n"
    assert lint("CH410", body) == [
        ("CH410", 22, 25, slower("5 working days", 'channel "form" within "2 working days"')),
    ]


@pytest.mark.parametrize("within", ["1 working day", "2 hours", "3 days"])
def test_as_quick_or_incomparable_complaint_acknowledgements_pass(within: str) -> None:
    body = EMAIL_ACK + f"feedback:\n  acknowledge: {{within: {within}}}\n"
    assert lint("CH410", body) == []


def test_no_complaints_acknowledgement_is_no_evidence() -> None:
    assert lint("CH410", EMAIL_ACK + "feedback:\n  respond: {within: 20 working days}\n") == []


# --- CH411 escalation-via-missing-channel ------------------------------------------------------

def stage(text: str) -> str:
    """One escalation stage: its text on line 17 (after one channel of five lines), column 15."""
    return f"escalation:\n  stages:\n    - name: Chief Executive review\n      respond:\n" \
           f"        within: 20 working days\n        text: {text}\n"


def write_to(phrase: str) -> str:
    return (f'escalation stage "Chief Executive review" asks customers to write ("{phrase}"), but no channel has '
            "type post: add the postal channel, with its address and commitments, or say how else to escalate")


def test_a_stage_that_asks_for_a_letter_needs_a_postal_channel() -> None:
    # a credit union: "if you remain unhappy, write to our Chief Executive"
    body = channel("phone", "phone", "      answer: {within: 60 seconds}\n") + stage(
        "If you remain unhappy, write to our Chief Executive.")
    assert lint("CH411", body) == [("CH411", 18, 38, write_to("write to"))]


def test_a_stage_name_is_read_too() -> None:
    body = channel("email", "email") + "escalation:\n  stages:\n    - name: Appeal by letter to the director\n"
    assert lint("CH411", body) == [
        ("CH411", 15, 20, 'escalation stage "Appeal by letter to the director" asks customers to write ("by letter"), '
                          "but no channel has type post: add the postal channel, with its address and commitments, "
                          "or say how else to escalate"),
    ]


@pytest.mark.parametrize(("channels", "text"), [
    (channel("letters", "post"), "Write to our Chief Executive."),
    (channel("email", "email"), "Write to our Chief Executive at ceo@example.org."),
    (channel("email", "email"), "Email our Chief Executive."),
])
def test_a_postal_channel_or_an_electronic_address_passes(channels: str, text: str) -> None:
    assert lint("CH411", channels + stage(text)) == []


# --- CH412 appointment-contradicts-walk-in -----------------------------------------------------

OFFICE = channel("office", "in_person", "      answer: {within: 15 minutes, text: Drop in and we see you within "
                                        "15 minutes.}\n")


def test_an_appointment_rule_beside_a_walk_in_promise_is_reported() -> None:
    # a district council: "drop in to our customer service centre" and "appointments are required"
    body = OFFICE + "rights:\n  statements: [Appointments are required at our customer service centre.]\n"
    assert lint("CH412", body) == [
        ("CH412", 14, 16, '"Appointments are required" contradicts the walk-in promise on line 12 ("Drop in"): say '
                          "which services need an appointment, or remove one of them"),
    ]


@pytest.mark.parametrize("statement", [
    "For planning advice you need an appointment.",
    "If you need an appointment, call us.",
    "No appointment is needed.",
    "You can walk in, but some visits need an appointment.",
])
def test_qualified_or_negated_appointments_pass(statement: str) -> None:
    assert lint("CH412", OFFICE + f"rights:\n  statements: [{statement}]\n") == []


def test_a_drop_in_numbers_is_no_walk_in_promise() -> None:
    office = channel("office", "in_person",
                     "      answer: {within: 15 minutes, text: We saw a drop in waiting times.}\n")
    assert lint("CH412", office + "rights:\n  statements: [You need an appointment.]\n") == []


def test_without_a_walk_in_promise_or_an_in_person_channel_nothing_is_reported() -> None:
    appointment = "rights:\n  statements: [You need an appointment.]\n"
    office = channel("office", "in_person", "      answer: {within: 15 minutes}\n")
    assert lint("CH412", office + appointment) == []
    walk_in_elsewhere = channel("email", "email", "      respond: {within: 2 working days, text: Drop in anytime.}\n")
    assert lint("CH412", walk_in_elsewhere + appointment) == []


def test_markdown_prose_is_read_for_both() -> None:
    text = "---\n" + HEAD + OFFICE + REVIEW + "---\nVisits are by appointment only.\n"
    assert findings(text, ["CH412"], filename="t.charter.md") == [
        ("CH412", 17, 12, '"by appointment only" contradicts the walk-in promise on line 13 ("Drop in"): say '
                          "which services need an appointment, or remove one of them"),
    ]


# --- CH413 clock-start-mismatch ----------------------------------------------------------------

def timed(name: str, kind: str, text: str) -> str:
    return channel(name, kind, f"      respond: {{within: 10 working days, text: {text}}}\n")


def test_letters_from_receipt_and_emails_from_sending_are_reported_at_the_second() -> None:
    body = timed("letters", "post", "We reply within 10 working days of receiving your letter.") + timed(
        "email", "email", "We reply within 10 working days after you submit it.")
    assert lint("CH413", body) == [
        ("CH413", 17, 80, 'respond on channel "email" is timed from sending, but on channel "letters" from receipt: '
                          "customers cannot compare the two (time both from the same moment, e.g. receipt)"),
    ]


@pytest.mark.parametrize("second", [
    "We reply within 10 working days.",  # no stated start: no evidence
    "We reply within 10 working days from the day we receive it.",
    "Sent or received, we reply within 10 working days of receipt, not of sending.",  # both: no evidence
    "We send an acknowledgement of receipt after you send it, and reply within 10 working days.",  # no limit's start
])
def test_the_same_or_an_unstated_start_passes(second: str) -> None:
    body = timed("letters", "post", "We reply within 10 working days of receipt.") + timed("email", "email", second)
    assert lint("CH413", body) == []


def test_phone_and_in_person_clocks_are_not_compared() -> None:
    body = timed("letters", "post", "We reply within 10 working days of receipt.") + timed(
        "phone", "phone", "We call back within 10 working days after you send your details.")
    assert lint("CH413", body) == []
