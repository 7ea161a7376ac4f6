"""always_shorter: a shorter time only where it holds however the two are counted."""

from __future__ import annotations

import pytest

from charterlint.charter.duration import always_shorter, parse_duration


def shorter(first: str, second: str) -> bool:
    one, two = parse_duration(first), parse_duration(second)
    assert one is not None and two is not None
    return always_shorter(one, two)


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("24 hours", "3 working days", True),  # three working days are at least two whole days
    ("48 hours", "3 working days", False),  # not when the first day is nearly over
    ("2 working days", "5 working days", True),
    ("5 working days", "5 working days", False),
    ("2 hours", "1-2 days", False),  # the range's least, a day that may be nearly over
    ("1 working day", "48 hours", False),  # business time can span a weekend
    ("4 business hours", "3 working days", False),  # hours and days of business time: no order
    ("1 hour", "next business day", False),  # a boundary compares with nothing
    ("1 hour", "10 rings", False),
])
def test_always_shorter_holds_only_however_both_are_counted(first: str, second: str, expected: bool) -> None:
    assert shorter(first, second) is expected
