"""The published charter as a page model: every part of a schema-valid charter, already in words.

The HTML, Markdown and Word writers lay out the same `Page`, so the three formats say the same
thing. Commitments are worded by charter.wording, opening hours by charter.opening, the rest
from the message catalogue (render.messages); the charter's own text is kept as it is (each
writer escapes it for its format).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from charterlint.charter import wording
from charterlint.charter.opening import hours_words
from charterlint.charter.views import Channel, CharterIndex, calendars_by_id, commitment_entries
from charterlint.render.messages import label
from charterlint.render.sections import (
    Escalation,
    Feedback,
    Performance,
    Review,
    SelfService,
    accessibility_words,
    escalation,
    feedback,
    performance,
    review,
    self_service,
    text,
    texts,
)

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class ChannelSection:
    """One way to contact the organisation, as customers read it."""

    id: str
    name: str
    kind: str
    address: str
    hours: str
    promises: tuple[str, ...]
    after_hours: str
    handoff: str
    accessibility: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StandardSection:
    """A promise made for no channel: a service standard, or a goal for one kind of matter."""

    name: str
    promises: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Page:
    """Everything the published charter shows, in the order it shows it."""

    title: str
    organisation: str
    language: str
    draft: bool
    vision: str
    mission: str
    values: tuple[str, ...]
    channel_statement: str
    channels: tuple[ChannelSection, ...]
    standards: tuple[StandardSection, ...]
    self_service: tuple[SelfService, ...]
    rights: tuple[str, ...]
    dispute_process: str
    dispute_promise: str
    after_purchase: str
    after_purchase_period: str
    training: str
    accreditations: tuple[str, ...]
    accountability: str
    feedback: Feedback | None
    escalation: Escalation | None
    accessibility: tuple[str, ...]
    performance: Performance | None
    review: Review
    body: str  # a Markdown charter's prose, as Markdown ('' for YAML and JSON)

    @property
    def has_overview(self) -> bool:
        return bool(self.vision or self.mission or self.values or self.channel_statement)


def _promises(commitments: Any, subject: wording.Subject, words: Mapping[str, str]) -> tuple[str, ...]:
    """The sentences of a `commitments` mapping, in event order (variants each in turn)."""
    sentences = []
    for _, event, data in commitment_entries("", commitments):
        said = promise(event, data, subject, words)
        if said:
            sentences.append(said)
    return tuple(sentences)


def promise(event: str, data: Mapping[str, Any], subject: wording.Subject, words: Mapping[str, str]) -> str:
    """One commitment or progress update as a sentence."""
    if event == "update":
        return wording.update_sentence(data, words=words)
    return wording.commitment_sentence(event, data, subject, words)


def _channel(channel: Channel, index: CharterIndex, names: Mapping[str, str], calendars: Mapping[str, Any],
             messages: Mapping[str, str]) -> ChannelSection:
    data = channel.data
    subject = wording.channel_subject(channel.type, messages)
    promises = []
    for commitment in index.commitments_of(channel):
        said = promise(commitment.event, commitment.data, subject, messages)
        if said and said not in promises:
            promises.append(said)
    follow_up = data.get("human_follow_up")
    after_hours = ""
    if isinstance(follow_up, dict):
        via = str(follow_up.get("via", ""))
        after_hours = wording.follow_up_sentence(follow_up, None if via == "same channel" else names.get(via, via),
                                                 messages)
    target = data.get("handoff_to")
    handoff = messages["text.handoff"].format(name=names[channel.id], target=names.get(str(target), str(target))) \
        if isinstance(target, str) else ""
    return ChannelSection(channel.id, names[channel.id], label(messages, "channel", channel.type), text(data, "address"),
                          hours_words(data.get("hours"), calendars, messages), tuple(promises), after_hours, handoff,
                          accessibility_words(data.get("accessibility"), messages))


def _mapping(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def channel_names(index: CharterIndex, messages: Mapping[str, str]) -> dict[str, str]:
    """Each channel's display name: its `name`, else the words for its kind; a name that several
    channels would share (a day line and an out-of-hours line, both "Phone") gets each one's address
    (else its id) after it, so that headings and "through ..." say which."""
    names = {c.id: text(c.data, "name") or label(messages, "channel", c.type) for c in index.channels}
    shared = {name for name in names.values() if list(names.values()).count(name) > 1}
    return {c.id: f"{names[c.id]} ({text(c.data, 'address') or c.id})" if names[c.id] in shared else names[c.id]
            for c in index.channels}


def build_page(data: Mapping[str, Any], messages: Mapping[str, str], *, body: str = "", draft: bool = False,
               language: str | None = None) -> Page:
    """The page of a schema-valid charter. `language` (configuration) is used when the charter has none."""
    index = CharterIndex.of(dict(data))
    names = channel_names(index, messages)
    calendars = calendars_by_id(data)
    overview, rights, team, organisation = (_mapping(data, key) for key in ("overview", "rights", "team", "organization"))
    disputes, after = _mapping(rights, "disputes"), _mapping(rights, "after_purchase")
    standards = tuple(
        StandardSection(text(s.data, "name") or text(s.data, "matter").capitalize() or s.id,
                        _promises(s.data.get("commitments"),
                                  wording.matter_subject(text(s.data, "matter") or None, messages), messages))
        for s in index.standards if not s.channel_ids)
    dispute_promise = wording.commitment_sentence("respond", disputes["respond"],
                                                  wording.named_subject("disputes", messages), messages) \
        if isinstance(disputes.get("respond"), dict) else ""
    period = wording.period_words(after.get("period"), messages)
    return Page(
        title=text(data, "title"), organisation=text(organisation, "name"),
        language=text(data, "language") or language or DEFAULT_LANGUAGE, draft=draft,
        vision=text(overview, "vision"), mission=text(overview, "mission"), values=texts(overview.get("values")),
        channel_statement=text(overview, "channel_statement"),
        channels=tuple(_channel(c, index, names, calendars, messages) for c in index.channels),
        standards=standards,
        self_service=self_service(data.get("self_service"), names, calendars, messages),
        rights=texts(rights.get("statements")), dispute_process=text(disputes, "process"),
        dispute_promise=dispute_promise, after_purchase=text(after, "text"),
        after_purchase_period=messages["text.period"].format(period=period) if period else "",
        training=text(team, "training"), accreditations=texts(team.get("accreditations")),
        accountability=text(team, "accountability"),
        feedback=feedback(data.get("feedback"), names, messages),
        escalation=escalation(data.get("escalation"), names, messages),
        accessibility=accessibility_words(data.get("accessibility"), messages),
        performance=performance(data.get("performance"), messages),
        review=review(data.get("review"), messages),
        body=body,
    )


def contents(page: Page, messages: Mapping[str, str]) -> list[tuple[str, str]]:
    """The page's sections, as (id, heading), in order: the table of contents."""
    shown = [
        ("overview", "heading.overview", page.has_overview),
        ("contact", "heading.contact", True),
        ("standards", "heading.standards", bool(page.standards)),
        ("self-service", "heading.self_service", bool(page.self_service)),
        ("rights", "heading.rights", bool(page.rights or page.dispute_process or page.after_purchase)),
        ("complaints", "heading.feedback", bool(page.feedback or page.escalation)),
        ("accessibility", "heading.accessibility", bool(page.accessibility)),
        ("team", "heading.team", bool(page.training or page.accreditations or page.accountability)),
        ("performance", "heading.performance", page.performance is not None),
        ("more", "heading.about_charter", bool(page.body.strip())),
        ("review", "heading.review", True),
    ]
    return [(anchor, messages[key]) for anchor, key, present in shown if present]
