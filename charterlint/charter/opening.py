"""Opening hours in words, from a channel's `hours` and the charter's calendars.

"Monday to Friday, 08:00 to 18:00; Saturday, 09:00 to 13:00 (Europe/London); closed on bank
holidays in England and Wales". Days a calendar does not list, or lists as `closed`, are
closed and left unsaid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from charterlint.charter.dates import parse_date
from charterlint.charter.views import HOURS_ALWAYS, HOURS_NOT_PUBLISHED, hours_calendar

DAY_NAMES: Mapping[str, str] = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
                                "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}
ALWAYS_WORDS = "24 hours a day, 7 days a week"
NOT_PUBLISHED_WORDS = "opening hours not published"


def calendars_by_id(data: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """The charter's calendars by id."""
    entries = data.get("calendars")
    if not isinstance(entries, list):
        return {}
    return {str(entry.get("id")): entry for entry in entries if isinstance(entry, dict)}


def days_words(days: str) -> str:
    """`mon-fri` -> `Monday to Friday`, `sat` -> `Saturday`."""
    first, _, last = days.partition("-")
    named = DAY_NAMES.get(first, first)
    if not last:
        return named
    order = list(DAY_NAMES)
    next_day = first in order and last in order and order.index(last) - order.index(first) == 1
    return f"{named} {'and' if next_day else 'to'} {DAY_NAMES.get(last, last)}"


def day_hours_words(value: Any) -> str:
    """`08:00-18:00` -> `08:00 to 18:00`; a split day joined with `and`; '' for closed."""
    if value == "closed":
        return ""
    ranges = value if isinstance(value, list) else [value]
    return " and ".join(str(item).replace("-", " to ", 1) for item in ranges)


def _date_words(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def holidays_words(holidays: Any) -> str:
    """`bank holidays in England`, or the dates listed; '' when none are given."""
    if isinstance(holidays, str) and holidays.strip():
        return " ".join(holidays.split())
    if isinstance(holidays, list):
        return join_words([_date_words(day) for day in map(parse_date, holidays) if day is not None])
    return ""


def join_words(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def week_words(calendar: Mapping[str, Any]) -> str:
    """A calendar's open days and hours, with its time zone."""
    opening = calendar.get("open")
    days = [f"{days_words(str(days))}, {hours}" for days, value in (opening.items() if isinstance(opening, dict) else ())
            if (hours := day_hours_words(value))]
    words = "; ".join(days) or "closed every day"
    timezone = calendar.get("timezone")
    return f"{words} ({timezone})" if isinstance(timezone, str) else words


def calendar_words(calendar: Mapping[str, Any]) -> str:
    """A calendar's week and holidays in words."""
    holidays = holidays_words(calendar.get("holidays"))
    week = week_words(calendar)
    return f"{week}; closed on {holidays}" if holidays else week


def hours_words(hours: Any, calendars: Mapping[str, Mapping[str, Any]]) -> str:
    """A channel's or self-service option's `hours` in words."""
    if hours == HOURS_ALWAYS:
        return ALWAYS_WORDS
    if hours == HOURS_NOT_PUBLISHED or hours is None:
        return NOT_PUBLISHED_WORDS
    calendar_id = hours_calendar(hours)
    calendar = calendars.get(calendar_id or "")
    if calendar is None:
        return NOT_PUBLISHED_WORDS
    if isinstance(hours, dict):  # {outside: office}: the out-of-hours service
        holidays = holidays_words(calendar.get("holidays"))
        return f"outside {week_words(calendar)}" + (f", and all day on {holidays}" if holidays else "")
    return calendar_words(calendar)
