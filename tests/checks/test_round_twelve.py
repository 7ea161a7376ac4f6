"""Issue 15's twelfth round, from the twenty-ninth to thirty-eighth batches: limits that are the
customer's, clauses that restrict or say what happens next, people and sessions with no opening
hours, and organisations that answer to no external body."""

from __future__ import annotations

import pytest

from charterlint.charter.clocks import ambiguous_clock
from tests.helpers import ANSWERED_PHONE_HEAD, CHARTER_HEAD, REVIEW, findings

HEDGES = ["CH301", "CH312"]


def prose(body: str, head: str = ANSWERED_PHONE_HEAD) -> str:
    """A Markdown charter whose prose (from line 18 with the default head) is `body`."""
    return "---\n" + head + REVIEW + "---\n# Complaints\n" + body


def in_prose(body: str, codes: list[str], head: str = ANSWERED_PHONE_HEAD) -> list[tuple[str, int]]:
    return [(code, line) for code, line, _, _ in findings(prose(body, head), codes, filename="t.charter.md")]


# --- the customer's deadline --------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    # an animal sanctuary's fundraising complaints
    "We normally investigate only complaints made within three months of the campaign concerned; in exceptional "
    "circumstances we may look at a later one.",
    "You must usually contact us within six months of the problem, although in exceptional circumstances we may "
    "accept a later complaint.",
])
def test_a_hedge_or_escape_on_the_customers_deadline_takes_no_promise_back(sentence: str) -> None:
    assert in_prose(sentence + "\n", [*HEDGES, "CH311"]) == []


def test_a_customers_deadline_beside_the_organisations_limit_leaves_the_limit_hedged() -> None:
    body = "For complaints made within three months we normally reply within 10 working days.\n"
    assert in_prose(body, HEDGES) == [("CH301", 18)]


# --- CH311: what an exceptional case restricts, and a condition with its own limit ------------

def test_only_in_exceptional_circumstances_restricts_an_act_and_takes_no_limit_back() -> None:
    # a district council's phones
    body = "Wherever possible a member of staff answers; we only use voicemail in exceptional circumstances.\n"
    assert in_prose(body, ["CH311"]) == []
    taken_back = "We reply within 5 days, except in exceptional circumstances.\n"
    assert in_prose(taken_back, ["CH311"]) == [("CH311", 18)]


def test_a_condition_whose_consequence_states_a_longer_limit_is_no_escape() -> None:
    body = ("Where a full response will take longer than one working day, we give it within ten working days.\n")
    assert in_prose(body, ["CH311"]) == []
    # a notice sooner than the limit exceeded gives the customer no longest time: still reported
    # (a housing association: "we reply in five working days ... we give you a date in one working day")
    notice = ("We reply to letters within five working days. If we think it may take longer, we give you a date "
              "for our response in one working day.\n")
    assert in_prose(notice, ["CH311"]) == [("CH311", 18)]


EXTERNAL_ANY_TIME = ANSWERED_PHONE_HEAD + """\
      resolve:
        within: 10 working days
        text: We aim to resolve complaints within 10 working days. If we need more time, we tell you when.
escalation:
  external:
    - body: Insurance and Financial Services Ombudsman Scheme
      type: ombudsman
      after: AFTER
""" + REVIEW


def test_an_external_body_open_at_any_time_is_the_longest_time() -> None:
    # a New Zealand insurer: the ombudsman scheme may be approached at any point
    assert findings(EXTERNAL_ANY_TIME.replace("AFTER", "any time"), ["CH311"]) == []
    assert [f[:2] for f in findings(EXTERNAL_ANY_TIME.replace("AFTER", "6 months"), ["CH311"])] == [("CH311", 15)]


# --- CH310: the qualifier that qualifies the limit ------------------------------------------------

@pytest.mark.parametrize("within, text, qualifier", [
    ("2 hours", "Our target for a P1 call during standard hours of operation is two hours from receipt.",
     "standard hours of operation"),
    ("4 hours", "We respond within four hours during operating hours.", "operating hours"),
])
def test_hours_of_operation_qualify_a_clock_limit(within: str, text: str, qualifier: str) -> None:
    found = ambiguous_clock({"within": within, "text": text})
    assert found is not None and found[1] == qualifier


def test_business_hours_of_another_figure_do_not_qualify_the_limit() -> None:
    # an IT firm's 24 hours, beside the average it reaches in business hours
    text = ("Best effort response within 24 hours of first contact. (Our average response time during business hours "
            "is less than 2 hours.)")
    assert ambiguous_clock({"within": "24 hours", "text": text}) is None


# --- CH111 and CH101: people met in the service, sessions on request ------------------------------

def channel_charter(entry: str) -> str:
    return CHARTER_HEAD + "channels:\n" + entry + REVIEW


@pytest.mark.parametrize("name", ["Your consultant, or the staff on the ward", "Nurse in charge",
                                  "Caribbean Airlines Representative at the arrival airport"])
def test_people_met_during_the_service_need_no_published_hours(name: str) -> None:
    entry = f"  - id: staff\n    type: in_person\n    name: {name}\n    hours: not_published\n"
    assert findings(channel_charter(entry), ["CH111"]) == []


def test_a_member_of_staff_at_an_office_still_needs_hours() -> None:
    entry = "  - id: staff\n    type: in_person\n    name: Speaking to a member of staff\n    hours: not_published\n"
    assert [f[:2] for f in findings(channel_charter(entry), ["CH111"])] == [("CH111", 11)]


@pytest.mark.parametrize("kind", ["phone", "video"])
def test_a_session_held_on_request_needs_no_published_hours(kind: str) -> None:
    # a software vendor's remote assistance for its top plans
    entry = (f"  - id: remote\n    type: {kind}\n    name: Remote assistance by {kind}, on request\n"
             "    hours: not_published\n")
    assert findings(channel_charter(entry), ["CH111"]) == []


# --- CH306: a complaint channel the procedure answers ----------------------------------------------

def test_a_complaint_channel_that_only_acknowledges_is_answered_by_the_procedure() -> None:
    # a Kenyan water company's complaints box, acknowledged in 15 days and answered in 24 hours
    box = ("  - id: box\n    type: post\n    name: Complaints and suggestion box\n    hours: always\n"
           "    commitments:\n      acknowledge: {within: 15 days}\n")
    text = channel_charter(box).replace("review:", "feedback:\n  channels: [box]\n  respond: {within: 24 hours}\n"
                                                   "review:")
    assert findings(text, ["CH306"]) == []
    untimed = text.replace("  respond: {within: 24 hours}\n", "  respond: {text: We deal with complaints quickly.}\n")
    assert [f[:2] for f in findings(untimed, ["CH306"])] == [("CH306", 13)]


# --- CH405: organisations that answer to no external body -----------------------------------------

def organisation(name: str, sector: str, jurisdiction: str, description: str = "") -> str:
    extra = f"  sector_description: {description}\n" if description else ""
    return ANSWERED_PHONE_HEAD.replace(
        "  name: Example Water\n", f"  name: {name}\n  sector: {sector}\n{extra}  jurisdiction: {jurisdiction}\n") + REVIEW


@pytest.mark.parametrize("name, sector, jurisdiction, description", [
    ("City of Prior Lake", "local_government", "US-MN", ""),
    ("Community College of Rhode Island, IT Help Desk", "education", "US-RI", ""),
    ("Vulpine MSP", "other", "GB", "managed IT service provider"),
])
def test_organisations_no_external_body_covers_are_not_asked_for_one(name: str, sector: str, jurisdiction: str,
                                                                     description: str) -> None:
    assert findings(organisation(name, sector, jurisdiction, description), ["CH405"]) == []


@pytest.mark.parametrize("name, sector, jurisdiction", [
    ("UCLA Health", "healthcare", "US-CA"),
    ("Cardiff University, IT Service Desk", "education", "GB-WLS"),
    ("Power Information Technology Company", "energy", "PK"),
])
def test_organisations_an_external_body_covers_are_asked_for_one(name: str, sector: str, jurisdiction: str) -> None:
    assert [f[0] for f in findings(organisation(name, sector, jurisdiction), ["CH405"])] == ["CH405"]


def test_the_bodies_by_country_option_replaces_the_default() -> None:
    text = organisation("Ville de Montréal", "local_government", "CA-QC")
    assert [f[0] for f in findings(text, ["CH405"])] == ["CH405"]
    options = {"CH405": {"bodies-by-country": {"CA": ["bank"]}}}
    assert findings(text, ["CH405"], options=options) == []


# --- CH501: a channel named as one not to use -----------------------------------------------------

def test_a_channel_the_prose_says_not_to_use_is_not_missing() -> None:
    # a Ghanaian software firm's support table
    body = "| Discouraged | third-party media such as Skype or Messenger |\n"
    assert in_prose(body, ["CH501"]) == []
    assert [f[0] for f in findings(prose("Message us on WhatsApp.\n"), ["CH501"], filename="t.charter.md")] == [
        "CH501"]
