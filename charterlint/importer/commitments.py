"""Commitments in prose: a time or a share, the event it measures, how firmly, and whose it is.

A duration is a commitment when a word like "within", "in", "by" or "on" leads to it ("every"
makes it a progress update), its clause names an event (answer, acknowledge, respond, resolve)
or the sentence does, and its clause is not a condition ("if we cannot resolve it within ...",
"we have not replied within ..."). Durations come from `charter.duration.durations_in`, the
parser the rules use. Whose it is: the channels its clause names, else its table row's, else
its heading's, else its sentence's; "complaint" at any of those steps makes it complaint
handling; with none, the only channel of a one-channel source, else no channel (a standard).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from charterlint.charter.duration import FoundDuration, durations_in
from charterlint.importer.channels import types_in
from charterlint.importer.sentences import Sentence

_I = re.IGNORECASE
_TRIGGER = re.compile(r"(?:\b(?:within|in|by|inside|under|no (?:more|later) than|at most|up to|less than|on|every|"
                      r"each|at least every)\s+(?:the\s+|a\s+|an\s+)?(?:(?:maximum|most) of\s+)?)$", _I)
# "we have 8 weeks to send our final response", "we take up to 5 days to reply"
_HAVE = re.compile(r"\b(?:have|take|takes|allow)\s+(?:up to\s+)?$", _I)
_TO = re.compile(r"\s+to\s+\w", _I)
# A negated clause is a condition ("if we cannot resolve it within ...", "we have not replied within ..."); a
# clause with a plain "if" is a case of the promise ("if you come without an appointment, within 20 minutes").
_CONDITION = re.compile(r"\b(?:not|cannot|can't|unable|fails?|failed|haven't|hasn't)\b", _I)
_LATE = re.compile(r"\s+(?:late|overdue)\b", _I)  # "more than 10 working days late": a penalty, not a promise
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("acknowledge", re.compile(r"\backnowledg\w*|\bconfirm\w* (?:receipt|that we have received|we have received)|"
                               r"\breference number\b", _I)),
    ("answer", re.compile(r"\banswer\w*|\bpick(?:ed)? up\b|\bsee you\b|\bseen\b|\bwait(?:ing)? times?\b|"
                          r"\bkeep you waiting\b", _I)),
    ("respond", re.compile(r"\brespon\w*|\brepl\w*|\bget back to you\b|\bcall(?:ing)? you back\b|\bcall ?backs?\b|"
                           r"\breturn\w* (?:your )?calls?\b|\bcontact you\b|\bhear (?:back )?from us\b|"
                           r"\bwrite back\b|\b(?:the )?outcome\b", _I)),
    ("resolve", re.compile(r"\bresol\w*|\bdeal(?:t)? with\b|\bsort\w* out\b|\bsettle\w*|\bprocess\w*|\bproduc\w*|"
                           r"\bcomplet\w*|\bfix\w*|\bready\b|\bput (?:it|things|matters|this) right\b", _I)),
    ("update", re.compile(r"\bupdat\w*|\bkeep you (?:informed|updated)\b|\bprogress\b", _I)),
)
_SHARE = re.compile(r"(?<![\w.])(?P<value>100|\d{1,2}(?:\.\d+)?)\s*(?:%|per ?cent\b)", _I)
_FIRST_CONTACT = re.compile(r"\bat (?:the )?first (?:point of )?contact\b|\bfirst time\b|\bfirst call\b", _I)
_COMPLAINT = re.compile(r"\bcomplain\w*", _I)
_STRENGTH = (("guarantee", re.compile(r"\bguarantee\w*", _I)),
             ("aim", re.compile(r"\baim\w*|\btarget\w*|\bideally\b|\bstrive\b", _I)),
             ("best_effort", re.compile(r"\btry\b|\btries\b|\bendeavour\w*|\bdo (?:our|its) best\b|\bevery effort\b|"
                                        r"\b(?:wherever|whenever|where|if) possible\b|\bas far as possible\b", _I)))
_FROM = (("receipt", re.compile(r"\bof (?:our |us )?(?:receiving|receipt)\b|\bafter (?:we receive|receiving)\b", _I)),
         ("sending", re.compile(r"\bof (?:your )?(?:submission|submitting|sending)\b", _I)),
         ("end_of_call", re.compile(r"\bend of (?:the|your) call\b", _I)),
         ("registration", re.compile(r"\bof (?:it being |being )?(?:logged|registered|registration)\b", _I)),
         ("contact", re.compile(r"\bof (?:your )?(?:first )?contact(?:ing us)?\b", _I)))
_SOON = re.compile(r"\bas (?:soon|quickly) as (?:possible|we can|we are able)\b|\bpromptly\b|\bprompt in\b", _I)
_VOICE = frozenset({"phone", "in_person", "video"})  # where "answer" is the format's answer


@dataclass(frozen=True, slots=True)
class Owner:
    """Whose a commitment is: channel types, complaint handling, or nobody's (a standard)."""

    channels: tuple[str, ...] = ()
    complaints: bool = False

    @property
    def label(self) -> str:
        """How the accuracy test names it: types joined with +, complaints, or none."""
        if self.channels:
            return "+".join(sorted(self.channels))
        return "complaints" if self.complaints else "none"


@dataclass(frozen=True, slots=True)
class Commitment:
    """A commitment found in a sentence."""

    kind: str
    within: str | None
    target: str | None
    sentence: Sentence
    owner: Owner
    strength: str | None = None
    start: str | None = None  # the format's `from`
    at: str | None = None
    statistic: str | None = None
    case: str | None = None  # the words that tell this case from others ("priority issues"): a variant's `when`
    stage: str | None = None  # the complaint stage it belongs to ("Stage 1"), set by extract

    @property
    def wording(self) -> str:
        """The published wording: the sentence, or for a table cell that is only a time, its whole row."""
        sentence = self.sentence
        if sentence.kind == "cell" and sentence.row_text and len(sentence.text) < len(sentence.row_text):
            return sentence.row_text
        return sentence.text

    @property
    def value(self) -> str:
        """The commitment as the accuracy test compares it: the time, the share, both, or "text"."""
        parts = [part for part in (self.within, self.target) if part]
        return ", ".join(parts) if parts else "text"


def _kind_near(text: str, position: int) -> str | None:
    """The event word nearest to `position` (before it first), if the text has one."""
    best: tuple[int, str] | None = None
    for kind, pattern in _KINDS:
        for match in pattern.finditer(text):
            distance = position - match.end() if match.end() <= position else (match.start() - position) * 2
            if best is None or distance < best[0]:
                best = (distance, kind)
    return best[1] if best else None


def _first(patterns: Sequence[tuple[str, re.Pattern[str]]], text: str) -> str | None:
    return next((name for name, pattern in patterns if pattern.search(text)), None)


_LIST_TAIL = re.compile(r"^(?:(?:[\w-]+\s+){0,2}(?:or|and)\s+)?[\w-]+(?:\s+[\w-]+)?$", _I)


def with_list_tail(sentence: Sentence, start: int, end: int) -> str:
    """The clause at (start, end) with the short clauses after it that go on a list it starts ("your letter, fax or
    email"), which the split at commas cut off."""
    text = sentence.text[start:end]
    for following_start, following_end in sentence.clauses:
        if following_start < end:
            continue
        piece = sentence.text[following_start:following_end].rstrip(" .!?")
        if not (_LIST_TAIL.match(piece) and types_in(piece)) or sentence.text[end:following_start].strip() != ",":
            break
        text, end = f"{text}, {piece}", following_end
    return text


def owner_of(sentence: Sentence, clause: str, only_channel: str | None) -> Owner:
    """Whose the commitment in `clause` of `sentence` is (see the module docstring)."""
    for text in (clause, sentence.row_text, *sentence.headings, sentence.text):
        if not text:
            continue
        named = types_in(text)
        if named:
            return Owner(named)
        if _COMPLAINT.search(text):
            return Owner(complaints=True)
    return Owner((only_channel,)) if only_channel else Owner()


def _case(clause: str, duration_start: int) -> str | None:
    words = re.sub(r"(?:\b(?:within|in|by|on|every|and|with|for|the|are|is|get|gets|at most|at the latest|"
                   r"no later than|up to|a maximum of|maximum of)\s*)+$", "", clause[:duration_start], flags=_I
                   ).strip(" ,;:-")
    words = re.sub(r"^(?:and|with|for|but|or)\s+", "", words, flags=_I)
    return words if 1 < len(words.split()) <= 12 else None


def _clause_span(sentence: Sentence, position: int) -> tuple[int, int]:
    for start, end in sentence.clauses:
        if start <= position < end:
            return start, end
    return 0, len(sentence.text)


def _in_sentence(sentence: Sentence, only_channel: str | None) -> list[Commitment]:
    text = sentence.text
    found: list[Commitment] = []
    shares = [m for m in _SHARE.finditer(text)]
    used_shares: set[int] = set()
    strength = _first(_STRENGTH, text)
    start_from = _first(_FROM, text)
    statistic = "average" if re.search(r"\baverage\b", text, _I) else None
    durations: list[FoundDuration] = durations_in(text)
    lone_cell = sentence.kind == "cell" and len(durations) == 1 and durations[0].end - durations[0].start >= len(
        text.strip(" .")) - 1  # a table cell that is only a time ("4 hours")
    for found_duration in durations:
        clause_start, clause_end = _clause_span(sentence, found_duration.start)
        clause = text[clause_start:clause_end]
        before = text[clause_start:found_duration.start]
        trigger = _TRIGGER.search(before) or (_HAVE.search(before) if _TO.match(text, found_duration.end) else None)
        boundary = found_duration.duration.is_boundary and text[found_duration.start:].lower().startswith("by")
        if not (trigger or boundary or lone_cell):
            continue
        if _CONDITION.search(before) or _LATE.match(text, found_duration.end):
            continue
        if trigger and re.match(r"(?:at least )?(?:every|each)\b", trigger.group(0).strip(), _I):
            kind: str | None = "update"
        elif found_duration.duration.unit == "ring":
            kind = "answer"
        else:
            kind = (_kind_near(clause, found_duration.start - clause_start)
                    or _kind_near(text, found_duration.start)
                    or (_kind_near(sentence.header_text, 0) if lone_cell else None))
        if kind is None:
            continue
        owner = owner_of(sentence, sentence.row_text if lone_cell else with_list_tail(sentence, clause_start, clause_end),
                         only_channel)
        if kind == "answer" and owner.channels and not set(owner.channels) & _VOICE:
            kind = "respond"  # an email is replied to, not answered
        strength = _first(_STRENGTH, text[:clause_end])  # "we have 8 weeks ..., but we aim to ...": not an aim
        share = next((m for m in reversed(shares) if m.start() < found_duration.start
                      and m.start() not in used_shares), None)
        if share is not None:
            used_shares.add(share.start())
        case = (sentence.row_text.split(" | ")[0].strip() or None) if lone_cell else \
            _case(clause, found_duration.start - clause_start)
        found.append(Commitment(kind, found_duration.duration.text, f"{share['value']}%" if share else None, sentence,
                                owner, strength, start_from, None, statistic, case))
    for share in shares:
        if share.start() in used_shares:
            continue
        kind = _kind_near(text, share.start())
        if kind in (None, "update"):
            continue
        at = "first_contact" if _FIRST_CONTACT.search(sentence.clause_at(share.start())) else None
        found.append(Commitment("resolve" if at else str(kind), None, f"{share['value']}%", sentence,
                                owner_of(sentence, sentence.clause_at(share.start()), only_channel), strength, None,
                                at, statistic))
    if not found and not durations and _SOON.search(text):
        kind = _kind_near(text, _SOON.search(text).start())  # type: ignore[union-attr]
        owner = owner_of(sentence, sentence.clause_at(0), None)
        if kind not in (None, "update") and (owner.channels or owner.complaints):
            if kind == "answer" and owner.channels and not set(owner.channels) & _VOICE:
                kind = "respond"
            found.append(Commitment(str(kind), None, None, sentence, owner, strength or "best_effort"))
    return found


def commitments_in(sentences: Sequence[Sentence], only_channel: str | None) -> list[Commitment]:
    """Every commitment of the sentences, in order (headings make none)."""
    found: list[Commitment] = []
    for sentence in sentences:
        if sentence.kind != "heading":
            found += _in_sentence(sentence, only_channel)
    return found
