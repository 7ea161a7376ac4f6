"""CH114 key-commitment-missing: a channel has commitments, but not the one its type calls for.

The table (rules/CH114.yaml `details` shows the same):

| channel type | essential |
| --- | --- |
| phone | answer; with an answer time, also respond or resolve (calls not resolved on the call; a first-contact rate is not that) |
| video, in_person | answer (picked up, or seen) |
| live_chat | answer or respond (either is the first reply) |
| written: email, web_form, post, fax, social_media, messaging, sms | respond; and acknowledge |

(acknowledge only when respond is longer than the `acknowledge-beyond` option.)

A channel with no commitment is CH101's, and a written channel that only acknowledges is
CH306's: neither is reported here, so one mistake gives one finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from charterlint.charter.duration import Duration, Scale, longer, parse_duration
from charterlint.charter.views import COMMITMENT_EVENTS, WRITTEN_TYPES, Channel, Commitment, charter_index
from charterlint.checks.context import Context
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import join

_ANSWERED = frozenset({"phone", "video", "in_person"})
_DEFAULT_ACKNOWLEDGE_BEYOND = "10 working days"
_CALENDAR_DAYS_PER_WORKING_DAY = 7 / 5
_DAY_SECONDS = 86400


def limits(value: Any) -> list[Duration]:
    """The time limits of a commitment: one object, or a list of variants (`when:`)."""
    variants = value if isinstance(value, list) else [value]
    found = (parse_duration(v.get("within")) for v in variants if isinstance(v, dict))
    return [d for d in found if d is not None]


def _exceeds(duration: Duration, limit: Duration) -> bool:
    """Whether `duration` is longer than `limit`; clock days count as 5/7 of a working day."""
    result = longer(duration, limit)
    if result is not None:
        return result
    if duration.scale is Scale.CONTINUOUS and limit.scale is Scale.BUSINESS_DAYS:
        return duration.magnitude > limit.magnitude * _CALENDAR_DAYS_PER_WORKING_DAY * _DAY_SECONDS
    return False


def _problem(channel: Channel, message: str) -> Problem:
    return Problem(message, join(channel.pointer, "commitments"), anchor="key")


def _after_the_call(commitments: tuple[Commitment, ...]) -> bool:
    """Whether a promise covers calls not settled on the call: a respond, or a resolve that is not
    only a first-contact rate ("we deal with 78% of calls at the first point of contact" says
    nothing of when the other 22% hear back)."""
    return any(c.event == "respond" or (c.event == "resolve" and c.data.get("at") != "first_contact")
               for c in commitments)


def _answered(channel: Channel, events: frozenset[str], after_call: bool) -> Iterator[Problem]:
    if "answer" not in events:
        others = ", ".join(e for e in COMMITMENT_EVENTS if e in events)
        yield _problem(channel, f'channel "{channel.id}" promises {others} but no answer time: say how quickly '
                                "a person picks up (add commitments.answer)")
    elif channel.type == "phone" and not after_call:
        yield _problem(channel, f'channel "{channel.id}" promises an answer time but nothing for calls not resolved '
                                "on the call (add commitments.respond or commitments.resolve: when the caller "
                                "hears back)")


def _written(channel: Channel, events: frozenset[str], beyond: Duration | None) -> Iterator[Problem]:
    if "respond" not in events:
        yield _problem(channel, f'channel "{channel.id}" promises no reply time (add commitments.respond: '
                                "how quickly a person replies)")
        return
    if "acknowledge" in events or beyond is None:
        return
    slow = [d for d in limits(channel.commitments.get("respond")) if _exceeds(d, beyond)]
    if slow:
        yield _problem(channel, f'channel "{channel.id}" promises a reply within "{slow[0].text}" but no '
                                "acknowledgement: customers wait that long not knowing their message arrived "
                                "(add commitments.acknowledge)")


def key_commitment_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH114: per channel, the essential commitment of its type (see the module docstring)."""
    beyond = parse_duration(context.options.get("acknowledge-beyond", _DEFAULT_ACKNOWLEDGE_BEYOND))
    index = charter_index(document)
    for channel in index.channels:
        own = {e for e in COMMITMENT_EVENTS if channel.commitments.get(e) is not None}
        if not own or own == {"acknowledge"}:
            continue  # CH101 and CH306 report these
        events = index.events_of(channel)  # its own and those of standards that list it
        if channel.type in _ANSWERED:
            yield from _answered(channel, events, _after_the_call(index.commitments_of(channel)))
        elif channel.type == "live_chat":
            if not events & {"answer", "respond"}:
                yield _problem(channel, f'channel "{channel.id}" promises no first reply (add commitments.answer '
                                        "or commitments.respond: how quickly a person joins the chat)")
        elif channel.type in WRITTEN_TYPES:
            yield from _written(channel, events, beyond)
