"""From a read source to everything a charter draft holds: what `draft` writes and the accuracy test scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from charterlint.importer import channels as channel_words
from charterlint.importer.blocks import ImportFailure, Source
from charterlint.importer.commitments import Commitment, Owner, commitments_in
from charterlint.importer.escalation import Body, bodies_in, is_theirs, referred_stages, stage_name
from charterlint.importer.facts import Found, Review, organisation_of, review_of, title_of
from charterlint.importer.hours import ALWAYS, Hours, hours_in
from charterlint.importer.sentences import Sentence, sentences_of

_IDS = {"live_chat": "live-chat", "social_media": "social-media", "in_person": "in-person", "web_form": "web-form"}


@dataclass(frozen=True, slots=True)
class Calendar:
    """Opening hours found in a sentence, as a calendar of the format."""

    id: str
    open: tuple[tuple[str, str], ...]
    sentence: Sentence
    holidays: str | None


@dataclass(frozen=True, slots=True)
class Channel:
    """A channel found: its id and type, the sentence that first names it, and what else is known."""

    id: str
    type: str
    sentence: Sentence
    address: str | None = None
    platform: str | None = None
    hours: str = "not_published"  # always, a calendar id, or not_published
    hours_sentence: Sentence | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in a source."""

    source: Source
    title: Found | None
    organisation: Found | None
    calendars: tuple[Calendar, ...]
    channels: tuple[Channel, ...]
    commitments: tuple[Commitment, ...]
    complaint_channels: tuple[str, ...]  # channel ids that take complaints, as the source says
    complaint_sentence: Sentence | None
    bodies: tuple[Body, ...]
    stages: tuple[tuple[str, Sentence], ...]
    provisions: tuple[str, ...]
    review: Review

    def ids_of(self, owner: Owner) -> tuple[str, ...]:
        """The ids of the channels of the owner's types."""
        return tuple(channel.id for channel in self.channels if channel.type in owner.channels)


def _channel_id(kind: str, platform: str | None) -> str:
    return platform if platform and kind in ("social_media", "messaging") else _IDS.get(kind, kind)


def _address(kind: str, sentence: Sentence, mention: channel_words.Mention) -> str | None:
    text = sentence.text
    shown = text[mention.start:mention.end]
    if kind in ("phone", "fax", "sms") and channel_words.phone_numbers(shown):
        return shown
    if kind == "email" and "@" in shown:
        return shown
    if kind == "post":
        return channel_words.postal_address(text)
    if kind in ("web_form", "portal", "live_chat", "chatbot"):
        address = channel_words.WEB_ADDRESS.search(text)
        return address.group(0).rstrip(".,;") if address else None
    return None


def _channels(ours: Sequence[Sentence]) -> list[Channel]:
    found: dict[str, Channel] = {}
    for sentence in ours:
        for mention in channel_words.mentions(sentence.text):
            key = _channel_id(mention.type, mention.platform)
            address = _address(mention.type, sentence, mention)
            if key not in found:
                found[key] = Channel(key, mention.type, sentence, address, mention.platform)
                continue
            if found[key].sentence.kind == "heading" and sentence.kind != "heading":
                found[key] = replace(found[key], sentence=sentence)  # a sentence says more than a heading
            if found[key].address is None and address:
                found[key] = replace(found[key], address=address)
    if any(c.type == "social_media" and c.platform for c in found.values()):
        found.pop(_IDS["social_media"], None)  # "social media (Facebook, X)": the platforms are the channels
    return list(found.values())


def _calendars(ours: Sequence[Sentence], found: list[Channel]) -> tuple[list[Calendar], list[Channel]]:
    calendars: list[Calendar] = []
    by_id = {channel.id: channel for channel in found}
    for sentence in ours:
        hours: Hours | None = hours_in(sentence.text)
        always = ALWAYS.search(sentence.text) is not None
        if hours is None and not always:
            continue
        calendar_id = "always"
        if hours is not None:
            same = next((c for c in calendars if c.open == hours.open), None)
            if same is None:
                same = Calendar("hours" if not calendars else f"hours-{len(calendars) + 1}", hours.open, sentence,
                                hours.holidays)
                calendars.append(same)
            calendar_id = same.id
        named = channel_words.types_in(sentence.text) or next(
            (types for types in map(channel_words.types_in, sentence.headings) if types), ())
        for channel in found:
            if channel.type in named and by_id[channel.id].hours == "not_published":
                by_id[channel.id] = replace(channel, hours=calendar_id, hours_sentence=sentence)
    if len(calendars) == 1:  # the only hours the source gives: the writer checks each channel's
        for key, channel in by_id.items():
            if channel.hours == "not_published":
                by_id[key] = replace(channel, hours=calendars[0].id, hours_sentence=calendars[0].sentence)
    return calendars, list(by_id.values())


def _complaint_channels(ours: Sequence[Sentence], found: Sequence[Channel]) -> tuple[tuple[str, ...], Sentence | None]:
    named: list[str] = []
    first: Sentence | None = None
    for sentence in ours:
        about = (sentence.text, *sentence.headings[:1])
        if not any("complain" in text.lower() for text in about):
            continue
        for mention in channel_words.mentions(sentence.text):
            key = _channel_id(mention.type, mention.platform)
            if key not in named and any(channel.id == key for channel in found):
                named.append(key)
                first = first or sentence
    return tuple(named), first


def _stages(ours: Sequence[Sentence], bodies: Sequence[Body]) -> tuple[tuple[str, Sentence], ...]:
    """Complaint stages: those the source names ("Stage 1: ..."), in order, then teams a matter is referred to."""
    named: dict[str, Sentence] = {}
    for sentence in ours:
        name = stage_name(sentence)
        if name is not None:
            named.setdefault(name, sentence)
    for name, sentence in referred_stages(ours, bodies):
        named.setdefault(name, sentence)
    return tuple(named.items())


def extract(source: Source) -> Extraction:
    """Everything the source says that a charter holds; ImportFailure when it names no channel."""
    sentences = sentences_of(source.blocks)
    ours = [s for s in sentences if not is_theirs(s)]
    found = _channels(ours)
    if not found:
        raise ImportFailure("names no way to contact the organisation (no phone number, email, letter, visit, chat"
                            " or other channel): is it a customer service charter?")
    calendars, found = _calendars(ours, found)
    only = found[0].type if len({c.type for c in found}) == 1 else None
    promises = commitments_in(ours, only)
    known = {channel.type for channel in found}
    promises = [replace(p, owner=Owner(tuple(t for t in p.owner.channels if t in known), p.owner.complaints))
                if p.owner.channels else p for p in promises]
    promises = [replace(p, stage=stage_name(p.sentence)) if not p.owner.channels and stage_name(p.sentence) else p
                for p in promises]
    bodies = bodies_in(sentences)
    title = title_of(source, sentences)
    complaint_channels, complaint_sentence = _complaint_channels(ours, found)
    return Extraction(source, title, organisation_of(source, title), tuple(calendars), tuple(found), tuple(promises),
                      complaint_channels, complaint_sentence, tuple(bodies),
                      _stages(ours, bodies), channel_words.provisions(s.text for s in ours),
                      review_of(sentences))
