"""CH302-CH309: ranges, averages, day units, calendars, acknowledgements, order, strength."""

from __future__ import annotations

from textwrap import dedent

from tests.helpers import CHARTER_HEAD, REVIEW, findings

CALENDAR = """\
calendars:
  - id: office
    timezone: Europe/London
    open: {mon-fri: "09:00-17:00"}
"""


def charter(rest: str, calendar: bool = True) -> str:
    """CHARTER_HEAD is six lines: CALENDAR, or else `rest`, starts on line 7."""
    return CHARTER_HEAD + (CALENDAR if calendar else "") + dedent(rest) + REVIEW


def email(**events: str) -> str:
    """A channel with the given commitments; the first commitment is on line 16 (with a calendar)."""
    lines = [f"      {event}: {{{body}}}" for event, body in events.items()]
    head = "channels:\n  - id: email\n    type: email\n    hours: always\n    commitments:\n"
    return head + "\n".join(lines) + "\n"


# --- CH302 range-target ----------------------------------------------------------------

def test_range_anywhere_is_reported_with_its_upper_bound() -> None:
    text = charter(email(respond="within: 2 working days") + dedent("""\
        escalation:
          external:
            - body: Ombudsman
              type: ombudsman
              after: 6-8 weeks
        """))
    assert findings(text, ["CH302"]) == [
        ("CH302", 21, 14, '"6-8 weeks" is a range: which end is the promise? give one limit (e.g. "8 weeks")'),
    ]


def test_single_limit_is_not_a_range() -> None:
    text = charter(email(respond="within: 1.5 working days"))
    assert findings(text, ["CH302"]) == []


# --- CH303 average-target ---------------------------------------------------------------

CHECK_STATISTIC = ("is a promise no customer can check against their own contact: "
                   "use a share of contacts instead (target: 80%, statistic: each)")


def test_majority_in_feedback_is_reported_at_the_statistic() -> None:
    text = charter(email(respond="within: 2 working days, statistic: each") + dedent("""\
        feedback:
          channels: [email]
          respond: {within: 10 working days, statistic: majority}
        """))
    assert findings(text, ["CH303"]) == [("CH303", 19, 49, f'statistic "majority" {CHECK_STATISTIC}')]


def test_each_is_checkable() -> None:
    text = charter(email(respond="within: 2 working days, target: 90%, statistic: each"))
    assert findings(text, ["CH303"]) == []


# --- CH304 ambiguous-day-unit -----------------------------------------------------------

def test_bare_days_in_singular_and_ranges_are_reported() -> None:
    text = charter(email(respond="within: 1 day", resolve="within: 5-10 days"))
    assert findings(text, ["CH304"]) == [
        ("CH304", 16, 25, '"1 day" does not say which days: use "1 working day" or "1 calendar day"'),
        ("CH304", 17, 25, '"5-10 days" does not say which days: use "5-10 working days" or "5-10 calendar days"'),
    ]


def test_qualified_days_are_clear() -> None:
    text = charter(email(respond="within: 1 working day", resolve="within: 10 calendar days"))
    assert findings(text, ["CH304"]) == []


# --- CH305 business-unit-without-calendar ------------------------------------------------

def test_boundary_without_calendar_is_reported_once_at_the_first_use() -> None:
    text = charter(email(respond="within: next business day", resolve="within: 10 working days"), calendar=False)
    assert findings(text, ["CH305"]) == [
        ("CH305", 12, 25, '"next business day" needs a calendar, but none defines the business week and timezone '
                          "(add one under calendars)"),
    ]


def test_same_day_and_continuous_units_need_no_calendar() -> None:
    text = charter(email(respond="within: same day", resolve="within: 10 calendar days"), calendar=False)
    assert findings(text, ["CH305"]) == []



def test_a_jurisdiction_says_which_days_are_working_days_but_not_the_hours() -> None:
    # a passengers' charity in Great Britain: complaints acknowledged "within five working days",
    # a web form open at all times and no calendar
    gb = "organization:\n  name: Example Water\n  jurisdiction: GB\n"
    days = charter(email(respond="within: 5 working days"), calendar=False)
    assert [code for code, *_ in findings(days, ["CH305"])] == ["CH305"]
    assert findings(days.replace("organization:\n  name: Example Water\n", gb), ["CH305"]) == []
    hours = charter(email(respond="within: 5 working days", resolve="within: 8 business hours"), calendar=False)
    assert findings(hours.replace("organization:\n  name: Example Water\n", gb), ["CH305"]) == [
        ("CH305", 14, 25, '"8 business hours" needs a calendar, but none defines the business week and timezone '
                          "(add one under calendars)"),
    ]

def test_a_calendar_satisfies_business_units() -> None:
    text = charter(email(respond="within: next business day", resolve="within: 10 working days"))
    assert findings(text, ["CH305"]) == []


# --- CH306 acknowledgement-only ---------------------------------------------------------

def test_acknowledgement_only_channel_is_reported_at_the_acknowledge_key() -> None:
    text = charter(email(acknowledge="within: 15 minutes", **{"x-sla": "within: 1 hour"}))
    assert findings(text, ["CH306"]) == [
        ("CH306", 16, 7, 'channel "email" only promises an acknowledgement, which may be automated '
                         "(add a respond or resolve commitment)"),
    ]


def test_acknowledgement_with_an_answer_is_enough() -> None:
    text = charter(email(acknowledge="within: 15 minutes", answer="within: 1 hour"))
    assert findings(text, ["CH306"]) == []


VOICEMAIL_AND_PHONE = """\
channels:
  - id: phone
    type: phone
    hours: office
    commitments:
      answer: {within: 5 rings}
{phone_reply}
  - id: voicemail
    type: voicemail
    hours: always
    commitments:
      acknowledge: {within: 24 hours}
"""


def test_a_voicemail_acknowledged_for_a_phone_line_that_replies_is_not_acknowledgement_only() -> None:
    # a police and crime commissioner's office: out-of-hours messages acknowledged within 24 hours;
    # the phone line responds in full within 20 working days
    replying = VOICEMAIL_AND_PHONE.replace("{phone_reply}", "      respond: {within: 20 working days}")
    assert findings(charter(replying), ["CH306"]) == []
    silent = VOICEMAIL_AND_PHONE.replace("{phone_reply}", "      update: {every: 20 working days}")
    assert findings(charter(silent), ["CH306"]) == [
        ("CH306", 22, 7, 'channel "voicemail" only promises an acknowledgement, which may be automated '
                         "(add a respond or resolve commitment)"),
    ]


# --- CH307 commitment-order ---------------------------------------------------------------

def order(later: str, limit: str, earlier: str, earlier_limit: str) -> str:
    return (f'{later} within "{limit}" is shorter than {earlier} within "{earlier_limit}": '
            f"a later step cannot come sooner (give {later} at least as long as {earlier})")


def test_feedback_respond_sooner_than_acknowledge_is_reported() -> None:
    text = charter(email(respond="within: 2 working days") + dedent("""\
        feedback:
          channels: [email]
          acknowledge: {within: 10 working days}
          respond: {within: 1-5 business days}
        """))
    assert findings(text, ["CH307"]) == [
        ("CH307", 20, 21, order("respond", "1-5 business days", "acknowledge", "10 working days")),
    ]


def test_later_event_is_reported_once_against_the_nearest_earlier_event() -> None:
    text = charter(email(answer="within: 2 hours", respond="within: 4 hours", resolve="within: 1 hour"))
    assert findings(text, ["CH307"]) == [("CH307", 18, 25, order("resolve", "1 hour", "respond", "4 hours"))]


def test_answer_and_acknowledge_are_the_same_step() -> None:
    text = charter(email(answer="within: 2 hours", acknowledge="within: 1 minute", respond="within: 3 hours"))
    assert findings(text, ["CH307"]) == []


def test_incomparable_units_are_not_compared() -> None:
    # working days and hours run on different clocks; bare days compare with nothing
    text = charter(email(acknowledge="within: 3 working days", respond="within: 4 hours", resolve="within: 1 day"))
    assert findings(text, ["CH307"]) == []


# --- CH308 mixed-day-units ----------------------------------------------------------------

def test_mixed_words_are_reported_once_at_the_first_use_of_the_second_word() -> None:
    text = charter(email(acknowledge="within: next working day", respond="within: 2 working days",
                         resolve="within: 10 business days") + dedent("""\
        feedback:
          channels: [email]
          respond: {within: end of next business day}
        """))
    assert findings(text, ["CH308"]) == [
        ("CH308", 18, 25, '"10 business days" uses business units, but "next working day" uses working units: '
                          "they mean the same, so use one word throughout"),
    ]


def test_one_word_throughout_is_consistent() -> None:
    text = charter(email(acknowledge="within: next business day", respond="within: 2 business hours"))
    assert findings(text, ["CH308"]) == []


def test_business_hours_beside_working_days_mix_no_words_for_one_unit() -> None:
    # a conservation authority: mail acknowledged in "2 working days", calls returned in "2 business hours"
    text = charter(email(acknowledge="within: 2 business hours", respond="within: 2 working days"))
    assert findings(text, ["CH308"]) == []
    text = charter(email(acknowledge="within: 2 business hours", respond="within: 4 working hours"))
    assert [finding[:2] for finding in findings(text, ["CH308"])] == [("CH308", 17)]


def test_a_standard_for_a_kind_of_matter_keeps_the_words_of_its_rules() -> None:
    # a retail bank and a building society: complaints answered in "5 working days", payment
    # services complaints in "15 business days", the payment services regulations' own term
    payments = dedent("""\
        standards:
          - id: payments
            matter: complaints about payment services
            commitments:
              resolve: {within: 15 business days}
        """)
    assert findings(charter(email(respond="within: 5 working days") + payments), ["CH308"]) == []
    channels = payments.replace("    matter: complaints about payment services\n", "    channels: [email]\n")
    [(code, line, _, _)] = findings(charter(email(respond="within: 5 working days") + channels), ["CH308"])
    assert (code, line) == ("CH308", 21)

# --- CH309 weak-commitment ------------------------------------------------------------------

def test_best_effort_in_disputes_is_reported_at_the_strength() -> None:
    text = charter(email(respond="within: 2 working days, strength: guarantee") + dedent("""\
        rights:
          disputes:
            process: A manager reviews the decision.
            respond: {within: 10 working days, strength: best_effort}
        """))
    assert findings(text, ["CH309"]) == [
        ("CH309", 20, 50, 'strength "best_effort" is not a promise customers can rely on '
                          '(commit with "will", or "aim" at a limit you report against)'),
    ]


def test_aim_is_the_standard_form_of_a_public_sector_promise() -> None:
    # a food regulator's "we aim to answer calls within 30 seconds"
    text = charter(email(respond="within: 2 working days, strength: aim"))
    assert findings(text, ["CH309"]) == []


def test_will_is_a_commitment() -> None:
    text = charter(email(respond="within: 2 working days, strength: will"))
    assert findings(text, ["CH309"]) == []


def test_hours_not_published_leave_the_missing_working_week_to_ch111() -> None:
    # a building society resolves complaints "within three working days" and publishes no hours
    text = charter(email(respond="within: 3 working days", resolve="within: 10 working days"), calendar=False)
    text = text.replace("hours: always", "hours: not_published")
    assert "not_published" in text
    assert findings(text, ["CH305"]) == []


def test_best_effort_with_its_published_words_is_left_to_ch301() -> None:
    # a building society: "we will endeavour to send our final response within four weeks"
    respond = "within: 4 weeks, strength: best_effort, text: We will endeavour to reply in 4 weeks."
    text = charter(email(respond=respond))
    assert findings(text, ["CH309"]) == []
    assert [code for code, *_ in findings(text, ["CH301", "CH309"])] == ["CH301"]
