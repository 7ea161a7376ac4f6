"""CH301 vague-commitment: hedges instead of numbers, in the charter's texts and Markdown body.

Two lists: `phrases` are hedges wherever they stand ("as soon as possible"); `promise-phrases`
are ordinary words that hedge only a promise ("usually", "normally"), judged in commitment
texts and in promise sentences (checks.promises). A phrase also matches the inflections the
word table below gives ("do our best" matches "will do their best", "endeavour" matches
"endeavored"): each word becomes an alternation of literal words, so matching stays linear.

A finding points at the phrase itself. Inside a YAML or JSON string the phrase is looked up
again in the source of that string (words may be split over lines, quotes and indentation
around them); when the source does not give the same phrases in the same order (escape
sequences, comments on a block scalar's indicator line), the finding points at the string.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from charterlint.checks.context import Context
from charterlint.checks.promises import FALLBACK_LIMIT, Marks, Sentences, Text, charter_texts
from charterlint.checks.prose import TextPositions
from charterlint.model import Span
from charterlint.source.document import Document, Problem

_POSSESSIVES = ("our", "my", "their", "its", "his", "her", "your")
# The forms a listed word also matches (lower case). A word not in the table matches itself.
_WORD_FORMS: dict[str, tuple[str, ...]] = {
    **{word: _POSSESSIVES for word in _POSSESSIVES},
    "do": ("do", "does", "doing", "did"),
    "try": ("try", "tries", "trying", "tried"),
    "make": ("make", "makes", "making", "made"),
    "endeavour": ("endeavour", "endeavours", "endeavoured", "endeavouring",
                  "endeavor", "endeavors", "endeavored", "endeavoring"),
    "endeavor": ("endeavour", "endeavours", "endeavoured", "endeavouring",
                 "endeavor", "endeavors", "endeavored", "endeavoring"),
}


def _word(word: str) -> str:
    forms = _WORD_FORMS.get(word.lower())
    if forms is None:
        return re.escape(word)
    return "(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + ")"


def phrase_pattern(phrases: Sequence[str]) -> re.Pattern[str] | None:
    """One case-insensitive regex for all phrases and their inflections, longest first, on word boundaries."""
    words = [phrase.split() for phrase in phrases if phrase.strip()]
    if not words:
        return None
    alternatives = sorted({r"\s+".join(map(_word, phrase)) for phrase in words}, key=len, reverse=True)
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


def located(document: Document, pointer: str, found: list[re.Match[str]],
            pattern: re.Pattern[str]) -> list[Span | None]:
    """The source span of each match of `pattern` in the data value at `pointer` (None where unsure)."""
    spans = _spans_in_source(document, pointer, found, pattern)
    return list(spans) if spans is not None else [None] * len(found)


def text_spans(document: Document, text: Text, found: list[re.Match[str]],
               pattern: re.Pattern[str]) -> list[Span | None]:
    """The source span of each match of `pattern` in `text`: in Markdown prose by its positions, in
    a data value as `located` finds them."""
    if text.pointer is None:
        assert text.positions is not None
        return [text.positions.span(m.start(), m.end()) for m in found]
    return located(document, text.pointer, found, pattern)


_CLAUSE_BREAK = re.compile(r"[,;:()]")
_PUNCTUATION_ONLY = re.compile(r"[\s,;:]*")


def _same_clause(text: str, sentences: Sentences, before: re.Match[str], after: re.Match[str]) -> bool:
    """Whether two hedges stand in one clause: one sentence, and no comma, semicolon or colon
    between them, or nothing but one ("as soon as possible, generally within 20 working days"
    hedges one limit twice: no second promise stands between the hedges)."""
    return (sentences.bounds(before.start()) == sentences.bounds(after.start())
            and (_CLAUSE_BREAK.search(text, before.end(), after.start()) is None
                 or _PUNCTUATION_ONLY.fullmatch(text, before.end(), after.start()) is not None))


def _message(phrase: str, others: Sequence[str] = ()) -> str:
    named = " ".join(phrase.split())
    message = f'"{named}" is a hedge, not a commitment: give a time limit instead (e.g. "within 2 working days")'
    if others:
        also = ", ".join(f'"{" ".join(other.split())}"' for other in others)
        message += f"; the same sentence also hedges with {also}"
    return message


def vague_commitments(document: Document, context: Context) -> Iterator[Problem]:
    """CH301: one finding per sentence that hedges, at its first hedge (naming the others)."""
    anywhere = list(context.options.get("phrases", ()))
    in_promises = list(context.options.get("promise-phrases", ()))
    pattern = phrase_pattern([*anywhere, *in_promises])
    if pattern is None:
        return
    promise_only = {_normal(p) for p in in_promises} - {_normal(p) for p in anywhere}
    promise_pattern = phrase_pattern([p for p in in_promises if _normal(p) in promise_only])
    for text in charter_texts(document):
        found = list(pattern.finditer(text.value))
        if not found:
            continue
        spans = text_spans(document, text, found, pattern)
        sentences = Sentences(text.value)
        fallbacks = Marks(FALLBACK_LIMIT, text.value)
        # Hedges in one clause are one hedged promise, reported once at the first: "we will do our
        # best to reply as quickly as we can". A comma or semicolon between them separates promises.
        clauses: list[list[tuple[re.Match[str], Span | None]]] = []
        for match, span in zip(found, spans):
            if (not text.is_commitment and promise_pattern is not None
                    and promise_pattern.fullmatch(match.group(0))
                    and not sentences.hedges_a_promise(match.start())):
                continue
            # "As soon as possible, and in any event within 20 working days" states the limit.
            if fallbacks.between(match.end(), sentences.bounds(match.start())[1]):
                continue
            if clauses and _same_clause(text.value, sentences, clauses[-1][-1][0], match):
                clauses[-1].append((match, span))
            else:
                clauses.append([(match, span)])
        for hedges in clauses:
            (first, span), others = hedges[0], [match.group(0) for match, _ in hedges[1:]]
            yield Problem(_message(first.group(0), others), text.pointer or "", span=span)
