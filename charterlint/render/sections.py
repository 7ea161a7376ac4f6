"""The page model's smaller sections: self-service, feedback, escalation, performance, review.

Each is a function of one part of a schema-valid charter, the channels' display names and the
message catalogue; none reads the file or knows of rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from charterlint.charter import opening, wording
from charterlint.charter.dates import due_date, parse_date
from charterlint.charter.duration import parse_duration
from charterlint.render.messages import label


def text(mapping: Any, key: str) -> str:
    """A text field with its whitespace folded ('' when absent)."""
    value = mapping.get(key) if isinstance(mapping, Mapping) else None
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""


def texts(value: Any) -> tuple[str, ...]:
    """A text list, each entry's whitespace folded."""
    return tuple(" ".join(str(item).split()) for item in value) if isinstance(value, list) else ()


def accessibility_words(value: Any, messages: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(label(messages, "accessibility", str(item)) for item in value) if isinstance(value, list) else ()


def date_words(value: Any, messages: Mapping[str, str]) -> str:
    """`15 December 2025`; the value as written when it is not a date."""
    day = parse_date(value)
    return opening.date_words(day, messages) if day is not None else text({"v": value}, "v")


def _names(ids: Any, names: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(names.get(str(i), str(i)) for i in ids) if isinstance(ids, list) else ()


@dataclass(frozen=True, slots=True)
class SelfService:
    name: str
    kind: str
    purpose: str
    url: str
    hours: str
    available_via: tuple[str, ...]


def self_service(entries: Any, names: Mapping[str, str], calendars: Mapping[str, Any],
                 messages: Mapping[str, str]) -> tuple[SelfService, ...]:
    found = []
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, dict):
            continue
        kind = label(messages, "self_service", str(entry.get("type", "")))
        hours = opening.hours_words(entry["hours"], calendars, messages) if "hours" in entry else ""
        found.append(SelfService(text(entry, "name") or kind, kind, text(entry, "purpose"), text(entry, "url"), hours,
                                 _names(entry.get("available_via"), names)))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Feedback:
    channels: str  # "Tell us on any of these channels: ..."
    promises: tuple[str, ...]


def feedback(section: Any, names: Mapping[str, str], messages: Mapping[str, str]) -> Feedback | None:
    if not isinstance(section, dict):
        return None
    channels = _names(section.get("channels"), names)
    said = messages["text.feedback_channels"].format(channels=opening.join_words(list(channels), messages)) \
        if channels else ""
    complaints = wording.named_subject("complaints", messages)
    promises = [wording.commitment_sentence(event, section[event], complaints, messages)
                for event in ("acknowledge", "respond") if isinstance(section.get(event), dict)]
    if isinstance(section.get("update"), dict):
        promises.append(wording.update_sentence(section["update"], messages["wording.complaint_open"], messages))
    found = Feedback(said, tuple(p for p in promises if p))
    return found if found.channels or found.promises else None


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    kind: str  # inside the organisation or independent ('' when the charter does not say)
    via: str
    promises: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExternalBody:
    name: str
    kind: str
    when: str
    deadline: str
    contact: str


@dataclass(frozen=True, slots=True)
class Escalation:
    stages: tuple[Stage, ...]
    external: tuple[ExternalBody, ...]


def _stage(entry: Mapping[str, Any], names: Mapping[str, str], messages: Mapping[str, str]) -> Stage:
    internal = entry.get("internal")
    kind = "" if not isinstance(internal, bool) else messages[
        "text.escalation_internal" if internal else "text.escalation_independent"]
    subject = wording.named_subject("stage_complaints", messages)
    promises = tuple(wording.commitment_sentence(event, entry[event], subject, messages)
                     for event in ("acknowledge", "respond") if isinstance(entry.get(event), dict))
    return Stage(text(entry, "name"), kind, ", ".join(_names(entry.get("via"), names)), promises)


def _body(entry: Mapping[str, Any], messages: Mapping[str, str]) -> ExternalBody:
    after = entry.get("after")
    period = wording.period_words(after, messages)
    fixed = {"final response": "text.after_final", "any time": "text.after_any"}.get(str(after))
    when = messages[fixed] if fixed is not None else (
        messages["text.after"].format(period=period) if period else "")
    deadline = wording.period_words(entry.get("customer_deadline"), messages)
    kind = label(messages, "external", str(entry["type"])) if "type" in entry else ""
    return ExternalBody(text(entry, "body"), kind, when,
                        messages["text.deadline"].format(period=deadline) if deadline else "", text(entry, "contact"))


def escalation(section: Any, names: Mapping[str, str], messages: Mapping[str, str]) -> Escalation | None:
    if not isinstance(section, dict):
        return None
    stages = tuple(_stage(e, names, messages) for e in section.get("stages") or () if isinstance(e, dict))
    external = tuple(_body(e, messages) for e in section.get("external") or () if isinstance(e, dict))
    return Escalation(stages, external) if stages or external else None


@dataclass(frozen=True, slots=True)
class Performance:
    statement: str
    url: str
    measured_by: tuple[str, ...]


def performance(section: Any, messages: Mapping[str, str]) -> Performance | None:
    if not isinstance(section, dict):
        return None
    if section.get("published") is False:
        statement = messages["text.not_published"]
    else:
        frequency = section.get("frequency")
        statement = messages["text.published"].format(frequency=label(messages, "frequency", str(frequency))) \
            if frequency else ""
    found = Performance(statement, text(section, "url"), texts(section.get("measured_by")))
    return found if found.statement or found.url or found.measured_by else None


@dataclass(frozen=True, slots=True)
class Review:
    undated: bool
    last_reviewed: str
    next_review: str
    published: str
    cadence: str
    owner: str
    changes: tuple[tuple[str, str], ...]  # (date, what changed)


def _next_review(section: Mapping[str, Any], messages: Mapping[str, str]) -> str:
    """The stated next review, else the last review plus the cadence (when both are on the calendar)."""
    if "next_review" in section:
        return date_words(section["next_review"], messages)
    last, cadence = parse_date(section.get("last_reviewed")), parse_duration(section.get("cadence"))
    due = due_date(last, cadence) if last is not None and cadence is not None else None
    if due is None or due == dt.date.max:
        return ""
    return messages["text.next_review_due"].format(date=date_words(due.isoformat(), messages))


def review(section: Any, messages: Mapping[str, str]) -> Review:
    section = section if isinstance(section, dict) else {}
    changes = tuple((date_words(c.get("date"), messages), text(c, "summary"))
                    for c in section.get("changes") or () if isinstance(c, dict))
    return Review(section.get("undated") is True,
                  date_words(section["last_reviewed"], messages) if "last_reviewed" in section else "",
                  _next_review(section, messages),
                  date_words(section["published"], messages) if "published" in section else "",
                  wording.period_words(section.get("cadence"), messages), text(section, "owner"), changes)
