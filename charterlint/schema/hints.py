"""Hints that work: the text a writer most likely meant, when it fits the schema.

A format message names a fix the writer can apply as it is written, and that fix must make the
value valid: `target: 80` is "80%" (quoting it, as "80", would only lead to a second error),
`within: 3` is "3 working days", `2 workdays` is "2 working days" (tests/schema/test_hints.py
applies every hint the suite's messages give).
"""

from __future__ import annotations

import re
from typing import Any

from charterlint.charter.subjects import closest


def fits(text: str, schema: dict[str, Any]) -> bool:
    """Whether `text` passes the string keywords of `schema` (pattern, length, enum)."""
    pattern = schema.get("pattern")
    if isinstance(pattern, str) and not re.search(pattern, text):
        return False
    if "enum" in schema and text not in schema["enum"]:
        return False
    return len(text) >= int(schema.get("minLength", 0))


_UNIT_WORDS = ("seconds", "minutes", "hours", "working hours", "calendar days", "working days", "business days",
               "weeks", "months", "years")


def repair(written: str, value: Any, schema: dict[str, Any]) -> str | None:
    """The text the writer most likely meant, when it fits the schema: `80` or `0.8` for a
    percentage is "80%", `3` for a duration "3 working days", `2 workdays` "2 working days",
    a number meant as text is itself, `9:00-17:00` and `9am-5pm` "09:00-17:00"; None when nothing
    near it fits."""
    candidates = [written]
    clock = twenty_four_hour(written)
    if clock is not None:
        candidates.append(clock)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 1:
        candidates.append(f"{value * 100:g}%")
    candidates.append(f"{written}%")
    candidates.append(re.sub(r"(?<![0-9])([0-9]):", r"0\1:", written))  # 9:00-17:30 as 09:00-17:30
    number, _, unit = written.strip().partition(" ")
    if not unit:
        candidates.append(f"{number} working days")
    else:
        word = closest(unit.lower(), _UNIT_WORDS)
        if word is not None:
            candidates.append(f"{number} {word[:-1] if number == '1' else word}")
    return next((candidate for candidate in candidates if fits(candidate, schema)), None)


_TWELVE_HOUR_TIME = r"(1[0-2]|0?[1-9])(?:[:.]([0-5][0-9]))?\s*([ap])\.?m\.?"
_TWELVE_HOUR_RANGE = re.compile(rf"^\s*{_TWELVE_HOUR_TIME}\s*(?:-|–|to)\s*{_TWELVE_HOUR_TIME}\s*$", re.IGNORECASE)


def _clock(hour: str, minute: str | None, half: str, closing: bool) -> str:
    value = int(hour) % 12 + (12 if half.lower() == "p" else 0)
    if closing and value == 0 and not minute:
        return "24:00"  # "9am-12am": open until midnight
    return f"{value:02d}:{minute or '00'}"


def twenty_four_hour(written: str) -> str | None:
    """Opening hours on a 12-hour clock on the 24-hour one: "9am-5pm" and "9.30 a.m. to 5 p.m." are
    "09:00-17:00" and "09:30-17:00"; None for anything else."""
    match = _TWELVE_HOUR_RANGE.match(written)
    if match is None:
        return None
    hour, minute, half, close_hour, close_minute, close_half = match.groups()
    return f"{_clock(hour, minute, half, closing=False)}-{_clock(close_hour, close_minute, close_half, closing=True)}"


def example_hint(schema: dict[str, Any]) -> str:
    examples = schema.get("examples")
    if isinstance(examples, list) and examples and isinstance(examples[0], str):
        return f'write text such as "{examples[0]}"'
    return "write it in quotes"
