"""Pair the commitments of two versions of a charter and compare each pair.

A channel's commitments are those it makes in effect (charter.views: its own and those of the
standards that list it), so moving a promise from a channel into a shared standard changes
nothing. Other promises are matched by their owner: a standard tied to no channel by its id,
`feedback`, an escalation stage by its name (`stage_names` maps a renamed stage), and
`rights.disputes`. Variants of one event are matched by their `when`; one commitment on each
side is compared whatever its `when` says.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from charterlint.charter.subjects import show_value
from charterlint.charter.views import CharterIndex, commitment_entries
from charterlint.diff.change import COMMITMENT_REMOVED, INCOMPARABLE, STRENGTHENED, Change
from charterlint.diff.promises import compare_commitment
from charterlint.diff.sections import section_at
from charterlint.source.pointer import join

Owner = tuple[str, str]  # ("channel", id), ("standard", id), ("feedback", ""), ("stage", name), ("disputes", "")


@dataclass(frozen=True, slots=True)
class Promise:
    owner: Owner
    event: str
    when: str
    pointer: str
    data: Mapping[str, Any]


def owner_phrase(owners: list[Owner]) -> str:
    """`channel "email"`, `channels "email" and "post"`, `feedback`, `escalation stage "Review"`."""
    kind, name = owners[0]
    if kind == "channel":
        names = [f'"{n}"' for _, n in owners]
        return f"channel {names[0]}" if len(names) == 1 else f"channels {', '.join(names[:-1])} and {names[-1]}"
    return {"standard": f'standard "{name}"', "stage": f"escalation stage {show_value(name)}", "feedback": "feedback",
            "disputes": "disputes"}[kind]


def promises(data: Mapping[str, Any], stage_names: Mapping[str, str] | None = None) -> list[Promise]:
    """Every promise of a charter, in document order (`stage_names`: a stage's name in the other version)."""
    index = CharterIndex.of(dict(data))
    found: list[Promise] = []
    for channel in index.channels:
        found += [Promise(("channel", channel.id), c.event, c.when or "", c.pointer, c.data)
                  for c in index.commitments_of(channel)]
    channel_ids = {channel.id for channel in index.channels}
    for standard in index.standards:
        if not channel_ids.intersection(standard.channel_ids):
            found += [Promise(("standard", standard.id), c.event, c.when or "", c.pointer, c.data)
                      for c in standard.promises()]
    feedback = section_at(data, "feedback")
    if isinstance(feedback, dict):
        found += [Promise(("feedback", ""), event, str(value.get("when", "")), pointer, value)
                  for pointer, event, value in commitment_entries("/feedback", feedback)]
    stages = section_at(data, "escalation", "stages")
    for number, stage in enumerate(stages if isinstance(stages, list) else ()):
        if isinstance(stage, dict):
            name = str(stage.get("name", number + 1))
            name = (stage_names or {}).get(name, name)
            found += [Promise(("stage", name), event, "", pointer, value)
                      for pointer, event, value in commitment_entries(join("/escalation/stages", number), stage)]
    disputes = section_at(data, "rights", "disputes")
    if isinstance(disputes, dict):
        found += [Promise(("disputes", ""), event, "", pointer, value)
                  for pointer, event, value in commitment_entries("/rights/disputes", disputes)]
    return found


def _grouped(found: list[Promise]) -> dict[tuple[Owner, str], list[Promise]]:
    groups: dict[tuple[Owner, str], list[Promise]] = {}
    for promise in found:
        groups.setdefault((promise.owner, promise.event), []).append(promise)
    return groups


def _pairs(old: list[Promise], new: list[Promise]) -> tuple[list[tuple[Promise, Promise]], list[Promise]]:
    """Matched (old, new) variants of one event, and the old ones left unmatched."""
    if len(old) == 1 and len(new) == 1:
        return [(old[0], new[0])], []
    by_when = {promise.when: promise for promise in new}
    matched = [(promise, by_when[promise.when]) for promise in old if promise.when in by_when]
    return matched, [promise for promise in old if promise.when not in by_when]


def _describe(promise: Promise) -> str:
    limit = promise.data.get("within") or promise.data.get("every") or promise.data.get("target")
    what = f"{promise.event} commitment" if promise.event != "update" else "progress updates"
    when = f" ({show_value(promise.when)})" if promise.when else ""
    return f"{what}{when}" + (f" {show_value(limit)}" if limit else "")


def compare_promises(old_data: Mapping[str, Any], new_data: Mapping[str, Any], owner_pointers: Mapping[Owner, str],
                     stage_names: Mapping[str, str], added_owners: set[Owner]) -> Iterator[Change]:
    """Every change to a promise whose owner is in the new version (`owner_pointers`: each owner's
    place there; a removed channel or stage is reported once, as such, and the promises of an
    `added_owners` channel or stage with it). A promise of a standard that several channels
    share is compared, removed or added once, naming them all."""
    old_groups = _grouped(promises(old_data, stage_names))
    new_groups = _grouped(promises(new_data))
    compared: dict[tuple[str, str], list[Owner]] = {}  # by (old pointer, new pointer)
    removed: dict[str, list[Owner]] = {}  # by old pointer
    for (owner, event), old in old_groups.items():
        if owner not in owner_pointers:
            continue
        matched, unmatched = _pairs(old, new_groups.get((owner, event), []))
        for before, after in matched:
            compared.setdefault((before.pointer, after.pointer), []).append(owner)
        for promise in unmatched:
            removed.setdefault(promise.pointer, []).append(owner)
    old_at = {p.pointer: p for group in old_groups.values() for p in group}
    new_at = {p.pointer: p for group in new_groups.values() for p in group}
    for (old_pointer, new_pointer), owners in compared.items():
        before, after = old_at[old_pointer], new_at[new_pointer]
        yield from compare_commitment(_subject(owners, before), before.data, after.data, after.pointer,
                                      _identity(owners, before))
    for old_pointer, owners in removed.items():
        promise = old_at[old_pointer]
        yield _removed(promise, owners, new_groups.get((owners[0], promise.event), []), owner_pointers)
    added: dict[str, list[Owner]] = {}  # by new pointer
    for (owner, event), new in new_groups.items():
        if owner in owner_pointers and owner not in added_owners and (owner, event) not in old_groups:
            for promise in new:
                added.setdefault(promise.pointer, []).append(owner)
    for new_pointer, owners in added.items():
        promise = new_at[new_pointer]
        yield Change(STRENGTHENED, f"added: {owner_phrase(owners)} {_describe(promise)}", new_pointer,
                     _identity(owners, promise) + "|added", anchor="container")


def _subject(owners: list[Owner], promise: Promise) -> str:
    """`channel "email" respond`, `channels "email" and "post" progress updates ("by post")`."""
    event = promise.event if promise.event != "update" else "progress updates"
    return f"{owner_phrase(owners)} {event}" + (f" ({show_value(promise.when)})" if promise.when else "")


def _identity(owners: list[Owner], promise: Promise) -> str:
    return "|".join(f"{kind}:{name}" for kind, name in owners) + f"|{promise.event}|{promise.when}"


def _removed(promise: Promise, owners: list[Owner], remaining: list[Promise],
             owner_pointers: Mapping[Owner, str]) -> Change:
    identity = _identity(owners, promise) + "|removed"
    if remaining:  # the event still has variants, but none for this case
        return Change(INCOMPARABLE, f"changed, cannot compare: {owner_phrase(owners)} {_describe(promise)} has no"
                                    " variant for this case any more", remaining[0].pointer, identity,
                      anchor="container", base_pointer=promise.pointer)
    return Change(COMMITMENT_REMOVED, f"removed: {owner_phrase(owners)} {_describe(promise)}",
                  owner_pointers.get(owners[0], ""), identity, anchor="container", base_pointer=promise.pointer)
