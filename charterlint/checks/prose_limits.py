"""CH502 prose-contradicts-data: the Markdown prose states a time limit the data gives differently.

Precision first: a sentence is read only when it names exactly one kind of thing (complaints,
emails, letters, calls, web forms, live chats, text messages), exactly one event (answer,
acknowledge, reply, resolve), exactly one "within N unit" limit and no other duration (in figures
or in words); the data's limits for that event on that thing must all be comparable with the prose
limit and none equal to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from charterlint.charter.duration import Duration, comparable, durations_in, parse_duration
from charterlint.charter.views import charter_index, limits
from charterlint.checks.context import Context
from charterlint.checks.promises import Sentences
from charterlint.checks.prose import body_prose
from charterlint.source.document import Document, Problem


@dataclass(frozen=True, slots=True)
class Thing:
    """What a promise is about: its words in prose, and the channel types (or feedback) it means."""

    label: str
    pattern: re.Pattern[str]
    types: tuple[str, ...]  # channel types; empty for complaints (the feedback section)


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)", re.IGNORECASE)


_THINGS = (
    Thing("complaints", _words(r"complaints?"), ()),
    Thing("emails", _words(r"e-?mails?"), ("email",)),
    Thing("letters", _words(r"letters?"), ("post",)),
    Thing("calls", _words(r"(?:phone\s+|telephone\s+)?calls|your\s+call|telephone\s+calls?"), ("phone",)),
    Thing("web forms", _words(r"(?:web|online)\s+forms?"), ("web_form",)),
    Thing("live chats", _words(r"(?:live|web)\s+chats?"), ("live_chat",)),
    Thing("text messages", _words(r"text\s+messages?|sms"), ("sms",)),
)
_EVENTS = (
    ("answer", _words(r"answer(?:s|ed|ing)?|pick(?:ed)?\s+up")),
    ("acknowledge", _words(r"acknowledg(?:e|es|ed|ing|ement|ements)")),
    ("respond", _words(r"repl(?:y|ies|ied)|respon(?:d|ds|ded|se|ses)|get\s+back|"
                       r"(?:call|ring)(?:s|ed)?\s+(?:you\s+)?back")),
    ("resolve", _words(r"resol(?:ve|ves|ved|ution)|settle(?:d|s)?")),
)
# A sentence about a later stage ("at stage 2 we respond within 20 working days") is not about the
# first response the data gives: it is not compared.
_LATER_STAGE = _words(r"stages?|escalat\w*|appeals?|review(?:s|ed)?|ombudsman|senior|managers?|chief\s+executive|"
                      r"directors?|further|second|final")
_LIMIT = _words(
    r"within\s+(?P<count>\d+)\s+(?:(?P<kind>working|business|calendar)\s+)?"
    r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|months?)"
)


def _duration(match: re.Match[str]) -> Duration | None:
    kind = f"{match['kind'].lower()} " if match["kind"] else ""
    unit = match["unit"].lower()
    return parse_duration(f"{match['count']} {kind}{unit if unit.endswith('s') else unit + 's'}")


def _data_limits(document: Document, thing: Thing, event: str) -> tuple[list[Duration], str]:
    """The data's limits for `event` on `thing`, and where they are said (for the message)."""
    if not thing.types:
        feedback = document.data.get("feedback")
        return (limits(feedback.get(event)) if isinstance(feedback, dict) else []), f"feedback.{event}"
    found: list[Duration] = []
    ids: list[str] = []
    for channel in charter_index(document).channels:
        if channel.type in thing.types:
            here = limits(channel.commitments.get(event))
            found += here
            ids += [channel.id] if here else []
    return found, "channel " + ", ".join(f'"{i}"' for i in ids)


def _one(found: list[str]) -> str | None:
    distinct = set(found)
    return distinct.pop() if len(distinct) == 1 else None


def prose_contradicts_data(document: Document, context: Context) -> Iterator[Problem]:
    """CH502: a prose sentence's time limit for a thing and event the data limits differently."""
    prose = body_prose(document)
    if prose is None:
        return
    text, positions = prose
    sentences = Sentences(text)
    seen: set[tuple[int, int]] = set()
    for limit in _LIMIT.finditer(text):
        start, end = sentences.bounds(limit.start())
        if (start, end) in seen:
            continue
        seen.add((start, end))
        sentence = text[start:end]
        things = _one([t.label for t in _THINGS if t.pattern.search(sentence)])
        events = _one([e for e, pattern in _EVENTS if pattern.search(sentence)])
        if things is None or events is None or len(_LIMIT.findall(sentence)) != 1 or _LATER_STAGE.search(sentence):
            continue
        # Any other duration in the sentence, in figures or in words ("within one working day, and
        # to mail within 10 working days"), may be the one meant for the thing: too ambiguous to read.
        if len(durations_in(sentence)) > 1:
            continue
        said = _duration(limit)
        thing = next(t for t in _THINGS if t.label == things)
        data, where = _data_limits(document, thing, events)
        if said is None or not data or not all(comparable(said, d) for d in data):
            continue
        if any(d.magnitude == said.magnitude for d in data):
            continue
        promised = ", ".join(sorted({f'"{d.text}"' for d in data}))
        yield Problem(
            f'the text says {thing.label} get {_event_noun(events)} "within {said.text}", but {where} says '
            f"{promised}: state one limit in both places",
            span=positions.span(limit.start(), limit.end()),
        )


def _event_noun(event: str) -> str:
    return {"answer": "an answer", "acknowledge": "an acknowledgement", "respond": "a reply",
            "resolve": "a resolution"}[event]
