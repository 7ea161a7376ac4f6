"""CH311 escape-clause: clauses that take back a time limit, judged where a promise is made."""

from __future__ import annotations

import pytest

from tests.helpers import CHARTER_HEAD, REVIEW, findings

CHANNELS = """\
channels:
  - id: email
    type: email
    hours: always
    commitments:
      respond:
        within: 10 working days
        text: {text}
"""
MISSION = "  mission: Safe, reliable water for every home."


def charter(text: str = "We reply within 10 working days.", mission: str = MISSION) -> str:
    """The commitment's text is on line 14; the mission on line 6."""
    return CHARTER_HEAD.replace(MISSION, mission) + CHANNELS.format(text=text) + REVIEW


def escape(clause: str) -> str:
    return (f'"{clause}" takes back the time limit: say the longest it can take '
            '(e.g. "and in any case within 20 working days")')


def ch311(text: str, **kwargs: object) -> list[tuple[str, int, int, str]]:
    return findings(text, ["CH311"], **kwargs)


def at_the_clause(wording: str, clause: str) -> list[tuple[str, int, int, str]]:
    """The one finding expected for `clause` in the commitment text `wording` (from column 15)."""
    return [("CH311", 14, 15 + wording.index(clause), escape(clause))]


@pytest.mark.parametrize(("wording", "clause"), [
    # a housing association, a council, a telecom, a credit union and a regulator, paraphrased
    ("We reply within 10 working days, but in busy periods this may take longer.", "may take longer"),
    # a police and crime commissioner's office: "in busy periods this may be longer"
    ("We reply within 20 working days. In busy periods this may be longer.", "may be longer"),
    ("We reply within 10 working days except in exceptional circumstances.", "except in exceptional circumstances"),
    ("We reply within 10 working days unless the matter is complex.", "unless the matter is complex"),
    ("We reply within 10 working days; response times may vary.", "response times may vary"),
    ("We reply within 10 working days. Timescales are subject to change without notice.",
     "subject to change without notice"),
])
def test_escape_clauses_of_published_charters_are_reported(wording: str, clause: str) -> None:
    column = 15 + wording.index(clause)  # the text starts in column 15
    assert ch311(charter(wording)) == [("CH311", 14, column, escape(clause))]


@pytest.mark.parametrize("wording", [
    "We reply within 10 working days; in busy periods this may take longer, and in any case within 20 working days.",
    "We reply within 10 working days, unless the matter is complex, in which case within 20 working days.",
    "We reply within 10 working days; complex cases may take longer, but no more than 30 days.",
    "We reply within 10 working days; it may take longer, up to 20 working days at the latest.",
    "We reply within 10 working days; in exceptional circumstances we may extend this to 20 working days.",
    "We answer 85% of letters within 10 working days; in busy periods this may take longer.",
])
def test_a_fallback_limit_in_the_same_text_keeps_the_promise(wording: str) -> None:
    assert ch311(charter(wording)) == []


def test_a_clause_outside_a_promise_sentence_is_not_reported() -> None:
    mission = "  mission: Opening hours are subject to change. Road works may take longer in winter."
    assert ch311(charter(mission=mission)) == []


def test_a_clause_in_a_promise_sentence_of_another_text_is_reported() -> None:
    mission = "  mission: Safe water. We answer letters within 10 days, but this may take longer."
    assert ch311(charter(mission=mission)) == [("CH311", 6, 67, escape("may take longer"))]


def test_a_clause_split_over_lines_is_reported_where_it_starts() -> None:
    text = charter("We reply within 10 working days\n          except in exceptional\n          circumstances.")
    assert ch311(text) == [("CH311", 15, 11, escape("except in exceptional circumstances"))]


MARKDOWN = "---\n" + charter() + """\
---
# Replies
We answer letters within 10 working days. Response times may vary.

In busy periods replies may take longer, and in any case within 20 working days.
"""


def test_markdown_prose_is_judged_by_paragraph() -> None:
    assert ch311(MARKDOWN, filename="test.charter.md") == [("CH311", 20, 43, escape("Response times may vary"))]


@pytest.mark.parametrize(("wording", "clause"), [
    # an NHS advice service and a passengers' charity, paraphrased
    ("We call back within 2 working days. Because of high demand we may not be as quick as we would like.",
     "may not be as quick"),
    ("We acknowledge within 5 working days. We may miss our targets at times of high demand.",
     "may miss our targets"),
    ("We reply within 10 working days, though we might not always meet these timescales.",
     "might not always meet these timescales"),
])
def test_clauses_that_admit_missing_the_limit_are_escapes(wording: str, clause: str) -> None:
    [(code, line, _, message)] = ch311(charter(wording))
    assert (code, line, message) == ("CH311", 14, escape(clause))


def test_admitting_a_miss_with_a_fallback_limit_is_no_escape() -> None:
    wording = "We reply within 10 working days; we may miss this target, but in any case within 20 working days."
    assert ch311(charter(wording)) == []


@pytest.mark.parametrize(("wording", "clause"), [
    # a council: "settle requests within 10 working days, and tell you if something will take longer"
    ("We settle requests within 10 working days, and tell you if something will take longer.", "will take longer"),
    # a district council: "we aim to see you within 15 minutes, or tell you if it's going to take longer"
    ("We see you within 15 minutes, or tell you if it is going to take longer.", "is going to take longer"),
    # a food regulator: "if we can't meet this target, we will let you know why and when"
    ("We reply within 20 working days. If we can't meet this target we tell you why and when.",
     "If we can't meet this target"),
    # a housing association: "(we will inform you if we are unable to meet this timescale)"
    ("We reply within 15 working days (we will inform you if we are unable to meet this timescale).",
     "if we are unable to meet this timescale"),
])
def test_a_promise_of_notice_is_no_fallback_limit(wording: str, clause: str) -> None:
    column = 15 + wording.index(clause)  # the text starts in column 15
    assert ch311(charter(wording)) == [("CH311", 14, column, escape(clause))]


def test_a_promise_of_notice_with_a_longest_time_is_no_escape() -> None:
    wording = "We reply within 20 working days; if we cannot meet this target we tell you, and in any case reply within 30."
    assert ch311(charter(wording)) == []


def test_a_longest_time_before_the_clause_is_the_limit_it_takes_back() -> None:
    # a food regulator: "in any event we aim to reply within 20 working days; if we cannot meet this
    # target we tell you why and when": the marker states the limit, and the clause takes it back
    wording = "In any event we reply within 20 working days. If we cannot meet this target we tell you why."
    column = 15 + wording.index("If we cannot meet this target")
    assert ch311(charter(wording)) == [("CH311", 14, column, escape("If we cannot meet this target"))]


PROSE_REFERRING_BACK = "---\n" + charter() + """\
---
# Replies
We aim to respond in full within 20 working days. In busy periods this may be longer, but we
update you every 20 working days.

Opening hours are set out above. They may be longer in summer.
"""


def test_a_clause_that_refers_back_to_the_promise_before_it_is_reported() -> None:
    # a police and crime commissioner's office: "... generally within 20 working days. In busy
    # periods this may be longer": the clause's own sentence names no reply, the one before does
    assert ch311(PROSE_REFERRING_BACK, filename="test.charter.md") == [("CH311", 20, 72, escape("may be longer"))]


@pytest.mark.parametrize(("wording", "clause"), [
    # a fire and rescue service: "we send a written reply within 10 working days; if we cannot, we
    # let you know why and when you can expect a full reply"
    ("We reply within 10 working days. If we cannot reply within 10 working days, we tell you why.",
     "If we cannot reply within 10 working days"),
    # a London borough: "if we are unable to respond in full, we update you on progress"
    ("We respond fully within 10 working days. If we cannot respond in full, we tell you when we can.",
     "If we cannot respond in full"),
    ("We reply within 10 working days; if we are unable to give you a full response within this time we say so.",
     "if we are unable to give you a full response within this time"),
])
def test_an_admission_naming_the_limit_it_takes_back_is_an_escape(wording: str, clause: str) -> None:
    assert ch311(charter(wording)) == at_the_clause(wording, clause)


def test_a_next_step_with_its_own_limit_is_no_escape() -> None:
    wording = "If we cannot resolve your query on the call, we call you back within 2 working days."
    assert ch311(charter(wording)) == []
    fallback = "We reply within 10 working days; if we cannot reply within 10 working days, we reply within 20."
    assert ch311(charter(fallback)) == []


@pytest.mark.parametrize(("wording", "clause"), [
    # a district council: "we respond fully within 10 working days (some service areas may have
    # different legal requirements)"
    ("We respond fully within 10 working days (some service areas may have different legal requirements).",
     "some service areas may have different legal requirements"),
    ("We reply within 10 working days; certain requests may have their own timescales.",
     "certain requests may have their own timescales"),
    ("We reply within 10 working days, although different timescales may apply.", "different timescales may apply"),
])
def test_a_limit_that_may_not_hold_for_some_unnamed_part_is_an_escape(wording: str, clause: str) -> None:
    assert ch311(charter(wording)) == at_the_clause(wording, clause)


def test_a_different_timescale_with_its_own_limit_is_no_escape() -> None:
    wording = "We reply within 10 working days; some requests may have different timescales, at most 20 working days."
    assert ch311(charter(wording)) == []


@pytest.mark.parametrize(("wording", "clause"), [
    # a county council: "we aim to reply fully within 5 working days; if we cannot, we tell you how
    # your enquiry will be handled and how long it will take"
    ("We reply fully within 5 working days; if we cannot, we tell you how long it will take.", "if we cannot"),
    ("We reply within 10 working days. If not, we let you know why.", "If not"),
])
def test_a_bare_admission_after_a_limit_is_an_escape(wording: str, clause: str) -> None:
    assert ch311(charter(wording)) == at_the_clause(wording, clause)


@pytest.mark.parametrize("wording", [
    # a police and crime commissioner's office: "... within 20 working days; if we cannot, we keep
    # you informed at least every 20 working days": updates at a stated interval
    "We respond in full within 20 working days; if we cannot, we keep you informed every 20 working days.",
    # a building society: "if we cannot, we acknowledge it in writing within five working days"
    "We resolve it within three working days. If we cannot, we acknowledge it within five working days.",
    # a food regulator: "try to resolve your enquiry on the call; if we cannot, try to transfer you":
    # no limit before the admission to take back
    "We try to resolve it on the call; if we cannot, we transfer you.",
    "We answer on the call. Where this is not possible, we call you back within 2 working days.",
])
def test_a_bare_admission_with_a_time_after_it_or_no_limit_before_it_is_no_escape(wording: str) -> None:
    assert ch311(charter(wording)) == []


@pytest.mark.parametrize(("wording", "clause"), [
    ("We reply within 10 working days, but at busy times it may take a little longer.", "may take a little longer"),
    ("We reply within 10 working days and tell you if we need more time.", "we need more time"),
    # "where this is not possible": a bare admission that takes back the limit just stated
    ("We reply within 10 working days. Where this is not possible, we tell you why.", "Where this is not possible"),
    ("We reply within 10 working days. If this isn't possible, we tell you why.", "If this isn't possible"),
    ("We reply within 10 working days; if it's not possible, we tell you why.", "if it's not possible"),
])
def test_more_ways_of_taking_back_a_limit(wording: str, clause: str) -> None:
    assert ch311(charter(wording)) == at_the_clause(wording, clause)


def with_ombudsman(wording: str, after: str) -> str:
    """`charter(wording)` with an ombudsman open to the customer `after` (before the review)."""
    body = f"escalation:\n  external:\n    - body: Financial Ombudsman Service\n      type: ombudsman\n      after: {after}\n"
    return charter(wording).replace(REVIEW, body + REVIEW)


# a building society: "we aim to give you our final response within eight weeks of when you first
# contacted us; if we cannot, we write to explain why and tell you when to expect it", with the
# Financial Ombudsman Service open after eight weeks
EIGHT_WEEKS = "We reply within eight weeks. If we cannot, we write to explain why and tell you when."


def test_an_ombudsman_open_once_the_limit_has_passed_is_the_fallback() -> None:
    assert ch311(with_ombudsman(EIGHT_WEEKS, "8 weeks")) == []
    # "in exceptional circumstances" after the same limit: the ombudsman is open from then on too
    assert ch311(with_ombudsman("We reply within 8 weeks, except in exceptional circumstances.", "6 weeks")) == []


@pytest.mark.parametrize("after", [
    "final response",  # a credit union: the ombudsman only after the final response, which has no longest time
    "12 weeks",  # open only later than the limit taken back
    "8 weeks",  # not comparable with working days (a payment complaint's 15 business days): no fallback known
])
def test_an_ombudsman_not_known_to_be_open_at_the_limit_is_no_fallback(after: str) -> None:
    wording = EIGHT_WEEKS if after != "8 weeks" else "We reply within 15 working days; if we cannot, we tell you why."
    clause = "If we cannot" if after != "8 weeks" else "if we cannot"
    assert ch311(with_ombudsman(wording, after)) == at_the_clause(wording, clause)


# the email's respond keeps its limit; its resolve has none (the text is on line 15)
UNTIMED_RESOLVE = CHANNELS.replace("        text: {text}\n", "      resolve:\n        text: {text}\n")


def test_no_limit_to_take_back_in_an_untimed_commitment() -> None:
    """A software vendor's resolve states no time: "sometimes it can take longer" takes nothing back
    (the vague promise is CH301's)."""
    text = ("Routine questions are typically addressed quickly. Sometimes it can take longer to resolve "
            "fully an issue that needs a lot of thought.")
    assert ch311(CHARTER_HEAD + UNTIMED_RESOLVE.format(text=text) + REVIEW) == []


def test_a_time_in_the_text_of_an_untimed_commitment_is_a_limit_to_take_back() -> None:
    wording = "We resolve most issues within 5 working days, but complex issues may take longer."
    assert ch311(CHARTER_HEAD + UNTIMED_RESOLVE.format(text=wording) + REVIEW) == [
        ("CH311", 15, 15 + wording.index("may take longer"), escape("may take longer"))]


def test_an_untimed_commitment_without_a_vague_promise_takes_back_the_charters_limits() -> None:
    # a telecom (thirteenth batch): faults reported by email or in a shop "might take longer" than the
    # charter's repair limit for phoned-in faults; no vague promise for the clause to qualify
    wording = "Repairs reported by email or in our shops might take longer."
    phone = "  - id: phone\n    type: phone\n    hours: always\n    commitments: {resolve: {within: 5 working days}}\n"
    assert ch311(CHARTER_HEAD + UNTIMED_RESOLVE.format(text=wording) + phone + REVIEW) == [
        ("CH311", 15, 15 + wording.index("might take longer"), escape("might take longer"))]


def test_no_limit_anywhere_for_the_event_leaves_nothing_to_take_back() -> None:
    """A building society's acknowledgement states no time, and nothing else in the charter
    times an acknowledgement: "we may need more time" takes nothing timed back."""
    text = ("For more complex issues we may need more time to look into your concerns; if so, we will write "
            "to let you know we have received your complaint.")
    assert ch311(CHARTER_HEAD + UNTIMED_RESOLVE.format(text=text) + REVIEW) == []


def test_taking_back_only_a_sooner_aim_leaves_the_firm_limit_standing() -> None:
    """A building society: eight weeks firm, four weeks an aim; missing the aim removes nothing."""
    wording = ("Our complaints procedure allows us 10 working days, but we do our best to reply within 5 working "
               "days. If we cannot respond within 5 working days, we will contact you to explain why.")
    assert ch311(charter(wording)) == []
    # the firm limit not in the text: the text's own limit is taken back
    sooner = "We reply within 5 working days. If we cannot respond within 5 working days, we tell you why."
    assert ch311(charter(sooner)) == at_the_clause(sooner, "If we cannot respond within 5 working days")


VARIANTS = CHANNELS.replace("        within: 10 working days\n        text: {text}\n", """\
        - when: complaints by email
          within: 10 working days
          text: We reply within 10 working days.
        - when: {when}
          within: 20 working days
          text: {text}
""")


def test_a_variants_own_condition_beside_its_own_limit_is_no_escape() -> None:
    """A servicer: `when: ... in exceptional circumstances` with its own `within` 35 days."""
    text = "We aim to reply within 20 working days, except in exceptional circumstances."
    charter_text = CHARTER_HEAD + VARIANTS.format(when="complaints in exceptional circumstances", text=text) + REVIEW
    assert ch311(charter_text) == []
    # a variant for another case: the clause takes its limit back
    other = CHARTER_HEAD + VARIANTS.format(when="complaints by post", text=text) + REVIEW
    assert [code for code, *_ in ch311(other)] == ["CH311"]


def test_the_prose_repeating_a_sooner_aim_taken_back_gets_the_datas_verdict() -> None:
    wording = ("Our complaints procedure allows us 10 working days, but we do our best to reply within 5 working "
               "days. If we cannot respond within 5 working days, we will contact you to explain why.")
    body = "\nIf we cannot respond within 5 working days, we will contact you to explain why, and when we will reply.\n"
    assert ch311("---\n" + charter(wording) + "---\n# Complaints\n" + body, filename="t.charter.md") == []
    # with no such commitment in the data, the prose clause takes back its limit
    alone = "We reply within 5 working days.\nIf we cannot respond within 5 working days, we tell you why.\n"
    assert [code for code, *_ in ch311("---\n" + charter() + "---\n# Complaints\n" + alone,
                                       filename="t.charter.md")] == ["CH311"]


def test_one_sentence_taking_the_limit_back_twice_is_one_finding_naming_the_other_clause() -> None:
    # A university library (twenty-first batch): "in exceptional circumstances ... it may take longer"
    # is one escape clause said twice, in one sentence; a second sentence taking it back is another finding.
    wording = ("We try to decide within 10 working days. In exceptional circumstances, however, it may take "
               "longer. At busy times it may take longer.")
    first, second = "In exceptional circumstances", "may take longer"
    assert ch311(charter(wording)) == [
        ("CH311", 14, 15 + wording.index(first), escape(first) + f'; the same sentence also says "{second}"'),
        ("CH311", 14, 15 + wording.rindex(second), escape(second)),
    ]
