"""Compare two schema-valid versions of a charter: every promise weakened, strengthened, or
changed in a way that cannot be compared, as `Change`s located in the new version.

Pure: data in, changes out, in the new version's document order of their places (then by
kind). The comparisons themselves are in diff.commitments, diff.sections and diff.promises.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from charterlint.diff.change import Change
from charterlint.diff.commitments import Owner, compare_promises
from charterlint.diff.opening import business_calendar_changes, hours_changes
from charterlint.diff.sections import (
    accessibility_changes,
    channel_changes,
    channel_pointers,
    escalation_changes,
    feedback_changes,
    follow_up_changes,
    review_changes,
    stage_matches,
)
from charterlint.source.pointer import join


def _owners(data: Mapping[str, Any], matches: Mapping[str, str]) -> dict[Owner, str]:
    """Every owner of promises in the new version, with the place a removed promise is reported at."""
    found: dict[Owner, str] = {}
    for channel_id, pointer in channel_pointers(data).items():
        channel = data["channels"][int(pointer.rsplit("/", 1)[1])]
        found[("channel", channel_id)] = join(pointer, "commitments") if "commitments" in channel else pointer
    for index, standard in enumerate(data.get("standards") or ()):
        if isinstance(standard, dict):
            found[("standard", str(standard.get("id")))] = join("/standards", index, "commitments")
    # A section or a service standard that is gone leaves its promises nowhere else to be reported.
    found[("feedback", "")] = "/feedback" if isinstance(data.get("feedback"), dict) else ""
    escalation = data.get("escalation")
    stages = escalation.get("stages") if isinstance(escalation, dict) else None
    for index, stage in enumerate(stages if isinstance(stages, list) else ()):
        if isinstance(stage, dict) and str(stage.get("name", index + 1)) in matches.values():
            found[("stage", str(stage.get("name", index + 1)))] = join("/escalation/stages", index)
    rights = data.get("rights")
    found[("disputes", "")] = "/rights/disputes" if isinstance(rights, dict) and "disputes" in rights else ""
    return found


def compare_charters(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """What changed in the promises from `old` to `new` (both schema-valid charters)."""
    matches = stage_matches(old, new)
    owners = _owners(new, matches)
    for index, standard in enumerate(old.get("standards") or ()):
        if isinstance(standard, dict):
            owners.setdefault(("standard", str(standard.get("id"))), "/standards" if "standards" in new else "")
    old_channels, new_channels = set(channel_pointers(old)), set(channel_pointers(new))
    kept_channels = old_channels & new_channels
    added = {("channel", channel_id) for channel_id in new_channels - old_channels}
    changes = [
        *channel_changes(old, new),
        *follow_up_changes(old, new),
        *compare_promises(old, new, owners, matches, added),
        *hours_changes(old, new),
        *business_calendar_changes(old, new),
        *feedback_changes(old, new, kept_channels),
        *escalation_changes(old, new, matches),
        *accessibility_changes(old, new),
        *review_changes(old, new),
    ]
    return changes
