"""Findings about a section the charter lacks point where the writer would add it (issue 16, item 2)."""

from __future__ import annotations

from textwrap import dedent

from tests.helpers import ANSWERED_PHONE_HEAD, REVIEW, lint_text

STAGES = ("no escalation stages (add escalation.stages: who reviews a matter the customer "
          "wants raised higher, and how quickly)")


def placed(text: str, **kwargs: object) -> list[tuple[int, int, int, str]]:
    """(line, column, span length, message) of CH403 under strict."""
    result = lint_text(text, ["CH403"], preset="strict", **kwargs)  # type: ignore[arg-type]
    return [(f.span.start.line, f.span.start.column, f.span.end.column - f.span.start.column, f.message)
            for f in result.findings]


def test_a_missing_section_is_a_zero_length_place_after_the_section_before_it() -> None:
    # ANSWERED_PHONE_HEAD is 12 lines: escalation goes between the channels and the review
    assert placed(ANSWERED_PHONE_HEAD + REVIEW) == [
        (13, 1, 0, STAGES + ' ("escalation:" goes here, after "channels")')]


def test_blank_and_comment_lines_after_the_section_before_are_skipped() -> None:
    text = ANSWERED_PHONE_HEAD + "\n# Reviews\n\n" + REVIEW
    assert placed(text) == [(16, 1, 0, STAGES + ' ("escalation:" goes here, after "channels")')]


def test_the_place_follows_the_schema_order_and_at_the_end_of_the_file_is_the_last_line_end() -> None:
    # feedback comes before escalation in the schema: escalation goes after it, wherever it is
    # written; here that is past the last line, so the finding is at that line's end (never past it)
    text = ANSWERED_PHONE_HEAD + REVIEW + "feedback:\n  channels: [phone]\n"
    assert placed(text) == [(16, 20, 0, STAGES + ' ("escalation:" goes here, after "feedback")')]


def test_in_markdown_the_place_is_inside_the_front_matter() -> None:
    text = "---\n" + ANSWERED_PHONE_HEAD + REVIEW + "---\n# Our charter\n"
    assert placed(text, filename="c.charter.md") == [
        (14, 1, 0, STAGES + ' ("escalation:" goes here, after "channels")')]


def test_in_json_the_place_is_the_line_after_the_section_before() -> None:
    text = dedent("""\
        {"charter_format": 1, "title": "T", "organization": {"name": "Example Water"},
         "overview": {"mission": "M"},
         "channels": [{"id": "phone", "type": "phone", "hours": "always"}],
         "review": {"last_reviewed": "2025-06-01"}}
    """)
    assert placed(text, filename="c.charter.json") == [
        (4, 1, 0, STAGES + ' ("escalation:" goes here, after "channels")')]
