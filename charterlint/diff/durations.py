"""How a time limit changed between two versions: longer, shorter, the same, or not comparable.

Two durations on the same clock (charter.duration: continuous units with each other, business
days with business days, business hours with business hours; rings with rings and a bare
`days` with a bare `days`) compare by their upper bound, the most a customer may wait, and
then by their lower bound. Across clocks only a bound that holds whatever the calendar says is
used: a working or business day takes at least a calendar day, a business hour at least an
hour, and a bare `days` at least a calendar day (whichever days it counts), so 48 hours ->
3 working days is longer; 2 working days -> 48 hours is not known to be shorter (a working day
can take a whole calendar day), and is `INCOMPARABLE`: reported as such, never guessed.
"""

from __future__ import annotations

import enum
import math

from charterlint.charter.duration import Duration, Scale, comparable

_DAY = 86400.0
_HOUR = 3600.0


class Change(enum.Enum):
    """What happened to a limit, from the customer's side."""

    SAME = "same"
    LONGER = "longer"  # the customer may wait longer: a weaker promise
    SHORTER = "shorter"  # a stronger promise
    INCOMPARABLE = "incomparable"


def _same_clock(old: Duration, new: Duration) -> bool:
    if comparable(old, new):
        return True
    # rings and bare days compare with nothing else, but with themselves
    return old.scale is Scale.NONE and new.scale is Scale.NONE and old.unit == new.unit


def _bounds(duration: Duration) -> tuple[float, float]:
    """The elapsed seconds the duration takes at least and at most, whatever the calendar."""
    if duration.is_boundary:  # "next working day" can be minutes away at closing time
        return 0.0, math.inf
    if duration.scale is Scale.CONTINUOUS:
        return duration.magnitude, duration.magnitude
    if duration.unit in ("business day", "working day", "day"):
        return duration.high * _DAY, math.inf
    if duration.unit in ("business hour", "working hour"):
        return duration.high * _HOUR, math.inf
    return 0.0, math.inf  # rings: how long a ring takes is not written down


def _ordered(old: tuple[float, float], new: tuple[float, float]) -> Change:
    if new == old:
        return Change.SAME
    return Change.LONGER if new > old else Change.SHORTER


def compare_durations(old: Duration, new: Duration) -> Change:
    """How the limit `old` became `new` (see the module docstring)."""
    if _same_clock(old, new):
        return _ordered((_magnitude(old), _low(old)), (_magnitude(new), _low(new)))
    old_least, old_most = _bounds(old)
    new_least, new_most = _bounds(new)
    if new_least > old_most:
        return Change.LONGER
    if new_most < old_least:
        return Change.SHORTER
    return Change.INCOMPARABLE


def _magnitude(duration: Duration) -> float:
    return duration.magnitude if duration.scale is not Scale.NONE else duration.high


def _low(duration: Duration) -> float:
    """The lower bound of a range on its own clock (a single value: the value)."""
    return duration.low * (duration.magnitude / duration.high) if duration.high and duration.scale is not Scale.NONE \
        else duration.low
