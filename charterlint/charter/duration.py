"""Durations (`2 working days`, `1-2 hours`, `next business day`) as typed, comparable values.

Comparison follows the catalogue: continuous units compare with each other (months as 30
days, years as 365); business/working units compare only with the same size (days with
days, hours with hours); `same day` is less than one business day and `next ...`
boundaries count as one business day; `rings` and bare `days` compare with nothing.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Scale(enum.Enum):
    """Which clock a unit runs on: only values on the same scale compare."""

    CONTINUOUS = "continuous"  # measured in seconds
    BUSINESS_DAYS = "business days"
    BUSINESS_HOURS = "business hours"
    NONE = "none"  # rings, bare days: not comparable with anything


_CONTINUOUS_SECONDS = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "calendar day": 86400,
    "week": 7 * 86400,
    "month": 30 * 86400,
    "year": 365 * 86400,
}
_UNITS = (
    "seconds|rings|minutes|hours|business hours|working hours|days|calendar days|"
    "business days|working days|weeks|months|years"
)
_SINGULAR = {unit: unit[:-1] for unit in _UNITS.split("|")}
_PATTERN = re.compile(
    r"^(?P<low>\d+(?:\.\d+)?)(?:-(?P<high>\d+(?:\.\d+)?))? (?P<unit>"
    + "|".join(sorted({*_SINGULAR, *_SINGULAR.values()}, key=len, reverse=True))
    + r")$"
)
BOUNDARIES = {
    "same day": 0.5,
    "next business day": 1.0,
    "end of next business day": 1.0,
    "next working day": 1.0,
    "end of next working day": 1.0,
}


@dataclass(frozen=True, slots=True)
class Duration:
    """A parsed duration: `low`..`high` in `unit` (singular), or a named boundary."""

    text: str
    low: float
    high: float
    unit: str  # singular unit, or the boundary phrase

    @property
    def is_range(self) -> bool:
        return self.high != self.low

    @property
    def is_boundary(self) -> bool:
        return self.unit in BOUNDARIES

    @property
    def business_word(self) -> str | None:
        """`business` or `working` when the value runs on the business calendar."""
        for word in ("business", "working"):
            if word in self.unit:
                return word
        return None

    @property
    def scale(self) -> Scale:
        if self.is_boundary:
            return Scale.BUSINESS_DAYS
        if self.unit in ("ring", "day"):
            return Scale.NONE
        if self.unit in ("business day", "working day"):
            return Scale.BUSINESS_DAYS
        if self.unit in ("business hour", "working hour"):
            return Scale.BUSINESS_HOURS
        return Scale.CONTINUOUS

    @property
    def magnitude(self) -> float:
        """The upper bound on this duration's scale (seconds, business days or hours)."""
        if self.is_boundary:
            return BOUNDARIES[self.unit]
        if self.scale is Scale.CONTINUOUS:
            return self.high * _CONTINUOUS_SECONDS[self.unit]
        return self.high


def parse_duration(text: object) -> Duration | None:
    """The Duration a string denotes, or None when it is not one (the schema says why)."""
    if not isinstance(text, str):
        return None
    if text in BOUNDARIES:
        return Duration(text, BOUNDARIES[text], BOUNDARIES[text], text)
    match = _PATTERN.match(text)
    if match is None:
        return None
    low = float(match["low"])
    high = float(match["high"]) if match["high"] else low
    unit = match["unit"]
    return Duration(text, low, high, _SINGULAR.get(unit, unit))


def comparable(first: Duration, second: Duration) -> bool:
    """Whether two durations run on the same clock (see the module docstring)."""
    return first.scale is second.scale and first.scale is not Scale.NONE


def longer(first: Duration, second: Duration) -> bool | None:
    """Whether `first` is longer than `second`; None when they cannot be compared."""
    if not comparable(first, second):
        return None
    return first.magnitude > second.magnitude
