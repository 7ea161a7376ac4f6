"""Opening hours as minutes per weekday, and what a change to them takes away or adds.

A calendar's `open` maps days or day ranges (`mon-fri`, `sat`, a wrapping `sat-mon`) to
`HH:MM-HH:MM`, a list of ranges, or `closed`; days not listed are closed, and a later entry for
a day replaces an earlier one (`mon-fri` then `fri: closed`). A channel's `hours` is `always`
(every minute), a calendar, `{outside: calendar}` (every minute the calendar is closed) or
`not_published` (unknown: not compared).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from charterlint.charter.views import DAYS, HOURS_ALWAYS, HOURS_NOT_PUBLISHED

_DAY_MINUTES = 24 * 60
Week = tuple[frozenset[int], ...]  # the open minutes of each day, Monday first
ALWAYS: Week = tuple(frozenset(range(_DAY_MINUTES)) for _ in DAYS)


def _days(key: str) -> list[int]:
    first, _, last = key.partition("-")
    if first not in DAYS or (last and last not in DAYS):
        return []  # an x- extension
    start, end = DAYS.index(first), DAYS.index(last or first)
    return [(start + step) % 7 for step in range((end - start) % 7 + 1)]


def _minutes(text: str) -> int:
    hours, _, minutes = text.partition(":")
    return int(hours) * 60 + int(minutes)


def _ranges(value: Any) -> frozenset[int]:
    texts = value if isinstance(value, list) else [value]
    open_minutes: set[int] = set()
    for text in texts:
        if isinstance(text, str) and text != "closed" and "-" in text:
            opens, _, closes = text.partition("-")
            open_minutes.update(range(_minutes(opens), _minutes(closes)))
    return frozenset(open_minutes)


def calendar_week(calendar: Mapping[str, Any]) -> Week:
    """The open minutes of each weekday of a calendar entry."""
    week: list[frozenset[int]] = [frozenset() for _ in DAYS]
    opening = calendar.get("open")
    for key, value in (opening.items() if isinstance(opening, dict) else ()):
        for day in _days(str(key)):
            week[day] = _ranges(value)
    return tuple(week)


def channel_week(hours: Any, calendars: Mapping[str, Mapping[str, Any]]) -> Week | None:
    """The minutes a channel is open, from its `hours`; None when they cannot be known."""
    if hours == HOURS_ALWAYS:
        return ALWAYS
    if hours == HOURS_NOT_PUBLISHED:
        return None
    outside = isinstance(hours, dict)
    calendar = calendars.get(str(hours.get("outside") if outside else hours))
    if calendar is None:
        return None
    week = calendar_week(calendar)
    return tuple(ALWAYS[day] - week[day] for day in range(7)) if outside else week


@dataclass(frozen=True, slots=True)
class WeekChange:
    """Minutes lost and gained on each weekday (Monday first)."""

    lost: tuple[int, ...]
    gained: tuple[int, ...]

    @property
    def reduced(self) -> bool:
        return any(self.lost)

    @property
    def extended(self) -> bool:
        return any(self.gained)

    def describe_lost(self) -> str:
        """`mon-fri 30 minutes, sat 180 minutes`: the minutes lost, days with the same loss grouped."""
        return _describe(self.lost)

    def describe_gained(self) -> str:
        return _describe(self.gained)


def compare_weeks(old: Week, new: Week) -> WeekChange:
    return WeekChange(tuple(len(old[d] - new[d]) for d in range(7)), tuple(len(new[d] - old[d]) for d in range(7)))


def _describe(minutes: tuple[int, ...]) -> str:
    parts: list[str] = []
    day = 0
    while day < 7:
        end = day
        while end + 1 < 7 and minutes[end + 1] == minutes[day]:
            end += 1
        if minutes[day]:
            days = DAYS[day] if end == day else f"{DAYS[day]}-{DAYS[end]}"
            parts.append(f"{days} {_amount(minutes[day])}")
        day = end + 1
    return ", ".join(parts)


def _amount(minutes: int) -> str:
    """`30 minutes`, `3 hours`, `8 hours 30 minutes`."""
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour" + ("s" if hours != 1 else "")] if hours else []
    parts += [f"{rest} minute" + ("s" if rest != 1 else "")] if rest else []
    return " ".join(parts)
