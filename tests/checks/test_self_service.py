"""CH108 and CH109: edge cases beyond the documented examples."""

from __future__ import annotations

from tests.helpers import CHARTER_HEAD, REVIEW, findings

# 18 lines (CHARTER_HEAD is six): the first self-service entry starts on line 19.
HEAD = CHARTER_HEAD + """\
channels:
  - id: phone
    type: phone
    hours: always
    commitments:
      answer: {within: 60 seconds}
  - id: email
    type: email
    hours: always
    commitments:
      respond: {within: 2 calendar days}
self_service:
"""


def charter(entries: str) -> str:
    return HEAD + entries + REVIEW


def test_each_entry_without_purpose_is_reported_at_its_first_key() -> None:
    entries = ("  - type: ivr\n    id: meter-line\n    available_via: [phone, email]\n"
               "  - id: help\n    type: knowledge_base\n    name: Help centre\n    available_via: [phone, email]\n")
    assert findings(charter(entries), ["CH108"]) == [
        ("CH108", 19, 5, 'self-service entry "meter-line" does not say why it is offered '
         "(add purpose: what customers can do with it)"),
        ("CH108", 22, 5, 'self-service entry "help" does not say why it is offered '
         "(add purpose: what customers can do with it)"),
    ]


def test_entry_with_purpose_passes() -> None:
    entries = "  - id: help\n    type: knowledge_base\n    purpose: Answers to common questions.\n"
    assert findings(charter(entries), ["CH108"]) == []


def test_missing_available_via_is_no_evidence() -> None:
    # a housing association's online account: the charter says nothing of how it is reached
    entries = "  - id: account\n    type: online_account\n    purpose: Pay rent and report repairs online.\n"
    assert findings(charter(entries), ["CH109"]) == []


def test_a_repeated_channel_counts_once() -> None:
    entries = "  - id: help\n    type: knowledge_base\n    available_via:\n      - email\n      - email\n"
    assert findings(charter(entries), ["CH109"]) == [
        ("CH109", 22, 7, 'self-service entry "help" is reachable only through "email" '
         "(list at least two channels in available_via)"),
    ]


def test_an_empty_list_reaches_no_channel() -> None:
    entries = "  - id: help\n    type: knowledge_base\n    available_via: []\n"
    assert findings(charter(entries), ["CH109"]) == [
        ("CH109", 21, 20, 'self-service entry "help" is reachable through no channel '
         "(list at least two channels in available_via)"),
    ]


def test_two_distinct_channels_pass() -> None:
    entries = "  - id: help\n    type: knowledge_base\n    available_via: [email, phone, email]\n"
    assert findings(charter(entries), ["CH109"]) == []
