"""Excerpts show the part of a long line where the finding is, at a cost bounded by the excerpt's width."""

from __future__ import annotations

from charterlint.model import Position, Span
from charterlint.reporters.excerpt import window


def test_a_finding_near_the_start_shows_the_line_from_its_start() -> None:
    shown = window("a\tb" + "c" * 500, Span(Position(3, 2), Position(3, 3)), 3, 200)
    assert shown == ("a b" + "c" * 197, 1, 2, 0) and not shown.cut


def test_a_finding_far_along_a_long_line_is_shown_with_a_quarter_of_the_width_before_it() -> None:
    line = "x" * 1_000_000 + "HEDGE" + "y" * 1_000_000
    shown = window(line, Span(Position(7, 1_000_001), Position(7, 1_000_006)), 7, 200)
    assert shown.cut and shown.offset == 1_000_000 - 50
    assert shown.text[shown.start:shown.end] == "HEDGE" and len(shown.text) == 200


def test_a_span_ending_on_a_later_line_marks_to_the_end_of_the_shown_text() -> None:
    shown = window("key: value", Span(Position(1, 6), Position(4, 1)), 1, 200)
    assert (shown.start, shown.end) == (5, 10)
