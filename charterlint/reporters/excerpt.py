"""The part of a source line an excerpt shows: at most `width` characters, around the finding.

Cutting the line before anything else is done to it keeps an excerpt's cost bounded by `width`,
not by the line: a 3 MB value on one line with 100,000 findings is 100,000 small slices.
"""

from __future__ import annotations

from typing import NamedTuple

from charterlint.model import Span

ELLIPSIS = "…"


class Window(NamedTuple):
    """The shown text (tabs as one space each, so columns still count the line's characters) and the
    finding's place in it, 0-based and end-exclusive; `offset` is where the text starts in the line
    (0: the line's start is shown; otherwise an excerpt marks the cut)."""

    text: str
    start: int
    end: int
    offset: int

    @property
    def cut(self) -> bool:
        return self.offset > 0


def window(line: str, span: Span, line_number: int, width: int) -> Window:
    """The window of `line` (number `line_number`) that shows where `span` starts."""
    start = min(max(span.start.column - 1, 0), len(line))
    end = span.end.column - 1 if span.end.line == line_number else len(line)
    end = max(end, start)
    # A finding within the first `width` characters shows the line from its start, as it always
    # did; one further along shows a quarter of the width before it.
    left = 0 if start < width else start - width // 4
    shown = line[left:left + width].replace("\t", " ")
    return Window(shown, min(start - left, len(shown)), min(end - left, len(shown)), left)
