"""Read-only views of a schema-valid charter that several rules share, each with its pointer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from charterlint.document import join
from charterlint.duration import Duration, parse_duration

COMMITMENT_EVENTS = ("answer", "acknowledge", "respond", "resolve")
ASYNC_FIRST_TYPES = frozenset({"live_chat", "social_media", "sms", "messaging", "app", "web_form", "email"})
# Fields whose value is a duration, wherever they appear (the schema enforces the syntax).
DURATION_FIELDS = frozenset({"within", "period", "after", "customer_deadline", "cadence"})
# Fields that hold prose a customer reads.
TEXT_FIELDS = frozenset({
    "text", "statements", "process", "training", "accreditations", "accountability",
    "vision", "mission", "values", "channel_statement", "purpose",
})


@dataclass(frozen=True, slots=True)
class Channel:
    """One entry of `channels`, with its index and pointer."""

    index: int
    pointer: str
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.data.get("id", ""))

    @property
    def type(self) -> str:
        return str(self.data.get("type", ""))

    @property
    def commitments(self) -> dict[str, Any]:
        value = self.data.get("commitments")
        return value if isinstance(value, dict) else {}

    @property
    def always_open(self) -> bool:
        return self.data.get("hours") == "always"


def channels(data: dict[str, Any]) -> list[Channel]:
    """Every entry of `channels` that is a mapping, in order."""
    entries = data.get("channels")
    if not isinstance(entries, list):
        return []
    return [Channel(i, join("/channels", i), entry) for i, entry in enumerate(entries) if isinstance(entry, dict)]


def service_channel_ids(data: dict[str, Any]) -> set[str]:
    """Channels that carry at least one commitment or are the target of a `handoff_to`."""
    all_channels = channels(data)
    handoff_targets = {c.data["handoff_to"] for c in all_channels if isinstance(c.data.get("handoff_to"), str)}
    return {c.id for c in all_channels if any(e in c.commitments for e in COMMITMENT_EVENTS) or c.id in handoff_targets}


def service_channels(data: dict[str, Any]) -> list[Channel]:
    """The channels whose ids `service_channel_ids` gives, in order."""
    ids = service_channel_ids(data)
    return [c for c in channels(data) if c.id in ids]


def walk(value: Any, pointer: str = "") -> Iterator[tuple[str, str, Any]]:
    """Every node below `value` as (pointer, the key or index it is under, value)."""
    stack: list[tuple[str, str, Any]] = [(pointer, "", value)]
    while stack:
        current = stack.pop()
        yield current
        node_pointer, _, node = current
        if isinstance(node, dict):
            # x- extensions are the writer's own data: no rule reads them
            children = [(join(node_pointer, k), str(k), v) for k, v in node.items() if not str(k).startswith("x-")]
        elif isinstance(node, list):
            children = [(join(node_pointer, i), str(i), v) for i, v in enumerate(node)]
        else:
            continue
        stack.extend(reversed(children))


def durations(data: dict[str, Any]) -> Iterator[tuple[str, Duration]]:
    """Every duration in the charter, in document order, with its pointer."""
    for pointer, key, value in walk(data):
        if key in DURATION_FIELDS:
            parsed = parse_duration(value)
            if parsed is not None:
                yield pointer, parsed


def texts(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every free-text string a customer reads, in document order, with its pointer."""
    for pointer, key, value in walk(data):
        if key in TEXT_FIELDS:
            if isinstance(value, str):
                yield pointer, value
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, str):
                        yield join(pointer, index), item


def commitments(data: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every commitment object (channel and section ones) as (pointer, event, commitment)."""
    for pointer, key, value in walk(data):
        if key in COMMITMENT_EVENTS and isinstance(value, dict) and "within" in value:
            yield pointer, key, value
