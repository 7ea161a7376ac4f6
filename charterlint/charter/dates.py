"""Calendar arithmetic on review dates: parsing, adding months, when a period ends.

Shared by the review rules (CH201-CH203) and the coverage matrix's review status, so both
agree on when a review falls due.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
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


# Dates in prose ("14 August 2023", "August 14, 2023", "14/08/2023", "January 2023"), found for
# `charterlint import`'s review date. Numeric dates are read day first, as in the UK and most
# of the world; a month without a day is its first day, and says so (`exact` is False).
# English names, written out: calendar.month_name follows the process's locale (and calls strftime
# 24 times at import).
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
_MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, 1)} | {
    name[:3]: number for number, name in enumerate(MONTH_NAMES, 1)} | {"Sept": 9}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
@cache
def _prose_dates() -> tuple[re.Pattern[str], ...]:
    """The patterns, compiled when `import` first asks (a few milliseconds no `check` needs)."""
    return (
        re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),
        re.compile(r"(?<!\d)" + _DAY + r"[/.](?P<month>[01]?\d)[/.]" + _YEAR + r"(?!\d)"),
        re.compile(r"(?<!\w)" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"(?!\d)", re.IGNORECASE),
        re.compile(r"(?<!\w)" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"(?!\d)", re.IGNORECASE),
        re.compile(r"(?<!\w)" + _MONTH + r",?\s+" + _YEAR + r"(?!\d)", re.IGNORECASE),
    )


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date written in prose: where it is in the text (start, end), the date, and whether a day was given."""

    start: int
    end: int
    date: dt.date
    exact: bool


def _month_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    for name, number in _MONTHS.items():
        if name.lower() == text.lower():
            return number
    return None


def dates_in(text: str) -> list[FoundDate]:
    """Every real date written in `text`, in order of position (a date read once, by its longest form)."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _prose_dates():
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            groups = match.groupdict()
            month = _month_number(match["month"])
            day = int(groups["day"]) if groups.get("day") else 1
            taken.append((match.start(), match.end()))  # "31 February 2023" is no date, nor "February 2023"
            try:
                date = dt.date(int(match["year"]), month or 0, day)
            except ValueError:
                continue
            found.append(FoundDate(match.start(), match.end(), date, groups.get("day") is not None))
    return sorted(found, key=lambda item: item.start)
