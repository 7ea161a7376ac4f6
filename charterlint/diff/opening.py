"""Changes to opening hours: a calendar kept by id that opens fewer minutes on a weekday or closes
on more holidays, and a channel whose `hours` now names fewer open minutes (diff.hours counts them).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from charterlint.charter.subjects import show_value
from charterlint.charter.views import CharterIndex, calendars_by_id, channels
from charterlint.diff.change import HOURS_REDUCED, INCOMPARABLE, STRENGTHENED, Change
from charterlint.diff.hours import Week, calendar_week, channel_week, compare_weeks
from charterlint.diff.sections import mappings
from charterlint.source.pointer import join


def _week_change(subject: str, old: Week, new: Week, pointer: str, identity: str,
                 anchor: str = "value") -> Iterator[Change]:
    change = compare_weeks(old, new)
    if change.reduced:
        gained = f"; gains {change.describe_gained()}" if change.extended else ""
        yield Change(HOURS_REDUCED, f"reduced: {subject} open less: loses {change.describe_lost()}{gained}",
                     pointer, f"{identity}|{change.lost}|{change.gained}", anchor)
    elif change.extended:
        yield Change(STRENGTHENED, f"extended: {subject} open longer: gains {change.describe_gained()}",
                     pointer, f"{identity}|{change.gained}", anchor)


def _business_calendar(data: Mapping[str, Any]) -> str | None:
    """The calendar working and business units count on: `business_calendar`, else the first."""
    named = data.get("business_calendar")
    if isinstance(named, str):
        return named
    first = next(iter(calendars_by_id(data)), None)
    return first


def business_calendar_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    """Working and business days that now count on another calendar: every such limit changes
    length in a way no comparison of the limits shows."""
    before, after = _business_calendar(old), _business_calendar(new)
    if before is None or after is None or before == after:
        return
    if not any(duration.business_word for _, duration in CharterIndex.of(dict(new)).durations):
        return
    pointer = "/business_calendar" if "business_calendar" in new else "/calendars/0/id"
    yield Change(INCOMPARABLE, f"changed, cannot compare: working and business days count on calendar"
                               f" {show_value(after)}, not {show_value(before)} (every limit in them changes length)",
                 pointer, f"business_calendar|{before}|{after}")


def hours_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    """Calendars that open less (per weekday) or gain holidays; channels whose `hours` now name
    fewer open minutes."""
    before, after = calendars_by_id(old), calendars_by_id(new)
    for index, calendar in mappings(new.get("calendars")):
        calendar_id = str(calendar.get("id"))
        previous = before.get(calendar_id)
        if previous is None:
            continue
        pointer = join("/calendars", index)
        subject = f'calendar "{calendar_id}"'
        if previous.get("timezone") != calendar.get("timezone"):
            yield Change(INCOMPARABLE, f"changed, cannot compare: {subject} timezone {show_value(previous.get('timezone'))}"
                                       f" -> {show_value(calendar.get('timezone'))} (the hours are in another zone)",
                         join(pointer, "timezone"), f"calendar:{calendar_id}|timezone")
        else:
            yield from _week_change(subject, calendar_week(previous), calendar_week(calendar), join(pointer, "open"),
                                    f"calendar:{calendar_id}", "key")
        yield from _holiday_changes(subject, previous.get("holidays"), calendar.get("holidays"), pointer,
                                    f"calendar:{calendar_id}")
    old_hours = {c.id: c.data.get("hours") for c in channels(dict(old))}
    for channel in channels(dict(new)):
        had, has = old_hours.get(channel.id), channel.data.get("hours")
        if channel.id not in old_hours or had == has:
            continue
        old_week, new_week = channel_week(had, before), channel_week(has, after)
        subject = f'channel "{channel.id}"'
        pointer = join(channel.pointer, "hours")
        if old_week is None or new_week is None:
            yield Change(INCOMPARABLE, f"changed, cannot compare: {subject} hours {_hours(had)} -> {_hours(has)}"
                                       " (the hours are not published, or name no calendar)", pointer, f"channel:{channel.id}|hours|{had}|{has}")
        else:
            yield from _week_change(f"{subject} (hours {_hours(had)} -> {_hours(has)})", old_week, new_week,
                                    pointer, f"channel:{channel.id}|hours")


def _hours(value: Any) -> str:
    """A channel's `hours` as a message shows it: `"office"`, `outside "office"`."""
    if isinstance(value, dict):
        return f"outside {show_value(value.get('outside'))}"
    return show_value(value)


def _holiday_changes(subject: str, had: Any, has: Any, pointer: str, identity: str) -> Iterator[Change]:
    if had == has:
        return
    where = join(pointer, "holidays") if has is not None else pointer
    if had is None and isinstance(has, list):
        had = []  # no holidays before: every listed date is a day closed now
    if isinstance(had, list) and isinstance(has, list):
        added = sorted(set(map(str, has)) - set(map(str, had)))
        if added:
            shown = ", ".join(added[:5]) + (f" and {len(added) - 5} more" if len(added) > 5 else "")
            yield Change(HOURS_REDUCED, f"reduced: {subject} closes on more holidays: {shown}", where,
                         f"{identity}|holidays|+{','.join(added)}")
        elif set(map(str, had)) - set(map(str, has)):
            yield Change(STRENGTHENED, f"extended: {subject} closes on fewer holidays", where, f"{identity}|holidays|-")
    elif had is None:
        yield Change(HOURS_REDUCED, f"reduced: {subject} closes on holidays now: {show_value(has)}", where,
                     f"{identity}|holidays|added")
    elif has is not None:
        yield Change(INCOMPARABLE, f"changed, cannot compare: {subject} holidays {show_value(had)} -> {show_value(has)}",
                     where, f"{identity}|holidays|{had}|{has}")
