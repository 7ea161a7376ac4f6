"""Issue 15's eleventh round, from the twenty-third to twenty-eighth batches: hedges whose time is
not the service promise (the purpose of the customer's step, the notice of a delay, an attempt
with a timed alternative, more time than the contact itself) and what times an unsettled matter."""

from __future__ import annotations

import pytest

from tests.helpers import ANSWERED_PHONE_HEAD, CHARTER_HEAD, REVIEW, findings

HEDGES = ["CH301", "CH312"]


def prose(body: str) -> str:
    """A Markdown charter whose prose (from line 18) is `body`."""
    return "---\n" + ANSWERED_PHONE_HEAD + REVIEW + "---\n# Complaints\n" + body


def in_prose(body: str, codes: list[str]) -> list[tuple[str, int]]:
    return [(code, line) for code, line, _, _ in findings(prose(body), codes, filename="t.charter.md")]


# --- the purpose of the customer's step ----------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    # a car dealer and a web host ask for what they need, "to help us" act quickly
    "When you write, say who was involved; to help us deal with your complaint promptly and thoroughly, please "
    "tell us everything you can.",
    "To help us investigate and resolve your complaint as quickly as possible, please give us your account number.",
    "So that we can reply quickly, please include your reference number.",
    "In order for us to respond as soon as possible, send us copies of any letters.",
])
def test_a_speed_word_that_is_the_purpose_of_the_customers_step_is_no_promise(sentence: str) -> None:
    assert in_prose(sentence + "\n", HEDGES) == []


def test_a_purpose_clause_before_the_organisations_own_act_is_still_a_promise() -> None:
    body = "To help us resolve your complaint as quickly as possible, we will call you.\n"
    assert in_prose(body, HEDGES) == [("CH301", 18)]


# --- the notice of a delay -------------------------------------------------------------------------

def test_a_hedge_on_the_notice_of_a_delay_to_a_stated_limit_is_not_a_vague_commitment() -> None:
    # a Dutch home-testing service: the limit, then the notice if more time is needed
    body = ("We reply to every complaint within 7 days. If we need more time to answer you, we will let you know as "
            "soon as possible.\n")
    assert in_prose(body, ["CH301"]) == []


def test_a_notice_with_no_limit_before_it_is_the_only_time_and_stays_a_vague_commitment() -> None:
    body = "If we need more time, we will reply to you as soon as possible.\n"
    assert in_prose(body, ["CH301"]) == [("CH301", 18)]


# --- an attempt with a timed alternative --------------------------------------------------------

PHONE_WITH_TEXT = CHARTER_HEAD + """\
channels:
  - id: office
    type: in_person
    hours: always
    commitments:
      answer:
        within: same day
        text: {text}
""" + REVIEW


@pytest.mark.parametrize("text", [
    # a Scottish council's offices, for visitors without an appointment
    "If you do not have an appointment, we will try to see you the same day, or offer you an appointment in the "
    "next five working days.",
    "We will try to see you the same day or we will arrange a call back within two working days.",
])
def test_an_attempt_whose_alternative_is_timed_is_honest(text: str) -> None:
    assert findings(PHONE_WITH_TEXT.format(text=text), HEDGES) == []


def test_an_attempt_whose_alternative_is_untimed_is_still_hedged() -> None:
    text = "We will try to see you the same day, or offer you an appointment."
    assert [f[:2] for f in findings(PHONE_WITH_TEXT.format(text=text), HEDGES)] == [("CH301", 14)]


# --- CH311: more time than the contact itself ------------------------------------------------------

def test_more_time_than_an_attempt_at_the_contact_takes_no_limit_back() -> None:
    # a charity's supporter care: settled when you first contact us, else within 30 days
    body = ("We will work our hardest to resolve your complaint when you first contact us, but we may need more time "
            "to look into it. We aim to have every complaint resolved within 30 days of receiving it.\n")
    assert in_prose(body, ["CH311"]) == []


def test_more_time_after_a_limit_is_still_an_escape_clause() -> None:
    body = "When you first contact us we aim to resolve your complaint within 5 days, but we may need more time.\n"
    assert in_prose(body, ["CH311"]) == [("CH311", 18)]


# --- what times a matter the contact did not settle ----------------------------------------------

def standard(name: str, matter: str) -> str:
    return ("standards:\n  - id: general\n"
            f"    name: {name}\n    matter: {matter}\n"
            "    commitments:\n      respond: {within: 5 working days}\n")


PHONE_ATTEMPT = CHARTER_HEAD + """\
channels:
  - id: phone
    type: phone
    hours: always
    commitments:
      answer: {within: 20 seconds}
      resolve:
        at: first_contact
        text: We will try to answer your questions when you first call.
"""


def test_a_standard_for_another_matter_does_not_time_an_unsettled_question() -> None:
    # a landlord: a settling-in visit within 12 weeks says nothing of an unanswered question
    text = PHONE_ATTEMPT + standard("Settling-in visit", "new tenants") + REVIEW
    assert [f[:2] for f in findings(text, HEDGES)] == [("CH301", 15)]


@pytest.mark.parametrize("name, matter", [("Complaints and requests", "complaints and requests"),
                                          ("Enquiries", "general enquiries")])
def test_a_standard_for_enquiries_or_requests_times_an_unsettled_question(name: str, matter: str) -> None:
    text = PHONE_ATTEMPT + standard(name, matter) + REVIEW
    assert findings(text, HEDGES) == []


def test_a_standard_for_requests_answers_the_calls_the_call_does_not_settle() -> None:
    # a council: complaints and requests that need investigation answered within five working days
    text = ANSWERED_PHONE_HEAD + standard("Complaints and requests", "complaints and requests") + REVIEW
    assert findings(text, ["CH114"]) == []
    records = standard("Information requests", "Freedom of Information requests")
    assert [f[:2] for f in findings(text.replace(standard("Complaints and requests", "complaints and requests"),
                                                 records), ["CH114"])] == [("CH114", 11)]
