"""Read-only views of a schema-valid charter that several rules share, each with its pointer.

The built-in rules read them from `charter_index(document)`: one walk of the data per
document, shared by every rule, where each view used to walk the whole charter again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from charterlint.charter.duration import Duration, parse_duration
from charterlint.source.document import Document
from charterlint.source.pointer import escape, join

COMMITMENT_EVENTS = ("answer", "acknowledge", "respond", "resolve")
ASYNC_FIRST_TYPES = frozenset({"live_chat", "social_media", "sms", "messaging", "app", "web_form", "email"})
# Written, asynchronous channels: a reply time (respond or acknowledge) already says when a person
# answers a message sent out of hours (issue 15: "we reply to emails within 20 working days").
WRITTEN_TYPES = frozenset({"email", "web_form", "social_media", "messaging", "sms", "post", "fax"})
# Fields whose value is a duration, wherever they appear (the schema enforces the syntax).
DURATION_FIELDS = frozenset({"within", "period", "after", "customer_deadline", "cadence"})
# Fields that hold prose a customer reads.
TEXT_FIELDS = frozenset({
    "text", "statements", "process", "training", "accreditations", "accountability",
    "vision", "mission", "values", "channel_statement", "purpose",
})
_EVENTS = frozenset(COMMITMENT_EVENTS)
_WATCHED = DURATION_FIELDS | TEXT_FIELDS | _EVENTS


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


def standard_events(data: dict[str, Any]) -> dict[str, frozenset[str]]:
    """The events each channel is promised through top-level `standards` (a promise written once
    for several channels: `{channels: [ids], commitments: {...}}`), by channel id."""
    found: dict[str, set[str]] = {}
    standards = data.get("standards")
    for standard in standards if isinstance(standards, list) else ():
        if not isinstance(standard, dict) or not isinstance(standard.get("commitments"), dict):
            continue
        events = {e for e in COMMITMENT_EVENTS if standard["commitments"].get(e) is not None}
        listed = standard.get("channels")
        for channel_id in listed if isinstance(listed, list) else ():
            found.setdefault(str(channel_id), set()).update(events)
    return {channel_id: frozenset(events) for channel_id, events in found.items()}


def needs_follow_up(channel: Channel, standard: frozenset[str] = frozenset()) -> bool:
    """Whether a channel must say when a person follows up (CH102, CH103, the matrix): a chatbot;
    an asynchronous-first channel with limited hours, unless it is written and has a reply time
    (its own, or one of `standard`, the events promised to it through `standards`)."""
    if channel.type == "chatbot":
        return True
    if channel.type not in ASYNC_FIRST_TYPES or channel.always_open:
        return False
    replies = any(e in channel.commitments or e in standard for e in ("respond", "acknowledge"))
    return not (channel.type in WRITTEN_TYPES and replies)


@dataclass(frozen=True, slots=True)
class CharterIndex:
    """The shared views of one charter's data, each in document order."""

    channels: tuple[Channel, ...]
    service_channels: tuple[Channel, ...]
    durations: tuple[tuple[str, Duration], ...]
    texts: tuple[tuple[str, str], ...]
    commitments: tuple[tuple[str, str, dict[str, Any]], ...]

    @classmethod
    def of(cls, data: dict[str, Any]) -> CharterIndex:
        """Index `data` (a charter's top-level mapping)."""
        all_channels = channels(data)
        durations_found, texts_found, commitments_found = _scan(data)
        return cls(tuple(all_channels), tuple(_service_channels(all_channels)),
                   tuple(durations_found), tuple(texts_found), tuple(commitments_found))


def charter_index(document: Document) -> CharterIndex:
    """The shared views of `document.data`, worked out once per document."""
    found = document.derived.get("charter_index")
    if found is None:
        found = document.derived["charter_index"] = CharterIndex.of(document.data)
    assert isinstance(found, CharterIndex)
    return found


def channels(data: dict[str, Any]) -> list[Channel]:
    """Every entry of `channels` that is a mapping, in order."""
    entries = data.get("channels")
    if not isinstance(entries, list):
        return []
    return [Channel(i, join("/channels", i), entry) for i, entry in enumerate(entries) if isinstance(entry, dict)]


def _service_channels(all_channels: list[Channel]) -> list[Channel]:
    handoff_targets = {c.data["handoff_to"] for c in all_channels if isinstance(c.data.get("handoff_to"), str)}
    ids = {c.id for c in all_channels if any(e in c.commitments for e in COMMITMENT_EVENTS) or c.id in handoff_targets}
    return [c for c in all_channels if c.id in ids]


def service_channel_ids(data: dict[str, Any]) -> set[str]:
    """Channels that carry at least one commitment or are the target of a `handoff_to`."""
    return {c.id for c in _service_channels(channels(data))}


def service_channels(data: dict[str, Any]) -> list[Channel]:
    """The channels whose ids `service_channel_ids` gives, in order."""
    return _service_channels(channels(data))


def walk(value: Any, pointer: str = "") -> Iterator[tuple[str, str, Any]]:
    """Every node below `value` as (pointer, the key or index it is under, value)."""
    stack: list[tuple[str, str, Any]] = [(pointer, "", value)]
    while stack:
        current = stack.pop()
        yield current
        node_pointer, _, node = current
        if isinstance(node, dict):
            # x- extensions are the writer's own data: no rule reads them
            children = [(f"{node_pointer}/{escape(k)}", k, v)
                        for k, v in ((str(k), v) for k, v in node.items()) if not k.startswith("x-")]
        elif isinstance(node, list):
            children = [(f"{node_pointer}/{i}", str(i), v) for i, v in enumerate(node)]
        else:
            continue
        stack.extend(reversed(children))


_Found = tuple[list[tuple[str, Duration]], list[tuple[str, str]], list[tuple[str, str, dict[str, Any]]]]


def _scan(data: Any) -> _Found:
    """Durations, texts and commitments, each in `walk` order, from one pass over the data.

    Depth-first like `walk`, but a pointer is made only for a container (its members
    need it) or a node that is found: most nodes are neither.
    """
    found: _Found = ([], [], [])
    stack: list[tuple[str, bool, Iterator[tuple[Any, Any]]]] = []
    if isinstance(data, (dict, list)):
        stack.append(("", isinstance(data, dict), _members(data)))
    while stack:
        pointer, is_map, members = stack[-1]
        for key, value in members:
            child = ""
            if is_map:
                key = str(key)
                if key.startswith("x-"):
                    continue  # x- extensions are the writer's own data: no rule reads them
                if key in _WATCHED:
                    child = f"{pointer}/{escape(key)}"
                    _record(found, child, key, value)
            if isinstance(value, (dict, list)):
                child = child or f"{pointer}/{escape(key) if is_map else key}"
                stack.append((child, isinstance(value, dict), _members(value)))
                break
        else:
            stack.pop()
    return found


def _members(value: dict[Any, Any] | list[Any]) -> Iterator[tuple[Any, Any]]:
    return iter(value.items()) if isinstance(value, dict) else enumerate(value)


def _record(found: _Found, pointer: str, key: str, value: Any) -> None:
    durations_found, texts_found, commitments_found = found
    if key in DURATION_FIELDS:
        parsed = parse_duration(value)
        if parsed is not None:
            durations_found.append((pointer, parsed))
    elif key in TEXT_FIELDS:
        if isinstance(value, str):
            texts_found.append((pointer, value))
        elif isinstance(value, list):
            texts_found.extend((f"{pointer}/{index}", item) for index, item in enumerate(value) if isinstance(item, str))
    elif isinstance(value, dict) and "within" in value:
        commitments_found.append((pointer, key, value))


def durations(data: dict[str, Any]) -> Iterator[tuple[str, Duration]]:
    """Every duration in the charter, in document order, with its pointer."""
    yield from _scan(data)[0]


def texts(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every free-text string a customer reads, in document order, with its pointer."""
    yield from _scan(data)[1]


def commitments(data: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every commitment object (channel and section ones) as (pointer, event, commitment)."""
    yield from _scan(data)[2]
