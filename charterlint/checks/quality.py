"""CH302-CH309: commitment quality (ranges, averages, day units, calendars, order, strength)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from charterlint.charter.duration import Duration, Scale, longer, parse_duration
from charterlint.charter.views import COMMITMENT_EVENTS, charter_index, feedback_timescale
from charterlint.checks.context import Context
from charterlint.checks.omnichannel import complaint_channels
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import join

# Position of each event in the life of a contact: a later one may not be promised sooner.
_EVENT_STEP = {"answer": 0, "acknowledge": 0, "respond": 1, "resolve": 2}
_UNCHECKABLE_STATISTICS = ("average", "majority")


def range_targets(document: Document, context: Context) -> Iterator[Problem]:
    """CH302: a duration given as a range."""
    for pointer, duration in charter_index(document).durations:
        if duration.is_range:
            count, _, unit = duration.text.partition(" ")
            upper = count.partition("-")[2]
            yield Problem(
                f'"{duration.text}" is a range: which end is the promise? give one limit (e.g. "{upper} {unit}")',
                pointer,
            )


def average_targets(document: Document, context: Context) -> Iterator[Problem]:
    """CH303: `statistic: average` or `majority`."""
    for pointer, _, commitment in charter_index(document).commitments:
        statistic = commitment.get("statistic")
        if statistic in _UNCHECKABLE_STATISTICS:
            yield Problem(
                f'statistic "{statistic}" is a promise no customer can check against their own contact: '
                'use a share of contacts instead (target: 80%, statistic: each)',
                join(pointer, "statistic"),
            )


def ambiguous_day_units(document: Document, context: Context) -> Iterator[Problem]:
    """CH304: a duration in bare `days`."""
    for pointer, duration in charter_index(document).durations:
        if duration.unit == "day":
            count, _, unit = duration.text.partition(" ")
            yield Problem(
                f'"{duration.text}" does not say which days: '
                f'use "{count} working {unit}" or "{count} calendar {unit}"',
                pointer,
            )


def _uses_business_calendar(duration: Duration) -> bool:
    # `same day` is not a business unit: it needs no business week (see rules/CH305.yaml)
    return duration.business_word is not None


def _hours_not_published(document: Document) -> bool:
    """Whether a channel says its hours are not published: the missing working week is then the
    gap CH111 reports at each channel, and one gap gives one finding."""
    return any(not channel.hours_published for channel in charter_index(document).channels)


def _jurisdiction(document: Document) -> bool:
    organization = document.data.get("organization")
    return isinstance(organization, dict) and bool(organization.get("jurisdiction"))


def business_units_without_calendar(document: Document, context: Context) -> Iterator[Problem]:
    """CH305: business/working units but no calendar (and hours not said to be unpublished);
    once, at the first use. With a jurisdiction, a count of working days means its working week
    and public holidays: only business hours and boundaries, which need opening hours, count."""
    if document.data.get("calendars") or _hours_not_published(document):
        return
    days_known = _jurisdiction(document)
    for pointer, duration in charter_index(document).durations:
        counted_in_days = duration.scale is Scale.BUSINESS_DAYS and not duration.is_boundary
        if _uses_business_calendar(duration) and not (days_known and counted_in_days):
            word = duration.business_word
            yield Problem(
                f'"{duration.text}" needs a calendar, but none defines the {word} week and timezone '
                '(add one under calendars)',
                pointer,
            )
            return


def acknowledgement_only(document: Document, context: Context) -> Iterator[Problem]:
    """CH306: a channel's only commitment is `acknowledge` (its own and its standards' together).
    A channel whose promise is the complaints procedure's timescale (as CH101 and CH102 read it:
    complaint_channels) has that procedure's reply, when it times one."""
    index = charter_index(document)
    complaints = complaint_channels(document.data, index)
    procedure = feedback_timescale(document.data)
    # A voicemail takes the phone line's messages: a phone channel that promises a respond or
    # resolve time says when a person replies to them, and the voicemail's acknowledgement adds to it.
    phone_replies = any(channel.type == "phone" and {"respond", "resolve"} & index.events_of(channel)
                        for channel in index.channels)
    for channel in index.channels:
        if channel.id in complaints and "respond" in procedure:
            continue  # the procedure's reply time is the channel's
        events = [event for event in COMMITMENT_EVENTS if event in index.events_of(channel)]
        if events == ["acknowledge"] and not (channel.type == "voicemail" and phone_replies):
            own = "acknowledge" in channel.commitments  # else a standard promises it: point at the channel
            yield Problem(
                f'channel "{channel.id}" only promises an acknowledgement, which may be automated '
                '(add a respond or resolve commitment)',
                join(channel.pointer, "commitments", "acknowledge") if own else channel.pointer,
                anchor="key" if own else "container",
            )


def _order_problems(pointer: str, events: dict[str, Any]) -> Iterator[Problem]:
    """Later events whose limit is shorter than an earlier event's, nearest earlier event first."""
    limits = {
        event: parse_duration(events[event].get("within"))
        for event in COMMITMENT_EVENTS
        if isinstance(events.get(event), dict)
    }
    for later, later_limit in limits.items():
        if later_limit is None:
            continue
        earlier = [e for e in reversed(COMMITMENT_EVENTS) if e in limits and _EVENT_STEP[e] < _EVENT_STEP[later]]
        for event in earlier:
            earlier_limit = limits[event]
            if earlier_limit is not None and longer(earlier_limit, later_limit):
                yield Problem(
                    f'{later} within "{later_limit.text}" is shorter than {event} within "{earlier_limit.text}": '
                    f'a later step cannot come sooner (give {later} at least as long as {event})',
                    join(pointer, later, "within"),
                )
                break


def commitment_order(document: Document, context: Context) -> Iterator[Problem]:
    """CH307: on a channel, a standard or in `feedback`, a later event is promised sooner than an
    earlier one (variants are not compared: each covers another case)."""
    for channel in charter_index(document).channels:
        yield from _order_problems(join(channel.pointer, "commitments"), channel.commitments)
    for standard in charter_index(document).standards:
        events = standard.data.get("commitments")
        yield from _order_problems(join(standard.pointer, "commitments"), events if isinstance(events, dict) else {})
    feedback = document.data.get("feedback")
    if isinstance(feedback, dict):
        yield from _order_problems("/feedback", feedback)


def _size(duration: Duration) -> str:
    """The size of a business unit, without its word: "day" for business and working days."""
    return duration.unit.split()[-1]


def mixed_day_units(document: Document, context: Context) -> Iterator[Problem]:
    """CH308: both `business` and `working` units of one size (days, or hours); once, at the first
    use of the second word. "Business hours" beside "working days" mixes no words for one thing.
    A standard for a kind of matter (`matter:`) keeps the words of the rules that set its times."""
    index = charter_index(document)
    own_terms = tuple(join(standard.pointer, "") for standard in index.standards if "matter" in standard.data)
    first: dict[str, Duration] = {}
    for pointer, duration in index.durations:
        word = duration.business_word
        if word is None or pointer.startswith(own_terms):
            continue
        earlier = first.setdefault(_size(duration), duration)
        if word != earlier.business_word:
            yield Problem(
                f'"{duration.text}" uses {word} units, but "{earlier.text}" uses {earlier.business_word} units: '
                f'they mean the same, so use one word throughout',
                pointer,
            )
            return


def weak_commitments(document: Document, context: Context) -> Iterator[Problem]:
    """CH309: `strength: best_effort` ("we will do our best"); `aim` is the honest standard form.
    A commitment with its published `text` is left to CH301, which reports the hedge in its words
    ("we will endeavour to reply"): one weakness, one finding."""
    for pointer, _, commitment in charter_index(document).commitments:
        if commitment.get("strength") == "best_effort" and "text" not in commitment:
            yield Problem(
                'strength "best_effort" is not a promise customers can rely on '
                '(commit with "will", or "aim" at a limit you report against)',
                join(pointer, "strength"),
            )
