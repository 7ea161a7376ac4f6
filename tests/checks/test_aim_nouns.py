"""CH301 on an aim stated as a noun (issue 15, tenth round): "our goal is to respond within one
business day" is the honest aim "we aim to respond within one business day"; with no time it is a
hedge."""

from __future__ import annotations

import pytest

from tests.helpers import CHARTER_HEAD, REVIEW, findings

HEDGES = ["CH301", "CH312"]


def respond(text: str, within: str | None = "1 business day") -> str:
    """CHARTER_HEAD with an email channel whose respond `text` is line 14 (13 with no `within`)."""
    limit = f"        within: {within}\n" if within else ""
    return (CHARTER_HEAD + "channels:\n  - id: email\n    type: email\n    hours: always\n    commitments:\n"
            "      respond:\n" + limit + f"        text: {text}\n" + REVIEW)


def hedged(text: str, **kwargs: object) -> list[tuple[str, int]]:
    return [(code, line) for code, line, _, _ in findings(text, HEDGES, **kwargs)]


@pytest.mark.parametrize("within", ["1 business day", None])
def test_our_goal_with_a_stated_time_is_an_aim(within: str | None) -> None:
    # a US software vendor: "Our goal is to respond to every support request within one business day"
    text = "Our goal is to respond to every support request within one business day."
    assert hedged(respond(text, within)) == []


def test_a_clause_taking_the_aim_back_is_ch311s() -> None:
    text = ("'Our goal is to respond to every support request within one business day; response times may vary"
            " with the number of requests.'")
    assert [code for code, _, _, _ in findings(respond(text), ["CH301", "CH312", "CH311"])] == ["CH311"]


@pytest.mark.parametrize("text", [
    "Our goal is to resolve your query as quickly as we can.",
    # a US software vendor: no time, "before we go home"
    "Our goal is to reply to every email before we go home.",
    # the number is in another clause, for another matter
    "Our goal is to respond to you, and we answer calls within 30 seconds.",
])
def test_our_goal_with_no_time_in_its_clause_is_a_hedge(text: str) -> None:
    assert hedged(respond(text, None)) == [("CH301", 13)]


@pytest.mark.parametrize("phrase", ["our target is", "our aim is", "we have a target of", "our objective is"])
def test_other_aim_nouns_a_writer_lists_read_the_same(phrase: str) -> None:
    options = {"CH301": {"phrases": [phrase]}}
    timed = f"{phrase.capitalize()} to reply within one business day."
    if phrase == "we have a target of":
        timed = "We have a target of replying within one business day."
    assert hedged(respond(timed), options=options) == []
    untimed = timed.replace("within one business day", "promptly")
    assert hedged(respond(untimed, None), options=options) == [("CH301", 13)]
