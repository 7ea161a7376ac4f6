"""Unit-aware comparison of time limits: longer, shorter, the same, or not comparable honestly."""

from __future__ import annotations

import pytest

from charterlint.charter.duration import parse_duration
from charterlint.diff.durations import Change, compare_durations


def _compare(old: str, new: str) -> Change:
    before, after = parse_duration(old), parse_duration(new)
    assert before is not None and after is not None
    return compare_durations(before, after)


@pytest.mark.parametrize(("old", "new", "expected"), [
    # working and business days are the same clock
    ("2 working days", "3 working days", Change.LONGER),
    ("3 business days", "2 working days", Change.SHORTER),
    ("2 working days", "2 business days", Change.SAME),
    ("1 working day", "next working day", Change.SAME),
    ("same day", "next business day", Change.LONGER),
    ("end of next working day", "same day", Change.SHORTER),
    # calendar days, hours and weeks are one continuous clock
    ("7 calendar days", "1 week", Change.SAME),
    ("2 weeks", "10 calendar days", Change.SHORTER),
    ("48 hours", "2 calendar days", Change.SAME),
    ("30 minutes", "1 hour", Change.LONGER),
    ("1 month", "6 weeks", Change.LONGER),
    ("12 months", "1 year", Change.LONGER),  # a month is 30 days, a year 365
    ("20 seconds", "1 minute", Change.LONGER),
    # business hours with business hours
    ("4 business hours", "8 working hours", Change.LONGER),
    # across clocks: a working day takes at least a calendar day, a business hour at least an hour
    ("48 hours", "3 working days", Change.LONGER),
    ("1 week", "10 working days", Change.LONGER),
    ("3 working days", "48 hours", Change.SHORTER),
    ("8 business hours", "4 hours", Change.SHORTER),
    ("2 working days", "48 hours", Change.INCOMPARABLE),
    ("2 weeks", "10 working days", Change.INCOMPARABLE),
    ("5 calendar days", "5 working days", Change.INCOMPARABLE),
    ("1 business day", "8 business hours", Change.INCOMPARABLE),
    ("next working day", "24 hours", Change.INCOMPARABLE),
    # a bare "days" counts whichever days it means: at least calendar days, and itself
    ("3 days", "5 days", Change.LONGER),
    ("2 hours", "3 days", Change.LONGER),
    ("3 days", "3 working days", Change.INCOMPARABLE),
    # rings compare only with rings
    ("3 rings", "5 rings", Change.LONGER),
    ("3 rings", "20 seconds", Change.INCOMPARABLE),
    # ranges: the most a customer may wait first, then the least
    ("1-2 working days", "2-3 working days", Change.LONGER),
    ("1-3 working days", "2-3 working days", Change.LONGER),
    ("2-3 working days", "3 working days", Change.LONGER),
    ("1-5 working days", "3-4 working days", Change.SHORTER),
    ("2-3 hours", "3 hours", Change.LONGER),
    ("3 hours", "2-3 hours", Change.SHORTER),
    ("1-2 hours", "3 working days", Change.LONGER),
])
def test_a_time_limit_compares_by_its_clock(old: str, new: str, expected: Change) -> None:
    assert _compare(old, new) is expected
