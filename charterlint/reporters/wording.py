"""How the coverage matrix words a charter's values: plain text from data that may be invalid."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def text_of(value: Any) -> str:
    """A charter value as plain text: strings as they are, lists joined, mappings as `key: value`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(text_of(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {text_of(item)}" for key, item in value.items())
    return str(value)


def commitment_text(commitment: Any) -> str:
    """`2 working days, 95%`, plus the statistic and strength when they weaken the promise;
    variants as `5 minutes (with an appointment); 15 minutes, 80% (without one)`."""
    if commitment is None:
        return ""
    if isinstance(commitment, list):
        return "; ".join(_variant_text(variant) for variant in commitment)
    if not isinstance(commitment, dict):
        return text_of(commitment)
    parts = [text_of(commitment.get(key)) for key in ("within", "target")]
    if commitment.get("at") == "first_contact":
        parts.append("at first contact")
    statistic, strength = commitment.get("statistic"), commitment.get("strength")
    if statistic not in (None, "each"):
        parts.append(text_of(statistic))
    if strength not in (None, "will"):
        parts.append(text_of(strength).replace("_", " "))
    return ", ".join(part for part in parts if part) or "(no time limit)"


def _variant_text(variant: Any) -> str:
    when = text_of(variant.get("when")) if isinstance(variant, dict) else ""
    text = commitment_text(variant)
    return f"{text} ({when})" if when else text


def follow_up_text(follow_up: Any) -> str:
    """`next working day via email`."""
    if follow_up is None:
        return ""
    if not isinstance(follow_up, dict):
        return text_of(follow_up)
    within, via = text_of(follow_up.get("within")), text_of(follow_up.get("via"))
    return " ".join(part for part in (within, f"via {via}" if via else "") if part) or "(no time limit)"


def opening_text(data: Mapping[str, Any], hours: str) -> str:
    """`mon-fri 08:00-18:00, Europe/London` for the calendar named `hours`."""
    entries = data.get("calendars")
    if not isinstance(entries, list):
        return ""
    for entry in entries:
        if isinstance(entry, dict) and text_of(entry.get("id")) == hours:
            opening = entry.get("open")
            times = [f"{text_of(days)} {text_of(value)}" for days, value in opening.items()] \
                if isinstance(opening, dict) else []
            return ", ".join(part for part in (*times, text_of(entry.get("timezone"))) if part)
    return ""
