"""External bodies (ombudsmen, appeal bodies, regulators) and internal complaint stages in prose.

Known names come from rules/external-bodies.yaml, the table CH414 reads (`checks.bodies`): a
former name is kept as written, so that the draft's lint says what the body is called now. Other
bodies are found by what their names end in ("... Ombudsman", "... Appeals Body").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from charterlint.charter.duration import durations_in
from charterlint.checks.bodies import shipped_table
from charterlint.importer.channels import EMAIL_ADDRESS, WEB_ADDRESS, phone_numbers, postal_address
from charterlint.importer.sentences import Sentence

_HEAD = r"(?:Ombudsman|Ombudsperson|Appeals? Body|Adjudicator|Arbitration Service|Dispute Resolution Service)"
_NAME = re.compile(r"(?:[A-Z][\w&'\u2019-]*\s+(?:(?:and|for|of|the|&)\s+)?){0,6}" + _HEAD +
                   r"(?:\s+(?:Service|Services|Scheme))?(?:(?::\s*|\s+)(?:for|of)?\s*[A-Z][a-z]\w*(?:\s+[A-Z][a-z]\w*){0,3})?")
_LEADING = frozenset({"The", "If", "Once", "When", "You", "We", "Our", "Your", "Then", "After", "Contact", "Ask", "Refer",
                      "Write", "Call", "Please", "Or", "And", "Alternatively", "For", "To", "Visit", "Email", "Phone"})
_VAGUE = re.compile(r"\bthe (?:relevant |independent |industry )?ombudsman\b", re.IGNORECASE)
_ADVICE = re.compile(r"\bCitizens Advice\b|\bConsumer Direct\b|\bAdvocacy Service\b|\bHealthwatch\b")
_AFTER = re.compile(r"\bfinal (?:response|decision|reply|letter)\b|\bdeadlock\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:you have|must (?:contact|refer|complain)\w*[^.]{0,40}?within|no later than)\b",
                       re.IGNORECASE)
_STAGE = re.compile(r"\b(?:stage\s+(?:[1-4]|one|two|three|four)|(?:first|second|third|final)\s+stage)\b",
                    re.IGNORECASE)
_REFER = re.compile(r"\b(?:refer|pass|escalat|forward|hand)\w*\b[^.;]{0,60}?\bto (?:the |our |a )?"
                    r"(?P<name>(?:[A-Z][\w&'-]*\s?){1,5})")


@dataclass(frozen=True, slots=True)
class Body:
    """An external body named in the source, with the sentence that names it first."""

    name: str
    sentence: Sentence
    type: str | None
    after: str | None
    after_sentence: Sentence | None
    customer_deadline: str | None
    contact: str | None


@cache
def known_names() -> tuple[str, ...]:
    """The body names of the shipped table, current and former, longest first."""
    table = shipped_table()
    names: set[str] = set()
    for entry in table.get("renamed") or ():
        if isinstance(entry, dict):
            names.update(str(entry[key]) for key in ("name", "current") if isinstance(entry.get(key), str))
    return tuple(sorted(names, key=len, reverse=True))


def _trimmed(name: str) -> str:
    words = name.split()
    while words and words[0] in _LEADING:
        words.pop(0)
    return " ".join(words).rstrip(".,;:")


@cache
def _known_pattern() -> re.Pattern[str]:
    """One pattern for every name of the table (longest first, so a name wins over its prefix)."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, known_names())) + r")(?!\w)", re.IGNORECASE)


def names_in(text: str) -> list[str]:
    """The external bodies `text` names: table names first, then names ending like a body's."""
    found: list[tuple[int, str]] = []
    if known_names():
        found += [(match.start(), match.group(0)) for match in _known_pattern().finditer(text)]
    for match in _NAME.finditer(text):
        name = _trimmed(match.group(0))
        start = match.start() + match.group(0).find(name)
        if name and _HEAD_WORD.search(name) and not any(s <= start < s + len(o) or start <= s < start + len(name)
                                                         for s, o in found):
            found.append((start, name))
    return [name for _, name in sorted(found)]


_HEAD_WORD = re.compile(_HEAD)


def is_theirs(sentence: Sentence) -> bool:
    """Whether the sentence is about an outside body (its contact details are not the organisation's)."""
    return bool(names_in(sentence.text) or _VAGUE.search(sentence.text) or _ADVICE.search(sentence.text))


def _type(name: str) -> str | None:
    if re.search(r"Ombuds", name):
        return "ombudsman"
    return "adr" if re.search(r"Appeals? Body|Adjudicator|Arbitration|Dispute Resolution", name) else None


def _contact(texts: Iterable[str]) -> str | None:
    parts: list[str] = []
    for text in texts:
        parts += [m.group(0).rstrip(".,;") for m in WEB_ADDRESS.finditer(text)]
        parts += [m.group(0) for m in EMAIL_ADDRESS.finditer(text)]
        address = postal_address(text)
        parts += [address] if address else []
        parts += phone_numbers(text)
    unique = list(dict.fromkeys(parts))
    return "; ".join(unique) if unique else None


def bodies_in(sentences: Sequence[Sentence]) -> list[Body]:
    """Each external body the sentences name (once, at its first naming), with when and how to go there."""
    by_name: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        for name in names_in(sentence.text):
            by_name.setdefault(name, []).append(sentence)
    if not by_name:  # only "the ombudsman": keep it as written (CH414 asks which)
        for sentence in sentences:
            vague = _VAGUE.search(sentence.text)
            if vague:
                by_name.setdefault(vague.group(0), []).append(sentence)
    bodies: list[Body] = []
    for name, named in by_name.items():
        after, after_sentence, deadline = None, None, None
        for sentence in named:
            durations = durations_in(sentence.text)
            if deadline is None and durations and _DEADLINE.search(sentence.text):
                deadline = durations[-1].duration.text
                durations = durations[:-1]
            if after is None and durations:
                after, after_sentence = durations[0].duration.text, sentence
            elif after is None and _AFTER.search(sentence.text):
                after, after_sentence = "final response", sentence
        bodies.append(Body(name, named[0], _type(name), after, after_sentence, deadline,
                           _contact(s.text for s in named)))
    return bodies


def stage_name(sentence: Sentence) -> str | None:
    """The complaint stage a sentence belongs to ("Stage 2: review by a director"), from it or its heading."""
    for text in (*sentence.headings[:1], sentence.text):
        match = _STAGE.search(text)
        if match:
            return text if text in sentence.headings else match.group(0).capitalize()
    return None


def referred_stages(sentences: Sequence[Sentence], bodies: Sequence[Body]) -> list[tuple[str, Sentence]]:
    """Internal teams a matter is referred or passed to ("we refer it to the Complaints Team")."""
    outside = {body.name.lower() for body in bodies}
    found: dict[str, Sentence] = {}
    for sentence in sentences:
        for match in _REFER.finditer(sentence.text):
            name = _trimmed(match["name"].strip())
            if name and name.lower() not in outside and not names_in(name) and len(name.split()) >= 2:
                found.setdefault(name, sentence)
    return list(found.items())
