"""CH111, CH112, CH206, CH310: what the charter says it does not know, or says two ways.

Forms the format lets a writer record faithfully (hours not published, an undated charter,
a calendar closed every day, a clock-time limit counted in business hours) so that a rule
can report them, instead of the writer inventing a value to get past the schema.
"""

from __future__ import annotations

from collections.abc import Iterator

from charterlint.charter.clocks import ambiguous_clock
from charterlint.charter.views import charter_index
from charterlint.checks.context import Context
from charterlint.checks.omnichannel import CLOCK_LIMIT_SECONDS, by_appointment_only, met_during_the_service
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import join


def hours_not_published(document: Document, context: Context) -> Iterator[Problem]:
    """CH111: a channel says its hours are not published, unless it is met only by appointment
    (the customer is given the time, and opening hours add nothing) or is people met during the
    service itself (a hospital's ward staff)."""
    for channel in charter_index(document).channels:
        if not channel.hours_published and not by_appointment_only(channel) and not met_during_the_service(channel):
            yield Problem(
                f'channel "{channel.id}" does not publish its hours: customers cannot know when someone '
                'answers (give hours: always or the id of a calendar of opening hours)',
                join(channel.pointer, "hours"),
            )


def calendar_never_open(document: Document, context: Context) -> Iterator[Problem]:
    """CH112: a calendar whose `open` gives no opening hours on any day."""
    calendars = document.data.get("calendars")
    for index, calendar in enumerate(calendars if isinstance(calendars, list) else []):
        if not isinstance(calendar, dict):
            continue
        opening = calendar.get("open")
        days = opening if isinstance(opening, dict) else {}
        if any(not str(day).startswith("x-") and hours != "closed" for day, hours in days.items()):
            continue
        yield Problem(
            f'calendar "{calendar.get("id")}" has no open day: every channel that uses it is never open '
            '(give opening hours for at least one day, e.g. mon-fri: "09:00-17:00")',
            join("/calendars", index, "open"),
            anchor="key",
        )


def review_date_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH206: the charter is explicitly undated (`review.undated: true`)."""
    review = document.data.get("review")
    if not isinstance(review, dict) or review.get("undated") is not True:
        return
    if "last_reviewed" in review:
        yield Problem(
            f'review.undated says the charter has no review date, but last_reviewed gives '
            f'"{review["last_reviewed"]}" (remove undated)',
            "/review/undated",
        )
        return
    yield Problem(
        "the charter states no review date: customers cannot tell whether its promises are current "
        '(review it, then give review.last_reviewed and review.cadence, e.g. "12 months")',
        "/review/undated",
    )


def ambiguous_clocks(document: Document, context: Context) -> Iterator[Problem]:
    """CH310: a clock-time limit whose wording counts business or office hours."""
    for pointer, event, commitment in charter_index(document).commitments:
        found = ambiguous_clock(commitment)
        if found is None:
            continue
        limit, words = found
        # "Within 1 hour, during business hours": the two clocks differ only for a contact in the
        # last hour before closing; the charter gives too little to call it ambiguous.
        if limit.magnitude <= CLOCK_LIMIT_SECONDS:
            continue
        count, _, unit = limit.text.partition(" ")
        business = f'{count} business {unit.replace("calendar ", "")}'
        yield Problem(
            f'{event} within "{limit.text}" counts clock time, but its text says "{words}": which clock does '
            f'the promise run on? (write "{business}" if the clock stops when you close, or drop "{words}" '
            "from the text)",
            join(pointer, "within"),
        )
