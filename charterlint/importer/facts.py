"""The charter's title, the organisation's name, and the review date, from the source."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from charterlint.charter.dates import dates_in
from charterlint.charter.duration import durations_in
from charterlint.importer.blocks import Source
from charterlint.importer.sentences import Sentence

_I = re.IGNORECASE
_REVIEWED = re.compile(r"\b(?:last\s+)?(?:updated|reviewed|revised|review(?:ed)? date|last review|published|"
                       r"effective(?: from| date)?|issued|update|version date|date of (?:issue|review))\b", _I)
_NEXT = re.compile(r"\bnext review\b|\breview(?:ed)? (?:due|by|again)\b|\bto be reviewed\b", _I)
_CADENCE = re.compile(r"\breview\w*\b[^.]{0,60}?\b(?P<yearly>once a year|annually|every year|yearly|each year)\b|"
                      r"\breview\w*\b[^.]{0,60}?\bevery\s+(?P<every>[\w-]+\s+(?:months?|years?))\b", _I)
_SEPARATORS = re.compile(r"\s+[|\u2013\u2014-]\s+|\s*\|\s*")


@dataclass(frozen=True, slots=True)
class Found:
    """A value with the sentence it came from (None: from the page's metadata, said in `how`)."""

    value: str
    sentence: Sentence | None
    how: str = ""


@dataclass(frozen=True, slots=True)
class Review:
    """The review facts: last reviewed (exact or to the month), next review and cadence, each if found."""

    last: Found | None
    exact: bool
    next: Found | None
    cadence: Found | None


def title_of(source: Source, sentences: Sequence[Sentence]) -> Found | None:
    """The first top-level heading, else the document's title."""
    headings = [s for s in sentences if s.kind == "heading"]
    if headings:
        top = min(len(s.headings) for s in headings)
        first = next(s for s in headings if len(s.headings) == top)
        return Found(first.text, first)
    return Found(source.title, None, "the document's title") if source.title else None


def organisation_of(source: Source, title: Found | None) -> Found | None:
    """The organisation's name from the page's metadata: og:site_name, or the title's part after "|" or " - "."""
    if source.site_name:
        return Found(source.site_name, None, "the page's site name")
    if source.title:
        parts = [part.strip() for part in _SEPARATORS.split(source.title) if part.strip()]
        heading = title.value.strip().lower() if title else ""
        rest = [part for part in parts if part.lower() != heading]
        if len(parts) > 1 and len(rest) == 1:
            return Found(rest[0], None, f'the page\'s title "{source.title}"')
    return None


def review_of(sentences: Sequence[Sentence]) -> Review:
    """The review date (a date in a sentence that says updated, reviewed, published ...), next review, cadence."""
    last: Found | None = None
    exact = True
    upcoming: Found | None = None
    cadence: Found | None = None
    for sentence in sentences:
        dates = dates_in(sentence.text)
        if dates and _NEXT.search(sentence.text) and upcoming is None:
            upcoming = Found(dates[-1].date.isoformat(), sentence)
        elif dates and _REVIEWED.search(sentence.text) and last is None:
            newest = max(dates, key=lambda found: found.date)
            last, exact = Found(newest.date.isoformat(), sentence), newest.exact
        match = _CADENCE.search(sentence.text)
        if match and cadence is None:
            if match["yearly"]:
                cadence = Found("12 months", sentence)
            else:
                every = durations_in(match["every"])
                if every:
                    cadence = Found(every[0].duration.text, sentence)
    return Review(last, exact, upcoming, cadence)
