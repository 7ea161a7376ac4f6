"""Commitments in plain words: one sentence per promise, from the values the rules read.

"We answer 80% of calls within 60 seconds", "We reply to emails within 2 working days": each
sentence is built from `within` (charter.duration), `target` (charter.share), `from`, `at`,
`statistic`, `strength` and `when` of one schema-valid commitment, so a published page can
never say something the data does not. A commitment with only `text` has no number to word:
its own text is the sentence. Shared by `charterlint render` and any command that shows
commitments to people (a diff of two charters).

Every word comes from `WORDS` (English), keyed `wording.*`; a caller may pass its own mapping
of the same keys (a translation: `render.messages`), and the patterns' `{names}` are filled in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from charterlint.charter.duration import BOUNDARIES, Duration, parse_duration
from charterlint.charter.share import parse_share, share_words

CHANNEL_TYPES = ("phone", "voicemail", "video", "email", "live_chat", "chatbot", "social_media", "messaging", "sms",
                 "web_form", "portal", "app", "in_person", "post", "fax", "community_forum")
_CONTACTS = ("calls", "voicemails", "video calls", "emails", "chats", "conversations", "messages", "messages",
             "text messages", "online forms", "online requests", "requests in the app", "visitors", "letters", "faxes",
             "forum posts")
_MATTERS = ("phone enquiries", "voicemail enquiries", "video call enquiries", "email enquiries", "chat enquiries",
            "enquiries", "enquiries by social media", "enquiries by message", "enquiries by text message",
            "online enquiries", "online enquiries", "enquiries in the app", "enquiries made in person",
            "enquiries by letter", "enquiries by fax", "forum enquiries")
_CALLED = ("phone", "voicemail", "video")  # kinds whose contacts are calls: a reply to one is a call back
_UNITS = ("second", "ring", "minute", "hour", "business hour", "working hour", "day", "calendar day", "business day",
          "working day", "week", "month", "year")

WORDS: Mapping[str, str] = {
    # who promises, and how firmly (`strength`)
    "wording.lead.will": "We",
    "wording.lead.guarantee": "We guarantee to",
    "wording.lead.aim": "We aim to",
    "wording.lead.best_effort": "We do our best to",
    # what happens (the event); in person, people are seen
    "wording.verb.answer": "answer",
    "wording.verb.see": "see",
    "wording.verb.acknowledge": "acknowledge",
    "wording.verb.respond": "reply to",
    # a call is not replied to but returned: "We return calls within 1 working day"
    **{f"wording.verb.respond.{kind}": "return" for kind in _CALLED},
    "wording.verb.resolve": "resolve",
    "wording.update": "update you at least every {duration}",
    # the parts of a sentence
    "wording.share": "{share} of {noun}",
    "wording.most": "most {noun}",
    "wording.first_contact": "at the first contact",
    "wording.within": "within {duration}",
    "wording.average": "on average",
    "wording.case": "{case}, {sentence}",
    "wording.from.receipt": "of receipt",
    "wording.from.sending": "of the time you send it",
    "wording.from.end_of_call": "of the end of the call",
    "wording.from.contact": "of your first contact",
    "wording.from.registration": "of the matter being logged",
    "wording.boundary.same day": "on the same day",
    "wording.boundary.next business day": "by the next business day",
    "wording.boundary.end of next business day": "by the end of the next business day",
    "wording.boundary.next working day": "by the next working day",
    "wording.boundary.end of next working day": "by the end of the next working day",
    "wording.follow_up": "When nobody is available, a person gets back to you {limit}, {how}.",
    "wording.same_channel": "on the same channel",
    "wording.through": "through {name}",
    # what promises are about
    **{f"wording.contacts.{kind}": noun for kind, noun in zip(CHANNEL_TYPES, _CONTACTS)},
    **{f"wording.matters.{kind}": noun for kind, noun in zip(CHANNEL_TYPES, _MATTERS)},
    "wording.contacts.other": "enquiries",
    "wording.matters.other": "enquiries",
    "wording.complaints": "complaints",
    "wording.disputes": "disputes",
    "wording.requests": "requests",
    "wording.stage_complaints": "complaints at this stage",
    "wording.complaint_open": "while your complaint is open",
    # units, singular and plural
    **{f"wording.unit.{unit}": unit for unit in _UNITS},
    **{f"wording.units.{unit}": f"{unit}s" for unit in _UNITS},
}
# The limits the boundaries of charter.duration read as ("by the next working day").
BOUNDARY_LIMITS: Mapping[str, str] = {boundary: WORDS[f"wording.boundary.{boundary}"] for boundary in BOUNDARIES}


@dataclass(frozen=True, slots=True)
class Subject:
    """What a promise is about: the contacts answered or replied to, the matters resolved."""

    contacts: str  # plural: "calls", "emails", "complaints"
    matters: str  # what is resolved: "phone enquiries", "complaints"
    seen: bool = False  # in person: people are seen, not answered
    returned: str = ""  # the verb for a reply where it is not "reply to" (calls are returned)


def channel_subject(channel_type: str, words: Mapping[str, str] = WORDS) -> Subject:
    """What a channel of this type receives and resolves."""
    kind = channel_type if channel_type in CHANNEL_TYPES else "other"
    return Subject(words[f"wording.contacts.{kind}"], words[f"wording.matters.{kind}"], seen=kind == "in_person",
                   returned=words.get(f"wording.verb.respond.{kind}", ""))


def named_subject(name: str, words: Mapping[str, str] = WORDS) -> Subject:
    """`complaints`, `disputes`, `requests` or `stage_complaints`, as a subject."""
    noun = words[f"wording.{name}"]
    return Subject(noun, noun)


def matter_subject(matter: str | None, words: Mapping[str, str] = WORDS) -> Subject:
    """A standard's subject: its kind of matter ("billing complaints"), else requests."""
    return Subject(matter, matter) if matter else named_subject("requests", words)


def duration_words(duration: Duration, words: Mapping[str, str] = WORDS) -> str:
    """`60 seconds`, `1 working day`, `1-2 business days`: the number and its unit, in agreement."""
    if duration.is_boundary:
        return duration.unit
    number = f"{duration.low:g}" + (f"-{duration.high:g}" if duration.is_range else "")
    unit = words[f"wording.{'unit' if duration.high == 1 else 'units'}.{duration.unit}"]
    return f"{number} {unit}"


def limit_words(duration: Duration, words: Mapping[str, str] = WORDS) -> str:
    """`within 60 seconds`, `by the end of the next working day`."""
    if duration.is_boundary:
        return words[f"wording.boundary.{duration.unit}"]
    return words["wording.within"].format(duration=duration_words(duration, words))


def _lead(strength: Any, words: Mapping[str, str]) -> str:
    return words.get(f"wording.lead.{strength or 'will'}") or words["wording.lead.will"]


def _sentence(said: str, when: Any, words: Mapping[str, str]) -> str:
    """One sentence: a variant's case leads it ("With an appointment, we ...")."""
    if isinstance(when, str) and when.strip():
        case = " ".join(when.split())
        said = words["wording.case"].format(case=f"{case[:1].upper()}{case[1:]}", sentence=f"{said[:1].lower()}{said[1:]}")
    return f"{said}."


def commitment_sentence(event: str, commitment: Mapping[str, Any], subject: Subject,
                        words: Mapping[str, str] = WORDS) -> str:
    """One commitment (answer, acknowledge, respond or resolve) as a sentence.

    `We answer 80% of calls within 60 seconds.`; a text-only commitment is its own text.
    """
    limit = parse_duration(commitment.get("within"))
    share = parse_share(commitment.get("target"))
    text = commitment.get("text")
    if limit is None and share is None:
        return " ".join(str(text).split()) if text is not None else ""
    if event == "respond" and subject.returned:
        verb = subject.returned
    else:
        verb = words["wording.verb.see" if event == "answer" and subject.seen else f"wording.verb.{event}"]
    noun = subject.matters if event == "resolve" else subject.contacts
    if share is not None:
        noun = words["wording.share"].format(share=share_words(share), noun=noun)
    elif commitment.get("statistic") == "majority":
        noun = words["wording.most"].format(noun=noun)
    parts = [f"{_lead(commitment.get('strength'), words)} {verb} {noun}"]
    if commitment.get("at") == "first_contact":
        parts.append(words["wording.first_contact"])
    if limit is not None:
        parts.append(limit_words(limit, words))
        started = commitment.get("from")
        if isinstance(started, str) and f"wording.from.{started}" in words:
            parts.append(words[f"wording.from.{started}"])
    if commitment.get("statistic") == "average":
        parts.append(words["wording.average"])
    return _sentence(" ".join(parts), commitment.get("when"), words)


def update_sentence(update: Mapping[str, Any], case: str = "", words: Mapping[str, str] = WORDS) -> str:
    """A progress update: `While your complaint is open, we update you at least every 10 working days.`"""
    every = parse_duration(update.get("every"))
    if every is None:
        return ""
    said = f"{_lead(update.get('strength'), words)} {words['wording.update'].format(duration=duration_words(every, words))}"
    return _sentence(said, case, words)


def follow_up_sentence(follow_up: Mapping[str, Any], via_name: str | None, words: Mapping[str, str] = WORDS) -> str:
    """`When nobody is available, a person gets back to you by the end of the next working day, on the same channel.`"""
    within = parse_duration(follow_up.get("within"))
    if within is None:
        return ""
    how = words["wording.same_channel"] if via_name is None else words["wording.through"].format(name=via_name)
    return words["wording.follow_up"].format(limit=limit_words(within, words), how=how)


def period_words(value: Any, words: Mapping[str, str] = WORDS) -> str:
    """A duration field (`after`, `period`, `customer_deadline`) in words; '' when it is not one."""
    duration = parse_duration(value)
    return duration_words(duration, words) if duration is not None else ""
