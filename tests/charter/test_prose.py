"""Durations and dates written in prose, as `charterlint import` reads them (charter.duration, charter.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from charterlint.charter.dates import dates_in
from charterlint.charter.duration import durations_in, parse_duration


@pytest.mark.parametrize(("prose", "expected"), [
    ("We reply within two working days.", ["2 working days"]),
    ("Calls are answered in 20 seconds.", ["20 seconds"]),
    ("by the end of the next working day", ["end of next working day"]),
    ("on the next business day", ["next business day"]),
    ("ready on the same day", ["same day"]),
    ("within four rings", ["4 rings"]),
    ("within one week, or an hour for urgent calls", ["1 week", "1 hour"]),
    ("within 1-2 business days", ["1-2 business days"]),
    ("two to three weeks", ["2-3 weeks"]),
    ("within forty-eight hours", ["48 hours"]),
    ("within 10 clear days", ["10 calendar days"]),
    ("within 1.5 hours", ["1.5 hours"]),
    ("by the close of business on the third working day", ["3 working days"]),
    ("on the 1st working day", ["1 working day"]),
])
def test_prose_durations_read_as_the_formats_durations(prose: str, expected: list[str]) -> None:
    found = durations_in(prose)
    assert [f.duration.text for f in found] == expected
    assert all(parse_duration(f.duration.text) == f.duration for f in found)  # the rules' parser agrees


@pytest.mark.parametrize("prose", ["9 to 5", "24/7", "a few minutes", "£20 and 40", "two working weeks", "9am to 5pm"])
def test_words_that_are_not_durations_are_left_alone(prose: str) -> None:
    assert durations_in(prose) == []


def test_a_prose_duration_knows_where_it_is() -> None:
    text = "We aim to reply within five working days."
    found = durations_in(text)[0]
    assert text[found.start:found.end] == "five working days"


@pytest.mark.parametrize(("prose", "date", "exact"), [
    ("Last updated: 14 August 2023", dt.date(2023, 8, 14), True),
    ("Reviewed on 2024-03-01.", dt.date(2024, 3, 1), True),
    ("Updated 14/08/2023", dt.date(2023, 8, 14), True),
    ("August 14, 2023", dt.date(2023, 8, 14), True),
    ("1st of March 2025", dt.date(2025, 3, 1), True),
    ("Update, January 2023:", dt.date(2023, 1, 1), False),
    ("Sept 2022", dt.date(2022, 9, 1), False),
])
def test_prose_dates(prose: str, date: dt.date, exact: bool) -> None:
    assert [(d.date, d.exact) for d in dates_in(prose)] == [(date, exact)]


def test_an_impossible_date_is_no_date_at_all() -> None:
    assert dates_in("31 February 2023") == []
    assert dates_in("on 2023-13-45") == []
