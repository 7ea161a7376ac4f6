"""Ambiguous clocks: a limit in clock time whose wording counts only business or office hours.

"Within 24 hours during normal business hours" can mean 24 clock hours or 24 business hours
(three working days): customers and staff read it differently. CH310 reports it, and CH107
(clock hours on a channel that closes) leaves it to CH310, so one wording gives one finding.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from charterlint.charter.duration import Duration, Scale, durations_in, parse_duration

# Clock hours and calendar days: below an hour the clock barely matters, and weeks or months
# beside "20 working days" are a conversion, not a second clock.
_CLOCK_UNITS = frozenset({"hour", "calendar day"})
# Wording that counts only the hours or days the organisation is open (or staffs the service:
# "within two hours during service hours", "support hours").
_QUALIFIER = re.compile(
    r"(?<!\w)(?:(?:normal|usual|standard|regular)\s+)?(?:business|office|working|opening|operating|service|support)"
    r"\s+hours(?!\w)|(?<!\w)(?:(?:(?:normal|usual|standard|regular)\s+)?hours\s+of\s+(?:business|operation)|"
    r"while\s+we\s+are\s+open|when\s+we\s+are\s+open)(?!\w)",
    re.IGNORECASE,
)
# What ends a sentence of a commitment's text: a qualifier qualifies the limit unless its sentence
# states another time ("within 24 hours ... (Our average response time during business hours is
# less than 2 hours.)").
_SENTENCE_END = re.compile(r"[.!?]")


def ambiguous_clock(commitment: Any) -> tuple[Duration, str] | None:
    """(the clock-time limit, the qualifying words) when a commitment's `within` counts clock time
    and its `text` qualifies it by business or office hours; None otherwise."""
    if not isinstance(commitment, dict):
        return None
    limit = parse_duration(commitment.get("within"))
    text = commitment.get("text")
    if limit is None or not isinstance(text, str):
        return None
    if limit.scale is not Scale.CONTINUOUS or limit.unit not in _CLOCK_UNITS:
        return None
    ends = [mark.start() for mark in _SENTENCE_END.finditer(text)]
    judged: dict[int, bool] = {}  # by sentence: each read once, however many qualifiers it holds
    for found in _QUALIFIER.finditer(text):
        index = bisect_left(ends, found.start())
        if index not in judged:
            sentence = text[ends[index - 1] + 1 if index else 0:ends[index] + 1 if index < len(ends) else len(text)]
            stated = [duration.duration for duration in durations_in(sentence)]
            judged[index] = not stated or any((d.low, d.high) == (limit.low, limit.high) for d in stated)
        if judged[index]:
            return limit, " ".join(found.group(0).split())
    return None
