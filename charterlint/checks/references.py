"""CH020 unknown-reference and CH021 duplicate-id."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from charterlint.charter.subjects import closest
from charterlint.charter.views import Channel, charter_index, hours_calendar
from charterlint.checks.context import Context
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import join

_ID_LISTS = {"channels": "channel", "calendars": "calendar", "self_service": "self-service entry",
             "standards": "standard"}


def _ids(data: dict[str, Any], section: str) -> set[str]:
    entries = data.get(section)
    if not isinstance(entries, list):
        return set()
    return {str(e["id"]) for e in entries if isinstance(e, dict) and "id" in e}


def _channel_references(data: dict[str, Any], channels: tuple[Channel, ...]) -> Iterator[tuple[str, Any]]:
    """Every value that names a channel, with its pointer."""
    for channel in channels:
        follow_up = channel.data.get("human_follow_up")
        if isinstance(follow_up, dict) and follow_up.get("via") not in (None, "same channel"):
            yield join(channel.pointer, "human_follow_up", "via"), follow_up["via"]
        if "handoff_to" in channel.data:
            yield join(channel.pointer, "handoff_to"), channel.data["handoff_to"]
    lists: list[tuple[str, Any]] = []
    for index, entry in enumerate(data.get("self_service") or []):
        if isinstance(entry, dict):
            lists.append((join("/self_service", index, "available_via"), entry.get("available_via")))
    for index, entry in enumerate(data.get("standards") or []):
        if isinstance(entry, dict):
            lists.append((join("/standards", index, "channels"), entry.get("channels")))
    feedback = data.get("feedback")
    if isinstance(feedback, dict):
        lists.append(("/feedback/channels", feedback.get("channels")))
    escalation = data.get("escalation")
    stages = escalation.get("stages") if isinstance(escalation, dict) else None
    for index, stage in enumerate(stages or []):
        if isinstance(stage, dict):
            lists.append((join("/escalation/stages", index, "via"), stage.get("via")))
    for pointer, values in lists:
        if isinstance(values, list):
            for index, value in enumerate(values):
                yield join(pointer, index), value


def _calendar_references(data: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for section in ("channels", "self_service"):
        for index, entry in enumerate(data.get(section) or []):
            hours = entry.get("hours") if isinstance(entry, dict) else None
            calendar = hours_calendar(hours)
            if calendar is not None:
                yield join(f"/{section}", index, "hours", *(["outside"] if isinstance(hours, dict) else [])), calendar
    if "business_calendar" in data:
        yield "/business_calendar", data["business_calendar"]


def _hint(value: str, known: set[str], section: str) -> str:
    close = closest(value, sorted(known))
    if close:
        return f'did you mean "{close}"?'
    if not known:
        return f"no {section} are defined"
    return f"{section}: " + ", ".join(f'"{i}"' for i in sorted(known))


def unknown_references(document: Document, context: Context) -> Iterator[Problem]:
    data = document.data
    channel_ids, calendar_ids = _ids(data, "channels"), _ids(data, "calendars")
    for pointer, value in _channel_references(data, charter_index(document).channels):
        if str(value) not in channel_ids:
            hint = _hint(str(value), channel_ids, "channels")
            yield Problem(f'"{value}" is not the id of a channel ({hint})', pointer)
    for pointer, value in _calendar_references(data):
        if str(value) not in calendar_ids:
            hint = _hint(str(value), calendar_ids, "calendars")
            if not calendar_ids:
                hint += '; use "always" or add one under calendars'
            yield Problem(f'"{value}" is not the id of a calendar ({hint})', pointer)


def duplicate_ids(document: Document, context: Context) -> Iterator[Problem]:
    """CH021: an id used before in the same list, at its second use, naming the line of the first."""
    for section, noun in _ID_LISTS.items():
        first_index: dict[str, int] = {}
        for index, entry in enumerate(document.data.get(section) or []):
            if not isinstance(entry, dict) or "id" not in entry:
                continue
            entry_id = str(entry["id"])
            if entry_id in first_index:
                first = document.locate(join(f"/{section}", first_index[entry_id], "id")).start.line
                yield Problem(
                    f'{noun} id "{entry_id}" is already used on line {first}: rename one (ids must be unique)',
                    join(f"/{section}", index, "id"),
                )
            else:
                first_index[entry_id] = index
