"""What the importer finds in prose: channels, commitments and their owners, hours, stages, bodies, review."""

from __future__ import annotations

import pytest

from charterlint.importer.blocks import ImportFailure, Source
from charterlint.importer.extract import Extraction, extract
from charterlint.importer.markdown_reader import markdown_blocks

PAGE = """\
# Help charter

Our helpline is open Mon-Fri 9-5 and Saturdays 10am to 2pm. Webchat is available 24/7 and our chatbot answers at any time.
Text us on 07700 900123. We also take calls through Relay UK and offer BSL video calls.
We answer 90% of calls within 20 seconds, and resolve 75% of queries at first contact.
We will reply to webchat messages by the end of the next working day.
We will update you at least every 10 working days while your complaint is open.

## Stage 1

Your complaint is looked at by a team leader, who will respond within 10 working days.

## If you are still unhappy

You have 6 months from our final response to contact the Energy Ombudsman at www.ombudsman-services.org.

We review this charter every year. Last reviewed: 1 May 2026.
"""


def _extract(text: str) -> Extraction:
    return extract(Source("page.md", "markdown", markdown_blocks(text)))


def test_channels_with_their_contact_details_and_hours() -> None:
    found = _extract(PAGE)
    assert [(c.id, c.type, c.address, c.hours) for c in found.channels] == [
        ("phone", "phone", None, "hours"),
        ("live-chat", "live_chat", None, "always"),
        ("chatbot", "chatbot", None, "always"),
        ("sms", "sms", "07700 900123", "hours"),  # "text us on": the number is the SMS line's
        ("video", "video", None, "hours"),
    ]
    assert [(c.id, c.open) for c in found.calendars] == [("hours", (("mon-fri", "09:00-17:00"),
                                                                     ("sat", "10:00-14:00")))]
    assert found.provisions == ("relay_service", "bsl_video")  # text relay is a provision, not a channel


def test_commitments_with_their_kind_value_and_owner() -> None:
    found = _extract(PAGE)
    assert [(c.kind, c.value, c.owner.label, c.at, c.stage) for c in found.commitments] == [
        ("answer", "20 seconds, 90%", "phone", None, None),
        ("resolve", "75%", "phone", "first_contact", None),
        ("respond", "end of next working day", "live_chat", None, None),
        ("update", "10 working days", "complaints", None, None),
        ("respond", "10 working days", "complaints", None, "Stage 1"),
    ]


def test_stages_bodies_and_review() -> None:
    found = _extract(PAGE)
    assert [name for name, _ in found.stages] == ["Stage 1"]
    [body] = found.bodies
    assert (body.name, body.type, body.after, body.customer_deadline, body.contact) == (
        "Energy Ombudsman", "ombudsman", "final response", "6 months", "www.ombudsman-services.org")
    review = found.review
    assert (review.last and review.last.value, review.exact, review.cadence and review.cadence.value) == (
        "2026-05-01", True, "12 months")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("We guarantee to reply to emails within 2 working days.", ("respond", "2 working days", "email", "guarantee")),
    ("We will try to answer calls in 30 seconds.", ("answer", "30 seconds", "phone", "best_effort")),
    ("We aim to acknowledge letters within 3 working days.", ("acknowledge", "3 working days", "post", "aim")),
    ("Emails are answered within 1 working day.", ("respond", "1 working day", "email", None)),  # not "answer"
])
def test_strength_and_event(sentence: str, expected: tuple[str, ...]) -> None:
    [found] = _extract(f"# Charter\n\n{sentence}\n").commitments
    assert (found.kind, found.value, found.owner.label, found.strength) == expected


@pytest.mark.parametrize("sentence", [
    "If we cannot resolve your email within 5 working days, we will tell you why.",  # a condition
    "We pay you 20 pounds if the payment is more than 10 working days late.",  # a penalty
    "Call us on 0800 123 4567; lines have been open for 25 years.",  # no event, no trigger
])
def test_conditions_and_penalties_are_not_commitments(sentence: str) -> None:
    assert _extract(f"# Charter\n\nCall 0800 123 4567 or email us.\n\n{sentence}\n").commitments == ()


def test_an_ombudsmans_contact_details_are_not_the_organisations_channels() -> None:
    found = _extract("# Complaints\n\nEmail us at help@example.org.\n\n"
                     "The Financial Ombudsman Service is on 0800 023 4567 or at complaint.info@example.org.\n")
    assert [c.type for c in found.channels] == ["email"]
    assert found.bodies[0].contact == "complaint.info@example.org; 0800 023 4567"


def test_a_page_without_a_channel_is_refused() -> None:
    with pytest.raises(ImportFailure, match="names no way to contact the organisation"):
        _extract("# About us\n\nWe were founded in 1901 and value honesty.\n")


def test_markdown_front_matter_is_left_out_and_lines_stay_true() -> None:
    blocks = markdown_blocks("---\ntitle: x\nphone: 1\n---\n# Charter\n\nCall 0800 123 4567.\n")
    assert [(b.kind, b.text, b.origin) for b in blocks] == [("heading", "Charter", "line 5"),
                                                           ("paragraph", "Call 0800 123 4567.", "line 7")]


def test_a_plain_if_is_a_case_of_the_promise_not_a_condition_on_it() -> None:
    [found] = _extract("# Visits\n\nIf you come to our offices without an appointment, we see you within a maximum"
                       " of 20 minutes.\n").commitments
    assert (found.kind, found.value, found.owner.label, found.case) == ("answer", "20 minutes", "in_person",
                                                                        "we see you")


def test_a_list_of_channels_cut_by_commas_stays_one_owner() -> None:
    [found] = _extract("# Writing\n\nWe reply within 20 working days of receiving your letter, fax or email.\n"
                       ).commitments
    assert found.owner.label == "email+fax+post"


@pytest.mark.parametrize("sentence", [
    "Contact the Customer Service Desk by phone on 0800 123 4567.",  # a team's name
    "Call 0800 123 4567 to reach the Commissioner's office.",  # the organisation, not a place to visit
    "Call 0800 123 4567 in office hours.",
])
def test_team_and_office_names_are_not_places_to_visit(sentence: str) -> None:
    assert [c.type for c in _extract(f"# Contact\n\n{sentence}\n").channels] == ["phone"]
