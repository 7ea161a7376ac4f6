"""Opening hours in prose ("Monday to Friday, 9am to 5pm", "24/7") as the format's calendars.

A sentence's day specs and time ranges are paired in order: as many of each, one each; one
time range for several day specs, the same for all. Times without am or pm are read on a
working day ("9 to 5" is 09:00-17:00). A single time ("from 8.30am during examinations") is
no range and is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE
_DAY = r"(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?"
_DAYS = re.compile(r"\b(?P<first>" + _DAY + r")\.?(?:\s*(?:-|\u2013|to|through|until|till)\s*(?P<last>" + _DAY +
                   r")\.?)?\b|\b(?P<word>weekdays|weekends?|every day|daily|seven days a week|7 days a week)\b", _I)
_TIME = r"(?:(?:[01]?\d|2[0-4])(?:[:.][0-5]\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?|noon|midday|midnight)"
_RANGE = re.compile(r"(?<![\w:.])(?:from\s+|between\s+)?(?P<open>" + _TIME + r")\s*(?:-|\u2013|to|until|till|and)\s*"
                    r"(?P<close>" + _TIME + r")(?![\w:])", _I)
ALWAYS = re.compile(r"\b24/7\b|\b24 hours a day\b|\b24 hours,? (?:a day,? )?(?:7|seven) days a week\b|"
                    r"\b(?:a|\()?round the clock\b|\bat any time\b|\bany time of (?:the )?day\b|\b24x7\b", _I)
HOLIDAYS = re.compile(r"\b(?:except|closed on|not (?:open|available) on|excluding)\s+(?P<days>(?:public|bank) holidays)",
                      _I)


@dataclass(frozen=True, slots=True)
class Hours:
    """Opening hours found in a sentence: (days, "HH:MM-HH:MM") pairs in order, and holidays if said."""

    open: tuple[tuple[str, str], ...]
    holidays: str | None = None


def _day(word: str) -> str:
    return word.lower()[:3]


def _days(match: re.Match[str]) -> str:
    if match["word"]:
        word = match["word"].lower()
        if word.startswith("weekday"):
            return "mon-fri"
        return "sat-sun" if word.startswith("weekend") else "mon-sun"
    first, last = _day(match["first"]), _day(match["last"]) if match["last"] else None
    return f"{first}-{last}" if last and last != first else first


def _clock(text: str, *, closing: bool, opening: int | None = None) -> int | None:
    """Minutes since midnight; None when it is not a time."""
    word = text.lower().replace(".", "").replace(" ", "")
    if word in ("noon", "midday"):
        return 12 * 60
    if word == "midnight":
        return 24 * 60 if closing else 0
    match = re.fullmatch(r"(\d{1,2})(?:[:](\d\d)|(\d\d))?(am|pm)?", word.replace(":", ":"))
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2] or match[3] or 0)
    if match[4] == "pm" and hour < 12:
        hour += 12
    elif match[4] == "am" and hour == 12:
        hour = 0
    elif match[4] is None and opening is not None and hour * 60 + minute <= opening and hour < 12:
        hour += 12  # "9 to 5": the close is in the afternoon
    minutes = hour * 60 + minute
    return minutes if minutes <= 24 * 60 else None


def _range(match: re.Match[str]) -> str | None:
    opening = _clock(match["open"], closing=False)
    if opening is None:
        return None
    closing = _clock(match["close"], closing=True, opening=opening)
    bare = not re.search(r"[ap]\.?m|:|noon|midday|midnight", match.group(0), _I)
    if closing is None or closing <= opening or opening >= 24 * 60 or (bare and "." in match.group(0)):
        return None
    return f"{opening // 60:02d}:{opening % 60:02d}-{closing // 60:02d}:{closing % 60:02d}"


def hours_in(text: str) -> Hours | None:
    """The opening hours a sentence gives, if it gives day and time ranges; None otherwise."""
    days = [(m.start(), _days(m)) for m in _DAYS.finditer(text)]
    times = [(m.start(), r) for m in _RANGE.finditer(text) if (r := _range(m)) is not None]
    if not days or not times:
        return None
    pairs: list[tuple[str, str]] = []
    if len(days) == len(times):
        pairs = [(d, t) for (_, d), (_, t) in zip(days, times)]
    elif len(times) == 1:
        pairs = [(d, times[0][1]) for _, d in days]
    else:
        return None  # more time ranges than day specs: a split day or a table the writer should read
    holidays = HOLIDAYS.search(text)
    return Hours(tuple(pairs), holidays["days"].lower() if holidays else None)
