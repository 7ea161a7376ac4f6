"""When a charter was last reviewed, when the next review is due, and whether it is late.

The next review is due at the earlier of `review.next_review` and the last review plus
`review.cadence` (12 months without a calendar cadence, as CH201's default max-age), so the
status agrees with CH201 and CH202: `overdue` when that date is before today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from charterlint.dates import due_date, is_calendar_period, parse_date
from charterlint.duration import Duration, parse_duration
from charterlint.model import Finding

DEFAULT_REVIEW_PERIOD = "12 months"


@dataclass(frozen=True, slots=True)
class Review:
    """When the charter was last reviewed, when the next review is due, and whether it is late."""

    last_reviewed: dt.date | None
    next_due: dt.date | None
    basis: str  # how next_due was found
    status: str  # "current" | "overdue" | "unknown"
    findings: tuple[Finding, ...] = ()


def review_status(data: Mapping[str, Any], today: dt.date | None, findings: tuple[Finding, ...] = ()) -> Review:
    """The review status; `findings` are the file's findings, those under /review are kept.

    `today` None (not known) gives the status `unknown`.
    """
    review = data.get("review")
    review = review if isinstance(review, dict) else {}
    last = parse_date(review.get("last_reviewed"))
    candidates: list[tuple[dt.date, str]] = []
    planned = parse_date(review.get("next_review"))
    if planned is not None:
        candidates.append((planned, "review.next_review"))
    if last is not None:
        period, named = _period(review.get("cadence"))
        due = due_date(last, period)
        if due is not None:
            candidates.append((due, f"last review + {named}"))
    due, basis = min(candidates) if candidates else (None, "")
    status = "unknown" if due is None or today is None else "overdue" if due < today else "current"
    about = tuple(f for f in findings if f.pointer == "/review" or f.pointer.startswith("/review/"))
    return Review(last, due, basis, status, about)


def _period(cadence: Any) -> tuple[Duration, str]:
    parsed = parse_duration(cadence)
    if parsed is not None and is_calendar_period(parsed):
        return parsed, f'cadence "{parsed.text}"'
    default = parse_duration(DEFAULT_REVIEW_PERIOD)
    assert default is not None
    return default, f"{DEFAULT_REVIEW_PERIOD}, the default"
