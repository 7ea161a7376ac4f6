"""The charter draft: what was extracted, in the format's forms, as YAML text citing the source.

Beside each value, a comment gives where it was found (a line, or a paragraph or table cell of
a Word file) and the sentence it came from; a required value that was not found is left empty
with `# TODO (kind): what to write`. Silence is written as the format records it (`hours:
not_published`, `review: {undated: true}`), never as an invented value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from charterlint.importer.commitments import Commitment
from charterlint.importer.extract import Channel, Extraction
from charterlint.importer.facts import Found
from charterlint.importer.sentences import Sentence
from charterlint.importer.yaml_text import Node, document, safe_comment

_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_FEEDBACK_KINDS = ("acknowledge", "respond", "update")
_STAGE_KINDS = ("acknowledge", "respond")
_KIND_ORDER = ("answer", "acknowledge", "respond", "resolve", "update")
Target = tuple[str, str]  # ("channel", id), ("standard", key), ("stage", name) or ("feedback", "")


def cite(sentence: Sentence) -> str:
    """Where a value came from and the sentence, on one safe line."""
    return f'{sentence.origin}: "{safe_comment(sentence.text, 90)}"'


def todo(kind: str, what: str) -> Node:
    """An empty required value with the TODO that says what to write."""
    return Node(None, comment=f"TODO ({kind}): {what}")


def _found(found: Found | None, kind: str, what: str) -> Node:
    if found is None:
        return todo(kind, what)
    return Node(found.value, comment=cite(found.sentence) if found.sentence else found.how)


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-") or "standard"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def _fields(commitment: Commitment, *, variant: bool) -> list[tuple[str, Node]]:
    entries: list[tuple[str, Node]] = []
    if variant:
        entries.append(("when", Node(commitment.case) if commitment.case else
                        todo("text", "the case this variant covers")))
    if commitment.kind == "update":
        entries.append(("every", Node(commitment.within)))
    else:
        for key, value in (("within", commitment.within), ("target", commitment.target), ("at", commitment.at),
                           ("from", commitment.start), ("statistic", commitment.statistic)):
            if value:
                entries.append((key, Node(value)))
    if commitment.strength:
        entries.append(("strength", Node(commitment.strength)))
    entries.append(("text", Node(commitment.wording)))
    if variant:  # the citation goes on the first line that has no TODO
        index = 1 if entries[0][1].comment else 0
        key, node = entries[index]
        entries[index] = (key, Node(node.value, comment=cite(commitment.sentence)))
    return entries


def commitment_node(found: Sequence[Commitment]) -> Node:
    """One commitment, or a list of variants when the source gives several for the same event."""
    if len(found) == 1:
        return Node(entries=tuple(_fields(found[0], variant=False)), comment=cite(found[0].sentence))
    return Node(items=tuple(Node(entries=tuple(_fields(c, variant=True))) for c in found))


def _targets(extraction: Extraction) -> dict[Target, dict[str, list[Commitment]]]:
    slots: dict[Target, dict[str, list[Commitment]]] = {}
    numbered = [c for c in extraction.commitments if c.within or c.target]
    worded = [c for c in extraction.commitments if not (c.within or c.target)]
    for commitment in [*numbered, *worded]:
        target: Target
        stage = ("stage", commitment.stage or "")
        if commitment.stage and commitment.kind in _STAGE_KINDS and not slots.get(stage, {}).get(commitment.kind):
            target = stage
        elif commitment.owner.channels:
            ids = extraction.ids_of(commitment.owner)
            target = ("channel", ids[0]) if len(ids) == 1 else ("standard", "+".join(ids))
        elif commitment.owner.complaints:
            free = commitment.kind in _FEEDBACK_KINDS and not slots.get(("feedback", ""), {}).get(commitment.kind)
            target = ("feedback", "") if free else ("standard", "complaints")
        else:
            target = ("standard", commitment.sentence.headings[0] if commitment.sentence.headings else "")
        kinds = slots.setdefault(target, {})
        if commitment in worded and kinds.get(commitment.kind):
            continue  # a number already said; the words add nothing to check
        if target[0] == "feedback" and kinds.get(commitment.kind):
            target, kinds = ("standard", "complaints"), slots.setdefault(("standard", "complaints"), {})
        kinds.setdefault(commitment.kind, []).append(commitment)
    return slots


def _commitments(kinds: dict[str, list[Commitment]]) -> Node:
    return Node(entries=tuple((kind, commitment_node(kinds[kind])) for kind in _KIND_ORDER if kind in kinds))


def _channel(channel: Channel, kinds: dict[str, list[Commitment]] | None) -> Node:
    entries: list[tuple[str, Node]] = [("id", Node(channel.id, comment=cite(channel.sentence))),
                                       ("type", Node(channel.type))]
    if channel.address:
        entries.append(("address", Node(channel.address)))
    if channel.platform:
        entries.append(("platform", Node(channel.platform)))
    if channel.hours == "not_published":
        entries.append(("hours", Node("not_published", comment="the source gives no hours for this channel")))
    else:
        entries.append(("hours", Node(channel.hours, comment=cite(channel.hours_sentence)
                                      if channel.hours_sentence else None)))
    if kinds:
        entries.append(("commitments", _commitments(kinds)))
    return Node(entries=tuple(entries))


def _standards(extraction: Extraction, slots: dict[Target, dict[str, list[Commitment]]]) -> list[Node]:
    taken = {channel.id for channel in extraction.channels}
    standards: list[Node] = []
    for (kind, key), kinds in slots.items():
        if kind != "standard":
            continue
        if key == "complaints":
            entries = [("id", Node(_slug("complaints", taken))), ("matter", Node("complaints"))]
        elif "+" in key or key in taken:
            ids = key.split("+")
            entries = [("id", Node(_slug("-".join(ids), taken))), ("channels", Node(items=tuple(map(Node, ids)),
                                                                                     flow=True))]
        else:
            entries = [("id", Node(_slug(key, taken)))] + ([("name", Node(key))] if key else [])
        standards.append(Node(entries=(*entries, ("commitments", _commitments(kinds)))))
    return standards


def _calendars(extraction: Extraction) -> list[Node]:
    nodes = []
    for calendar in extraction.calendars:
        entries: list[tuple[str, Node]] = [
            ("id", Node(calendar.id)),
            ("timezone", todo("timezone", "the time zone of these hours, e.g. Europe/London")),
            ("open", Node(entries=tuple((days, Node(time)) for days, time in calendar.open),
                          comment=cite(calendar.sentence)))]
        if calendar.holidays:
            entries.append(("holidays", Node(calendar.holidays)))
        nodes.append(Node(entries=tuple(entries)))
    return nodes


def _feedback(extraction: Extraction, kinds: dict[str, list[Commitment]] | None) -> Node | None:
    entries: list[tuple[str, Node]] = []
    if extraction.complaint_channels:
        sentence = extraction.complaint_sentence
        entries.append(("channels", Node(items=tuple(map(Node, extraction.complaint_channels)), flow=True,
                                         comment=cite(sentence) if sentence else None)))
    for kind in _FEEDBACK_KINDS:
        if kinds and kind in kinds:
            entries.append((kind, commitment_node(kinds[kind][:1])))
    return Node(entries=tuple(entries)) if entries else None


def _stage(name: str, sentence: Sentence, kinds: dict[str, list[Commitment]]) -> Node:
    entries: list[tuple[str, Node]] = [("name", Node(name, comment=cite(sentence))), ("internal", Node(True))]
    entries += [(kind, commitment_node(kinds[kind][:1])) for kind in _STAGE_KINDS if kind in kinds]
    return Node(entries=tuple(entries))


def _escalation(extraction: Extraction, slots: dict[Target, dict[str, list[Commitment]]]) -> Node | None:
    entries: list[tuple[str, Node]] = []
    if extraction.stages:
        entries.append(("stages", Node(items=tuple(_stage(name, sentence, slots.get(("stage", name), {}))
                                                   for name, sentence in extraction.stages))))
    bodies = []
    for body in extraction.bodies:
        fields: list[tuple[str, Node]] = [("body", Node(body.name, comment=cite(body.sentence)))]
        if body.type:
            fields.append(("type", Node(body.type)))
        if body.after:
            fields.append(("after", Node(body.after, comment=cite(body.after_sentence)
                                         if body.after_sentence and body.after_sentence != body.sentence else None)))
        if body.customer_deadline:
            fields.append(("customer_deadline", Node(body.customer_deadline)))
        if body.contact:
            fields.append(("contact", Node(body.contact)))
        bodies.append(Node(entries=tuple(fields)))
    if bodies:
        entries.append(("external", Node(items=tuple(bodies))))
    return Node(entries=tuple(entries)) if entries else None


def _review(extraction: Extraction) -> Node:
    review = extraction.review
    entries: list[tuple[str, Node]] = []
    if review.last is not None:
        note = "" if review.exact else " (the source gives the month only: the 1st is written)"
        entries.append(("last_reviewed", Node(review.last.value, comment=cite(review.last.sentence) + note
                                              if review.last.sentence else None)))
    else:
        entries.append(("undated", Node(True, comment="no review or update date found in the source: give"
                                                      " last_reviewed instead if you know it")))
    for key, found in (("next_review", review.next), ("cadence", review.cadence)):
        if found is not None:
            entries.append((key, Node(found.value, comment=cite(found.sentence) if found.sentence else None)))
    return Node(entries=tuple(entries))


def draft_text(extraction: Extraction, draft_name: str) -> str:
    """The draft charter as YAML text with its comments."""
    source = extraction.source
    slots = _targets(extraction)
    organisation = Node(entries=(("name", _found(extraction.organisation, "text", "the organisation's name")),),
                        extra=("sector: one of the sectors in docs/format.md (some rules depend on it)",))
    entries: list[tuple[str, Node]] = [
        ("charter_format", Node(1)),
        ("title", _found(extraction.title, "text", "the charter's title")),
        ("organization", organisation),
    ]
    if source.language and _LANGUAGE.fullmatch(source.language):
        entries.append(("language", Node(source.language, comment="the page's lang attribute")))
    entries.append(("overview", Node(entries=(("mission", todo("text", "what the organisation does for its"
                                                                       " customers, in its own words")),))))
    calendars = _calendars(extraction)
    if calendars:
        entries.append(("calendars", Node(items=tuple(calendars))))
    entries.append(("channels", Node(items=tuple(_channel(c, slots.get(("channel", c.id)))
                                                 for c in extraction.channels))))
    standards = _standards(extraction, slots)
    if standards:
        entries.append(("standards", Node(items=tuple(standards))))
    if extraction.provisions:
        entries.append(("accessibility", Node(items=tuple(map(Node, extraction.provisions)), flow=True)))
    for key, node in (("feedback", _feedback(extraction, slots.get(("feedback", "")))),
                      ("escalation", _escalation(extraction, slots))):
        if node is not None:
            entries.append((key, node))
    entries.append(("review", _review(extraction)))
    where = "line" if source.kind in ("markdown", "html") else "paragraph or table cell"
    header = (f"A draft charter from `charterlint import`, read from {source.name}.",
              f"Beside each value: the {where} of the source it comes from, and the sentence (shortened).",
              "Check every value against the source, fill each TODO (the format: docs/format.md), then run:",
              f"  charterlint check {draft_name}")
    return document(entries, header)
