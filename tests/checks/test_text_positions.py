"""Positions of matches in prose and in multi-line values: found by bisection over line starts,
the same as counting newlines from the start, for any offset."""

from __future__ import annotations

from charterlint.checks.prose import TextPositions
from charterlint.model import Position, Span


def _counted(text: str, offset: int, first_line: int, first_column: int) -> Position:
    """The position by counting, as the checks used to (quadratic over many matches)."""
    line_start = text.rfind("\n", 0, offset) + 1
    column = offset - line_start + (first_column if line_start == 0 else 1)
    return Position(first_line + text.count("\n", 0, offset), column)


def test_every_offset_is_placed_as_counting_places_it() -> None:
    text = "first line\n\nthird: as soon as possible\nlast, no break at the end"
    positions = TextPositions(text, 7, 5)
    for offset in range(len(text) + 1):
        assert positions.position(offset) == _counted(text, offset, 7, 5), offset


def test_a_span_runs_from_its_start_to_its_exclusive_end() -> None:
    positions = TextPositions("ab\ncd shortly", 3)
    assert positions.span(6, 13) == Span(Position(4, 4), Position(4, 11))
    assert positions.span(0, 2) == Span(Position(3, 1), Position(3, 3))
