"""CH201-CH205: is the charter kept up to date? Review dates, cadence and obsolete channels."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from charterlint.charter.dates import DEFAULT_REVIEW_PERIOD, due_date, is_calendar_period, parse_date
from charterlint.charter.duration import Duration, parse_duration
from charterlint.charter.views import charter_index, country
from charterlint.checks.context import Context
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import join

# Why each obsolete word matters and what to do, in the order the catalogue names them.
_OBSOLETE = {
    "fax": "fax is rarely used now (check customers still use it, or replace the channel)",
    "telex": "telex services have closed (remove or replace the channel)",
    "minicom": "Minicom textphones have given way to text relay (offer a relay service instead)",
    "twitter": "Twitter is now X (update the channel's name, platform and address)",
}
_OBSOLETE_WORDS = re.compile(r"\b(" + "|".join(_OBSOLETE) + r")\b", re.IGNORECASE)
_CHANNEL_FIELDS = ("name", "platform", "address")


def _review(document: Document) -> dict[str, Any]:
    review = document.data.get("review")
    return review if isinstance(review, dict) else {}


def _max_age(context: Context) -> Duration:
    text = context.options.get("max-age", DEFAULT_REVIEW_PERIOD)
    parsed = parse_duration(text)
    if parsed is None or not is_calendar_period(parsed):
        raise ValueError(f'option max-age "{text}" is not a calendar duration such as "12 months"')
    return parsed


def _period(review: dict[str, Any], context: Context) -> tuple[Duration, str]:
    """The review period that applies and how the message names it."""
    cadence = parse_duration(review.get("cadence"))
    if cadence is not None and is_calendar_period(cadence):
        return cadence, f'the review cadence "{cadence.text}"'
    max_age = _max_age(context)
    if cadence is not None:
        return max_age, f'the max-age "{max_age.text}" (cadence "{cadence.text}" is not a calendar period)'
    return max_age, f'the max-age "{max_age.text}"'


def stale_review(document: Document, context: Context) -> Iterator[Problem]:
    """CH201: the last review is older than the cadence (or the max-age option)."""
    review = _review(document)
    last = parse_date(review.get("last_reviewed"))
    if last is None:
        return
    period, named = _period(review, context)
    due = due_date(last, period)
    if due is not None and due < context.today:
        yield Problem(
            f'last review "{last.isoformat()}" is older than {named}: the next review was due by '
            f"{due.isoformat()} (review the charter and update review.last_reviewed)",
            "/review/last_reviewed",
        )


def next_review_overdue(document: Document, context: Context) -> Iterator[Problem]:
    """CH202: the planned next review date has passed."""
    planned = parse_date(_review(document).get("next_review"))
    if planned is not None and planned < context.today:
        yield Problem(
            f'next review "{planned.isoformat()}" is overdue (today is {context.today.isoformat()}: '
            "review the charter and set a new review.next_review)",
            "/review/next_review",
        )


def review_date_in_future(document: Document, context: Context) -> Iterator[Problem]:
    """CH203: a review or publication date that has not happened yet."""
    review = _review(document)
    for field, what in (("last_reviewed", "review"), ("published", "publication")):
        when = parse_date(review.get(field))
        if when is not None and when > context.today:
            yield Problem(
                f'{field} "{when.isoformat()}" is after today ({context.today.isoformat()}): '
                f"a {what} date cannot be in the future (give the date it took place)",
                join("/review", field),
            )


def review_cadence_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH204: nothing says when the next review happens (an undated charter is CH206's finding)."""
    review = _review(document)
    last, period = parse_date(review.get("last_reviewed")), parse_duration(DEFAULT_REVIEW_PERIOD)
    default_due = due_date(last, period) if last is not None and period is not None else None
    if default_due is not None and default_due < context.today:
        return  # overdue for review (CH201): the review to do first, which will set the next one
    if "cadence" not in review and "next_review" not in review and review.get("undated") is not True:
        yield Problem(
            'review has neither cadence nor next_review (add review.cadence, e.g. "12 months", '
            "or review.next_review)",
            "/review",
            anchor="container",
        )


def obsolete_channels(document: Document, context: Context) -> Iterator[Problem]:
    """CH205: a fax channel, or one whose name, platform or address names an obsolete channel.

    Where fax is still an ordinary channel (a country in the `fax-current` option), a fax channel
    is no evidence that the charter was left unreviewed: fax is not reported there."""
    current = {str(code).upper() for code in context.options.get("fax-current", ())}
    fax_current = country(document.data) in current
    for channel in charter_index(document).channels:
        if channel.type == "fax" and not fax_current:
            yield Problem(
                f'channel "{channel.id}" has type "fax": {_OBSOLETE["fax"]}',
                join(channel.pointer, "type"),
            )
            continue
        for field in _CHANNEL_FIELDS:
            value = channel.data.get(field)
            words = _OBSOLETE_WORDS.finditer(value) if isinstance(value, str) else iter(())
            match = next((m for m in words if not (fax_current and m[0].lower() == "fax")), None)
            if match is not None:
                yield Problem(
                    f'channel "{channel.id}" {field} "{value}" names "{match[0]}": {_OBSOLETE[match[0].lower()]}',
                    join(channel.pointer, field),
                )
                break
