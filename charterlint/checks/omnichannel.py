"""CH101-CH107 and CH110: every channel a customer uses carries the same promises, end to end."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from charterlint.charter.clocks import ambiguous_clock
from charterlint.charter.duration import Scale
from charterlint.charter.views import (
    COMMITMENT_EVENTS,
    WRITTEN_TYPES,
    Channel,
    CharterIndex,
    charter_index,
    feedback_timescale,
    needs_follow_up,
)
from charterlint.checks.context import Context
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import join

# Channel types where a person picks up or sees the customer: `answer` is their first event.
_ANSWER_TYPES = frozenset({"phone", "video", "in_person"})
_CLOCK_UNITS = frozenset({"minute", "hour"})
# A clock-time limit of an hour or less: whether the clock stops at closing time changes it only
# for a contact made in the last hour before closing (CH107 and CH310 leave it alone).
CLOCK_LIMIT_SECONDS = 3600
# A channel named for feedback ("complaints form", "feedback-line") exists to take it.
_FEEDBACK_NAMED = re.compile(r"(?i)(?<![a-z])(complain|complaint|feedback|comment|compliment)")


def _quoted(ids: list[str]) -> str:
    return ", ".join(f'"{i}"' for i in ids)


def _stages(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The escalation stages; an empty list is the same as none (CH403)."""
    escalation = data.get("escalation")
    stages = escalation.get("stages") if isinstance(escalation, dict) else None
    return [s for s in stages if isinstance(s, dict)] if isinstance(stages, list) else []


def is_complaints_procedure(data: dict[str, Any], index: CharterIndex) -> bool:
    """Whether the charter is a complaints procedure: `feedback` gives a time limit and no channel
    promises a time or a rate of its own (a bank's "complain by phone, by post or online; we
    acknowledge in 5 working days and answer in 8 weeks"). A complaint promise in words only
    ("dealt with in a professional and efficient manner") is no timescale for the channels."""
    if not feedback_timescale(data):
        return False
    return not any("within" in c.data or "target" in c.data for c in index.channel_commitments)


def complaint_channels(data: dict[str, Any], index: CharterIndex) -> set[str]:
    """The channels whose promise is the timescale under `feedback`: every channel `feedback`
    lists, in a complaints procedure; otherwise the listed channels made for feedback, whose name
    or id says so (a fire service's "comments, compliments and complaints form"). Empty when
    `feedback` gives no time limit."""
    if not feedback_timescale(data):
        return set()
    listed = data["feedback"].get("channels")
    ids = {str(i) for i in listed} if isinstance(listed, list) else set()
    if is_complaints_procedure(data, index):
        return ids
    return {channel.id for channel in index.channels if channel.id in ids and made_for_feedback(channel)}


def made_for_feedback(channel: Channel) -> bool:
    """Whether the channel's id or name says it exists to take feedback ("complaints form", "call
    us: the easiest way to complain")."""
    return _FEEDBACK_NAMED.search(f"{channel.id} {channel.data.get('name', '')}") is not None


def escalation_entry_channels(data: dict[str, Any]) -> set[str]:
    """The channels that are only a way into an escalation stage: named in a stage's `via` while
    `feedback.channels` lists the ways in and leaves them out (a bank's Customer Resolution Team
    line, for a review after its complaints channels). Their promise is the stage's timescale,
    whose absence is CH404's finding. With no `feedback.channels` every stage's channel is one
    (a bank's Head of Client Experience email): where a complaint is first made is CH104's finding."""
    feedback = data.get("feedback")
    listed = feedback.get("channels") if isinstance(feedback, dict) else None
    ways_in = {str(i) for i in listed} if isinstance(listed, list) else set()
    via = {str(i) for stage in _stages(data) if isinstance(stage.get("via"), list) for i in stage["via"]}
    return via - ways_in


# A channel the charter says is met only at a time arranged beforehand: "by appointment (only)",
# "appointments only", "pre-arranged", "pre-booked", "your scheduled meeting time". A promise that
# mentions an appointment ("when you have an appointment", "to arrange an appointment") is not.
_APPOINTMENT_ONLY = re.compile(
    r"(?<!\w)(?:by\s+(?:prior\s+)?appointment|appointments?\s+only|pre-?arranged|pre-?booked|"
    r"scheduled\s+(?:meeting|visit|appointment)s?)(?!\w)", re.IGNORECASE)
# A visit at a time the customer chooses: "visits without an appointment", "drop in".
_AT_ANY_TIME = re.compile(r"(?<!\w)(?:without\s+(?:an?\s+)?appointment|no\s+appointment|walk(?:-|\s)?ins?|"
                          r"drop(?:-|\s)?ins?|call\s+in)(?!\w)", re.IGNORECASE)


# A session held at a time arranged with the customer: "remote assistance by phone, on request",
# "video consultations by arrangement" (read in the channel's own name or purpose).
_ON_REQUEST = re.compile(r"(?<!\w)(?:on\s+request|by\s+arrangement|arranged\s+in\s+advance)(?!\w)", re.IGNORECASE)
_ARRANGED_TYPES = frozenset({"in_person", "phone", "video"})


def by_appointment_only(channel: Channel) -> bool:
    """Whether a channel is one the charter says is met only at a time arranged beforehand: an
    in-person channel by appointment or at a pre-arranged time (its name, purpose, or a promise's
    `when` or `text` says so), or a phone, video or in-person session its name or purpose says is
    held on request or by arrangement; and nothing of it offers contact without one. The customer
    is given the time, so neither opening hours (CH111) nor a waiting time (CH101) is owed."""
    if channel.type not in _ARRANGED_TYPES:
        return False
    own = [word for word in (channel.data.get("name"), channel.data.get("purpose")) if isinstance(word, str)]
    if any(_ON_REQUEST.search(word) for word in own) and not any(_AT_ANY_TIME.search(word) for word in own):
        return True
    if channel.type != "in_person":
        return False
    said = own + [word for promise in channel.promises() for word in (promise.when, promise.data.get("text"))
                  if isinstance(word, str)]
    return (any(_APPOINTMENT_ONLY.search(word) for word in said)
            and not any(_AT_ANY_TIME.search(word) for word in said))


# People met during the service itself, whom the customer tells there and then: a hospital's ward
# staff, doctors and nurses; an airline's representative at the arrival airport.
_MET_IN_THE_SERVICE = re.compile(
    r"(?<!\w)(?:wards?|nurses?|nursing\s+staff|doctors?|consultants?|clinicians?|clinical\s+staff|hospital\s+staff|"
    r"midwi(?:fe|ves)|cabin\s+crew|(?:representatives?|staff)\s+at\s+the\s+(?:\w+\s+)?airport|baggage\s+hall)(?!\w)",
    re.IGNORECASE)


def met_during_the_service(channel: Channel) -> bool:
    """Whether an in-person channel is people met during the service itself (its name or id says
    so): they are there while the service is, so no opening hours are owed (CH111)."""
    if channel.type != "in_person":
        return False
    return any(isinstance(word, str) and _MET_IN_THE_SERVICE.search(word)
               for word in (channel.data.get("name"), channel.id))


def uncommitted_channels(data: dict[str, Any], index: CharterIndex) -> Iterator[Channel]:
    """The channels CH101 reports: no commitment of their own or from a standard that lists them.
    A chatbot's promise is its hand-over (CH103's); the channels of a complaints procedure carry its
    timescales (see complaint_channels), and a way into an escalation stage the stage's (see
    escalation_entry_channels); an office met only by appointment owes no waiting time. People met
    during the service itself are still asked what they promise (a reviewer raised a hospital's ward
    staff, with whom a concern can be raised and nothing is promised)."""
    complaints = complaint_channels(data, index)
    escalation_only = escalation_entry_channels(data)
    for channel in index.channels:
        if channel.type == "chatbot" or index.events_of(channel).intersection(COMMITMENT_EVENTS):
            continue
        if channel.id in complaints or channel.id in escalation_only or by_appointment_only(channel):
            continue
        yield channel


def missing_channel_commitment(document: Document, context: Context) -> Iterator[Problem]:
    """CH101: a channel (not a chatbot) without any commitment; acknowledge-only is CH306."""
    for channel in uncommitted_channels(document.data, charter_index(document)):
        event, meaning = ("answer", "a person answers") if channel.type in _ANSWER_TYPES else (
            "respond", "a person replies")
        # `commitments: {}` lacks its members; a channel without the key lacks `commitments`
        pointer = join(channel.pointer, "commitments") if "commitments" in channel.data else channel.pointer
        yield Problem(
            f'channel "{channel.id}" has no commitment (add commitments.{event}: how quickly {meaning})',
            pointer, anchor="container",
        )


def after_hours_without_follow_up(document: Document, context: Context) -> Iterator[Problem]:
    """CH102: an asynchronous-first channel that closes, with no human follow-up and (written
    channels) no reply time. Hours that are not published are CH111's finding; an out-of-hours
    service does not close while the office is open (see Channel.closing_calendar). A channel of
    a complaints procedure promises its timescale (as CH101 reads it)."""
    index = charter_index(document)
    complaints = complaint_channels(document.data, index)
    timescale = feedback_timescale(document.data)
    # a written channel with no commitment at all is CH101's, which asks for the reply time
    # that is also this rule's fix: one missing promise, one finding
    asked_to_reply = {channel.id for channel in uncommitted_channels(document.data, index)
                      if channel.type in WRITTEN_TYPES}
    for channel in index.channels:
        if channel.type == "chatbot" or "human_follow_up" in channel.data or channel.id in asked_to_reply:
            continue
        events = index.events_of(channel) | (timescale if channel.id in complaints else frozenset())
        # a promise to settle a written message in N days also says when a person replies to it
        if not needs_follow_up(channel, events | ({"respond"} if "resolve" in events else set())):
            continue
        fix = "add commitments.respond, or human_follow_up.within and .via" if channel.type in WRITTEN_TYPES \
            else "add human_follow_up.within and .via"
        yield Problem(
            f'channel "{channel.id}" is open only on calendar "{channel.closing_calendar}" but has no '
            f"human_follow_up: say when and how a person replies to messages sent out of hours ({fix})",
            channel.pointer, anchor="container",
        )


def chatbot_without_human_follow_up(document: Document, context: Context) -> Iterator[Problem]:
    """CH103: a chatbot with no human follow-up; `handoff_to` alone is not enough."""
    for channel in charter_index(document).channels:
        if channel.type != "chatbot" or "human_follow_up" in channel.data:
            continue
        handoff = channel.data.get("handoff_to")
        hint = f'handoff_to "{handoff}" only helps while a person is available; ' if handoff else ""
        yield Problem(
            f'chatbot "{channel.id}" has no human_follow_up: {hint}say when and how a person follows up '
            "a question it cannot answer (add human_follow_up.within and .via)",
            channel.pointer, anchor="container",
        )


def _feedback_problem(document: Document) -> Problem | None:
    """The CH104 finding, or None when some service channel accepts feedback."""
    data = document.data
    service_ids = [c.id for c in charter_index(document).service_channels]
    wanted = f"list the service channels: {_quoted(service_ids)}" if service_ids else \
        "list the channels customers use, and give them commitments"
    feedback = data.get("feedback")
    if not isinstance(feedback, dict):
        return Problem(f"the charter does not say on which channels customers can give feedback or complain "
                       f"(add feedback.channels and {wanted})", "/feedback/channels")
    listed = feedback.get("channels")
    if not isinstance(listed, list):
        return Problem(f"feedback lists no channels (add feedback.channels and {wanted})",
                       "/feedback", anchor="container")
    if not listed:
        return Problem(f"feedback.channels is empty ({wanted})", "/feedback/channels")
    if any(str(i) in service_ids for i in listed):
        return None
    if not service_ids:
        # No channel promises anything: nobody leaves a promised channel to complain, and each
        # listed channel's missing promise is CH101's (a bank takes complaints at the branch and
        # on its website, neither with a time).
        return None
    if {channel.id for channel in charter_index(document).channels} <= {str(i) for i in listed}:
        return None  # every channel takes feedback: nobody switches (a channel with no promise is CH101's)
    if is_complaints_procedure(data, charter_index(document)):
        return None  # a complaints procedure: its timescales are the promise on each channel it lists
    if _same_media(document, {str(i) for i in listed}):
        return None
    names = [str(i) for i in listed]
    if set(names) <= complaint_channels(data, charter_index(document)):
        # answered to feedback's own timescale (a fire service's complaints form): a commitment,
        # but on a channel of its own, which the customer must switch to
        which = "kept for complaints" if len(names) == 1 else "all kept for complaints"
    else:
        which = "which makes no commitment" if len(names) == 1 else "none of which makes a commitment"
    return Problem(
        f"feedback is accepted only on {_quoted(names)}, {which}: customers must switch to a "
        f"separate channel to complain ({wanted})",
        "/feedback/channels",
    )


def _same_media(document: Document, listed: set[str]) -> bool:
    """Whether every service channel is a web form and a web form is listed: the customer stays on
    the site they use (a retailer's complaint form beside its enquiry form on the same page). A
    second phone number or address is a new call or letter, and is still a switch."""
    return _lists_a_form(document, listed) and all(
        channel.type == _FORM for channel in charter_index(document).service_channels)


_FORM = "web_form"


def _lists_a_form(document: Document, ids: set[str]) -> bool:
    """Whether a channel whose id is in `ids` is a web form."""
    return any(channel.type == _FORM for channel in charter_index(document).channels if channel.id in ids)


def feedback_only_via_separate_channel(document: Document, context: Context) -> Iterator[Problem]:
    """CH104: no service channel accepts feedback."""
    problem = _feedback_problem(document)
    if problem is not None:
        yield problem


def _service_channels_outside(document: Document, ids: set[str]) -> Iterator[Channel]:
    """The service channels whose id is not in `ids` (not listed for feedback, or in no stage)."""
    return (channel for channel in charter_index(document).service_channels if channel.id not in ids)


def feedback_not_on_channel(document: Document, context: Context) -> Iterator[Problem]:
    """CH105: a service channel not in feedback.channels (not when CH104 applies; not an emergency line)."""
    data = document.data
    if _feedback_problem(document) is not None:
        return
    listed = {str(i) for i in data["feedback"]["channels"]}
    form_listed = _lists_a_form(document, listed)
    for channel in _service_channels_outside(document, listed):
        if channel.is_emergency:
            continue  # a line for emergencies, not comments (Channel.is_emergency)
        if form_listed and channel.type == _FORM:
            continue  # a form beside a listed form: the customer stays on the site (see _same_media)
        yield Problem(
            f'channel "{channel.id}" does not accept feedback: its customers must switch channel to '
            f'complain (add "{channel.id}" to feedback.channels)',
            channel.pointer, anchor="container",
        )


def escalation_requires_channel_switch(document: Document, context: Context) -> Iterator[Problem]:
    """CH106: a service channel in no escalation stage's `via`, when some stage names its channels.

    A stage without `via` (or an internal one) says nothing of channels: no evidence either way.
    """
    routes = [stage["via"] for stage in _stages(document.data)
              if isinstance(stage.get("via"), list) and stage.get("internal") is not True]
    if not routes:
        return
    via = {str(i) for route in routes for i in route}
    for channel in _service_channels_outside(document, via):
        yield Problem(
            f'channel "{channel.id}" is in no escalation stage: its customers must switch channel to '
            f'escalate (add "{channel.id}" to the via of an escalation stage)',
            channel.pointer, anchor="container",
        )


def clock_hours_on_limited_channel(document: Document, context: Context) -> Iterator[Problem]:
    """CH107: a commitment over 60 clock minutes on a channel that closes.

    Each commitment once, at its own place: a standard's names the first channel it applies to
    that closes, and how many more. Hours not published are CH111's finding, an out-of-hours
    service does not close (see Channel.closing_calendar), and a limit whose text says "business
    hours" is CH310's.
    """
    index = charter_index(document)
    by_id = {channel.id: channel for channel in index.channels}
    for commitment in index.channel_commitments:
        limited = [by_id[i] for i in commitment.channels if i in by_id and by_id[i].closing_calendar is not None]
        duration = commitment.within
        if not limited or duration is None or duration.scale is not Scale.CONTINUOUS:
            continue
        if duration.unit not in _CLOCK_UNITS or duration.magnitude <= CLOCK_LIMIT_SECONDS:
            continue
        if ambiguous_clock(commitment.data) is not None:
            continue
        if duration.unit == "hour":
            fix = f'use "{duration.text.replace("hour", "business hour")}"'
        else:
            fix = "use business hours"
        channel, more = limited[0], len(limited) - 1
        others = f" (and {more} more)" if more else ""
        yield Problem(
            f'{commitment.event} within "{duration.text}" on channel "{channel.id}"{others} counts clock time, '
            f'but the channel is open only on calendar "{channel.closing_calendar}": does the clock stop at '
            f"closing time? ({fix})",
            join(commitment.pointer, "within"),
        )


# Channels customers use in place of each other: between two of a group a slower promise makes
# one the second-class channel. Letters and emails, or calls and visits, are different services.
_INTERCHANGEABLE = {
    **dict.fromkeys(("email", "web_form", "portal", "app", "messaging", "sms", "social_media"), "online messages"),
    **dict.fromkeys(("post", "fax"), "paper"),
    **dict.fromkeys(("phone", "voicemail", "video"), "calls"),
    **dict.fromkeys(("live_chat",), "chat"),
}


_COMPARED_EVENTS = frozenset({"answer", "respond", "resolve"})


def _unequal_promises(index: CharterIndex) -> tuple[str, Channel, str, Channel, str] | None:
    """The first event two interchangeable channels promise with different limits: the event,
    each channel and its limit. Variants (promises per case) are not compared, and nor are two
    standards made for several channels each (a software desk's severities, each on email and
    tickets alike): a standard's promise is the same on every channel it lists, and two standards
    are two cases, not a faster and a slower channel."""
    seen: dict[tuple[str, str, str, str | None], tuple[Channel, str]] = {}
    for channel in index.service_channels:
        group = _INTERCHANGEABLE.get(channel.type)
        if group is None or channel.is_emergency:  # an emergency line is used for nothing else
            continue
        for commitment in index.commitments_of(channel):
            within = commitment.within
            if within is None or commitment.when is not None or commitment.event not in _COMPARED_EVENTS:
                continue
            # limits in one unit compare ("4 hours" and "2 hours"; not "20 seconds" and "5 rings")
            case = commitment.standard if len(commitment.channels) > 1 else None
            first = seen.setdefault((group, commitment.event, within.unit, case), (channel, within.text))
            if first[0].id != channel.id and first[1] != within.text:
                return commitment.event, first[0], first[1], channel, within.text
    return None


def overview_without_channel_statement(document: Document, context: Context) -> Iterator[Problem]:
    """CH110: channels customers use in place of each other promise different limits for the same
    event, and the overview states no omnichannel promise that says why."""
    overview = document.data["overview"]
    if not isinstance(overview, dict) or "channel_statement" in overview:
        return
    unequal = _unequal_promises(charter_index(document))
    if unequal is None:
        return
    event, first, first_limit, second, second_limit = unequal
    yield Problem(
        f'channels "{first.id}" and "{second.id}" promise to {event} within "{first_limit}" and '
        f'"{second_limit}", and the overview has no channel_statement: customers cannot tell whether the '
        "slower one is second-class (add overview.channel_statement: how customers are served on each channel)",
        "/overview", anchor="container",
    )
