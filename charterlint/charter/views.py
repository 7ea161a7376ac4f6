"""Read-only views of a schema-valid charter that several rules share, each with its pointer.

The built-in rules read them from `charter_index(document)`: one walk of the data per
document, shared by every rule, where each view used to walk the whole charter again.

A channel's commitments, as rules should read them, are `CharterIndex.commitments_of`: its
own (a list of variants gives one `Commitment` per variant) and those of every entry of
`standards` that lists it. A standard's commitment keeps the standard's pointer, so a rule
that reports it reports it once, at the standard, whichever channels it applies to.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from charterlint.charter.duration import Duration, parse_duration
from charterlint.source.document import Document
from charterlint.source.pointer import escape, join

COMMITMENT_EVENTS = ("answer", "acknowledge", "respond", "resolve")
UPDATE_EVENT = "update"  # progress updates: how often, not how soon (`every`, not `within`)
HOURS_ALWAYS = "always"
HOURS_NOT_PUBLISHED = "not_published"
ASYNC_FIRST_TYPES = frozenset({"live_chat", "social_media", "sms", "messaging", "app", "web_form", "email"})
# Written, asynchronous channels: a reply time (respond or acknowledge) already says when a person
# answers a message sent out of hours (issue 15: "we reply to emails within 20 working days").
WRITTEN_TYPES = frozenset({"email", "web_form", "social_media", "messaging", "sms", "post", "fax"})
# Fields whose value is a duration, wherever they appear (the schema enforces the syntax).
DURATION_FIELDS = frozenset({"within", "every", "period", "after", "customer_deadline", "cadence"})
# Fields that hold prose a customer reads.
TEXT_FIELDS = frozenset({
    "text", "statements", "process", "training", "accreditations", "accountability",
    "vision", "mission", "values", "channel_statement", "purpose", "when",
})
_EVENT_ORDER = (*COMMITMENT_EVENTS, UPDATE_EVENT)
_EVENTS = frozenset(_EVENT_ORDER)
_WATCHED = DURATION_FIELDS | TEXT_FIELDS | _EVENTS
# A line for emergencies ("Emergency calls (999)", "University emergency phone line"); not a
# "non-emergency" line, which is where enquiries and comments go.
_EMERGENCY = re.compile(r"(?i)(?<![a-z])(?<!non-)(?<!non )emergenc(?:y|ies)(?![a-z])")


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
        """Its `commitments` mapping (empty if none). Rules read `CharterIndex.commitments_of`,
        which adds the standards that list the channel."""
        value = self.data.get("commitments")
        return value if isinstance(value, dict) else {}

    def promises(self) -> tuple[Commitment, ...]:
        """Its own commitments as rules read them, one per variant (`Standard.promises`'s shape)."""
        return _promises(self.pointer, self.data.get("commitments"), (self.id,), None)

    @property
    def is_emergency(self) -> bool:
        """Whether its id or name says it is a line for emergencies (999, first aid, a burst main):
        customers use it for the emergency alone, not for comments or in place of another channel."""
        return _EMERGENCY.search(f"{self.id} {self.data.get('name', '')}") is not None

    @property
    def hours_published(self) -> bool:
        """False for `hours: not_published` (CH111): nothing can be known about when it is open."""
        return self.data.get("hours") != HOURS_NOT_PUBLISHED

    @property
    def calendar_id(self) -> str | None:
        """The calendar its hours name (`hours: office` or `hours: {outside: office}`), else None."""
        return hours_calendar(self.data.get("hours"))

    @property
    def closing_calendar(self) -> str | None:
        """The calendar outside whose hours nobody is there (`hours: office`), else None.

        None for `always`, `not_published` (unknown: CH111) and `{outside: office}`: an
        out-of-hours service complements the office hours, so together the organisation is
        there around the clock and the rules about closing time do not apply to it.
        """
        hours = self.data.get("hours")
        return hours if isinstance(hours, str) and hours == self.calendar_id else None


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # the weekdays a calendar's `open` names, Monday first


def calendars_by_id(data: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """The charter's calendars by id (a later entry with the same id wins)."""
    entries = data.get("calendars")
    if not isinstance(entries, list):
        return {}
    return {str(entry.get("id")): entry for entry in entries if isinstance(entry, dict)}


def hours_calendar(hours: Any) -> str | None:
    """The calendar id that an `hours` value names, on or outside; None for the keywords."""
    if isinstance(hours, dict):
        hours = hours.get("outside")
    if isinstance(hours, str) and hours not in (HOURS_ALWAYS, HOURS_NOT_PUBLISHED):
        return hours
    return None


@dataclass(frozen=True, slots=True)
class Commitment:
    """One promise about one event, as rules read it: a single commitment, or one variant of a list.

    `channels` are the ids of the channels it applies to: its own channel's, or those its
    standard lists (none for a standard tied to no channel). `standard` is the id of the
    standard it comes from, None for a channel's own.
    """

    pointer: str
    event: str
    data: dict[str, Any]
    channels: tuple[str, ...] = ()
    standard: str | None = None

    @property
    def within(self) -> Duration | None:
        return parse_duration(self.data.get("within"))

    @property
    def when(self) -> str | None:
        """The case a variant covers ("with an appointment"); None for a single commitment."""
        value = self.data.get("when")
        return value if isinstance(value, str) else None


def commitment_variants(pointer: str, value: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer, commitment) for one event's value at `pointer`: the commitment itself, or each
    variant of a list (`when:`) at its own pointer. The one walk of variants every view and rule uses."""
    if isinstance(value, dict):
        yield pointer, value
    elif isinstance(value, list):
        yield from ((join(pointer, index), variant) for index, variant in enumerate(value) if isinstance(variant, dict))


def commitment_entries(pointer: str, events: Any) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(pointer, event, commitment) for each commitment of a `commitments` mapping at `pointer`,
    in event order; a list of variants gives each variant at its own pointer."""
    if not isinstance(events, dict):
        return
    for event in _EVENT_ORDER:
        for variant_pointer, commitment in commitment_variants(join(pointer, event), events.get(event)):
            yield variant_pointer, event, commitment


def limits(value: Any) -> list[Duration]:
    """The time limits (`within`) of one event's value: a commitment, or a list of variants."""
    found = (parse_duration(commitment.get("within")) for _, commitment in commitment_variants("", value))
    return [duration for duration in found if duration is not None]


def country(data: Mapping[str, Any]) -> str | None:
    """The country of `organization.jurisdiction` ("US" of "US-MA"), upper case; None if not given."""
    organization = data.get("organization")
    jurisdiction = organization.get("jurisdiction") if isinstance(organization, dict) else None
    return jurisdiction.split("-")[0].strip().upper() or None if isinstance(jurisdiction, str) else None


def feedback_timescale(data: dict[str, Any]) -> frozenset[str]:
    """The events `feedback` gives a time limit for (acknowledge, respond): a complaints
    procedure's timescale. A promise in words only ("dealt with in a professional and efficient
    manner") is no timescale."""
    feedback = data.get("feedback")
    if not isinstance(feedback, dict):
        return frozenset()
    return frozenset(event for event in ("acknowledge", "respond") if limits(feedback.get(event)))


def _promises(pointer: str, events: Any, channel_ids: tuple[str, ...], standard: str | None) -> tuple[Commitment, ...]:
    return tuple(Commitment(at, event, data, channel_ids, standard)
                 for at, event, data in commitment_entries(join(pointer, "commitments"), events))


class CommitmentMap(dict[str, Any]):
    """A standard's `commitments` mapping, the shape `Channel.commitments` has.

    Calling it gives the commitments as `Commitment` values: `Standard.commitments()` was a method
    in 0.1.0, and rule packs written for it still call it (deprecated: use `Standard.promises()`)."""

    __slots__ = ("_standard",)

    def __init__(self, events: dict[str, Any], standard: Standard) -> None:
        super().__init__(events)
        self._standard = standard

    def __call__(self) -> Iterator[Commitment]:
        warnings.warn("Standard.commitments() is deprecated: use Standard.promises()", DeprecationWarning, stacklevel=2)
        return iter(self._standard.promises())


@dataclass(frozen=True, slots=True)
class Standard:
    """One entry of `standards`, with its index and pointer."""

    index: int
    pointer: str
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.data.get("id", ""))

    @property
    def channel_ids(self) -> tuple[str, ...]:
        listed = self.data.get("channels")
        return tuple(dict.fromkeys(str(i) for i in listed)) if isinstance(listed, list) else ()

    @property
    def commitments(self) -> CommitmentMap:
        """Its `commitments` mapping, as `Channel.commitments` gives a channel's (empty if none)."""
        value = self.data.get("commitments")
        return CommitmentMap(value if isinstance(value, dict) else {}, self)

    def promises(self) -> tuple[Commitment, ...]:
        """Its commitments as rules read them, one per variant, each applying to the channels it lists."""
        return _promises(self.pointer, self.data.get("commitments"), self.channel_ids, self.id)

    def about(self, pattern: re.Pattern[str]) -> bool:
        """Whether its id, name or matter says it is about what `pattern` names."""
        return pattern.search(" ".join(str(self.data.get(key, "")) for key in ("id", "name", "matter"))) is not None

    @property
    def general(self) -> bool:
        """Whether it names no matter of its own (neither `name` nor `matter`)."""
        return not self.data.get("name") and not self.data.get("matter")


# Enquiries by any name: "requests" too (a council's "complaints and requests" answered in five working
# days when they need investigation), but not requests for records ("Freedom of Information requests").
ENQUIRIES = re.compile(r"(?<!\w)(?:enquir|inquir|quer(?:y|ies)|questions?(?!\w)|"
                       r"(?<!information\s)(?<!access\s)(?<!foi\s)(?<!records\s)requests?(?!\w))", re.IGNORECASE)
# Complaints and feedback, by the words a standard's name or matter uses for them.
COMPLAINTS = re.compile(r"(?<!\w)(?:complain|feedback|concern|comment)", re.IGNORECASE)


def needs_follow_up(channel: Channel, events: frozenset[str]) -> bool:
    """Whether a channel must say when a person follows up (CH102, CH103, the matrix): a chatbot;
    an asynchronous-first channel that closes (see Channel.closing_calendar), unless it is written
    and promises a reply (`events`: what it promises, its own and through standards)."""
    if channel.type == "chatbot":
        return True
    if channel.type not in ASYNC_FIRST_TYPES or channel.closing_calendar is None:
        return False
    return not (channel.type in WRITTEN_TYPES and events & {"respond", "acknowledge"})


@dataclass(frozen=True, slots=True)
class CharterIndex:
    """The shared views of one charter's data, each in document order."""

    channels: tuple[Channel, ...]
    service_channels: tuple[Channel, ...]
    durations: tuple[tuple[str, Duration], ...]
    texts: tuple[tuple[str, str], ...]
    commitments: tuple[tuple[str, str, dict[str, Any]], ...]
    standards: tuple[Standard, ...] = ()
    # every commitment that applies to a channel (its own, then the standards'), each once
    channel_commitments: tuple[Commitment, ...] = ()
    # the same, by the pointer of the channel they are written on and by the channel ids standards list
    _own: Mapping[str, tuple[Commitment, ...]] = field(default_factory=dict, repr=False, compare=False)
    _shared: Mapping[str, tuple[Commitment, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, data: dict[str, Any]) -> CharterIndex:
        """Index `data` (a charter's top-level mapping)."""
        all_channels = channels(data)
        all_standards = standards(data)
        applied = _channel_commitments(all_channels, all_standards)
        own: dict[str, list[Commitment]] = {}
        shared: dict[str, list[Commitment]] = {}
        for commitment in applied:
            if commitment.standard is None:  # its pointer is /channels/N/commitments/...
                own.setdefault(commitment.pointer.split("/commitments/", 1)[0], []).append(commitment)
            else:
                for channel_id in commitment.channels:
                    shared.setdefault(channel_id, []).append(commitment)
        durations_found, texts_found, commitments_found = _scan(data)
        return cls(tuple(all_channels), tuple(_service_channels(all_channels, applied)),
                   tuple(durations_found), tuple(texts_found), tuple(commitments_found),
                   tuple(all_standards), tuple(applied),
                   {k: tuple(v) for k, v in own.items()}, {k: tuple(v) for k, v in shared.items()})

    def commitments_of(self, channel: Channel) -> tuple[Commitment, ...]:
        """The channel's effective commitments: its own, then those of the standards that list it."""
        return self._own.get(channel.pointer, ()) + self._shared.get(channel.id, ())

    def events_of(self, channel: Channel) -> frozenset[str]:
        """The events (answer, acknowledge, respond, resolve, update) the channel makes a promise about."""
        return frozenset(c.event for c in self.commitments_of(channel))

    def timed_events(self) -> frozenset[str]:
        """The events some commitment of the charter gives a time limit (`within`)."""
        return frozenset(event for _, event, commitment in self.commitments
                         if parse_duration(commitment.get("within")) is not None)


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


def standards(data: dict[str, Any]) -> list[Standard]:
    """Every entry of `standards` that is a mapping, in order."""
    entries = data.get("standards")
    if not isinstance(entries, list):
        return []
    return [Standard(i, join("/standards", i), entry) for i, entry in enumerate(entries) if isinstance(entry, dict)]


def _channel_commitments(all_channels: list[Channel], all_standards: list[Standard]) -> list[Commitment]:
    own = [commitment for channel in all_channels for commitment in channel.promises()]
    ids = {channel.id for channel in all_channels}
    shared = [c for standard in all_standards for c in standard.promises() if ids.intersection(c.channels)]
    return own + shared


def _service_channels(all_channels: list[Channel], applied: list[Commitment]) -> list[Channel]:
    handoff_targets = {c.data["handoff_to"] for c in all_channels if isinstance(c.data.get("handoff_to"), str)}
    committed = {i for c in applied if c.event in COMMITMENT_EVENTS for i in c.channels}
    return [c for c in all_channels if c.id in committed or c.id in handoff_targets]


def service_channel_ids(data: dict[str, Any]) -> set[str]:
    """Channels that carry at least one commitment (their own or a standard's that lists them) or
    are the target of a `handoff_to`."""
    return {c.id for c in service_channels(data)}


def service_channels(data: dict[str, Any]) -> list[Channel]:
    """The channels whose ids `service_channel_ids` gives, in order."""
    all_channels = channels(data)
    return _service_channels(all_channels, _channel_commitments(all_channels, standards(data)))


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
    else:  # a commitment event: one commitment, or its variants
        commitments_found.extend((at, key, commitment) for at, commitment in commitment_variants(pointer, value))


def durations(data: dict[str, Any]) -> Iterator[tuple[str, Duration]]:
    """Every duration in the charter, in document order, with its pointer."""
    yield from _scan(data)[0]


def texts(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every free-text string a customer reads, in document order, with its pointer."""
    yield from _scan(data)[1]


def commitments(data: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every commitment object (channel, standard and section ones; each variant of a list) as
    (pointer, event, commitment)."""
    yield from _scan(data)[2]


_CHANNEL_POINTER = re.compile(r"/channels/\d+(?=/|$)")
_STANDARD_POINTER = re.compile(r"/standards/\d+(?=/|$)")


class RouteTimes:
    """The events a time limit (`within`) covers for a matter raised at a place in the charter,
    other than the commitment holding that place. On a channel: its own commitments, the standards
    that list it or list none, and `feedback` and the escalation stages when `feedback` lists the
    channel (or lists none). Elsewhere (feedback, a standard, a stage, the prose): every commitment
    but those written on a channel, whose limits time that channel's contacts only. Indexed once,
    so that each place costs the commitments on its own route."""

    __slots__ = ("_on_channel", "_by_channel_id", "_untied", "_procedure", "_elsewhere", "_listed", "_ids")

    def __init__(self, data: dict[str, Any], index: CharterIndex) -> None:
        self._on_channel: dict[str, list[tuple[str, str]]] = {}
        self._by_channel_id: dict[str, list[tuple[str, str]]] = {}
        self._untied: list[tuple[str, str]] = []
        self._procedure: list[tuple[str, str]] = []  # feedback, escalation stages and anything not on a channel or standard
        tied = {standard.pointer: standard.channel_ids for standard in index.standards}
        # a standard tied to no channel times a matter raised anywhere only when it is about
        # enquiries or complaints, or names no matter: "a settling-in visit within 12 weeks" does not
        # say when a question the phone could not answer is answered
        any_matter = {standard.pointer for standard in index.standards
                      if standard.general or standard.about(ENQUIRIES) or standard.about(COMPLAINTS)}
        for at, event, commitment in index.commitments:
            if parse_duration(commitment.get("within")) is None:
                continue
            channel, standard = _CHANNEL_POINTER.match(at), _STANDARD_POINTER.match(at)
            if channel is not None:
                self._on_channel.setdefault(channel.group(0), []).append((at, event))
            elif standard is not None and tied.get(standard.group(0)):
                for channel_id in tied[standard.group(0)]:
                    self._by_channel_id.setdefault(channel_id, []).append((at, event))
            elif standard is not None:
                if standard.group(0) in any_matter:
                    self._untied.append((at, event))
            else:
                self._procedure.append((at, event))
        self._elsewhere = self._untied + self._procedure
        self._elsewhere += [found for listed in self._by_channel_id.values() for found in listed]
        feedback = data.get("feedback")
        listed = feedback.get("channels") if isinstance(feedback, dict) else None
        self._listed = {str(i) for i in listed} if isinstance(listed, list) else None
        self._ids = {channel.pointer: channel.id for channel in index.channels}

    def events(self, pointer: str) -> frozenset[str]:
        """The events timed on the route of the place at `pointer` (a JSON pointer; "" for the prose)."""
        channel = _CHANNEL_POINTER.match(pointer)
        if channel is None:
            route = self._elsewhere
        else:
            channel_id = self._ids.get(channel.group(0), "")
            route = self._on_channel.get(channel.group(0), []) + self._by_channel_id.get(channel_id, []) + self._untied
            if self._listed is None or channel_id in self._listed:
                route = route + self._procedure
        return frozenset(event for at, event in route if not pointer.startswith(f"{at}/"))
