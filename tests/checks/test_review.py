"""CH201-CH205: review dates, cadence and obsolete channels."""

from __future__ import annotations

import datetime as dt
from textwrap import dedent, indent

import pytest

from charterlint.charter.dates import add_months, due_date
from charterlint.charter.duration import parse_duration
from tests.helpers import ANSWERED_PHONE_HEAD, CHARTER_HEAD, REVIEW, findings

REVIEW_CODES = ["CH201", "CH202", "CH203", "CH204"]


def charter(rest: str) -> str:
    """ANSWERED_PHONE_HEAD is 12 lines: the sections under test start on line 13."""
    return ANSWERED_PHONE_HEAD + dedent(rest)


def review(last: str, **fields: str) -> str:
    lines = [f"  last_reviewed: {last}"] + [f"  {k}: {v}" for k, v in fields.items()]
    return charter("review:\n" + "\n".join(lines) + "\n")


def stale(last: str, named: str, due: str) -> str:
    return (f'last review "{last}" is older than {named}: the next review was due by {due} '
            "(review the charter and update review.last_reviewed)")


# --- date arithmetic -------------------------------------------------------------------

@pytest.mark.parametrize(("start", "months", "expected"), [
    ("2025-08-31", 6, "2026-02-28"),
    ("2023-08-31", 6, "2024-02-29"),
    ("2024-02-29", 12, "2025-02-28"),
    ("2025-01-31", 1, "2025-02-28"),
    ("2025-11-15", 2, "2026-01-15"),
    ("2025-03-10", 0, "2025-03-10"),
])
def test_add_months_clamps_the_day_to_the_end_of_the_month(start: str, months: int, expected: str) -> None:
    assert add_months(dt.date.fromisoformat(start), months) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(("period", "expected"), [
    ("12 months", "2025-02-28"),
    ("1 year", "2025-02-28"),
    ("2 weeks", "2024-03-14"),
    ("30 days", "2024-03-30"),
    ("30 calendar days", "2024-03-30"),
    ("1.5 months", "2024-04-14"),
    ("48 hours", "2024-03-02"),
    ("6-12 months", "2025-02-28"),
])
def test_due_date_counts_calendar_periods(period: str, expected: str) -> None:
    duration = parse_duration(period)
    assert duration is not None
    assert due_date(dt.date(2024, 2, 29), duration) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize("period", ["20 working days", "10 business hours", "next business day", "same day", "3 rings"])
def test_due_date_has_no_answer_for_business_units_boundaries_and_rings(period: str) -> None:
    duration = parse_duration(period)
    assert duration is not None
    assert due_date(dt.date(2024, 2, 29), duration) is None


def test_due_date_beyond_the_calendar_is_never_reached() -> None:
    duration = parse_duration("99999 years")
    assert duration is not None
    assert due_date(dt.date(2024, 2, 29), duration) == dt.date.max


# --- CH201 stale-review ----------------------------------------------------------------

def test_stale_review_clamps_a_month_end_review_date() -> None:
    text = review("2025-05-31", cadence="6 months")
    assert findings(text, ["CH201"]) == [
        ("CH201", 14, 18, stale("2025-05-31", 'the review cadence "6 months"', "2025-11-30")),
    ]


def test_stale_review_is_not_reported_on_the_due_date() -> None:
    assert findings(review("2025-07-01", cadence="6 months"), ["CH201"]) == []


def test_stale_review_max_age_option_applies_without_cadence() -> None:
    text = review("2025-06-01")
    assert findings(text, ["CH201"]) == []
    assert findings(text, ["CH201"], options={"CH201": {"max-age": "26 weeks"}}) == [
        ("CH201", 14, 18, stale("2025-06-01", 'the max-age "26 weeks"', "2025-11-30")),
    ]


def test_stale_review_cadence_overrides_the_max_age_option() -> None:
    text = review("2025-06-01", cadence="12 months")
    assert findings(text, ["CH201"], options={"CH201": {"max-age": "3 months"}}) == []


def test_stale_review_falls_back_to_max_age_for_a_business_unit_cadence() -> None:
    text = review("2024-12-01", cadence="20 working days")
    assert findings(text, ["CH201"]) == [
        ("CH201", 14, 18, stale(
            "2024-12-01",
            'the max-age "12 months" (cadence "20 working days" is not a calendar period)',
            "2025-12-01",
        )),
    ]
    assert findings(review("2025-06-01", cadence="20 working days"), ["CH201"]) == []


def test_stale_review_counts_bare_days_as_calendar_days() -> None:
    assert findings(review("2025-12-01", cadence="30 days"), ["CH201"]) == [
        ("CH201", 14, 18, stale("2025-12-01", 'the review cadence "30 days"', "2025-12-31")),
    ]
    assert findings(review("2025-12-02", cadence="30 days"), ["CH201"]) == []


def test_stale_review_uses_the_upper_bound_of_a_range_cadence() -> None:
    assert findings(review("2025-03-01", cadence="6-12 months"), ["CH201"]) == []
    assert findings(review("2024-12-01", cadence="6-12 months"), ["CH201"]) == [
        ("CH201", 14, 18, stale("2024-12-01", 'the review cadence "6-12 months"', "2025-12-01")),
    ]


def test_stale_review_reads_a_quoted_date_like_an_unquoted_one() -> None:
    assert findings(review('"2024-06-01"'), ["CH201"]) == [
        ("CH201", 14, 18, stale("2024-06-01", 'the max-age "12 months"', "2025-06-01")),
    ]


def test_stale_review_with_an_unusable_max_age_option_is_an_internal_error() -> None:
    result = findings(review("2025-06-01"), ["CH201", "CH000"], options={"CH201": {"max-age": "2 business days"}})
    assert [(code, line, col) for code, line, col, _ in result] == [("CH000", 1, 1)]
    assert 'max-age "2 business days" is not a calendar duration' in result[0][3]


# --- CH202 next-review-overdue ---------------------------------------------------------

def test_next_review_overdue_reports_a_date_before_today() -> None:
    text = review("2025-06-01", next_review="2025-12-31")
    assert findings(text, ["CH202"]) == [
        ("CH202", 15, 16, 'next review "2025-12-31" is overdue (today is 2026-01-01: '
                          "review the charter and set a new review.next_review)"),
    ]


def test_next_review_due_today_is_not_overdue() -> None:
    assert findings(review("2025-06-01", next_review="2026-01-01"), ["CH202"]) == []


# --- CH203 review-date-in-future -------------------------------------------------------

def test_review_date_in_future_reports_only_the_future_date() -> None:
    text = review("2025-06-01", published="2026-01-02", next_review="2027-01-01")
    assert findings(text, ["CH203"]) == [
        ("CH203", 15, 14, 'published "2026-01-02" is after today (2026-01-01): '
                          "a publication date cannot be in the future (give the date it took place)"),
    ]


def test_review_dated_today_is_not_in_the_future() -> None:
    assert findings(review("2026-01-01", published="2026-01-01"), ["CH203"]) == []


def test_review_date_in_future_is_not_also_stale() -> None:
    text = review("2026-03-01")
    assert [f[0] for f in findings(text, ["CH201", "CH203"])] == ["CH203"]


# --- CH204 review-cadence-missing ------------------------------------------------------

def test_review_cadence_missing_points_at_the_review_key() -> None:
    assert findings(review("2025-06-01", owner="Head of Customer Experience"), ["CH204"]) == [
        ("CH204", 13, 1, 'review has neither cadence nor next_review (add review.cadence, e.g. "12 months", '
                         "or review.next_review)"),
    ]


@pytest.mark.parametrize("fields", [{"cadence": "12 months"}, {"next_review": "2026-06-01"}])
def test_review_cadence_or_next_review_alone_is_enough(fields: dict[str, str]) -> None:
    assert findings(review("2025-06-01", **fields), ["CH204"]) == []


def test_review_rules_read_markdown_front_matter() -> None:
    text = "---\n" + review("2024-06-01", next_review="2025-06-01") + "---\n# Our charter\n"
    assert findings(text, REVIEW_CODES, filename="c.charter.md", preset="strict") == [
        ("CH201", 15, 18, stale("2024-06-01", 'the max-age "12 months"', "2025-06-01")),
        ("CH202", 16, 16, 'next review "2025-06-01" is overdue (today is 2026-01-01: '
                          "review the charter and set a new review.next_review)"),
    ]


# --- CH205 obsolete-channel ------------------------------------------------------------

def channels_charter(entries: str) -> str:
    """CHARTER_HEAD is six lines and `channels:` the seventh: channel entries start on line 8."""
    return CHARTER_HEAD + "channels:\n" + indent(dedent(entries), "  ") + REVIEW


def test_obsolete_channel_fax_type_is_reported_once_at_the_type() -> None:
    text = channels_charter("""\
      - id: fax
        type: fax
        name: Fax
        address: "Fax: 0345 600 1299"
        hours: always
    """)
    assert findings(text, ["CH205"]) == [
        ("CH205", 9, 11, 'channel "fax" has type "fax": fax is rarely used now '
                         "(check customers still use it, or replace the channel)"),
    ]


def test_fax_is_current_where_the_jurisdiction_still_uses_it() -> None:
    # a Boston teaching hospital takes complaints by fax, email or letter: an ordinary channel in the
    # US, no sign of an unreviewed charter; a UK charter's fax and any Minicom are still reported
    fax = """\
      - id: fax
        type: fax
        name: Fax or Minicom
        hours: always
    """
    us = channels_charter(fax).replace("  name: Example Water\n", "  name: Example Water\n  jurisdiction: US-MA\n")
    assert [(code, line, column) for code, line, column, _ in findings(us, ["CH205"])] == [("CH205", 11, 11)]
    assert 'names "Minicom"' in findings(us, ["CH205"])[0][3]
    only_fax = us.replace("Fax or Minicom", "Complaints fax")
    assert findings(only_fax, ["CH205"]) == []
    gb = only_fax.replace("US-MA", "GB")
    assert [(code, line) for code, line, _, _ in findings(gb, ["CH205"])] == [("CH205", 10)]
    # German public bodies and practices still take documents by fax; Ireland is judged as the UK
    assert findings(only_fax.replace("US-MA", "DE-BY"), ["CH205"]) == []
    ireland = only_fax.replace("US-MA", "IE")
    assert [(code, line) for code, line, _, _ in findings(ireland, ["CH205"])] == [("CH205", 10)]


def test_obsolete_channel_reports_the_first_matching_field_in_order() -> None:
    text = channels_charter("""\
      - id: social
        type: social_media
        name: Social media
        platform: twitter
        address: https://twitter.com/examplewater
        hours: always
      - id: textphone
        type: phone
        address: MINICOM 0345 600 1235
        hours: always
      - id: telex
        type: post
        name: Telex and post room
        hours: always
    """)
    assert findings(text, ["CH205"]) == [
        ("CH205", 11, 15, 'channel "social" platform "twitter" names "twitter": '
                          "Twitter is now X (update the channel's name, platform and address)"),
        ("CH205", 16, 14, 'channel "textphone" address "MINICOM 0345 600 1235" names "MINICOM": '
                          "Minicom textphones have given way to text relay (offer a relay service instead)"),
        ("CH205", 20, 11, 'channel "telex" name "Telex and post room" names "Telex": '
                          "telex services have closed (remove or replace the channel)"),
    ]


def test_obsolete_channel_matches_whole_words_only() -> None:
    text = channels_charter("""\
      - id: relay
        type: phone
        name: Relay for former minicomputer and fax-machine users
        hours: always
      - id: post
        type: post
        name: Faxes are no longer accepted
        address: Fairfax House, Twitterton Road
        hours: always
    """)
    result = findings(text, ["CH205"])
    # "fax-machine" contains "fax" as a whole word; "minicomputer", "Faxes", "Fairfax" and
    # "Twitterton" do not.
    assert result == [
        ("CH205", 10, 11, 'channel "relay" name "Relay for former minicomputer and fax-machine users" '
                          'names "fax": fax is rarely used now (check customers still use it, or replace the channel)'),
    ]


def test_obsolete_channel_x_is_current() -> None:
    text = channels_charter("""\
      - id: social
        type: social_media
        name: X (formerly known by another name)
        platform: x
        address: https://x.com/examplewater
        hours: always
    """)
    assert findings(text, ["CH205"]) == []


def test_an_overdue_review_is_left_to_ch201_not_asked_for_a_cadence_too() -> None:
    # an NHS trust's page last reviewed in January 2023: review it first (CH201), and that review sets the next
    text = review("2023-01-01")
    assert findings(text, ["CH201", "CH204"]) == [
        ("CH201", 14, 18, stale("2023-01-01", 'the max-age "12 months"', "2024-01-01")),
    ]
