"""CH410-CH413: sections of one charter that contradict each other.

Each rule reports only what the charter states twice and differently: a missing field or an
unreadable limit is no evidence, so nothing is reported for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from charterlint.charter.duration import Duration, longer
from charterlint.charter.views import WRITTEN_TYPES, charter_index, commitment_variants, limits
from charterlint.checks.context import Context
from charterlint.checks.phrases import located, text_spans
from charterlint.checks.promises import Marks, Sentences, Text, charter_texts
from charterlint.model import Span
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import join

# --- CH410 complaint-slower-than-channel -----------------------------------------------------

def complaint_slower_than_channel(document: Document, context: Context) -> Iterator[Problem]:
    """CH410: complaints are acknowledged more slowly than the channels that receive them
    acknowledge any message."""
    feedback = document.data.get("feedback")
    if not isinstance(feedback, dict):
        return
    promised = limits(feedback.get("acknowledge"))
    if not promised:
        return
    slowest = max(promised, key=lambda d: d.magnitude)
    listed = feedback.get("channels")
    ids = {str(i) for i in listed} if isinstance(listed, list) else None
    faster: list[tuple[str, Duration]] = []
    for channel in charter_index(document).channels:
        if ids is not None and channel.id not in ids:
            continue
        quicker = [d for d in limits(channel.commitments.get("acknowledge")) if longer(slowest, d)]
        if quicker:
            faster.append((channel.id, min(quicker, key=lambda d: d.magnitude)))
    if not faster:
        return
    named = ", ".join(f'"{cid}" within "{limit.text}"' for cid, limit in faster)
    noun = "channel" if len(faster) == 1 else "channels"
    acknowledge = feedback["acknowledge"]
    pointer = join("/feedback/acknowledge", "within") if isinstance(acknowledge, dict) else "/feedback/acknowledge"
    yield Problem(
        f'complaints are acknowledged within "{slowest.text}", but any message is acknowledged sooner on {noun} '
        f"{named}: a complaint should not wait longer (acknowledge complaints at least as quickly)",
        pointer,
    )


# --- CH411 escalation-via-missing-channel ----------------------------------------------------

_WRITE = re.compile(
    r"(?<!\w)(?:write\s+to|writing\s+to|by\s+(?:letter|post)|in\s+a\s+letter|a\s+letter\s+to|postal\s+address)(?!\w)",
    re.IGNORECASE,
)
_ELECTRONIC = re.compile(r"e-?mail|@|online|web\s*form|website", re.IGNORECASE)


def _stage_texts(document: Document) -> Iterator[tuple[int, str, str]]:
    """(stage index, pointer, text) of every customer text of an escalation stage, its name first."""
    escalation = document.data.get("escalation")
    stages = escalation.get("stages") if isinstance(escalation, dict) else None
    if not isinstance(stages, list):
        return
    texts = charter_index(document).texts
    for index, stage in enumerate(stages):
        if not isinstance(stage, dict):
            continue
        prefix = join("/escalation/stages", index)
        if isinstance(stage.get("name"), str):
            yield index, join(prefix, "name"), stage["name"]
        for pointer, value in texts:
            if pointer.startswith(prefix + "/"):
                yield index, pointer, value


def escalation_via_missing_channel(document: Document, context: Context) -> Iterator[Problem]:
    """CH411: an escalation stage asks customers to write a letter, but no channel is a post channel."""
    if any(channel.type == "post" for channel in charter_index(document).channels):
        return
    for index, pointer, value in _stage_texts(document):
        found = list(_WRITE.finditer(value))
        if not found or _ELECTRONIC.search(value):
            continue
        name = document.data["escalation"]["stages"][index].get("name", index + 1)
        span = located(document, pointer, found, _WRITE)[0]
        phrase = " ".join(found[0].group(0).split())
        yield Problem(
            f'escalation stage "{name}" asks customers to write ("{phrase}"), but no channel has type post: '
            "add the postal channel, with its address and commitments, or say how else to escalate",
            pointer, span=span,
        )


# --- CH412 appointment-contradicts-walk-in ---------------------------------------------------

_WALK_IN = re.compile(
    r"(?<!\w)(?:walk-ins?|drop-ins?|(?:walk|drop)\s+in(?=\s+(?:to|at|and|any\s*time|during|between)(?!\w))|"
    r"without\s+(?:an\s+)?appointment|"
    r"no\s+(?:need\s+for\s+an\s+)?appointment(?:\s+(?:is\s+)?(?:needed|necessary|required))?|"
    r"just\s+(?:turn|come)\s+(?:up|in|along))(?!\w)",
    re.IGNORECASE,
)
_APPOINTMENT = re.compile(
    r"(?<!\w)(?:by\s+appointment\s+only|appointments?\s+(?:is\s+|are\s+)?(?:needed|necessary|required|essential)|"
    r"(?:need|needs|must)\s+(?:to\s+)?(?:make|book|have)\s+an\s+appointment|(?:need|needs)\s+an\s+appointment)(?!\w)",
    re.IGNORECASE,
)
# A sentence with one of these words qualifies its appointment ("for planning advice", "if ...").
_QUALIFIED = re.compile(r"(?<!\w)(?:for|some|certain|specific|particular|except|unless|if)(?!\w)", re.IGNORECASE)


def _line(document: Document, text: Text, span: Span | None) -> int:
    if span is not None:
        return span.start.line
    return document.locate(text.pointer or "").start.line


def appointment_contradicts_walk_in(document: Document, context: Context) -> Iterator[Problem]:
    """CH412: the charter says customers need an appointment and, elsewhere, that they can walk in."""
    if not any(channel.type == "in_person" for channel in charter_index(document).channels):
        return
    walk_in: tuple[int, str] | None = None
    needed: list[tuple[Text, re.Match[str], Span | None]] = []
    for text in charter_texts(document):
        walks = list(_WALK_IN.finditer(text.value))
        if walks and walk_in is None:
            span = text_spans(document, text, walks, _WALK_IN)[0]
            walk_in = (_line(document, text, span), " ".join(walks[0].group(0).split()))
        found = list(_APPOINTMENT.finditer(text.value))
        if not found:
            continue
        sentences = Sentences(text.value)
        walk_marks, qualifiers = Marks(_WALK_IN, text.value), Marks(_QUALIFIED, text.value)
        for match, span in zip(found, text_spans(document, text, found, _APPOINTMENT)):
            # the walk-in phrase in the same sentence ("no appointment is needed" holds both) or a
            # qualifier makes the appointment rule part of the walk-in promise, or a narrower rule
            start, end = sentences.bounds(match.start())
            if walk_marks.between(start, end) or qualifiers.between(start, end):
                continue
            needed.append((text, match, span))
    if walk_in is None:
        return
    line, phrase = walk_in
    for text, match, span in needed:
        named = " ".join(match.group(0).split())
        yield Problem(
            f'"{named}" contradicts the walk-in promise on line {line} ("{phrase}"): say which services need an '
            "appointment, or remove one of them",
            text.pointer or "", span=span,
        )


# --- CH413 clock-start-mismatch ---------------------------------------------------------------

# The clock start said right after a limit's unit ("10 working days of receipt"), so that
# "an acknowledgement of receipt" is not read as one.
_UNITS = ("day", "days", "hour", "hours", "week", "weeks", "month", "months", "minute", "minutes")
_AFTER_UNIT = ("(?:" + "|".join(rf"(?<={unit}\s)" for unit in _UNITS) + ")"
               r"(?:of|from|after)\s+(?:the\s+(?:date|day|time)\s+)?")
_RECEIPT = re.compile(
    _AFTER_UNIT + r"(?:(?:when\s+)?we\s+)?(?:receipt|receiv(?:e|es|ed|ing)|get)(?!\w)",
    re.IGNORECASE,
)
_SENDING = re.compile(
    _AFTER_UNIT + r"(?:(?:when\s+)?you\s+)?(?:send|sent|sending|submit|submitted|submitting)(?!\w)",
    re.IGNORECASE,
)
_CLOCK_EVENTS = ("acknowledge", "respond", "resolve")


def _clock_start(document: Document, pointer: str, commitment: dict[str, Any]) -> tuple[str, str, Span | None] | None:
    """(start, pointer, span) of a commitment's clock: its `from`, else its text's wording; None if unsaid."""
    start = commitment.get("from")
    if isinstance(start, str):
        return start, join(pointer, "from"), None
    text = commitment.get("text")
    if not isinstance(text, str):
        return None
    said = [(name, pattern) for name, pattern in (("receipt", _RECEIPT), ("sending", _SENDING)) if pattern.search(text)]
    if len(said) != 1:
        return None
    name, pattern = said[0]
    found = list(pattern.finditer(text))
    return name, join(pointer, "text"), located(document, join(pointer, "text"), found, pattern)[0]


def clock_start_mismatch(document: Document, context: Context) -> Iterator[Problem]:
    """CH413: written channels time the same event from different moments (receipt, sending)."""
    for event in _CLOCK_EVENTS:
        first: tuple[str, str] | None = None  # (start, channel id)
        for channel in charter_index(document).channels:
            if channel.type not in WRITTEN_TYPES:
                continue
            base = join(channel.pointer, "commitments", event)
            for pointer, commitment in commitment_variants(base, channel.commitments.get(event)):
                found = _clock_start(document, pointer, commitment)
                if found is None:
                    continue
                start, at, span = found
                if first is None:
                    first = (start, channel.id)
                elif start != first[0] and channel.id != first[1]:
                    yield Problem(
                        f'{event} on channel "{channel.id}" is timed from {start.replace("_", " ")}, but on channel '
                        f'"{first[1]}" from {first[0].replace("_", " ")}: customers cannot compare the two '
                        "(time both from the same moment, e.g. receipt)",
                        at, span=span,
                    )
