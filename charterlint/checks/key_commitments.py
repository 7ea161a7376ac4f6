"""CH114 key-commitment-missing: a channel has commitments, but not the one its type calls for.

The table (rules/CH114.yaml `details` shows the same):

| channel type | essential |
| --- | --- |
| phone | answer; with an answer time, also respond or resolve (calls not resolved on the call; a first-contact rate is not that) |
| video, in_person | answer (picked up, or seen) |
| live_chat | answer or respond (either is the first reply) |
| written: email, web_form, post, fax, social_media, messaging, sms | respond (or a resolve with a limit); and acknowledge |

(acknowledge only when respond is longer than the `acknowledge-beyond` option.)

A channel with no commitment is CH101's, and a written channel that only acknowledges is
CH306's: neither is reported here, so one mistake gives one finding. A channel whose only
promises come from `standards` is asked less (see _shared_only), a channel made for complaints
whose own promises give no time or rate is not asked at all (see _complaint_channel), and a phone's
calls not settled on the call are answered by a standard for enquiries on every channel (see
_enquiry_standards).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from charterlint.charter.duration import Duration, Scale, longer, parse_duration
from charterlint.charter.views import (
    COMMITMENT_EVENTS,
    ENQUIRIES,
    WRITTEN_TYPES,
    Channel,
    CharterIndex,
    Commitment,
    charter_index,
)
from charterlint.checks.context import Context
from charterlint.checks.omnichannel import complaint_channels, is_complaints_procedure, made_for_feedback
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import join

_ANSWERED = frozenset({"phone", "video", "in_person"})
_DEFAULT_ACKNOWLEDGE_BEYOND = "10 working days"
_CALENDAR_DAYS_PER_WORKING_DAY = 7 / 5
_DAY_SECONDS = 86400


@dataclass(slots=True)
class _Unacknowledged:
    """A standard's slow reply with no acknowledgement, and the written channels it leaves waiting."""

    standard: str
    within: str
    channels: list[str]


def _exceeds(duration: Duration, limit: Duration) -> bool:
    """Whether `duration` is longer than `limit`; clock days count as 5/7 of a working day."""
    result = longer(duration, limit)
    if result is not None:
        return result
    if duration.scale is Scale.CONTINUOUS and limit.scale is Scale.BUSINESS_DAYS:
        return duration.magnitude > limit.magnitude * _CALENDAR_DAYS_PER_WORKING_DAY * _DAY_SECONDS
    return False


def _problem(channel: Channel, message: str) -> Problem:
    """At the channel's `commitments` key; at the channel when all its promises come from standards."""
    if "commitments" in channel.data:
        return Problem(message, join(channel.pointer, "commitments"), anchor="key")
    return Problem(message, channel.pointer, anchor="container")


def _after_the_call(commitments: tuple[Commitment, ...]) -> bool:
    """Whether a promise covers calls not settled on the call: a respond, or a resolve that is not
    only a first-contact rate ("we deal with 78% of calls at the first point of contact" says
    nothing of when the other 22% hear back)."""
    return any(c.event == "respond" or (c.event == "resolve" and c.data.get("at") != "first_contact")
               for c in commitments)


def _enquiry_standards(index: CharterIndex) -> tuple[Commitment, ...]:
    """The promises of standards tied to no channel whose matter is enquiries or requests (a regulator's "we
    reply to straightforward enquiries within 3 working days"): they apply to every channel, and
    answer a caller whose enquiry the call does not settle. A standard for another matter
    (applications, Freedom of Information requests, feedback) is not when the caller hears back."""
    return tuple(c for standard in index.standards if not standard.channel_ids
                 and standard.about(ENQUIRIES)
                 for c in standard.promises())


def _answer_timed(commitments: tuple[Commitment, ...]) -> bool:
    """Whether an answer promise states a time or a rate: the after-call ask is second-order, and
    where the answer itself is untimed ("we answer the telephone promptly", CH301's) the judges of
    published charters did not ask on top what happens to calls not settled on the call."""
    return any(c.event == "answer" and (c.within is not None or "target" in c.data) for c in commitments)


def _answered(channel: Channel, events: frozenset[str], after_call: bool, answer_timed: bool) -> Iterator[Problem]:
    if "answer" not in events:
        others = ", ".join(e for e in COMMITMENT_EVENTS if e in events)
        yield _problem(channel, f'channel "{channel.id}" promises {others} but no answer time: say how quickly '
                                "a person picks up (add commitments.answer)")
    elif channel.type == "phone" and not after_call and answer_timed:
        yield _problem(channel, f'channel "{channel.id}" promises an answer time but nothing for calls not resolved '
                                "on the call (add commitments.respond or commitments.resolve: when the caller "
                                "hears back)")


def _answers_the_writer(commitment: Commitment) -> bool:
    """Whether a resolve stands for the written reply: a limit for settling the matter, not only a
    first-contact rate. A council's letters "acknowledged and resolved within 10 business days" are
    answered by then; asking for a reply time on top reports no gap a writer meets."""
    return (commitment.event == "resolve" and commitment.within is not None
            and commitment.data.get("at") != "first_contact")


def _replies(commitments: tuple[Commitment, ...]) -> list[Commitment]:
    """The written reply promises: the responds, or where there is none the timed resolves."""
    responds = [c for c in commitments if c.event == "respond"]
    return responds or [c for c in commitments if _answers_the_writer(c)]


def _slow_replies(commitments: tuple[Commitment, ...], beyond: Duration) -> list[tuple[Commitment, Duration]]:
    """The reply promises longer than `beyond` with their limits, the channel's own before its standards'."""
    replies = sorted(_replies(commitments), key=lambda c: c.standard is not None)
    timed = ((c, c.within) for c in replies)
    return [(c, within) for c, within in timed if within is not None and _exceeds(within, beyond)]


def _written(channel: Channel, events: frozenset[str], commitments: tuple[Commitment, ...],
             beyond: Duration | None, unacknowledged: dict[str, _Unacknowledged]) -> Iterator[Problem]:
    """A written channel's reply time, and its acknowledgement when the reply is slow. A slow reply
    promised by a standard is the standard's gap: recorded in `unacknowledged`, reported once there."""
    if not _replies(commitments):
        yield _problem(channel, f'channel "{channel.id}" promises no reply time (add commitments.respond: '
                                "how quickly a person replies)")
        return
    if "acknowledge" in events or beyond is None:
        return
    slow = _slow_replies(commitments, beyond)
    if not slow:
        return
    first, within = slow[0]
    if first.standard is None:
        yield _problem(channel, f'channel "{channel.id}" promises a reply within "{within.text}" but no '
                                "acknowledgement: customers wait that long not knowing their message arrived "
                                "(add commitments.acknowledge)")
        return
    at = first.pointer.split("/commitments/", 1)[0] + "/commitments"
    found = unacknowledged.setdefault(at, _Unacknowledged(first.standard, within.text, []))
    found.channels.append(channel.id)


def _answered_alongside(channel: Channel, index: CharterIndex) -> bool:
    """Whether a standard that lists `channel` also lists a channel with an answer time of its own
    ("calls and visits we cannot settle at once": the calls are answered in four rings, the visits
    never)."""
    by_id = {other.id: other for other in index.channels}
    return any(other in by_id and other != channel.id
               and any(c.event == "answer" and c.standard is None for c in index.commitments_of(by_id[other]))
               for standard in index.standards if channel.id in standard.channel_ids
               for other in standard.channel_ids)


def _shared_only(channel: Channel, events: frozenset[str], index: CharterIndex, beyond: Duration | None,
                 unacknowledged: dict[str, _Unacknowledged]) -> Iterator[Problem]:
    """A channel whose only promises are made in `standards`. A standard made for a matter on every
    channel (a complaint resolved in 3 working days) is no channel's first-contact promise, so the
    table is not asked of it; two gaps still show: a slow written reply with no acknowledgement
    (the standard's, reported once there), and a visit or call with no answer time where the same
    standard's other channel has one."""
    if channel.type in WRITTEN_TYPES and "respond" in events:
        yield from _written(channel, events, index.commitments_of(channel), beyond, unacknowledged)
    elif channel.type in _ANSWERED and "answer" not in events and _answered_alongside(channel, index):
        yield from _answered(channel, events, after_call=True, answer_timed=False)


def _complaint_channel(channel: Channel, commitments: tuple[Commitment, ...], complaints: set[str],
                       procedure: bool) -> bool:
    """Whether the channel's promise is the complaint timescale, as CH101 reads it: a channel listed
    for feedback whose own promises are in words only, with no time or rate, and which is there for
    complaints: named for them (a broker's "call us, the easiest way to complain: the member of
    staff will try to resolve it straight away"), or a written channel of a complaints procedure,
    whose reply the procedure's acknowledgement and response times are (a lender's in-app messaging,
    its only way to complain). A channel named for its service ("PALS freephone") is still asked for
    its answer time, and a general enquiries email listed for complaints in a charter whose
    channels carry their own times (not a complaints procedure) for its reply time."""
    return (channel.id in complaints
            and (made_for_feedback(channel) or (procedure and channel.type in WRITTEN_TYPES))
            and not any("within" in c.data or "target" in c.data for c in commitments))


def _standard_problem(at: str, gap: _Unacknowledged) -> Problem:
    listed = ", ".join(f'"{i}"' for i in gap.channels)
    return Problem(f'standard "{gap.standard}" promises {listed} a reply within "{gap.within}" but no '
                   "acknowledgement: customers wait that long not knowing their message arrived "
                   "(add commitments.acknowledge)", at, anchor="key")


def key_commitment_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH114: per channel, the essential commitment of its type (see the module docstring)."""
    beyond = parse_duration(context.options.get("acknowledge-beyond", _DEFAULT_ACKNOWLEDGE_BEYOND))
    index = charter_index(document)
    unacknowledged: dict[str, _Unacknowledged] = {}  # by the standard's `commitments` pointer
    complaints = complaint_channels(document.data, index)
    procedure = is_complaints_procedure(document.data, index)
    enquiries = _enquiry_standards(index)
    for channel in index.channels:
        events = index.events_of(channel)  # its own and those of standards that list it
        promised = events.intersection(COMMITMENT_EVENTS)
        if not promised or promised == {"acknowledge"}:
            continue  # CH101 and CH306 report these
        commitments = index.commitments_of(channel)
        if _complaint_channel(channel, commitments, complaints, procedure):
            continue
        if all(c.standard is not None for c in commitments):
            yield from _shared_only(channel, events, index, beyond, unacknowledged)
        elif channel.type in _ANSWERED:
            yield from _answered(channel, events, _after_the_call(commitments + enquiries), _answer_timed(commitments))
        elif channel.type == "live_chat":
            if not events & {"answer", "respond"}:
                yield _problem(channel, f'channel "{channel.id}" promises no first reply (add commitments.answer '
                                        "or commitments.respond: how quickly a person joins the chat)")
        elif channel.type in WRITTEN_TYPES:
            yield from _written(channel, events, commitments, beyond, unacknowledged)
    for at, gap in unacknowledged.items():
        yield _standard_problem(at, gap)
