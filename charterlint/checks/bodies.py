"""CH414 external-body-name: an external body named vaguely or by a former or informal name.

The table of names is data: rules/external-bodies.yaml (dated there and in rules/CH414.yaml),
read once per process with a safe loader, extended by the rule's `renamed` and `vague` options. Former
and informal names are looked for in every customer text, the Markdown prose and each external
body's `body`; vague names ("the ombudsman") only as the whole `body` of an external body,
because prose may say "the ombudsman" after naming it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from charterlint.charter.views import country
from charterlint.checks.context import Context
from charterlint.checks.phrases import normalized, text_spans
from charterlint.checks.promises import Text, charter_texts
from charterlint.resources import data_dir
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import join

_ARTICLES = re.compile(r"^(?:the|an|a|our|your)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Renamed:
    """A name no longer right for a body: the name to use, since when (a year), if known, and the
    countries whose charters it is wrong in (none: everywhere)."""

    name: str
    current: str
    since: str | None
    informal: bool
    countries: frozenset[str]

    def applies_to(self, country: str) -> bool:
        return not self.countries or country in self.countries


TABLE_FILE = "external-bodies.yaml"


@cache
def shipped_table() -> Mapping[str, Any]:
    """The shipped table of names (immutable data, read once per process)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = (data_dir("rules") / TABLE_FILE).read_text(encoding="utf-8")
    table = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    return table if isinstance(table, dict) else {}


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else []


def _countries(value: Any) -> frozenset[str]:
    return frozenset(str(code).upper() for code in _list(value) if isinstance(code, str) and code)


def home_country() -> str:
    """The country the shipped table's names belong to unless an entry says otherwise (the UK):
    a charter that gives no jurisdiction is read as from there."""
    return next(iter(_countries(shipped_table().get("jurisdiction"))), "GB")


def _renamed(options: Mapping[str, Any], country: str) -> list[Renamed]:
    """The former and informal names that are wrong in a charter of `country`: shipped entries
    belong to their own `jurisdiction` or the table's; configured ones to theirs, or everywhere."""
    table_countries = _countries(shipped_table().get("jurisdiction"))
    entries = [*((entry, table_countries) for entry in _list(shipped_table().get("renamed"))),
               *((entry, frozenset[str]()) for entry in _list(options.get("renamed")))]
    found: list[Renamed] = []
    for entry, default in entries:
        if isinstance(entry, Mapping) and isinstance(entry.get("name"), str) and isinstance(entry.get("current"), str):
            since = entry.get("since")
            countries = _countries(entry["jurisdiction"]) if "jurisdiction" in entry else default
            found.append(Renamed(entry["name"], entry["current"], str(since) if since is not None else None,
                                 entry.get("kind") == "informal", countries))
    return [entry for entry in found if entry.applies_to(country)]


def _vague(options: Mapping[str, Any]) -> set[str]:
    names = [*_list(shipped_table().get("vague")), *_list(options.get("vague"))]
    return {_ARTICLES.sub("", normalized(n)) for n in names if isinstance(n, str)}


# Between the words of a name: spaces, or a colon or dash with or without them ("Ombudsman
# Services: Energy" is also written "Ombudsman Services Energy" and "Ombudsman Services - Energy").
_NAME_GAP = r"(?:\s*[:\u2013\u2014-]\s*|\s+)"
_NAME_PUNCTUATION = re.compile(r"[:\u2013\u2014-]")


def _words(name: str) -> list[str]:
    return _NAME_PUNCTUATION.sub(" ", name).split()


def _key(name: str) -> str:
    """A name as looked up in the table: lower case, punctuation between words dropped."""
    return " ".join(_words(name.lower()))


def _pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    words = sorted({_NAME_GAP.join(map(re.escape, _words(n))) for n in names if _words(n)}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE) if words else None


def _renamed_message(found: str, entry: Renamed) -> str:
    named = " ".join(found.split())
    if entry.informal:
        return f'"{named}" is not the body\'s name: use "{entry.current}", so that customers find it'
    since = f" since {entry.since}" if entry.since else ""
    return f'"{named}" has been the "{entry.current}"{since}: use the current name, so that customers find it'


def _body_texts(document: Document) -> Iterator[Text]:
    escalation = document.data.get("escalation")
    external = escalation.get("external") if isinstance(escalation, dict) else None
    for index, body in enumerate(external if isinstance(external, list) else ()):
        if isinstance(body, dict) and isinstance(body.get("body"), str):
            yield Text(join("/escalation/external", index, "body"), body["body"], False, None)


# The capitalised word before a name, within the same sentence, perhaps joined to it by "&" or
# "and" ("Channel Islands Financial Ombudsman", "Insurance & Financial Services Ombudsman"); a
# word that opens the sentence counts only when joined ("Contact Financial Ombudsman" is not a name).
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’]*\s+(?:(?:&|and)\s+)?$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*[-*>]?\s*)[A-Z][\w'’]*\s+$")


def _ends_a_longer_name(text: str, start: int) -> bool:
    """Whether the name found at `start` ends a longer proper name: a capitalised word before it that
    does not open a sentence ("the Channel Islands Financial Ombudsman", not "Contact Financial Ombudsman")."""
    before = text[max(0, start - 40):start]
    return _NAME_BEFORE.search(before) is not None and _SENTENCE_START.search(before) is None


def external_body_names(document: Document, context: Context) -> Iterator[Problem]:
    """CH414: former, informal and vague names of external bodies."""
    renamed = _renamed(context.options, country(document.data) or home_country())
    by_name = {_key(entry.name): entry for entry in renamed}
    pattern = _pattern([entry.name for entry in renamed])
    bodies = list(_body_texts(document))
    if pattern is not None:
        for text in [*charter_texts(document), *bodies]:
            found = list(pattern.finditer(text.value))
            for match, span in zip(found, text_spans(document, text, found, pattern) if found else []):
                entry = by_name[_key(match.group(0))]
                following = text.value[match.start():match.start() + 2 * len(entry.current) + 16]
                if normalized(following).startswith(normalized(entry.current)):
                    continue  # "Financial Ombudsman Service" starts with "Financial Ombudsman"
                if _ends_a_longer_name(text.value, match.start()):
                    continue  # "Channel Islands Financial Ombudsman" is another body
                yield Problem(_renamed_message(match.group(0), entry), text.pointer or "", span=span)
    vague = _vague(context.options)
    for text in bodies:
        name = _ARTICLES.sub("", normalized(text.value).rstrip("."))
        if name in vague:
            yield Problem(
                f'"{text.value.strip()}" does not say which body: give its full name (e.g. "Communications '
                'Ombudsman", not "the telecoms ombudsman") and how to reach it',
                text.pointer or "",
            )
