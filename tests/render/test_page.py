"""The page model (render.page): what each part of a charter becomes, before any format lays it out."""

from __future__ import annotations

from typing import Any

import yaml

from charterlint.render.messages import MESSAGES
from charterlint.render.page import build_page, contents

CHARTER = """\
charter_format: 1
title: Help
organization: {name: Example}
overview: {mission: Help.}
calendars:
  - {id: office, timezone: Europe/London, open: {mon-fri: "09:00-17:00"}}
accessibility: [easy_read, sign_language_on_request]
channels:
  - id: bot
    type: chatbot
    hours: always
    handoff_to: chat
    human_follow_up: {within: 4 hours, via: email}
  - {id: chat, type: live_chat, name: Web chat, hours: office, commitments: {answer: {within: 2 minutes}}}
  - {id: email, type: email, address: help@example.com, hours: not_published, x-queue: 7}
standards:
  - {id: written, channels: [email], commitments: {respond: {within: 5 working days}, update: {every: 2 weeks}}}
  - {id: forms, name: Sending forms, commitments: {respond: {within: 3 working days}}}
escalation:
  stages: [{name: Review, internal: false}]
  external: [{body: Ombudsman, after: 8 weeks, customer_deadline: 6 months}]
performance: {published: false}
review: {undated: true}
"""


def page(text: str = CHARTER, **options: Any) -> Any:
    return build_page(yaml.safe_load(text), MESSAGES, **options)


def test_a_chatbot_says_who_takes_over_and_who_follows_up() -> None:
    bot = page().channels[0]
    assert (bot.name, bot.kind) == ("Virtual assistant", "Virtual assistant")
    assert bot.handoff == "If Virtual assistant cannot help, a person takes over in Web chat while it is open."
    assert bot.after_hours == "When nobody is available, a person gets back to you within 4 hours, through Email."


def test_channels_that_would_share_a_name_are_told_apart_by_address_else_id() -> None:
    charter = CHARTER.replace("  - {id: email,", """  - {id: day, type: phone, address: 0300 123 4567, hours: office}
  - {id: night, type: phone, address: 0300 999 9999, hours: {outside: office},
     human_follow_up: {within: 1 working day, via: day}}
  - {id: fax, type: fax, hours: always}
  - {id: fax-2, type: fax, hours: always}
  - {id: email,""")
    channels = {channel.id: channel for channel in page(charter).channels}
    assert [channels[name].name for name in ("day", "night", "fax", "fax-2", "email", "chat")] == [
        "Phone (0300 123 4567)", "Phone (0300 999 9999)", "Fax (fax)", "Fax (fax-2)", "Email", "Web chat"]
    assert channels["night"].after_hours == ("When nobody is available, a person gets back to you within 1 working"
                                             " day, through Phone (0300 123 4567).")


def test_a_standard_that_lists_channels_is_each_channels_promise_and_one_without_stands_alone() -> None:
    built = page()
    email = built.channels[2]
    assert email.promises == ("We reply to emails within 5 working days.", "We update you at least every 2 weeks.")
    assert email.hours == "opening hours not published" and email.address == "help@example.com"
    assert [(s.name, s.promises) for s in built.standards] == [
        ("Sending forms", ("We reply to requests within 3 working days.",))]


def test_escalation_performance_review_and_accessibility_in_words() -> None:
    built = page()
    assert built.escalation is not None
    assert built.escalation.stages[0].kind == "a review independent of the teams involved"
    body = built.escalation.external[0]
    assert (body.when, body.deadline, body.kind) == ("8 weeks after you first complained", "within 6 months", "")
    assert built.performance is not None
    assert built.performance.statement == "We do not publish our results against these promises."
    assert built.review.undated and built.review.last_reviewed == "" and built.review.next_review == ""
    assert built.accessibility == ("easy read", "sign language on request")


def test_the_next_review_is_worked_out_from_the_cadence_when_not_stated() -> None:
    dated = CHARTER.replace("review: {undated: true}", "review: {last_reviewed: 2025-01-31, cadence: 1 month}")
    assert page(dated).review.next_review == "28 February 2025 at the latest"
    assert page(dated).review.last_reviewed == "31 January 2025"


def test_the_language_is_the_charters_else_the_configurations_else_english() -> None:
    assert page().language == "en"
    assert page(language="cy").language == "cy"
    assert page("language: fr\n" + CHARTER, language="cy").language == "fr"


def test_the_contents_list_only_the_parts_the_charter_has() -> None:
    assert [anchor for anchor, _ in contents(page(), MESSAGES)] == [
        "overview", "contact", "standards", "complaints", "accessibility", "performance", "review"]
    assert [anchor for anchor, _ in contents(page(body="# More\n\nText."), MESSAGES)][-2:] == ["more", "review"]


def test_an_empty_feedback_or_performance_section_is_left_out() -> None:
    empty = CHARTER.replace("performance: {published: false}", "performance: {}\nfeedback: {}")
    built = page(empty)
    assert built.feedback is None and built.performance is None
    assert "performance" not in [anchor for anchor, _ in contents(built, MESSAGES)]
