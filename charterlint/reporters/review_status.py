"""When a charter was last reviewed, when the next review is due, and whether it is late.

The next review is due at the earlier of `review.next_review` and the last review plus
`review.cadence` (without a calendar cadence, the default period: pass CH201's `max-age` in
effect, see `checks.review.review_period`), so the status agrees with CH201 and CH202:
`overdue` when that date is before today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from charterlint.charter.dates import DEFAULT_REVIEW_PERIOD, due_date, is_calendar_period, parse_date
from charterlint.charter.duration import Duration, parse_duration
from charterlint.model import Finding
from charterlint.reporters.wording import text_of


@dataclass(frozen=True, slots=True)
class Review:
    """When the charter was last reviewed, when the next review is due, and whether it is late."""

    last_reviewed: dt.date | None
    next_due: dt.date | None
    basis: str  # how next_due was found
    status: str  # "current" | "overdue" | "unknown"
    findings: tuple[Finding, ...] = ()
    invalid_last_reviewed: str | None = None  # review.last_reviewed when given but not a real date

    @property
    def last_reviewed_text(self) -> str:
        """The last review as pages show it: the date, `invalid ("2025-02-30")` or `not given`."""
        if self.last_reviewed is not None:
            return self.last_reviewed.isoformat()
        if self.invalid_last_reviewed is not None:
            return f'invalid ("{self.invalid_last_reviewed}")'
        return "not given"


def review_status(data: Mapping[str, Any], today: dt.date | None, findings: tuple[Finding, ...] = (),
                  period: str = DEFAULT_REVIEW_PERIOD) -> Review:
    """The review status; `findings` are the file's findings, those under /review are kept.

    `today` None (not known) gives the status `unknown`. `period` is the review period without a
    calendar cadence (CH201's `max-age` in effect): a calendar duration such as "6 months".
    """
    review = data.get("review")
    review = review if isinstance(review, dict) else {}
    last = parse_date(review.get("last_reviewed"))
    candidates: list[tuple[dt.date, str]] = []
    planned = parse_date(review.get("next_review"))
    if planned is not None:
        candidates.append((planned, "review.next_review"))
    if last is not None:
        cycle, named = _period(review.get("cadence"), period)
        due = due_date(last, cycle)
        if due is not None:
            candidates.append((due, f"last review + {named}"))
    due, basis = min(candidates) if candidates else (None, "")
    status = "unknown" if due is None or today is None else "overdue" if due < today else "current"
    about = tuple(f for f in findings if f.pointer == "/review" or f.pointer.startswith("/review/"))
    given = review.get("last_reviewed")
    invalid = text_of(given) if last is None and given is not None else None
    return Review(last, due, basis, status, about, invalid)


def _period(cadence: Any, default: str) -> tuple[Duration, str]:
    parsed = parse_duration(cadence)
    if parsed is not None and is_calendar_period(parsed):
        return parsed, f'cadence "{parsed.text}"'
    period = parse_duration(default)
    if period is None or not is_calendar_period(period):
        raise ValueError(f'review period "{default}" is not a calendar duration such as "12 months"')
    return period, f"{period.text}, the default"
