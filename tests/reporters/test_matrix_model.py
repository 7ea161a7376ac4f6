"""The coverage matrix: each cell's value and state, which findings flag it, and robustness."""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from charterlint.engine.settings import review_period
from charterlint.model import FileResult, Finding, Severity, Span, Suppression
from charterlint.reporters.matrix_model import COLUMNS, CharterCoverage, Row, State, charter_coverage
from tests.helpers import ROOT, TODAY, UNCADENCED, lint_text, settings_for

BUSES = ROOT / "tests" / "fixtures" / "matrix" / "buses.charter.yaml"


def coverage_of(text: str, preset: str = "strict") -> CharterCoverage:
    rules = [active.info() for active in settings_for(preset=preset).rules.values()]  # as Report.rules
    found = charter_coverage(lint_text(text, preset=preset), TODAY, rules=rules)
    assert found is not None
    return found


def states(row: Row) -> dict[str, str]:
    return {cell.column: cell.state.value for cell in row.cells}


def cells(row: Row) -> dict[str, tuple[str, str, list[str]]]:
    return {cell.column: (cell.value, cell.state.value, [f.code for f in cell.findings]) for cell in row.cells}


def test_every_state_in_the_buses_fixture() -> None:
    coverage = coverage_of(BUSES.read_text(encoding="utf-8"))
    phone, email, whatsapp, assistant = coverage.rows
    assert (phone.channel_id, phone.name, phone.type, phone.hours, phone.opening) == (
        "phone", "Customer line", "phone", "office", "mon-fri 08:00-18:00, Europe/London")
    assert cells(phone) == {
        "answer": ("2 minutes, 80%", "met", []),
        "acknowledge": ("", "not-applicable", []),
        "respond": ("", "not-applicable", []),
        "resolve": ("5 working days, 90%", "met", []),
        "follow_up": ("", "not-applicable", []),
        "feedback": ("yes", "met", []),
        "escalation": ("stage 1", "met", []),
        "accessibility": ("relay service, interpreter", "met", []),
    }
    assert cells(email) == {
        "answer": ("", "not-applicable", []),
        "acknowledge": ("1 hour", "met", []),
        "respond": ("2 days, 90%", "flagged", ["CH304"]),
        "resolve": ("", "missing", []),
        "follow_up": ("next working day via same channel", "met", []),
        "feedback": ("yes", "met", []),
        "escalation": ("stage 1", "met", []),
        "accessibility": ("", "missing", []),
    }
    assert cells(whatsapp) == {
        "answer": ("", "not-applicable", []),
        "acknowledge": ("", "missing", []),
        "respond": ("4 working hours, 80%", "met", []),
        "resolve": ("", "missing", []),
        "follow_up": ("", "not-applicable", []),
        "feedback": ("", "flagged", ["CH105"]),
        "escalation": ("stage 1", "met", []),
        "accessibility": ("", "missing", []),
    }
    assert states(assistant) == {
        "answer": "not-applicable", "acknowledge": "not-applicable", "respond": "not-applicable",
        "resolve": "not-applicable", "follow_up": "met", "feedback": "not-applicable",
        "escalation": "not-applicable", "accessibility": "missing",
    }
    assert coverage.skipped == "" and (coverage.title, coverage.organization) == ("Passenger Charter", "Valley Buses")


def test_the_review_status_links_its_findings() -> None:
    review = coverage_of(BUSES.read_text(encoding="utf-8")).review
    assert (review.last_reviewed, review.next_due, review.status) == (dt.date(2024, 6, 1), dt.date(2025, 6, 1), "overdue")
    assert review.basis == 'last review + cadence "12 months"'
    assert [f.code for f in review.findings] == ["CH201"]


HEAD = """\
charter_format: 1
title: T
organization: {name: O}
overview: {mission: M}
review: {last_reviewed: 2025-06-01, cadence: 12 months}
"""


def test_a_channel_without_commitments_has_its_expected_cells_flagged_by_ch101() -> None:
    row = coverage_of(HEAD + "channels:\n  - {id: post, type: post, hours: always}\n").rows[0]
    assert [cells(row)[event] for event in ("answer", "acknowledge", "respond", "resolve")] == [
        ("", "not-applicable", []),
        ("", "flagged", ["CH101"]),
        ("", "flagged", ["CH101"]),
        ("", "flagged", ["CH101"]),
    ]


def test_live_chat_needs_an_answer_or_a_response_not_both() -> None:
    text = HEAD + """\
channels:
  - {id: a, type: live_chat, hours: always, commitments: {answer: {within: 2 minutes}}}
  - {id: b, type: live_chat, hours: always, commitments: {respond: {within: 5 minutes}}}
  - {id: c, type: live_chat, hours: always, commitments: {resolve: {within: 5 working days}}}
"""
    rows = coverage_of(text, preset="recommended").rows
    assert [(states(r)["answer"], states(r)["respond"]) for r in rows] == [
        ("met", "not-applicable"), ("not-applicable", "met"), ("flagged", "flagged")]  # by CH114


def test_a_cell_shows_the_statistic_and_strength_that_weaken_a_promise() -> None:
    text = HEAD + """\
channels:
  - id: phone
    type: phone
    hours: always
    commitments:
      answer: {within: 20 seconds, statistic: average, strength: best_effort}
      resolve: {within: 5 working days, target: 90%, statistic: each, strength: will}
"""
    row = coverage_of(text, preset="recommended").rows[0]
    assert [cell.value for cell in row.cells[:4]] == ["20 seconds, average, best effort", "", "", "5 working days, 90%"]


def test_after_hours_follow_up_applies_to_limited_asynchronous_channels_and_chatbots() -> None:
    text = HEAD + """\
calendars: [{id: office, timezone: Europe/London, open: {mon-fri: "09:00-17:00"}}]
channels:
  - {id: chat, type: live_chat, hours: office, commitments: {respond: {within: 2 minutes}}}
  - {id: mail, type: email, hours: office, commitments: {respond: {within: 2 working days}}}
  - {id: phone, type: phone, hours: office, commitments: {answer: {within: 2 minutes}}}
  - {id: bot, type: chatbot, hours: always}
"""
    rows = coverage_of(text, preset="recommended").rows
    assert [(states(r)["follow_up"], [f.code for f in r.cells[4].findings]) for r in rows] == [
        ("flagged", ["CH102"]), ("not-applicable", []), ("not-applicable", []), ("flagged", ["CH103"])]


def test_findings_inside_a_channel_but_in_no_cell_belong_to_the_row() -> None:
    text = HEAD + """\
channels:
  - {id: fax, type: fax, hours: always, commitments: {respond: {within: 2 working days}}}
"""
    row = coverage_of(text, preset="recommended").rows[0]
    assert [f.code for f in row.findings] == ["CH205"]
    assert all(f.code != "CH205" for cell in row.cells for f in cell.findings)


def test_escalation_cells_name_the_stages_and_link_their_via_entries() -> None:
    text = HEAD + """\
channels:
  - {id: phone, type: phone, hours: always, commitments: {answer: {within: 2 minutes}}}
  - {id: email, type: email, hours: always, commitments: {respond: {within: 2 working days}}}
escalation:
  stages:
    - {name: Team leader, via: [phone, email], respond: {within: 10 working days}}
    - {name: Manager, via: [email, nowhere], respond: {within: 20 working days}}
"""
    result = lint_text(text, ["CH0", "CH106"])
    coverage = charter_coverage(result, TODAY)
    assert coverage is not None
    assert [r.cells[6].value for r in coverage.rows] == ["stage 1", "stages 1, 2"]
    assert [f.code for f in result.findings] == ["CH020"]  # "nowhere" names no channel: in no cell
    assert all(not cell.findings for row in coverage.rows for cell in row.cells)


def test_suppressed_findings_flag_nothing() -> None:
    base = lint_text(BUSES.read_text(encoding="utf-8"), preset="strict")
    quiet = FileResult(base.path, tuple(f if f.code != "CH304" else _suppressed(f) for f in base.findings),
                       base.source_lines, data=base.data)
    coverage = charter_coverage(quiet, TODAY)
    assert coverage is not None and coverage.rows[1].cells[2].state is State.MET


def _suppressed(finding: Finding) -> Finding:
    return replace(finding, suppression=Suppression("inSource", "agreed"))


def test_a_file_that_did_not_parse_has_no_coverage() -> None:
    result = lint_text("title: [unclosed\n")
    assert result.data is None and charter_coverage(result, TODAY) is None


def test_the_engines_note_of_rules_that_did_not_run_is_kept() -> None:
    coverage = coverage_of(HEAD + "channels:\n  - {id: phone, type: pager, hours: always}\n")
    assert coverage.skipped == "rules did not run on channels: fix the error on line 7 first"
    assert coverage.rows[0].findings[0].code == "CH013"


def test_lint_bytes_keeps_the_parsed_charter_and_the_result_pickles() -> None:
    result = lint_text(BUSES.read_text(encoding="utf-8"))
    assert result.data is not None and result.data["title"] == "Passenger Charter"
    again = pickle.loads(pickle.dumps(result))
    assert again == result and again.data == result.data
    assert hash(result) == hash(again)  # the data takes no part in equality or hashing


def test_without_today_the_review_status_is_unknown() -> None:
    result = lint_text(BUSES.read_text(encoding="utf-8"))
    coverage = charter_coverage(result, None)
    assert coverage is not None and coverage.review.status == "unknown"
    assert coverage.review.next_due == dt.date(2025, 6, 1)


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=8),
                     st.sampled_from(["always", "phone", "email", "chatbot", "live_chat", "2 days", "office"]))
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.sampled_from(
                           ["id", "type", "hours", "commitments", "respond", "within", "via", "channels",
                            "stages", "open", "accessibility", "human_follow_up", "handoff_to", "name"]),
                           inner, max_size=4), max_leaves=12)
_CHARTERS = st.fixed_dictionaries({}, optional={
    key: _VALUES for key in ("title", "organization", "channels", "calendars", "feedback", "escalation", "review")})


@settings(max_examples=300, deadline=None)
@given(_CHARTERS)
def test_any_data_gives_a_matrix_without_raising(data: dict[str, Any]) -> None:
    finding = Finding("x.charter.yaml", "CH013", "invalid-value", Severity.ERROR, "m", Span.at(1, 1), "/channels/0")
    coverage = charter_coverage(FileResult("x.charter.yaml", (finding,), data=data), TODAY)
    assert coverage is not None
    assert all(len(row.cells) == len(COLUMNS) for row in coverage.rows)




def test_the_review_period_without_a_cadence_is_a_parameter() -> None:
    result = lint_text(UNCADENCED)
    default, six = (charter_coverage(result, TODAY, *period) for period in ((), ("6 months",)))
    assert default is not None and six is not None
    assert (default.review.next_due, default.review.basis, default.review.status) == (
        dt.date(2026, 3, 1), "last review + 12 months, the default", "current")
    assert (six.review.next_due, six.review.basis, six.review.status) == (
        dt.date(2025, 9, 1), "last review + 6 months, the default", "overdue")


def test_the_review_period_is_ch201s_max_age_in_effect_so_the_status_agrees_with_ch201() -> None:
    assert review_period(settings_for(["CH201"]).rules) == "12 months"
    assert review_period(settings_for(["CH0"]).rules) == "12 months"  # CH201 off: its default
    options = {"CH201": {"max-age": "6 months"}}
    settings = settings_for(["CH201"], options=options)
    assert review_period(settings.rules) == "6 months"
    result = lint_text(UNCADENCED, ["CH201"], options=options)
    coverage = charter_coverage(result, TODAY, review_period(settings.rules))
    assert coverage is not None and coverage.review.status == "overdue"
    assert [f.code for f in coverage.review.findings] == ["CH201"]


def test_an_invalid_last_review_date_is_shown_as_invalid_not_as_missing() -> None:
    review = coverage_of(UNCADENCED.replace("2025-03-01", "2025-02-30")).review
    assert (review.last_reviewed, review.last_reviewed_text, review.next_due, review.status) == (
        None, 'invalid ("2025-02-30")', None, "unknown")
    assert [f.code for f in review.findings] == ["CH013"]
    assert coverage_of(UNCADENCED.replace("review: {last_reviewed: 2025-03-01}", "review: {}")).review \
        .last_reviewed_text == "not given"


def test_the_matrix_shows_variants_standards_and_organisation_wide_accessibility() -> None:
    text = (ROOT / "tests" / "fixtures" / "format" / "new-forms.charter.yaml").read_text(encoding="utf-8")
    rows = {row.channel_id: row for row in coverage_of(text).rows}
    phone, email, reception = rows["phone"], rows["email"], rows["reception"]
    assert cells(phone)["answer"] == ("90%", "met", [])
    assert cells(phone)["resolve"] == ("80%, at first contact", "met", [])
    # the standard "callbacks" promises a call-back in words only: its CH301 finding flags the cell
    assert cells(phone)["respond"] == ("(no time limit) (standard)", "flagged", ["CH301"])
    assert cells(phone)["accessibility"] == ("relay service, large print, interpreter", "met", [])
    assert cells(email)["acknowledge"] == ("2 working days (standard)", "met", [])
    assert cells(email)["respond"] == ("48 hours (standard)", "flagged", ["CH107"])
    assert cells(reception)["answer"] == (
        "10 minutes (with an appointment); 30 minutes (without an appointment)", "met", [])
    assert (rows["emergency"].hours, [f.code for f in reception.findings]) == ("outside: office", ["CH111"])
