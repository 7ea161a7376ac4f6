"""Commitments in plain English: one sentence per promise, from the values the rules read.

"We answer 80% of calls within 60 seconds", "We reply to emails within 2 working days": each
sentence is built from `within` (charter.duration), `target` (charter.share), `from`, `at`,
`statistic`, `strength` and `when` of one schema-valid commitment, so a published page can
never say something the data does not. A commitment with only `text` has no number to word:
its own text is the sentence. Shared by `charterlint render` and any command that shows
commitments to people (a diff of two charters).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from charterlint.charter.duration import Duration, parse_duration
from charterlint.charter.share import parse_share, share_words


@dataclass(frozen=True, slots=True)
class Subject:
    """What a promise is about: the contacts answered or replied to, the matters resolved."""

    contacts: str  # plural: "calls", "emails", "complaints"
    matters: str  # what is resolved: "phone enquiries", "complaints"
    seen: bool = False  # in person: people are seen, not answered


# By channel type: (contacts, matters resolved).
_CHANNEL_SUBJECTS: Mapping[str, tuple[str, str]] = {
    "phone": ("calls", "phone enquiries"),
    "voicemail": ("voicemails", "voicemail enquiries"),
    "video": ("video calls", "video call enquiries"),
    "email": ("emails", "email enquiries"),
    "live_chat": ("chats", "chat enquiries"),
    "chatbot": ("conversations", "enquiries"),
    "social_media": ("messages", "enquiries by social media"),
    "messaging": ("messages", "enquiries by message"),
    "sms": ("text messages", "enquiries by text message"),
    "web_form": ("online forms", "online enquiries"),
    "portal": ("online requests", "online enquiries"),
    "app": ("requests in the app", "enquiries in the app"),
    "in_person": ("visitors", "enquiries made in person"),
    "post": ("letters", "enquiries by letter"),
    "fax": ("faxes", "enquiries by fax"),
    "community_forum": ("forum posts", "forum enquiries"),
}
COMPLAINTS = Subject("complaints", "complaints")
DISPUTES = Subject("disputes", "disputes")
REQUESTS = Subject("requests", "requests")

_STRENGTH_LEADS: Mapping[str, str] = {"will": "", "guarantee": "guarantee to ", "aim": "aim to ",
                                      "best_effort": "do our best to "}
_VERBS: Mapping[str, str] = {"answer": "answer", "acknowledge": "acknowledge", "respond": "reply to",
                             "resolve": "resolve"}
_FROM: Mapping[str, str] = {
    "receipt": "from receipt",
    "sending": "from the time you send it",
    "end_of_call": "from the end of the call",
    "contact": "from your first contact",
    "registration": "from when the matter is logged",
}
# The boundaries of charter.duration, as a limit ("by the next working day").
BOUNDARY_LIMITS: Mapping[str, str] = {
    "same day": "on the same day",
    "next business day": "by the next business day",
    "end of next business day": "by the end of the next business day",
    "next working day": "by the next working day",
    "end of next working day": "by the end of the next working day",
}


def channel_subject(channel_type: str) -> Subject:
    """What a channel of this type receives and resolves."""
    contacts, matters = _CHANNEL_SUBJECTS.get(channel_type, ("enquiries", "enquiries"))
    return Subject(contacts, matters, seen=channel_type == "in_person")


def matter_subject(matter: str | None) -> Subject:
    """A standard's subject: its kind of matter ("billing complaints"), else requests."""
    return Subject(matter, matter) if matter else REQUESTS


def duration_words(duration: Duration) -> str:
    """`60 seconds`, `1 working day`, `1-2 business days`: the number and its unit, in agreement."""
    if duration.is_boundary:
        return duration.unit
    number = f"{duration.low:g}" + (f"-{duration.high:g}" if duration.is_range else "")
    return f"{number} {duration.unit}{'' if duration.high == 1 else 's'}"


def limit_words(duration: Duration) -> str:
    """`within 60 seconds`, `by the end of the next working day`."""
    return BOUNDARY_LIMITS.get(duration.unit) or f"within {duration_words(duration)}"


def _lead(strength: Any) -> str:
    return "We " + _STRENGTH_LEADS.get(str(strength or "will"), "")


def _sentence(words: str, when: Any) -> str:
    """One sentence: a variant's case leads it ("With an appointment, we ...")."""
    if isinstance(when, str) and when.strip():
        case = " ".join(when.split())
        return f"{case[:1].upper()}{case[1:]}, {words[:1].lower()}{words[1:]}."
    return f"{words}."


def commitment_sentence(event: str, commitment: Mapping[str, Any], subject: Subject) -> str:
    """One commitment (answer, acknowledge, respond or resolve) as a sentence.

    `We answer 80% of calls within 60 seconds.`; a text-only commitment is its own text.
    """
    limit = parse_duration(commitment.get("within"))
    share = parse_share(commitment.get("target"))
    text = commitment.get("text")
    if limit is None and share is None:
        return " ".join(str(text).split()) if text is not None else ""
    verb = "see" if event == "answer" and subject.seen else _VERBS.get(event, event)
    noun = subject.matters if event == "resolve" else subject.contacts
    if share is not None:
        noun = f"{share_words(share)} of {noun}"
    elif commitment.get("statistic") == "majority":
        noun = f"most {noun}"
    parts = [f"{_lead(commitment.get('strength'))}{verb} {noun}"]
    if commitment.get("at") == "first_contact":
        parts.append("at the first contact")
    if limit is not None:
        parts.append(limit_words(limit))
    started = _FROM.get(str(commitment.get("from")))
    if started and limit is not None:
        parts.append(started)
    if commitment.get("statistic") == "average":
        parts.append("on average")
    return _sentence(" ".join(parts), commitment.get("when"))


def update_sentence(update: Mapping[str, Any], context: str = "") -> str:
    """A progress update: `While your complaint is open, we update you at least every 10 working days.`"""
    every = parse_duration(update.get("every"))
    if every is None:
        return ""
    words = f"{_lead(update.get('strength'))}update you at least every {duration_words(every)}"
    return _sentence(words, context)


def follow_up_sentence(follow_up: Mapping[str, Any], via_name: str | None) -> str:
    """`When nobody is available, a person gets back to you by the end of the next working day, on the same channel.`"""
    within = parse_duration(follow_up.get("within"))
    if within is None:
        return ""
    how = "on the same channel" if via_name is None else f"through {via_name}"
    return f"When nobody is available, a person gets back to you {limit_words(within)}, {how}."


def period_words(value: Any) -> str:
    """A duration field (`after`, `period`, `customer_deadline`) in words; '' when it is not one."""
    duration = parse_duration(value)
    return duration_words(duration) if duration is not None else ""
