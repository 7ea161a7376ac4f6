"""Invalid values the JSON Schema cannot express: real time zones, opening hours that open
before they close, ranges whose low end is the lower."""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator
from functools import cache
from typing import Any

from charterlint.charter.views import charter_index
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import join
from charterlint.source.problem_kinds import INVALID_VALUE


@cache
def _zone_database_present() -> bool:
    """Without a time zone database (Windows without `tzdata`) no zone can be checked."""
    return bool(zoneinfo.available_timezones())


def _unknown_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return _zone_database_present()
    return False


def _time_ranges(open_hours: Any, pointer: str) -> Iterator[tuple[str, str]]:
    if not isinstance(open_hours, dict):
        return
    for days, hours in open_hours.items():
        if isinstance(hours, str):
            yield join(pointer, days), hours
        elif isinstance(hours, list):
            yield from ((join(pointer, days, i), h) for i, h in enumerate(hours) if isinstance(h, str))


def _calendar_problems(data: dict[str, Any]) -> Iterator[Problem]:
    calendars = data.get("calendars")
    for index, calendar in enumerate(calendars if isinstance(calendars, list) else ()):
        if not isinstance(calendar, dict):
            continue
        pointer = join("/calendars", index)
        zone = calendar.get("timezone")
        if isinstance(zone, str) and _unknown_zone(zone):
            yield Problem(f'"{zone}" is not an IANA time zone: expected e.g. "Europe/London"',
                          join(pointer, "timezone"), kind=INVALID_VALUE)
        for where, hours in _time_ranges(calendar.get("open"), join(pointer, "open")):
            opens, _, closes = hours.partition("-")
            if closes and closes <= opens:
                yield Problem(f'"{hours}" closes before it opens: give opening then closing time,'
                              ' e.g. "08:30-17:00" (a night service: split it at midnight)', where, kind=INVALID_VALUE)


def value_problems(document: Document) -> Iterator[Problem]:
    """Problems with values that have the right form but cannot be meant (any data: the engine
    keeps those outside the parts that failed the schema)."""
    yield from _calendar_problems(document.data)
    for pointer, duration in charter_index(document).durations:
        if duration.is_range and duration.low > duration.high:
            yield Problem(f'"{duration.text}" is a range whose first number is the larger:'
                          f' write it low to high, e.g. "{_swapped(duration.text)}"', pointer, kind=INVALID_VALUE)


def _swapped(text: str) -> str:
    numbers, _, unit = text.partition(" ")
    low, _, high = numbers.partition("-")
    return f"{high}-{low} {unit}"

