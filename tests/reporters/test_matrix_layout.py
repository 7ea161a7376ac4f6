"""Fitting text into a width: no line longer than the width, no character lost, styles kept."""

from __future__ import annotations

from collections import Counter

import click
from hypothesis import given
from hypothesis import strategies as st

from charterlint.reporters.matrix_layout import MIN_WIDTH, Styled, column_groups, prose_lines, table_lines

words = st.text(alphabet="abcdefghij,[]-0123456789", min_size=1, max_size=30)
texts = st.lists(words, min_size=0, max_size=12).map(" ".join)
widths = st.integers(min_value=MIN_WIDTH, max_value=200)


@given(st.lists(texts, min_size=1, max_size=4), widths, st.booleans())
def test_prose_fits_and_keeps_every_character(parts: list[str], width: int, color: bool) -> None:
    lines = prose_lines([Styled(text, {"bold": True} if n % 2 else None) for n, text in enumerate(parts)],
                        width, color)
    plain = [click.unstyle(line) for line in lines]
    assert all(len(line) <= width for line in plain)
    assert "".join("".join(plain).split()) == "".join("".join(parts).split())


@given(st.lists(st.lists(texts, min_size=4, max_size=4), min_size=1, max_size=5), widths)
def test_tables_fit_and_keep_every_cell(rows: list[list[str]], width: int) -> None:
    lines = table_lines([[Styled(cell) for cell in row] for row in rows], width, color=False)
    assert all(len(line) <= width for line in lines)
    shown = Counter("".join(lines).replace(" ", ""))
    assert Counter("".join(cell for row in rows for cell in row).replace(" ", "")) - shown == Counter()


def test_a_table_too_wide_is_split_into_groups_each_led_by_the_first_column() -> None:
    assert column_groups([9, 14, 11, 20, 19, 33], 80) == [[1, 2, 3], [4, 5]]  # 9 + 2 + 14 + 2 + 11 + 2 + 20 + 2 + 19 > 80
    table = [[Styled("channel"), Styled("answer"), Styled("follow-up")],
             [Styled("phone"), Styled("2 minutes, 80%"), Styled("next working day via same channel")]]
    assert table_lines(table, 40, color=False) == [
        "channel  answer",
        "phone    2 minutes, 80%",
        "",
        "channel  follow-up",
        "phone    next working day via same",
        "         channel",
    ]


def test_styles_survive_a_line_break() -> None:
    lines = prose_lines([Styled("review: due 2026-06-01: "), Styled("overdue now", {"fg": "red"})], 32, color=True)
    assert lines == ["review: due 2026-06-01: \x1b[31moverdue\x1b[0m", "  \x1b[31mnow\x1b[0m"]
