"""Fitting the terminal matrix into a width: tables split into column groups, text wrapped at spaces.

A table whose columns do not fit side by side is printed as several narrower tables, each led
by the table's first column (as pandas prints a wide frame), so every cell keeps its whole
text; a cell still too wide for the room left is wrapped at spaces, and a word longer than the
room is broken. Prose lines wrap the same way, with later lines indented. No line is longer
than the width. Pure: text and styles in, lines out; colour never counts towards a width.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from charterlint.reporters.ansi import style

GAP = "  "
INDENT = "  "  # a wrapped prose line's continuation
MIN_WIDTH = 20  # narrower is treated as 20: a table of a key column and one other needs that much


@dataclass(frozen=True, slots=True)
class Styled:
    """Text and the ansi.style arguments it is shown with when colour is on (None: plain)."""

    text: str
    style: Mapping[str, Any] | None = None


def _paint(text: str, attributes: Mapping[str, Any] | None, color: bool) -> str:
    return style(text, **attributes) if color and attributes and text else text


def wrap_cell(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` characters, broken at spaces, and inside words only when one is longer."""
    return textwrap.wrap(text, width, break_on_hyphens=False) or [""]


def column_groups(widths: Sequence[int], width: int) -> list[list[int]]:
    """The columns after the first, packed in order into groups that fit beside the first column."""
    room = max(width - widths[0] - len(GAP), 1)
    groups: list[list[int]] = [[]]
    used = 0
    for column in range(1, len(widths)):
        need = min(widths[column], room)
        if groups[-1] and used + len(GAP) + need > room:
            groups.append([])
            used = 0
        used += need + (len(GAP) if groups[-1] else 0)
        groups[-1].append(column)
    return groups


def table_lines(rows: Sequence[Sequence[Styled]], width: int, color: bool) -> list[str]:
    """The table (first row: the header, shown bold with colour) fitted into `width`.

    The first column is the key: it leads every group, at most a third of the width wide
    (longer cells wrap). Groups are separated by a blank line.
    """
    width = max(width, MIN_WIDTH)
    natural = [max(1, *(len(row[column].text) for row in rows)) for column in range(len(rows[0]))]
    if sum(natural) + len(GAP) * (len(natural) - 1) <= width:
        groups = [list(range(1, len(natural)))]
        widths = natural
    else:
        key = min(natural[0], width // 3)
        groups = column_groups([key, *natural[1:]], width)
        room = width - key - len(GAP)
        widths = [key, *(min(size, room) for size in natural[1:])]
    lines: list[str] = []
    for number, group in enumerate(groups):
        if number:
            lines.append("")
        columns = [0, *group]
        for index, row in enumerate(rows):
            lines += _row_lines([row[c] for c in columns], [widths[c] for c in columns], color, header=index == 0)
    return lines


def _row_lines(cells: Sequence[Styled], widths: Sequence[int], color: bool, *, header: bool) -> list[str]:
    wrapped = [wrap_cell(cell.text, size) for cell, size in zip(cells, widths)]
    height = max(len(lines) for lines in wrapped)
    out = []
    for line in range(height):
        parts = []
        for cell, size, lines in zip(cells, widths, wrapped):
            text = lines[line] if line < len(lines) else ""
            attributes = {"bold": True} if header else cell.style
            parts.append(_paint(text, attributes, color) + " " * (size - len(text)))
        out.append(GAP.join(parts).rstrip())
    return out


def prose_lines(parts: Sequence[Styled], width: int, color: bool) -> list[str]:
    """The parts as one paragraph: wrapped at spaces into `width`, later lines indented, each
    part keeping its style across the breaks."""
    width = max(width, MIN_WIDTH)
    text = "".join(part.text for part in parts)
    styles: list[Mapping[str, Any] | None] = [part.style for part in parts for _ in part.text]
    lines: list[list[tuple[int, int]]] = [[]]  # each line: (start, end) ranges of `text`
    used = 0
    for match in re.finditer(r"\S+", text):
        start, end = match.span()
        while start < end:
            room = width - (len(INDENT) if len(lines) > 1 else 0)
            gap = 1 if lines[-1] else 0
            if lines[-1] and used + gap + min(end - start, room) > room:
                lines.append([])
                used, gap, room = 0, 0, width - len(INDENT)
            piece = min(end - start, room - used - gap)
            lines[-1].append((start, start + piece))
            used += gap + piece
            start += piece
    return [(INDENT if number else "") + " ".join(_painted(text, styles, span, color) for span in line)
            for number, line in enumerate(lines)]


def _painted(text: str, styles: Sequence[Mapping[str, Any] | None], span: tuple[int, int], color: bool) -> str:
    """text[span], each run of characters of one style painted in it."""
    start, end = span
    runs = []
    while start < end:
        stop = start
        while stop < end and styles[stop] == styles[start]:
            stop += 1
        runs.append(_paint(text[start:stop], styles[start], color))
        start = stop
    return "".join(runs)
