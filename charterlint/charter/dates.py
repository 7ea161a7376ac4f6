"""Calendar arithmetic on review dates: parsing, adding months, when a period ends.

Shared by the review rules (CH201-CH203) and the coverage matrix's review status, so both
agree on when a review falls due.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from charterlint.charter.duration import Duration, Scale

_DAY_SECONDS = 86400

DEFAULT_REVIEW_PERIOD = "12 months"  # CH201's default max-age: the review period without a cadence


def parse_date(value: Any) -> dt.date | None:
    """A review date (the loader keeps dates as strings); None if it is not a real date."""
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def add_months(start: dt.date, months: int) -> dt.date:
    """`start` plus calendar months, the day clamped to the end of the month (Jan 31 + 1 = Feb 28/29)."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def is_calendar_period(period: Duration) -> bool:
    """Whether a period has a length on the calendar (not business units, boundaries or rings)."""
    return period.unit == "day" or period.scale is Scale.CONTINUOUS


def due_date(start: dt.date, period: Duration) -> dt.date | None:
    """When a period that began on `start` ends; None if the period is not on the calendar.

    Whole months and years are calendar months (day clamped); anything else continuous
    (weeks, days, fractional months as 30 days ...) is counted in days, rounded down. Bare
    `days` count as calendar days here. Business/working units, boundaries and rings have
    no calendar length. A range uses its upper bound.
    """
    if not is_calendar_period(period):
        return None
    seconds = period.high * _DAY_SECONDS if period.unit == "day" else period.magnitude
    try:
        if period.unit in ("month", "year") and period.high.is_integer():
            return add_months(start, int(period.high) * (12 if period.unit == "year" else 1))
        return start + dt.timedelta(seconds=seconds)
    except (OverflowError, ValueError):
        return dt.date.max  # beyond the calendar: never due
