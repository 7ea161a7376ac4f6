"""CH301 vague-commitment: hedges instead of numbers, in the charter's texts and Markdown body.

A finding points at the phrase itself. Inside a YAML or JSON string the phrase is looked up
again in the source of that string (words may be split over lines, quotes and indentation
around them); when the source does not give the same phrases in the same order (escape
sequences, comments on a block scalar's indicator line), the finding points at the string.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from charterlint.charter.views import charter_index
from charterlint.checks.context import Context
from charterlint.checks.prose import TextPositions, prose_text
from charterlint.model import Span
from charterlint.source.document import Document, Problem


def phrase_pattern(phrases: Sequence[str]) -> re.Pattern[str] | None:
    """One case-insensitive regex for all phrases, longest first, on word boundaries."""
    words = [phrase.split() for phrase in phrases if phrase.strip()]
    if not words:
        return None
    alternatives = sorted({r"\s+".join(map(re.escape, phrase)) for phrase in words}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _source(lines: Sequence[str], span: Span) -> tuple[str, int, int] | None:
    """The source text of a scalar's span, with the line and column it starts at."""
    start, end = span.start, span.end
    if not 1 <= start.line <= end.line <= len(lines):
        return None
    first = lines[start.line - 1][start.column - 1 :]
    line, column = start.line, start.column
    if first[:1] in ("|", ">"):  # a block scalar: its text starts on the next line
        first, line, column = "", start.line + 1, 1
        if line > end.line:
            return None
    middle = list(lines[line : end.line - 1]) if line < end.line else []
    if line == end.line:
        text = lines[line - 1][column - 1 : end.column - 1]
    else:
        last = lines[end.line - 1][: end.column - 1]
        head = first if line == start.line else lines[line - 1]
        text = "\n".join([head, *middle, last])
    return text, line, column


def _spans_in_source(document: Document, pointer: str, found: list[re.Match[str]],
                     pattern: re.Pattern[str]) -> list[Span] | None:
    """The source span of each phrase found in the value at `pointer`, or None if unsure."""
    node = document.nodes.get(pointer)
    if node is None:
        return None
    source = _source(document.lines, node.value)
    if source is None:
        return None
    text, line, column = source
    in_source = list(pattern.finditer(text))
    if [_normal(m.group(0)) for m in in_source] != [_normal(m.group(0)) for m in found]:
        return None
    positions = TextPositions(text, line, column)
    return [positions.span(m.start(), m.end()) for m in in_source]


def _message(phrase: str) -> str:
    named = " ".join(phrase.split())
    return f'"{named}" is a hedge, not a commitment: give a time limit instead (e.g. "within 2 working days")'


def vague_commitments(document: Document, context: Context) -> Iterator[Problem]:
    """CH301: one finding per occurrence of a vague phrase, at the phrase."""
    pattern = phrase_pattern(context.options.get("phrases", ()))
    if pattern is None:
        return
    for pointer, value in charter_index(document).texts:
        found = list(pattern.finditer(value))
        if not found:
            continue
        spans = _spans_in_source(document, pointer, found, pattern)
        for index, match in enumerate(found):
            span = spans[index] if spans is not None else None
            yield Problem(_message(match.group(0)), pointer, span=span)
    if document.body is not None:
        body = prose_text(document.body)
        positions = TextPositions(body, document.body.first_line)
        for match in pattern.finditer(body):
            yield Problem(_message(match.group(0)), span=positions.span(match.start(), match.end()))
