"""Opening hours in words, from a channel's `hours` and the charter's calendars.

"Monday to Friday, 08:00 to 18:00; Saturday, 09:00 to 13:00 (Europe/London); closed on bank
holidays in England and Wales". Days a calendar does not list, or lists as `closed`, are
closed and left unsaid. Every word comes from `WORDS` (English, keyed `opening.*`), or from a
mapping of the same keys the caller passes (a translation).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from charterlint.charter.dates import MONTH_NAMES, parse_date
from charterlint.charter.views import DAYS, HOURS_ALWAYS, HOURS_NOT_PUBLISHED, hours_calendar

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

WORDS: Mapping[str, str] = {
    **{f"opening.day.{day}": name for day, name in zip(DAYS, _DAY_NAMES)},
    **{f"opening.month.{number}": name for number, name in enumerate(MONTH_NAMES, 1)},
    "opening.date": "{day} {month} {year}",
    "opening.days": "{first} to {last}",
    "opening.two_days": "{first} and {last}",
    "opening.day_hours": "{days}, {hours}",
    "opening.times": "{opens} to {closes}",
    "opening.and": "and",
    "opening.closed_every_day": "closed every day",
    "opening.timezone": "{week} ({timezone})",
    "opening.closed_on": "{week}; closed on {holidays}",
    # the colon scopes "outside" over every day of a week that lists several ("...; Saturday, ...")
    "opening.outside": "outside these hours: {week}",
    "opening.outside_and_holidays": "outside these hours: {week}; and all day on {holidays}",
    "opening.always": "24 hours a day, 7 days a week",
    "opening.not_published": "opening hours not published",
}


def days_words(days: str, words: Mapping[str, str] = WORDS) -> str:
    """`mon-fri` -> `Monday to Friday`, `sat-sun` -> `Saturday and Sunday`, `sat` -> `Saturday`."""
    first, _, last = days.partition("-")
    named = words.get(f"opening.day.{first}", first)
    if not last:
        return named
    next_day = first in DAYS and last in DAYS and DAYS.index(last) - DAYS.index(first) == 1
    return words["opening.two_days" if next_day else "opening.days"].format(
        first=named, last=words.get(f"opening.day.{last}", last))


def day_hours_words(value: Any, words: Mapping[str, str] = WORDS) -> str:
    """`08:00-18:00` -> `08:00 to 18:00`; a split day joined with `and`; '' for closed."""
    if value == "closed":
        return ""
    ranges = [str(item).partition("-") for item in (value if isinstance(value, list) else [value])]
    return f" {words['opening.and']} ".join(words["opening.times"].format(opens=opens, closes=closes)
                                            for opens, _, closes in ranges)


def date_words(day: dt.date, words: Mapping[str, str] = WORDS) -> str:
    """`25 December 2026`."""
    return words["opening.date"].format(day=day.day, month=words[f"opening.month.{day.month}"], year=day.year)


def join_words(items: list[str], words: Mapping[str, str] = WORDS) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {words['opening.and']} " + items[-1]


def holidays_words(holidays: Any, words: Mapping[str, str] = WORDS) -> str:
    """`bank holidays in England`, or the dates listed; '' when none are given."""
    if isinstance(holidays, str) and holidays.strip():
        return " ".join(holidays.split())
    if isinstance(holidays, list):
        return join_words([date_words(day, words) for day in map(parse_date, holidays) if day is not None], words)
    return ""


def week_words(calendar: Mapping[str, Any], words: Mapping[str, str] = WORDS) -> str:
    """A calendar's open days and hours, with its time zone."""
    opening = calendar.get("open")
    days = [words["opening.day_hours"].format(days=days_words(str(days), words), hours=hours)
            for days, value in (opening.items() if isinstance(opening, dict) else ())
            if (hours := day_hours_words(value, words))]
    week = "; ".join(days) or words["opening.closed_every_day"]
    timezone = calendar.get("timezone")
    return words["opening.timezone"].format(week=week, timezone=timezone) if isinstance(timezone, str) else week


def calendar_words(calendar: Mapping[str, Any], words: Mapping[str, str] = WORDS) -> str:
    """A calendar's week and holidays in words."""
    holidays = holidays_words(calendar.get("holidays"), words)
    week = week_words(calendar, words)
    return words["opening.closed_on"].format(week=week, holidays=holidays) if holidays else week


def hours_words(hours: Any, calendars: Mapping[str, Mapping[str, Any]], words: Mapping[str, str] = WORDS) -> str:
    """A channel's or self-service option's `hours` in words."""
    if hours == HOURS_ALWAYS:
        return words["opening.always"]
    calendar = calendars.get(hours_calendar(hours) or "")
    if hours == HOURS_NOT_PUBLISHED or calendar is None:
        return words["opening.not_published"]
    if not isinstance(hours, dict):
        return calendar_words(calendar, words)
    # {outside: office}: the out-of-hours service
    holidays = holidays_words(calendar.get("holidays"), words)
    week = week_words(calendar, words)
    return words["opening.outside_and_holidays"].format(week=week, holidays=holidays) if holidays \
        else words["opening.outside"].format(week=week)
