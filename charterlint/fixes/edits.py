"""Edits to a charter's text at source spans, and the fixes made of them.

An edit replaces the characters of one span (1-based lines and code-point columns, end exclusive,
as every Span) with new text; everything else in the file, comments and layout included, stays
byte for byte. Line breaks are counted as the loader counts them (source.loader.split_lines).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from charterlint.model import Finding, Span
from charterlint.source.loader import line_breaks


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text at `span` with `text`."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    """What fixes one finding: a title for menus, the edits, and whether it is safe (applied by
    `check --fix`) or unsafe (only with --unsafe-fixes: it may change what the charter says)."""

    finding: Finding
    title: str
    edits: tuple[Edit, ...]
    safe: bool


def line_starts(text: str, kind: str) -> list[int]:
    """The offset of each line's first character (line 1 at index 0)."""
    starts = [0]
    starts += [match.end() for match in line_breaks(kind).finditer(text)]
    return starts


def offset(starts: Sequence[int], text: str, line: int, column: int) -> int:
    """The offset of a 1-based line and column; a place past the end is the end."""
    if line > len(starts):
        return len(text)
    return min(starts[line - 1] + column - 1, len(text))


def overlaps(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end


def apply_edits(text: str, kind: str, edits: Iterable[Edit]) -> str:
    """`text` with every edit made; edits must not overlap (see `compatible`)."""
    starts = line_starts(text, kind)
    pieces: list[str] = []
    cursor = len(text)
    for edit in sorted(edits, key=lambda e: e.span.start, reverse=True):
        begin = offset(starts, text, edit.span.start.line, edit.span.start.column)
        end = offset(starts, text, edit.span.end.line, edit.span.end.column)
        pieces.append(text[end:cursor])
        pieces.append(edit.text)
        cursor = begin
    pieces.append(text[:cursor])
    return "".join(reversed(pieces))


def compatible(fixes: Iterable[Fix]) -> list[Fix]:
    """The fixes that can be made together: in order, each whose edits overlap none already taken
    (the rest wait for the next round, made on the fixed text)."""
    taken: list[Fix] = []
    spans: list[Span] = []
    for fix in fixes:
        if any(overlaps(edit.span, span) for edit in fix.edits for span in spans):
            continue
        taken.append(fix)
        spans += [edit.span for edit in fix.edits]
    return taken
