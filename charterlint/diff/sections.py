"""Changes to the parts of a charter around its commitments: channels, human follow-up, feedback
channels, escalation, accessibility and the review cadence (opening hours: diff.opening).

Each function takes both versions' data (schema-valid) and yields `Change`s located in the new
version; a removal points at the part of the new version that lost it (`base_pointer` names
where it was).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from charterlint.charter.subjects import show_value
from charterlint.charter.views import channels
from charterlint.diff.change import (
    ACCESSIBILITY_REMOVED,
    CADENCE_LENGTHENED,
    CHANNEL_REMOVED,
    EXTERNAL_BODY_REMOVED,
    FEEDBACK_CHANNEL_REMOVED,
    FOLLOW_UP_REMOVED,
    INCOMPARABLE,
    STAGE_REMOVED,
    STRENGTHENED,
    Change,
)
from charterlint.diff.promises import compare_limit
from charterlint.source.pointer import join

DEFAULT_CADENCE = "12 months"  # what the rules assume without review.cadence (charter-format.md)


def section_at(data: Mapping[str, Any], *keys: str) -> Any:
    """The value under `keys` (mappings only), None where one is missing."""
    value: Any = data
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def mappings(value: Any) -> list[tuple[int, dict[str, Any]]]:
    """(index, item) for each item of a list that is a mapping."""
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)] if isinstance(value, list) else []


def channel_pointers(data: Mapping[str, Any]) -> dict[str, str]:
    return {channel.id: channel.pointer for channel in channels(dict(data))}


def channel_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    """Channels removed (error: customers lose a way in) and added."""
    before, after = channel_pointers(old), channel_pointers(new)
    for channel_id, pointer in before.items():
        if channel_id not in after:
            yield Change(CHANNEL_REMOVED, f'removed: channel "{channel_id}"', "/channels", f"channel:{channel_id}",
                         anchor="key", base_pointer=pointer)
    for channel_id, pointer in after.items():
        if channel_id not in before:
            yield Change(STRENGTHENED, f'added: channel "{channel_id}"', pointer, f"channel:{channel_id}|added",
                         anchor="container")


def follow_up_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    """A kept channel's human follow-up (`human_follow_up`, a chatbot's `handoff_to`) removed or slower."""
    before = {c.id: c for c in channels(dict(old))}
    for channel in channels(dict(new)):
        previous = before.get(channel.id)
        if previous is None:
            continue
        subject = f'channel "{channel.id}"'
        for field in ("human_follow_up", "handoff_to"):
            had, has = previous.data.get(field), channel.data.get(field)
            what = "human follow-up" if field == "human_follow_up" else f"hand-off to {show_value(had)}"
            if had is not None and has is None:
                yield Change(FOLLOW_UP_REMOVED, f"removed: {subject} {what}", channel.pointer,
                             f"channel:{channel.id}|{field}|removed", anchor="container",
                             base_pointer=join(previous.pointer, field))
            elif had is None and has is not None:
                yield Change(STRENGTHENED, f"added: {subject} {'human follow-up' if field == 'human_follow_up' else 'hand-off'}",
                             join(channel.pointer, field), f"channel:{channel.id}|{field}|added", anchor="key")
        had, has = previous.data.get("human_follow_up"), channel.data.get("human_follow_up")
        if isinstance(had, dict) and isinstance(has, dict):
            yield from compare_limit(f"{subject} human follow-up", "within", had.get("within"), has.get("within"),
                                     join(channel.pointer, "human_follow_up", "within"),
                                     f"channel:{channel.id}|human_follow_up")


def feedback_changes(old: Mapping[str, Any], new: Mapping[str, Any], kept_channels: set[str]) -> Iterator[Change]:
    """Channels no longer taking feedback and complaints (the channel itself kept)."""
    had = section_at(old, "feedback", "channels")
    has = section_at(new, "feedback", "channels")
    had_ids = [str(i) for i in had] if isinstance(had, list) else []
    has_ids = [str(i) for i in has] if isinstance(has, list) else []
    pointer = "/feedback/channels" if has is not None else ("/feedback" if "feedback" in new else "")
    for number, channel_id in enumerate(had_ids):
        if channel_id not in has_ids and channel_id in kept_channels:
            yield Change(FEEDBACK_CHANNEL_REMOVED, f'removed: channel "{channel_id}" from feedback channels', pointer,
                         f"feedback:{channel_id}", anchor="key", base_pointer=join("/feedback/channels", number))
    for number, channel_id in enumerate(has_ids):
        if channel_id not in had_ids:
            yield Change(STRENGTHENED, f'added: channel "{channel_id}" to feedback channels',
                         join("/feedback/channels", number), f"feedback:{channel_id}|added")


def stage_matches(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, str]:
    """Old stage name -> new stage name: by name, then a renamed stage by its place in the list."""
    had = [(i, str(s.get("name", i + 1))) for i, s in mappings(section_at(old, "escalation", "stages"))]
    has = [(i, str(s.get("name", i + 1))) for i, s in mappings(section_at(new, "escalation", "stages"))]
    new_names = {name for _, name in has}
    matches = {name: name for _, name in had if name in new_names}
    free = {i: name for i, name in has if name not in matches.values()}
    for index, name in had:
        if name not in matches and index in free:
            matches[name] = free.pop(index)
    return matches


def escalation_changes(old: Mapping[str, Any], new: Mapping[str, Any], matches: Mapping[str, str]) -> Iterator[Change]:
    """Escalation stages and external bodies removed or added; an external body's `after` later."""
    new_stages = section_at(new, "escalation", "stages")
    lost_at = "/escalation/stages" if new_stages is not None else ("/escalation" if "escalation" in new else "")
    for index, stage in mappings(section_at(old, "escalation", "stages")):
        name = str(stage.get("name", index + 1))
        if name not in matches:
            yield Change(STAGE_REMOVED, f"removed: escalation stage {show_value(name)}", lost_at, f"stage:{name}",
                         anchor="key", base_pointer=join("/escalation/stages", index))
    for index, stage in mappings(new_stages):
        name = str(stage.get("name", index + 1))
        if name not in matches.values():
            yield Change(STRENGTHENED, f"added: escalation stage {show_value(name)}", join("/escalation/stages", index),
                         f"stage:{name}|added", anchor="container")
    before = {str(b.get("body")): (i, b) for i, b in mappings(section_at(old, "escalation", "external"))}
    after = {str(b.get("body")): (i, b) for i, b in mappings(section_at(new, "escalation", "external"))}
    lost_at = "/escalation/external" if section_at(new, "escalation", "external") is not None else (
        "/escalation" if "escalation" in new else "")
    for body, (index, entry) in before.items():
        if body not in after:
            yield Change(EXTERNAL_BODY_REMOVED, f"removed: external body {show_value(body)}", lost_at, f"external:{body}",
                         anchor="key", base_pointer=join("/escalation/external", index))
            continue
        new_index, new_entry = after[body]
        pointer = join("/escalation/external", new_index)
        yield from compare_limit(f"external body {show_value(body)}", "after", entry.get("after"), new_entry.get("after"),
                                 join(pointer, "after") if "after" in new_entry else pointer, f"external:{body}",
                                 absent_is_no_limit=False)
    for body, (index, _) in after.items():
        if body not in before:
            yield Change(STRENGTHENED, f"added: external body {show_value(body)}", join("/escalation/external", index),
                         f"external:{body}|added", anchor="container")


def _slugs(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def accessibility_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    """Provisions the whole organisation no longer offers, and those a kept channel lost (and
    the organisation does not offer on every channel either)."""
    had, has = _slugs(old.get("accessibility")), _slugs(new.get("accessibility"))
    lost_at = "/accessibility" if "accessibility" in new else ""
    for number, slug in enumerate(had):
        if slug not in has:
            yield Change(ACCESSIBILITY_REMOVED, f'removed: accessibility provision "{slug}"', lost_at,
                         f"accessibility:{slug}", anchor="key", base_pointer=join("/accessibility", number))
    for number, slug in enumerate(has):
        if slug not in had:
            yield Change(STRENGTHENED, f'added: accessibility provision "{slug}"', join("/accessibility", number),
                         f"accessibility:{slug}|added")
    before = {c.id: c for c in channels(dict(old))}
    for channel in channels(dict(new)):
        previous = before.get(channel.id)
        if previous is None:
            continue
        own_had, own_has = _slugs(previous.data.get("accessibility")), _slugs(channel.data.get("accessibility"))
        for number, slug in enumerate(own_had):
            if slug in own_has or slug in has or slug in had:  # kept, or lost by the whole organisation (above)
                continue
            where = join(channel.pointer, "accessibility") if "accessibility" in channel.data else channel.pointer
            yield Change(ACCESSIBILITY_REMOVED, f'removed: accessibility provision "{slug}" on channel "{channel.id}"',
                         where, f"channel:{channel.id}|accessibility:{slug}", anchor="key",
                         base_pointer=join(previous.pointer, "accessibility", number))


def review_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    """The review cadence lengthened (no cadence reads as 12 months)."""
    had = section_at(old, "review", "cadence") or DEFAULT_CADENCE
    has = section_at(new, "review", "cadence") or DEFAULT_CADENCE
    pointer = "/review/cadence" if section_at(new, "review", "cadence") is not None else "/review"
    for change in compare_limit("review", "cadence", had, has, pointer, "review"):
        kind = CADENCE_LENGTHENED if change.kind != STRENGTHENED and change.kind != INCOMPARABLE else change.kind
        yield Change(kind, change.message, change.pointer, change.identity, "key" if pointer == "/review" else "value")
