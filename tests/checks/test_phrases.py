"""CH301 vague-commitment and CH312 hedged-statement: the one hedge logic, in the charter's texts and the Markdown body, at the phrase."""

from __future__ import annotations

from textwrap import dedent

import pytest

from charterlint.checks.promises import is_commitment_text
from tests.helpers import ANSWERED_PHONE_HEAD, CHARTER_HEAD, REVIEW, findings, lint_text

CHANNELS = """\
channels:
  - id: email
    type: email
    hours: always
    commitments:
      respond:
        within: 48 hours
{text}
"""
MISSION = "  mission: Safe, reliable water for every home."  # CHARTER_HEAD's sixth and last line
NO_TEXT = "        target: 80%"


def charter(overview: str = MISSION, text: str = NO_TEXT) -> str:
    """CHARTER_HEAD with `overview` for its mission: with one line of overview, `channels:` is line 7."""
    head = CHARTER_HEAD.replace(MISSION, overview.rstrip("\n"))
    return head + CHANNELS.format(text=text.rstrip("\n")) + REVIEW


def hedge(phrase: str, *also: str) -> str:
    message = f'"{phrase}" is a hedge, not a commitment: give a time limit instead (e.g. "within 2 working days")'
    if also:
        message += "; the same sentence also hedges with " + ", ".join(f'"{other}"' for other in also)
    return message


def ch301(text: str, **kwargs: object) -> list[tuple[str, int, int, str]]:
    """The findings of the hedge logic under strict: CH301's and those it left to CH312 (issue 15's split)."""
    return findings(text, ["CH301", "CH312"], **kwargs)


def test_plain_scalar_phrase_is_reported_at_its_column() -> None:
    text = charter(text="        text: We will reply promptly. And Promptly again.")
    assert ch301(text) == [
        ("CH312", 14, 29, hedge("promptly")),
        ("CH312", 14, 43, hedge("Promptly")),
    ]


def test_phrase_inside_a_longer_word_is_not_reported() -> None:
    text = charter(text="        text: We reply unpromptly and shortlyish, never shortly-ish.")
    assert ch301(text) == [("CH312", 14, 57, hedge("shortly"))]


def test_folded_block_scalar_phrase_split_over_lines_is_reported_where_it_starts() -> None:
    overview = """\
  mission: >-
    We supply water and deal with every enquiry as soon
    as possible, and where possible the same day.
"""
    assert ch301(charter(overview)) == [("CH312", 7, 49, hedge("as soon as possible", "where possible"))]


def test_literal_block_scalar_after_an_indicator_comment_is_located() -> None:
    overview = """\
  mission: |  # reviewed shortly
    Safe water for every home.
      We reply shortly.
"""
    assert ch301(charter(overview)) == [("CH312", 8, 16, hedge("shortly"))]


def test_quoted_scalar_phrase_is_located_past_the_quote() -> None:
    text = charter(text="""        text: 'It''s done promptly'""")
    assert ch301(text) == [("CH312", 14, 27, hedge("promptly"))]


def test_phrase_next_to_an_escape_sequence_points_at_the_string() -> None:
    # in the source "\tpromptly" is not on a word boundary: the string is reported instead
    text = charter(text=r'''        text: "We reply\tpromptly"''')
    assert ch301(text) == [("CH312", 14, 15, hedge("promptly"))]


def test_list_values_and_section_texts_are_read() -> None:
    overview = """\
  values:
    - Fair
    - Reply in a timely manner
"""
    text = charter(overview) + dedent("""\
        team:
          training: Staff are trained to answer as quickly as we can.
        """)
    assert ch301(text) == [
        ("CH312", 8, 13, hedge("in a timely manner")),
        ("CH312", 20, 41, hedge("as quickly as we can")),
    ]


def test_fields_that_are_not_customer_text_are_not_read() -> None:
    text = charter(text="        x-note: reply promptly") + dedent("""\
        team:
          accreditations: [Answered promptly award]
          x-internal: shortly
        """)
    assert ch301(text) == [("CH312", 18, 29, hedge("promptly"))]


def test_option_phrases_replace_the_default_list_and_longest_phrase_wins() -> None:
    text = charter(text="        text: We reply promptly, as soon as possible.")
    options = {"CH312": {"phrases": ["soon", "as soon as possible"]}}
    assert ch301(text, options=options) == [("CH312", 14, 34, hedge("as soon as possible"))]


def test_empty_phrase_list_reports_nothing() -> None:
    text = charter(text="        text: We reply promptly.")
    assert ch301(text, options={"CH312": {"phrases": []}}) == []


def test_json_string_phrase_is_located() -> None:
    text = dedent("""\
        {
          "charter_format": 1,
          "title": "Example Water customer charter",
          "organization": {"name": "Example Water"},
          "overview": {"mission": "Reply \\"now\\", shortly."},
          "channels": [{"id": "phone", "type": "phone", "hours": "always",
                        "commitments": {"answer": {"within": "60 seconds"}}}],
          "review": {"last_reviewed": "2025-06-01"}
        }
        """)
    assert ch301(text, filename="test.charter.json") == [("CH312", 5, 43, hedge("shortly"))]


# Between the fences on lines 1 and 16, with the mission on line 7; the body from line 17.
FRONT_MATTER = ANSWERED_PHONE_HEAD.replace(MISSION, "  mission: Safe water; we answer promptly.") + REVIEW
MARKDOWN = "---\n" + FRONT_MATTER + """\
---
# Our promise
Replies come as quickly
as possible.
<!-- draft: reply shortly -->
```text
as soon as possible
```
Calls are answered  promptly.
"""


def test_markdown_front_matter_and_body_are_both_read() -> None:
    assert ch301(MARKDOWN, filename="test.charter.md") == [
        ("CH312", 7, 34, hedge("promptly")),
        ("CH301", 18, 14, hedge("as quickly as possible")),
        ("CH301", 24, 21, hedge("promptly")),
    ]


def test_markdown_body_phrase_span_ends_after_the_phrase() -> None:
    result = lint_text(MARKDOWN, ["CH301", "CH312"], filename="test.charter.md")
    spans = [(f.span.start.line, f.span.start.column, f.span.end.line, f.span.end.column) for f in result.findings]
    assert spans == [(7, 34, 7, 42), (18, 14, 19, 12), (24, 21, 24, 29)]


def test_markdown_without_hedges_passes() -> None:
    text = MARKDOWN.replace("promptly", "within a minute").replace("as quickly\nas possible", "within 4 hours")
    assert ch301(text, filename="test.charter.md") == []


def test_default_phrases_include_asap_and_the_hedges_of_official_wording() -> None:
    overview = """\
  mission: >-
    We reply ASAP. We answer as soon as practicable. We respond as soon as we can. We reply in due
    course. We deal with it without undue delay or at the earliest opportunity.
"""
    lines = charter(overview).splitlines()
    assert ch301(charter(overview)) == [
        ("CH312", 7, 14, hedge("ASAP")),
        ("CH312", 7, lines[6].index("as soon as practicable") + 1, hedge("as soon as practicable")),
        ("CH312", 7, lines[6].index("as soon as we can") + 1, hedge("as soon as we can")),
        ("CH312", 7, lines[6].index("in due") + 1, hedge("in due course")),
        ("CH312", 8, lines[7].index("without") + 1, hedge("without undue delay", "at the earliest opportunity")),
    ]


# --- promise-only hedges and inflections (issue 15 §2.1) ----------------------------------------

def test_hedges_of_published_charters_are_reported_in_commitment_texts() -> None:
    # a credit union: "we will generally reply within ten working days and make every effort to do so sooner"
    text = charter(text="        text: We will generally reply within ten working days and make every\n"
                        "          effort to do so sooner; in most cases a few days.")
    assert ch301(text) == [
        ("CH301", 14, 23, hedge("generally", "make every effort", "in most cases", "a few days")),
    ]


def test_inflected_forms_of_listed_hedges_are_reported() -> None:
    text = charter(text="        text: Staff will do their best; I do my best; we endeavored and tries to reply.")
    # one sentence: one finding, naming every inflected hedge it holds
    assert ch301(text) == [("CH312", 14, 26, hedge("do their best", "do my best", "endeavored", "tries to"))]


def test_promise_only_hedges_count_in_promise_sentences_of_other_texts() -> None:
    # a district council: "our offices are normally open on Saturdays" is no promise; a reply time is
    overview = ("  mission: Our offices are normally open on Saturdays. We usually reply to letters within\n"
                "    10 working days.")
    assert ch301(charter(overview)) == [("CH312", 6, 59, hedge("usually"))]


def test_promise_only_hedges_in_markdown_prose_follow_the_sentence() -> None:
    text = MARKDOWN.replace("Calls are answered  promptly.",
                            "Our counter is normally open on Saturdays.\n\n"
                            "As a guide, we answer letters within 10 days.")
    assert ch301(text, filename="test.charter.md") == [
        ("CH312", 7, 34, hedge("promptly")),
        ("CH301", 18, 14, hedge("as quickly as possible")),
        ("CH301", 26, 1, hedge("As a guide")),
    ]


def statement(text: str) -> str:
    """The default charter with one rights statement, on line 19 from column 7."""
    return charter() + f"rights:\n  statements:\n    - {text}\n"


def test_a_promise_only_hedge_listed_in_phrases_counts_in_any_sentence_about_a_contact() -> None:
    # promise-only, "normally" would need the contact event after it; listed in `phrases`, a contact
    # event anywhere in its sentence is enough
    options = {"CH312": {"phrases": ["normally"]}}
    text = statement("We answer calls the same day, normally.")
    assert ch301(text) == []
    assert ch301(text, options=options) == [("CH312", 19, 37, hedge("normally"))]


def test_a_hedge_listed_in_phrases_is_silent_in_a_sentence_about_no_contact_or_time() -> None:
    options = {"CH301": {"phrases": ["normally"]}}
    assert ch301(statement("Our offices are normally open on Saturdays."), options=options) == []


@pytest.mark.parametrize(("pointer", "expected"), [
    ("/channels/0/commitments/respond/text", True),
    ("/channels/0/commitments/respond/1/text", True),  # a variant (`when:`)
    ("/feedback/acknowledge/text", True),
    ("/rights/after_purchase/text", True),
    ("/calendars/0/text", False),  # a note on a calendar is no promise
    ("/rights/statements/0", False),
    ("/text", False),
])
def test_a_commitment_text_is_the_text_of_a_promise(pointer: str, expected: bool) -> None:
    assert is_commitment_text(pointer) is expected


# --- issue 15: hedges of published charters, one finding per hedged promise ----------------------

def test_hedges_that_qualify_one_promise_give_one_finding_naming_the_others() -> None:
    # a building society: "we will do our best to reply as quickly as we can"
    text = charter(text="        text: We will do our best to reply as quickly as we can.")
    assert ch301(text) == [("CH312", 14, 23, hedge("do our best", "as quickly as we can"))]


def test_hedges_of_two_promises_in_one_sentence_give_one_finding() -> None:
    # a national park authority: "we will be prompt in answering calls, ... and try to deal with
    # your enquiry within 2 working days": one sentence, one finding naming the other hedge
    text = charter(text="        text: We will be prompt in answering calls, and try to deal with it within 2 days.")
    assert ch301(text) == [("CH301", 14, 26, hedge("prompt", "try to"))]


def test_a_sentence_with_a_hedge_on_either_side_of_a_comma_gives_one_finding() -> None:
    # a retailer (ninth batch): "We will do our best to return all phone calls within 24 hours,
    # where possible." hedged the same call-back twice and gave two findings
    text = charter(text="        text: We will do our best to return all phone calls within 24 hours, where possible.")
    assert ch301(text) == [("CH301", 14, 23, hedge("do our best", "where possible"))]
    two_sentences = charter(text="        text: We will do our best to return calls within 24 hours. Where possible,"
                                 " we reply within 2 days.")
    assert [line_column for *line_column, _ in ch301(two_sentences)] == [["CH301", 14, 23], ["CH301", 14, 68]]


@pytest.mark.parametrize("phrase", ["whenever possible", "wherever possible", "to a minimum"])
def test_hedges_of_published_charters_are_reported_anywhere(phrase: str) -> None:
    # "we aim to resolve your complaint within three working days whenever possible" (a building
    # society), "urgent cases within 24 hours wherever possible" (a university desk), "we will keep
    # waiting times to a minimum" (a national park authority)
    assert ch301(statement(f"We deal with visitors {phrase} the same day.")) == [("CH312", 19, 29, hedge(phrase))]


def test_a_promise_only_hedge_before_no_contact_event_is_no_promise() -> None:
    # a passengers' charity: "when a bus company has not resolved your complaint, we try to help"
    overview = "  mission: When a bus company has not resolved your complaint, we try to help."
    assert ch301(charter(overview)) == []


def test_a_hedge_followed_by_a_longest_time_is_no_vague_commitment() -> None:
    # a food regulator: "we reply as soon as possible, and in any event within 20 working days"
    text = charter(text="        text: We reply as soon as possible, and in any event within 20 working days.")
    assert ch301(text) == []


def test_a_longest_time_in_another_sentence_does_not_excuse_a_hedge() -> None:
    text = charter(text="        text: We reply as soon as possible. In any event we answer calls within 20 seconds.")
    assert ch301(text) == [("CH312", 14, 24, hedge("as soon as possible"))]


def test_hedges_with_only_a_comma_between_them_hedge_one_limit_once() -> None:
    # a police and crime commissioner's office: "we aim to respond in full as soon as possible,
    # generally within 20 working days"
    text = charter(text="        text: We respond as soon as possible, generally within 20 working days.")
    assert ch301(text) == [("CH301", 14, 26, hedge("as soon as possible", "generally"))]


# --- held-out batches: aspiration, outcome shares, fallback chains, new hedges ---------------------

def test_a_hedge_in_the_mission_counts_only_in_a_sentence_that_names_a_contact_event() -> None:
    # a broadband provider's code: "when problems occur, this code says what we will do to put
    # things right as quickly as possible" introduces the timescales; it promises no time itself
    aspiration = "  mission: When problems occur, we want to put things right as quickly as possible."
    assert ch301(charter(aspiration)) == []
    promise = "  mission: We deal with every enquiry as quickly as possible."
    assert ch301(charter(promise)) == [("CH312", 6, 39, hedge("as quickly as possible"))]


def test_a_promise_only_hedge_in_the_mission_introduces_the_limits_that_time_its_events() -> None:
    # an energy broker's page opens "if you ever need to complain, we will do everything we can to
    # resolve it quickly", and its complaint limits follow: CHANNELS times a reply (respond), which
    # a complaint's resolution is
    introduction = "  mission: If you need to complain, we will do everything we can to resolve it quickly."
    assert ch301(charter(introduction)) == []
    # a promise-only hedge of time ("prompt") before an event the charter times nowhere (an answer
    # time), or a limit of its own, is still hedged
    assert ch301(charter("  mission: If you complain, we will give a prompt reply.")) == []
    untimed = "  mission: If you call us, we will give a prompt answer."
    assert ch301(charter(untimed)) == [("CH312", 6, 43, hedge("prompt"))]
    # a hedge of effort with no time in its sentence says whether, not when, outside a commitment
    assert ch301(charter("  mission: If you call us, we will do everything we can to answer quickly.")) == []
    limited = "  mission: We will do everything we can to resolve it within 5 working days."
    assert ch301(charter(limited)) == [("CH312", 6, 23, hedge("everything we can"))]
    # a hedge listed anywhere stays a hedge in a mission that names an event, as before
    assert ch301(charter("  mission: We deal with every enquiry as quickly as possible.")) != []


def test_an_effort_hedge_after_a_time_hedge_in_one_commitment_is_one_problem() -> None:
    # a council: complaints are resolved "as quickly as possible ... If the staff member who
    # receives your complaint can resolve it, they will always try to do so": one missing limit
    text = charter(text="        text: We resolve it as quickly as possible. If staff can resolve it, they will always try to.")
    assert ch301(text) == [("CH312", 14, 29, hedge("as quickly as possible"))]
    # the other way round, or in another text, each hedge is still its own problem
    text = charter(text="        text: We will try to reply today. Otherwise we reply as soon as possible.")
    assert [line for _, line, _, _ in ch301(text)] == [14, 14]


def test_all_we_can_is_a_promise_only_hedge() -> None:
    # an insurer: "we will do all we can to resolve the problem and make sure you receive a prompt
    # and fair response within 8 weeks": one hedged limit, reported at its first hedge
    text = charter(text="        text: We will do all we can to resolve it and send a prompt response within 8 weeks.")
    assert ch301(text) == [("CH301", 14, 26, hedge("all we can", "prompt"))]
    assert ch301(charter("  mission: We do all we can to give a first-class service.")) == []


def test_prose_that_repeats_the_mission_is_judged_as_the_mission() -> None:
    mission = "When problems occur, we want to put things right as quickly as possible."
    text = MARKDOWN.replace("  mission: Safe water; we answer promptly.", f"  mission: {mission}").replace(
        "Calls are answered  promptly.", f"We are a small provider. {mission}\n\nWe answer you as quickly as possible.")
    assert ch301(text, filename="test.charter.md") == [
        ("CH301", 18, 14, hedge("as quickly as possible")),
        ("CH301", 26, 15, hedge("as quickly as possible")),
    ]


def test_an_outcome_share_with_no_limit_is_no_hedge() -> None:
    # a broadband provider: "our front-line team ... in most cases resolves it directly"
    text = charter(text="        text: Our team looks into it, and in most cases resolves it directly.")
    assert ch301(text) == []
    text = charter(text="        text: In most cases we reply within 5 working days.")
    assert ch301(text) == [("CH301", 14, 15, hedge("In most cases"))]


def test_the_same_hedge_in_a_fallback_step_is_one_hedged_chain() -> None:
    # a food regulator: "we will try to resolve your enquiry on the call; if we cannot, we will try
    # to transfer you, and failing that try to give you the name of someone who can"
    text = charter(text="        text: We try to resolve it on the call; if we cannot, we try to transfer you,"
                        " and failing that try to give you a name.")
    assert ch301(text) == [("CH312", 14, 18, hedge("try to", "try to", "try to"))]
    two_sentences = charter(text="        text: We try to answer calls. We try to reply to letters in 5 days.")
    assert len(ch301(two_sentences)) == 2


@pytest.mark.parametrize("words", ["as short as possible", "do our very best"])
def test_hedges_of_the_third_held_out_batch_are_reported(words: str) -> None:
    # a London borough: "we keep waiting times as short as possible"; a water company: "we will do
    # our very best to be there within four hours"
    text = charter(text=f"        text: We answer {words}.")
    assert ch301(text) == [("CH312", 14, 25, hedge(words))]


@pytest.mark.parametrize("words", [
    # a food regulator: what an answer covers, with the reason promised when it cannot
    "We try to answer the questions you ask, or explain why we cannot.",
    # a fire service: who helps a visitor, or why the information is not available
    "Visitors are directed to the person best placed to help where possible, or told why it is not available.",
    "We try to fix the fault on your first visit or we will tell you why not.",
])
def test_a_hedge_with_an_explained_alternative_says_whether_not_when(words: str) -> None:
    assert ch301(statement(words)) == []


def test_an_explained_alternative_does_not_excuse_a_hedged_limit_or_a_commitment_text() -> None:
    limited = statement("We try to answer within 5 working days, or explain why we cannot.")
    assert ch301(limited) == [("CH312", 19, 10, hedge("try to"))]
    timed = statement("We answer letters as soon as possible, or explain why we cannot.")
    assert ch301(timed) == [("CH312", 19, 25, hedge("as soon as possible"))]
    before = statement("Where possible we answer your question the same day; if not, we explain why.")
    assert ch301(before) == [("CH312", 19, 7, hedge("Where possible"))]
    # a commitment's own wording is a promise about its event: "try to resolve it on the call or
    # explain why we cannot" hedges when the call is settled
    committed = charter(text="        text: We try to resolve it on the call or explain why we cannot.")
    assert ch301(committed) == [("CH312", 14, 18, hedge("try to"))]


@pytest.mark.parametrize("words", ["within a reasonable timescale", "within a reasonable period", "in a reasonable time",
                                   "as soon as reasonably possible", "as soon as reasonably practicable",
                                   "as soon as we are able", "as quickly as we are able", "as soon as we reasonably can"])
def test_reasonable_times_are_hedges_anywhere(words: str) -> None:
    # official wording: "we will reply within a reasonable timescale", "as soon as reasonably practicable"
    assert ch301(statement(f"We deal with repairs {words}.")) == [("CH312", 19, 28, hedge(words))]


@pytest.mark.parametrize("words", ["if possible", "as far as possible", "hope to", "ideally"])
def test_hedges_of_possibility_and_hope_count_only_in_promises(words: str) -> None:
    # "we hope to reply within 10 working days"; "we will call you back the same day if possible";
    # but "please quote your reference if possible" promises nothing
    promise = charter(text=f"        text: We {words} reply the same day.")
    assert ch301(promise) == [("CH301", 14, 18, hedge(words))]
    assert ch301(statement(f"Please quote your reference number, {words}.")) == []


# --- the scope: a hedge is a vague commitment only where it leaves a contact's time open ---------

@pytest.mark.parametrize("words", [
    # a shire council's and a housing association's remedies for mistakes
    "If we have made a mistake, we apologise and put right what has gone wrong as quickly as possible.",
    "We listen to your feedback, and where we make mistakes we put them right as soon as possible.",
    # what a charter asks of customers, with a courtesy in return
    "Treat us with respect and courtesy, and we will do our best for you.",
])
def test_a_hedge_in_a_sentence_about_no_contact_or_time_is_silent(words: str) -> None:
    assert ch301(statement(words)) == []
    prose = "---\n" + FRONT_MATTER + "---\n" + f"- {words}\n"
    assert ch301(prose, filename="test.charter.md") == [("CH312", 7, 34, hedge("promptly"))]  # the mission's


def test_a_hedge_of_effort_outside_a_commitment_counts_only_beside_a_time() -> None:
    # "we will try to answer the questions you ask" (a food regulator) says whether, not when; "we try
    # to answer within 5 working days" hedges a limit
    assert ch301(statement("We will try to answer the questions you ask.")) == []
    assert ch301(statement("We will try to answer within 5 working days.")) == [("CH312", 19, 15, hedge("try to"))]
    prose = "---\n" + FRONT_MATTER + "---\n" + "We will do everything we can to resolve your complaint.\n"
    assert ch301(prose, filename="test.charter.md") == [("CH312", 7, 34, hedge("promptly"))]  # the mission's


def test_a_hedge_outside_a_commitment_counts_in_a_sentence_about_a_contact_or_a_time() -> None:
    # a bus operator "will endeavour to hold customer meetings at least once a year" (promise-only
    # "endeavour" also needs the contact event after it: there "and respond to all feedback"); a park
    # authority will "keep waiting times to a minimum"; a reply is a contact event
    assert ch301(statement("We will do our best to hold customer meetings at least once a year.")) == [
        ("CH312", 19, 15, hedge("do our best"))]
    assert ch301(statement("We make you welcome and keep waiting times to a minimum.")) == [
        ("CH312", 19, 50, hedge("to a minimum"))]
    assert ch301(statement("If we made a mistake, we reply as soon as possible.")) == [
        ("CH312", 19, 38, hedge("as soon as possible"))]


def test_a_hedge_of_effort_in_a_commitment_counts_only_beside_a_contact_or_a_time() -> None:
    # a housing authority's resolve text: "try to" says who solves the problem, not when
    who = charter(text="        text: We try to solve your problem ourselves, or refer you quickly to someone who can.")
    assert ch301(who) == []
    when = charter(text="        text: We try to resolve your problem on the call.")
    assert ch301(when) == [("CH312", 14, 18, hedge("try to"))]


def test_a_hedge_of_time_in_a_commitment_always_leaves_its_event_untimed() -> None:
    # the commitment's event is the contact: "we keep waiting times as short as possible"
    text = charter(text="        text: Always as quickly as possible.")
    assert ch301(text) == [("CH312", 14, 22, hedge("as quickly as possible"))]


@pytest.mark.parametrize("words", [
    # a land registry: a first attempt on the call, the limit for the rest in the next sentence
    "When you call us we will try to answer your question straight away. If we cannot, we will contact you "
    "within five working days.",
    # a US hospital: "if your complaint cannot be resolved" falls back to a grievance limit
    "We will make every effort to resolve your concerns at that time. If your complaint cannot be resolved, "
    "we resolve it within 7 business days.",
    # the step in the same sentence
    "We try to resolve it on the call; if not, we call you back within 2 working days.",
])
def test_a_first_attempt_whose_failure_has_a_limit_is_no_hedge(words: str) -> None:
    assert ch301(charter(text=f"        text: {words}")) == []


def test_a_first_attempt_still_counts_when_its_fallback_has_no_limit_or_it_hedges_a_limit() -> None:
    # a food regulator's fallback chain gives no time at all: one hedged chain, reported
    chain = "We will try to resolve your enquiry on the call; if we cannot, we will try to transfer you."
    assert ch301(charter(text=f"        text: {chain}")) == [("CH312", 14, 23, hedge("try to", "try to"))]
    # the attempt itself states a limit ("do our best to answer within five rings"): a hedged limit
    limited = "We do our best to answer within five rings. If we cannot, we call you back within 1 day."
    assert ch301(charter(text=f"        text: {limited}")) == [("CH301", 14, 18, hedge("do our best"))]
    # a hedge of time leaves the time open whatever follows
    timed = "We reply as soon as possible. If we cannot, we reply within 5 days."
    assert ch301(charter(text=f"        text: {timed}")) == [("CH312", 14, 24, hedge("as soon as possible"))]


def test_the_passive_of_make_every_effort_is_a_hedge() -> None:
    # a US hospital: "every effort will be made to resolve the issue within 30 days"
    text = charter(text="        text: Every effort will be made to resolve the issue within 30 days.")
    assert ch301(text) == [("CH301", 14, 15, hedge("Every effort will be made"))]


def commitments(events: str) -> str:
    """CHARTER_HEAD with an email channel whose `commitments` are `events` (YAML at 6 spaces): the
    first event is line 12."""
    return CHARTER_HEAD + "channels:\n  - id: email\n    type: email\n    hours: always\n    commitments:\n" + events + REVIEW


# an Australian insurer: the acknowledgement tries to resolve the complaint "on the spot", and the
# complaint has its own 45-day limit in the next commitment
ON_THE_SPOT = """\
      acknowledge:
        text: Please first contact a consultant. We acknowledge your complaint and try to resolve it on the spot.
      respond:
        within: 45 calendar days
        text: We respond to your complaint in writing within 45 calendar days.
"""


def test_a_first_attempt_at_another_timed_event_is_no_hedge() -> None:
    assert ch301(commitments(ON_THE_SPOT)) == []
    # a Manx council: the time hedge qualifies resolution by the first person contacted
    first_person = ON_THE_SPOT.replace(
        "try to resolve it on the spot.", "aim to have it resolved by the first person you contact, as soon as possible.")
    assert ch301(commitments(first_person)) == []
    # a hedge of possibility that trails its event
    trailing = ON_THE_SPOT.replace(
        "try to resolve it on the spot.", "deal with it at the first point of contact wherever possible.")
    assert ch301(commitments(trailing)) == []
    # a care provider (fifteenth batch): an attempt to settle at the first stage of a timed procedure;
    # "one" numbers the stage, it states no limit
    for stage in ("at stage one", "at stage 1", "at the first stage", "at the frontline stage"):
        at_stage = ON_THE_SPOT.replace("try to resolve it on the spot.", f"will always try to deal with it {stage}.")
        assert ch301(commitments(at_stage)) == [], stage
    # a limit in the attempt's clause is still hedged
    limited = ON_THE_SPOT.replace("try to resolve it on the spot.", "try to resolve it at stage one within one day.")
    assert [finding[:2] for finding in ch301(commitments(limited))] == [("CH301", 13)]


def test_a_first_attempt_at_the_commitments_own_or_an_untimed_event_still_counts() -> None:
    # an energy broker's call handler "will try to resolve your complaint straight away": the
    # resolve commitment has no `within`, so the complaint has no limit at all
    own = "      resolve:\n        text: The member of staff who takes your call will try to resolve your complaint straight away.\n"
    assert ch301(commitments(own)) == [("CH301", 13, 60, hedge("try to"))]
    # the same attempt where nothing times the resolution
    untimed = ON_THE_SPOT.replace("        within: 45 calendar days\n", "")
    assert [finding[:2] for finding in ch301(commitments(untimed))] == [("CH301", 13)]
    # a hedge of time on the commitment's own event, beside an attempt at first contact
    answered = ON_THE_SPOT.replace("We acknowledge your complaint and try", "We acknowledge it as soon as possible and try")
    assert [finding[:2] for finding in ch301(commitments(answered))] == [("CH301", 13)]


# an Irish insurer: an aim to beat the limit the regulator sets, which the same text states firmly
BEATEN = """\
      respond:
        within: 30 calendar days
        text: >-
          We investigate your complaint and make every effort to give you a fair and prompt reply. Our aim is
          to resolve every complaint as soon as possible, but the regulator requires us to resolve
          complaints within 30 calendar days.
"""


def test_a_hedge_set_against_the_commitments_firm_limit_is_no_hedge() -> None:
    assert ch301(commitments(BEATEN)) == []


@pytest.mark.parametrize("change", [
    # the data says the limit is only attempted: no firm limit holds
    ("        within: 30 calendar days\n", "        within: 30 calendar days\n        strength: best_effort\n"),
    # the limit set against the hedges is not the commitment's own
    ("within 30 calendar days.", "within 60 calendar days."),
    # an additive limit, as a building society's "as quickly as we can, and within 15 business days"
    (", but the regulator requires us", ", and we are required"),
    # the contrasting clause hedges the limit itself
    ("but the regulator requires us to resolve", "but we usually resolve"),
])
def test_a_hedge_before_a_limit_that_is_not_firm_still_counts(change: tuple[str, str]) -> None:
    assert ch301(commitments(BEATEN.replace(*change))) != []


def test_a_hedge_whose_clause_names_no_event_hedges_the_firm_limit() -> None:
    # "In general, we reply within 30 calendar days": the hedge governs the limit after the comma
    text = "      respond:\n        within: 30 calendar days\n        text: In general, we reply, but always within 30 calendar days.\n"
    assert ch301(commitments(text)) == [("CH301", 14, 15, hedge("In general"))]


def statements(*sentences: str) -> str:
    """CHARTER_HEAD, a timed email channel, and rights statements from line 15."""
    listed = "".join(f"    - {sentence}\n" for sentence in sentences)
    return (CHARTER_HEAD + "channels:\n  - id: email\n    type: email\n    hours: always\n    commitments:\n"
            "      respond: {within: 5 working days}\n" + "rights:\n  statements:\n" + listed + REVIEW)


@pytest.mark.parametrize("sentence", [
    # what a housing association asks of its tenants, and a council of its customers
    "Please let us know as soon as possible if you need to change an appointment.",
    "Please reply to our letters as soon as possible so that we can resolve your query.",
    "You should tell us about a complaint promptly, and within 12 months.",
    "We ask you to respond to our requests for information as quickly as possible.",
    # a Malaysian bank (tenth batch): "tried to" is the customer's, coordinated with "you have"
    "The ombudsman takes a case only after you have first complained to us and tried to resolve it with us,"
    " and within six months of our final decision.",
    # a sentence in the imperative, after a lead-in clause (a water utility, a communications regulator)
    "To help us resolve your complaint, contact us as soon as possible with your name and the address.",
    "Before you complain to us, lodge your complaint with your provider, in writing where possible, and ask"
    " for action within a specific period.",
    "Write to us promptly if your circumstances change.",
    # the customer named in the passive (a Singapore ministry's taxpayers, a council's residents)
    "Taxpayers are encouraged to give us the information we need in full and as soon as possible.",
    "Residents are asked to report missed collections as soon as possible.",
    "Customers are advised to keep their receipts and contact us promptly.",
])
def test_a_hedge_on_what_the_customer_is_asked_to_do_is_no_commitment(sentence: str) -> None:
    assert ch301(statements(sentence)) == []


@pytest.mark.parametrize(("sentence", "column"), [
    # the organisation acts after the request
    ("Please leave a message and we will call you back as soon as possible.", 56),
    # a request, then the organisation's promise in another clause
    ("Please be patient; calls are answered as quickly as possible.", 45),
    # "please be assured" asks nothing of the customer
    ("Please be assured that your call will be answered as promptly as possible.", 60),
    # the organisation acts after the customer's perfect, or the hedge is not the perfect's form
    ("Once you have complained to us, we tried to resolve it within 5 days.", 42),
    ("We will make sure you have an answer as soon as possible.", 44),
    # the organisation named after the imperative, another clause of its own, or no object of the
    # reader's: a noun ("email enquiries") or a list of promises ("send a reply")
    ("Contact us and we will reply as soon as possible.", 36),
    ("Call us; calls are answered as quickly as possible.", 35),
    ("Email enquiries are answered as soon as possible.", 36),
    ("Send a reply to every letter as soon as possible.", 36),
    # the customer in the passive, then the organisation's promise
    ("Customers are asked to call us and we will reply as soon as possible.", 56),
    # customers as the ones served, not the ones asked: "customers are answered"
    ("Customers are answered as soon as possible.", 30),
])
def test_a_hedge_on_the_organisations_promise_after_a_request_still_counts(sentence: str, column: int) -> None:
    assert [finding[:3] for finding in ch301(statements(sentence))] == [("CH312", 15, column)]


@pytest.mark.parametrize("words", [
    "We reply within 48 hours, and sooner where possible.",
    "We aim to reply within 48 hours, but usually sooner.",
])
def test_a_hedge_on_beating_a_stated_limit_is_no_hedge(words: str) -> None:
    # the limit stands; the hedge qualifies doing better than it
    assert ch301(charter(text=f"        text: {words}")) == []


def test_a_hedge_on_beating_a_limit_still_counts_where_no_limit_stands_or_the_limit_is_hedged() -> None:
    assert [f[:2] for f in ch301(charter(text="        text: We reply sooner where possible."))] == [("CH312", 14)]
    hedged = ch301(charter(text="        text: We usually reply within 48 hours, and sooner where possible."))
    assert hedged == [("CH301", 14, 18, hedge("usually"))]


def test_in_prose_a_firm_limit_set_against_a_hedge_holds_for_its_own_sentence() -> None:
    # the Markdown prose repeating an insurer's text: the contrast stands in the hedge's sentence
    prose = ("---\n" + ANSWERED_PHONE_HEAD + REVIEW + "---\n# Complaints\n"
             "Our aim is to resolve every complaint as soon as possible, but the regulator requires us to resolve\n"
             "complaints within 30 calendar days.\n")
    assert ch301(prose, filename="test.charter.md") == []
    # a limit in another sentence of the paragraph: a speed word beside a firm limit, as in the
    # data (CH312, strict only); the paragraph is the prose's commitment (issue 15, ninth round)
    apart = prose.replace(", but the regulator requires us to resolve\n", ". The regulator requires us to resolve\n")
    assert [f[:2] for f in ch301(apart, filename="test.charter.md")] == [("CH312", 18)]


def test_a_speed_hedge_before_the_commitments_own_limit_in_its_sentence_is_an_aim_to_beat_it() -> None:
    # a Malaysian ombudsman (tenth batch): "You will be served as soon as practicable; we aim to serve
    # you within 20 minutes" (within: 20 minutes)
    text = charter(text="        text: You will get a reply as soon as practicable; we aim to reply within 48 hours.")
    assert ch301(text) == []


@pytest.mark.parametrize(("wording", "column", "code"), [
    # a mental health trust: the limit is an alternative, not the promise
    ("We aim to reply as quickly as possible, or within 48 hours.", 31, "CH312"),
    # a US hospital: the hedge is a condition's
    ("If we cannot reply in a timely manner, we reply within 48 hours.", 34, "CH312"),
    # a building society: the limit is in another sentence
    ("We aim to reply as soon as possible. We reply within 48 hours.", 31, "CH312"),
    # a hedge of effort hedges the limit itself (CH301's strong evidence)
    ("We reply promptly; we try to reply within 48 hours.", 24, "CH301"),
])
def test_a_speed_hedge_is_still_reported_where_the_limit_is_an_alternative_a_condition_or_apart(
        wording: str, column: int, code: str) -> None:
    assert [finding[:3] for finding in ch301(charter(text=f"        text: {wording}"))] == [(code, 14, column)]


@pytest.mark.parametrize("words", [
    # a university accommodation office (eleventh batch): the hedged time is sooner than the firm limit
    "We aim to respond within 48 hours, though we usually reply within 24 hours.",
    "We aim to respond within 48 hours; a reply is normally sent within 4 hours.",
])
def test_a_hedge_on_a_time_sooner_than_the_firm_limit_of_its_sentence_is_no_hedge(words: str) -> None:
    assert ch301(charter(text=f"        text: {words}")) == []


@pytest.mark.parametrize(("words", "column"), [
    # the hedged time is not sooner, or not always (business time may span a weekend)
    ("We aim to respond within 48 hours, though we usually reply within 3 days.", 60),
    ("We aim to respond within 48 hours, though we usually reply within 1 working day.", 60),
    # no firm limit in the sentence: the hedge is the only limit
    ("We usually reply within 24 hours. We respond within 48 hours.", 18),
])
def test_a_hedge_on_a_time_not_always_sooner_than_the_firm_limit_still_counts(words: str, column: int) -> None:
    assert [f[:3] for f in ch301(charter(text=f"        text: {words}"))] == [("CH301", 14, column)]


def test_a_hedge_about_something_other_than_the_time_after_the_firm_limit_is_no_hedge() -> None:
    # a university IT desk (twelfth batch): "usually" qualifies the order of work, not the limit
    words = "Within 48 hours, depending on workload; requests are usually taken in the order they arrive."
    assert ch301(charter(text=f"        text: {words}")) == []


@pytest.mark.parametrize(("words", "column", "code"), [
    # the hedge names the event, states a time, hedges the time itself, or comes before the limit;
    # an attempt or likelihood hedge in the sentence that states the limit is CH301's, a speed word CH312's
    ("Within 48 hours; we usually reply to urgent requests first.", 35, "CH301"),
    ("Within 48 hours; requests are usually taken in 2 days.", 45, "CH301"),
    ("Within 48 hours; requests are taken as soon as possible.", 51, "CH312"),
    # a further promise of the organisation's (a bus users' body keeping you informed)
    ("Within 48 hours; we will do our best to keep you informed.", 40, "CH301"),
    ("Requests are usually taken in order, within 48 hours.", 28, "CH301"),
])
def test_a_hedge_after_the_firm_limit_that_speaks_of_the_time_still_counts(words: str, column: int, code: str) -> None:
    assert [f[:3] for f in ch301(charter(text=f"        text: {words}"))] == [(code, 14, column)]


def test_the_customers_step_in_a_commitments_text_with_what_we_need_as_its_object() -> None:
    # a Singapore ministry (fourteenth batch): "the information we need" names what is asked for;
    # the taxpayers' step is theirs, and the commitment's own 180 working days stand
    text = ("      resolve:\n        within: 180 working days\n        text: A case may take up to 180 working days."
            " Taxpayers are encouraged to give us the information we need in full and as soon as possible.\n")
    assert ch301(commitments(text)) == []
    # "we" that promises is still the organisation's
    promised = text.replace("give us the information we need in full and", "call us, and we reply")
    assert [code for code, *_ in ch301(commitments(promised))] == ["CH312"]


@pytest.mark.parametrize(("following", "reported"), [
    # a care provider's and a national library's stage two: the limit follows in the next sentence
    ("This will be after no more than 20 working days.", False),
    ("It will take no more than 20 working days unless there is clearly a good reason for more time.", False),
    # not the same limit's promise: "or longer", another hedge, or another limit
    ("This will be after 20 working days or longer.", True),
    ("This will usually be within 20 working days.", True),
    ("We acknowledge it within 2 working days.", True),
    ("We reply within 20 working days.", True),  # a sentence of its own, not of the promise before
])
def test_a_speed_hedge_with_its_own_limit_in_the_next_sentence(following: str, reported: bool) -> None:
    text = ("      respond:\n        within: 20 working days\n        text: We will give you our decision as soon as"
            f" possible. {following}\n")
    assert [code for code, *_ in ch301(commitments(text))] == (["CH312"] if reported else [])


@pytest.mark.parametrize(("within", "wording", "reported"), [
    # a university registrar (sixteenth batch): "regularly" qualifies checking; the reply is firm
    ("1 day", "We check official email regularly and respond within one day.", None),
    # the hedge on the reply itself
    ("5 working days", "We usually reply within 5 working days.", "CH301"),
    ("5 working days", "We will try to reply within 5 working days.", "CH301"),
    ("5 working days", "We reply regularly and within 5 working days.", "CH312"),
    # an insurer (fifteenth batch): the 8-week limit stated later as the longest time
    ("8 weeks", "We aim to complete our investigation promptly, although some investigations take time. We write"
                " to you when it is finished and in any event within 8 weeks.", None),
    ("8 weeks", "We aim to complete our investigation promptly, although some investigations take time. We write"
                " to you when it is finished.", "CH312"),
])
def test_a_hedge_on_another_verb_or_before_the_commitments_longest_time(within: str, wording: str,
                                                                         reported: str | None) -> None:
    text = f"      respond:\n        within: {within}\n        text: {wording}\n"
    assert [code for code, *_ in ch301(commitments(text))] == ([reported] if reported else [])


@pytest.mark.parametrize(("sentence", "reported"), [
    # a managed IT provider (sixteenth batch): a time of day, not a contact's time
    ("We schedule disruptive maintenance outside business hours whenever possible.", False),
    ("We reply within 4 business hours whenever possible.", True),
    # a conservation authority (twelfth batch): the sentence names a contact event
    ("We answer calls in person whenever possible during office hours.", True),
])
def test_business_hours_as_a_time_of_day_are_no_service_time(sentence: str, reported: bool) -> None:
    assert [code for code, *_ in ch301(statements(sentence))] == (["CH312"] if reported else [])
