"""Durations (`2 working days`, `1-2 hours`, `next business day`) as typed, comparable values.

Comparison follows the catalogue: continuous units compare with each other (months as 30
days, years as 365); business/working units compare only with the same size (days with
days, hours with hours); `same day` is less than one business day and `next ...`
boundaries count as one business day; `rings` and bare `days` compare with nothing.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace
from functools import cache


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

    def same_limit(self, other: Duration) -> bool:
        """Whether `other` is the same limit, however written ("five working days", "5 working days")."""
        return (self.low, self.high, self.unit) == (other.low, other.high, other.unit)

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


def _shortest_seconds(duration: Duration) -> float | None:
    """The least real time `duration` can take, where it is known: a day of business time may be
    the part of today that remains, an hour of it is at least an hour. Boundaries and rings: None."""
    if duration.is_boundary or duration.unit == "ring":
        return None
    if duration.scale is Scale.CONTINUOUS:
        return duration.low * _CONTINUOUS_SECONDS[duration.unit]
    if duration.scale is Scale.BUSINESS_HOURS:
        return duration.low * _CONTINUOUS_SECONDS["hour"]
    return max(duration.low - 1, 0) * _CONTINUOUS_SECONDS["calendar day"]  # business or bare days


def always_shorter(first: Duration, second: Duration) -> bool:
    """Whether `first` is shorter than `second` however either is counted: on one clock, the
    longest of `first` is shorter than the least of `second`; across clocks only a continuous
    `first` ("24 hours") against the least real time `second` can take ("3 working days" is at
    least two whole days). Business time can span a weekend, so it is never shorter than a
    continuous time, and a boundary ("next business day") or rings compare with nothing."""
    if first.is_boundary or second.is_boundary:
        return False
    if comparable(first, second):
        lowest = replace(second, high=second.low)
        return first.magnitude < lowest.magnitude
    least = _shortest_seconds(second)
    if first.scale is not Scale.CONTINUOUS or least is None:
        return False
    return first.high * _CONTINUOUS_SECONDS[first.unit] < least


# Durations in prose ("within two working days", "by the end of the next working day"), found
# for `charterlint import`: each is rewritten in the format's words and read by parse_duration,
# so the importer and the rules share one parser and one list of units.
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-one": 21, "twenty-four": 24,
    "twenty-eight": 28, "thirty": 30, "forty": 40, "forty-five": 45, "forty-eight": 48, "fifty": 50,
    "sixty": 60, "seventy-two": 72, "ninety": 90, "a": 1, "an": 1,
}
_PROSE_UNITS = {
    "sec": "second", "secs": "second", "second": "second", "seconds": "second", "ring": "ring", "rings": "ring",
    "min": "minute", "mins": "minute", "minute": "minute", "minutes": "minute", "hr": "hour", "hrs": "hour",
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year",
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10}  # "on the third working day": within 3 working days
_QUALIFIED = {"day", "hour"}  # units that take business / working / calendar
_NUMBER = r"\d+(?:\.\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
@cache
def _prose_pattern() -> re.Pattern[str]:
    """The pattern of durations in prose, compiled when first asked for: it takes a few milliseconds,
    and a one-file run of a YAML charter seldom needs it (escape clauses, Markdown prose, import)."""
    return re.compile(
        r"(?<![\w.£$€%-])(?P<low>" + _NUMBER + r")(?:\s*(?:-|\u2013|to|or)\s*(?P<high>" + _NUMBER + r"))?"
        r"[\s-]+(?:(?P<kind>business|working|calendar|clear)[\s-]+)?"
        r"(?P<unit>" + "|".join(sorted(_PROSE_UNITS, key=len, reverse=True)) + r")(?!\w)"
        r"|(?P<boundary>(?:(?:by\s+)?the\s+)?end\s+of\s+(?:the\s+)?next\s+(?:business|working)\s+day"
        r"|(?:the\s+)?next\s+(?:business|working)\s+day|(?:the\s+)?same\s+(?:business\s+|working\s+)?day)(?!\w)"
        r"|(?:the\s+)?(?P<nth>" + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))"
        r"\s+(?P<nth_kind>business|working|calendar)\s+day(?!\w)",
        re.IGNORECASE,
    )


@dataclass(frozen=True, slots=True)
class FoundDuration:
    """A duration written in prose: where it is in the text (start, end) and what it means."""

    start: int
    end: int
    duration: Duration


def _number(word: str) -> float | None:
    lowered = word.lower()
    if lowered in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[lowered])
    try:
        return float(lowered)
    except ValueError:
        return None


def _spelled(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def _canonical(match: re.Match[str]) -> str | None:
    """The format's spelling of a prose duration ("two working days" -> "2 working days")."""
    if match["nth"]:
        nth = match["nth"].lower()
        count = _ORDINALS.get(nth) or int(nth[:-2])
        return f"{count} {match['nth_kind'].lower()} day" + ("s" if count != 1 else "")
    if match["boundary"]:
        words = match["boundary"].lower().split()
        kind = "working" if "working" in words else "business"
        if "end" in words:
            return f"end of next {kind} day"
        return f"next {kind} day" if "next" in words else "same day"
    low, high = _number(match["low"]), _number(match["high"]) if match["high"] else None
    if low is None or (match["high"] and high is None):
        return None
    unit = _PROSE_UNITS[match["unit"].lower()]
    kind = (match["kind"] or "").lower()
    if kind and unit not in _QUALIFIED:
        return None  # "two working weeks" is no unit of the format
    if kind == "clear" or (kind == "calendar" and unit == "hour"):
        kind = "calendar" if unit == "day" else ""
    amount = _spelled(low) if high is None or high == low else f"{_spelled(low)}-{_spelled(high)}"
    plural = "" if high is None and low == 1 else "s"
    return " ".join(part for part in (amount, kind, unit + plural) if part)


def durations_in(text: str) -> list[FoundDuration]:
    """Every duration written in `text`, in order; each reads back through parse_duration."""
    found: list[FoundDuration] = []
    for match in _prose_pattern().finditer(text):
        canonical = _canonical(match)
        duration = parse_duration(canonical) if canonical else None
        if duration is not None:
            found.append(FoundDuration(match.start(), match.end(), duration))
    return found
