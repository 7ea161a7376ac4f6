"""Issue 15's split of CH301 by the strength of its evidence: which hedged sentences stay CH301
(recommended) and which are CH312 hedged-statement (strict only)."""

from __future__ import annotations

import pytest

from tests.helpers import ANSWERED_PHONE_HEAD, REVIEW, findings

HEDGES = ["CH301", "CH312"]


def hedge(phrase: str) -> str:
    return f'"{phrase}" is a hedge, not a commitment: give a time limit instead (e.g. "within 2 working days")'


def respond(text: str, within: str | None = "5 working days") -> str:
    """ANSWERED_PHONE_HEAD with an email channel whose respond commitment has `text` (on line 19
    with a `within`, 18 without)."""
    limit = f"        within: {within}\n" if within else ""
    return (ANSWERED_PHONE_HEAD + "  - id: email\n    type: email\n    hours: always\n    commitments:\n"
            "      respond:\n" + limit + f"        text: {text}\n" + REVIEW)


def codes(text: str, *, preset: str = "strict") -> list[tuple[str, int, int, str]]:
    if preset == "strict":
        return findings(text, HEDGES)
    return [found for found in findings(text) if found[0] in HEDGES]


@pytest.mark.parametrize(("wording", "phrase"), [
    # a speed word beside the firm limit (an insurer's "promptly", a council's "as soon as possible")
    ("We reply promptly.", "promptly"),
    ("We reply as soon as possible.", "as soon as possible"),
    # a frequency word beside a firm limit its sentence states
    ("We reply regularly and within 5 working days.", "regularly"),
    # an attempt in a sentence that states no limit: the limit is the commitment's own, unhedged
    ("We will try to reply in full. Most replies need no follow-up.", "try to"),
])
def test_a_hedge_beside_a_firm_limit_is_ch312_under_strict_and_silent_under_recommended(
        wording: str, phrase: str) -> None:
    text = respond(wording)
    column = 15 + wording.index(phrase)
    assert codes(text) == [("CH312", 19, column, hedge(phrase))]
    assert codes(text, preset="recommended") == []


@pytest.mark.parametrize(("wording", "within", "phrase"), [
    # no firm limit: the vague words are the only time (29 right, 0 wrong on unseen charters)
    ("We reply as soon as possible.", None, "as soon as possible"),
    # an attempt or likelihood hedge on the limit, in the sentence that states it
    ("We will try to reply within 5 working days.", "5 working days", "try to"),
    ("We usually reply within 5 working days.", "5 working days", "usually"),
    ("We reply within 5 working days where possible.", "5 working days", "where possible"),
])
def test_a_hedge_on_the_limit_or_instead_of_one_stays_ch301(wording: str, within: str | None, phrase: str) -> None:
    text = respond(wording, within)
    expected = [("CH301", 19 if within else 18, 15 + wording.index(phrase), hedge(phrase))]
    assert codes(text) == expected
    assert codes(text, preset="recommended") == expected


def test_a_general_statement_is_ch312_and_the_markdown_prose_ch301() -> None:
    statement = ANSWERED_PHONE_HEAD + REVIEW + "rights:\n  statements:\n    - We answer complaints as soon as possible.\n"
    assert codes(statement) == [("CH312", 17, 28, hedge("as soon as possible"))]
    assert codes(statement, preset="recommended") == []
    prose = "---\n" + ANSWERED_PHONE_HEAD + REVIEW + "---\n# Complaints\nWe answer complaints as soon as possible.\n"
    expected = [("CH301", 18, 22, hedge("as soon as possible"))]
    assert findings(prose, HEDGES, filename="t.charter.md") == expected
    assert [f for f in findings(prose, filename="t.charter.md") if f[0] in HEDGES] == expected


def test_a_sentence_with_a_hedge_of_each_kind_is_one_ch301_finding() -> None:
    wording = "We reply promptly and usually within 5 working days."
    assert codes(respond(wording)) == [
        ("CH301", 19, 24, hedge("promptly") + '; the same sentence also hedges with "usually"')]


def prose(body: str) -> str:
    """A Markdown charter whose prose (from line 18) is `body`."""
    return "---\n" + ANSWERED_PHONE_HEAD + REVIEW + "---\n# Complaints\n" + body


@pytest.mark.parametrize("body", [
    # a building society, published in the data and the prose alike
    "Regulations give us 56 days to resolve complaints. We try to resolve complaints as quickly as possible.\n",
    "- We respond to the issues you raise as soon as possible. Our complaints procedure allows us eight\n"
    "  weeks to do this.\n",
    # a quoted introduction (the data has it under `overview`): a general statement
    "> We take all complaints seriously and work hard to resolve them as soon as possible. (Head of Service)\n",
])
def test_a_prose_hedge_is_classified_by_the_same_evidence_as_in_the_data(body: str) -> None:
    assert [f[0] for f in findings(prose(body), HEDGES, filename="t.charter.md")] == ["CH312"]
    assert [f for f in findings(prose(body), filename="t.charter.md") if f[0] in HEDGES] == []


@pytest.mark.parametrize("body", [
    # a bank: the time is the acknowledgement's, in the hedge's own sentence
    "We acknowledge your complaint within five business days and work to resolve it as quickly as possible.\n",
    # a library service: the time beside it is another case's
    "- When you call the switchboard, we aim to answer as soon as we are able to. When you call a direct\n"
    "  extension, we aim to answer within 5 rings.\n",
    # a housing association: no event named for the time to be the hedge's
    "When you report a repair, we make an appointment with you as soon as possible, at a time that suits you,\n"
    "and aim to complete the repair in one visit. If it is an emergency, we visit to make things safe within\n"
    "six hours.\n",
])
def test_a_prose_hedge_beside_a_time_for_something_else_stays_ch301(body: str) -> None:
    assert [f[0] for f in findings(prose(body), HEDGES, filename="t.charter.md")] == ["CH301"]


def test_a_prose_hedge_on_the_paragraphs_limit_or_with_none_stays_ch301() -> None:
    # the limit is under another heading, for another matter: the hedge's own section times nothing
    untimed = ("We take all complaints seriously.\n\nWe resolve them as soon as possible.\n\n"
               "# Letters\n\nWe reply to letters within 8 weeks.\n")
    assert [f[:2] for f in findings(prose(untimed), HEDGES, filename="t.charter.md")] == [("CH301", 20)]
    on_the_limit = "We will try to resolve complaints within 8 weeks.\n"
    assert [f[:2] for f in findings(prose(on_the_limit), HEDGES, filename="t.charter.md")] == [("CH301", 18)]


def test_the_readers_part_and_an_aspiration_naming_no_time_are_not_hedged_promises() -> None:
    """An examinations body's prose: what customers can do to help, and an aspiration whose only
    number is a share."""
    helping = ("## Please help us serve you better\n\n- Give us accurate information.\n"
               "- Respond promptly when we ask you for more information.\n")
    assert findings(prose(helping), HEDGES, filename="t.charter.md") == []
    aspiration = "We endeavour, one hundred per cent, to exceed your expectations whenever you deal with us.\n"
    assert findings(prose(aspiration), HEDGES, filename="t.charter.md") == []
    # the organisation's own promise in such a section, and a promise elsewhere, are still hedges
    ours = "## Please help us serve you better\n\nWe will reply promptly when you ask us for information.\n"
    assert [f[0] for f in findings(prose(ours), HEDGES, filename="t.charter.md")] == ["CH301"]
    elsewhere = "## Our promise\n\n- Respond promptly when you ask us for more information.\n"
    assert [f[0] for f in findings(prose(elsewhere), HEDGES, filename="t.charter.md")] == ["CH301"]


@pytest.mark.parametrize("body", [
    # a web host: the section times the resolution a paragraph before its closing "as quickly as possible"
    "We aim to resolve your complaint within four weeks. If we cannot, we write to explain why.\n\n"
    "We aim to resolve all complaints as quickly as possible.\n",
    # a credit union: the limit joined to the speed word in its own sentence
    "We commit to responding promptly, within 10 business days, with an acknowledgement and a resolution.\n",
    # a Welsh council: a sentence ending on a colon goes on in the list of times after it
    "We aim to keep waiting times to a minimum and to respond to:\n\n- letters within 10 working days\n"
    "- e-mails within five working days\n",
])
def test_a_prose_speed_word_beside_its_sections_limit_is_ch312(body: str) -> None:
    assert [f[0] for f in findings(prose(body), HEDGES, filename="t.charter.md")] == ["CH312"]


def test_a_prose_speed_word_for_another_channel_than_the_sections_limit_stays_ch301() -> None:
    # the section times emails; letters are answered only "as soon as possible"
    body = "We reply to emails within 5 working days.\n\nWe reply to letters as soon as possible.\n"
    assert [f[:2] for f in findings(prose(body), HEDGES, filename="t.charter.md")] == [("CH301", 20)]
