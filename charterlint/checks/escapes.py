"""CH311 escape-clause: a clause that takes back the time limit it follows, with no fallback limit.

"We reply within 10 working days; in busy periods this may take longer" promises nothing a
customer can hold the organisation to. The clause is judged where a promise is made (a
commitment's text, or a promise sentence of another text: checks.promises, or the sentence
after one when the clause refers back: "this may be longer"); it is forgiven when the same text
(in Markdown prose, the same paragraph) states a fallback after it: a limit marker ("in any
case", "no later than", "at the latest", "a maximum of" ... followed by a number), or a
second `within N` after the clause when one came before it ("within 10 days, unless the matter
is complex, in which case within 20 working days"). A promise made as a share ("80% within 10
days") is no escape. A promise of notice is no fallback: "we will tell you if it is going to take
longer" still leaves the customer no longest time, and reviewers of published charters raise it.
A bare "if we cannot," takes back only a limit stated just before it (see _Evidence.takes_back).
An external body the customer may turn to once the limit has passed (an ombudsman `after: 8 weeks`
beside "within eight weeks; if we cannot, we write to explain why") is the fallback: the clause
leaves the customer a longest time before independent review (see _open_at).
A clause with no limit to take back is not reported: a commitment with no `within` whose text
states no time and promises speed in words before the clause ("routine questions are addressed
quickly; sometimes it can take longer") makes a vague promise, which is CH301's finding, not an
escape from one. Without such words ("reports by email might take longer") the clause takes back
the charter's limits for the same event elsewhere, and is reported; when no commitment of that
event states a `within` anywhere ("we may need more time; if so, we write to let you know we have
received your complaint" on an acknowledgement) there is nothing timed to take back.
A clause that takes back a time shorter than its commitment's firm `within` ("allows us eight
weeks, but we do our best to reply within four weeks. If we cannot respond within four weeks, we
tell you why") removes nothing: the firm limit stands (duration.always_shorter). A clause that is
its variant's own condition (`when: ... in exceptional circumstances` with its own `within`)
takes nothing back: the exceptional case has its own longest time. The Markdown prose repeating
such a commitment's clause gets the same verdict.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from charterlint.charter.duration import Duration, FoundDuration, always_shorter, durations_in, longer, parse_duration
from charterlint.charter.views import charter_index
from charterlint.checks.context import Context
from charterlint.checks.phrases import AT_THE_CONTACT, named_others, text_spans
from charterlint.checks.promises import (
    FALLBACK_LIMIT,
    NUMBER,
    SENTENCE_LEAD,
    CustomerDeadlines,
    Marks,
    Paragraphs,
    Sentences,
    Text,
    any_within,
    charter_texts,
    promise_member,
)
from charterlint.model import Span
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import resolve

_ESCAPE = re.compile(
    r"(?<!\w)(?:"
    # "this may take longer", and "in busy periods this may be longer"
    r"(?:may|might|can|could|will)\s+(?:take|be)\s+(?:a\s+little\s+|a\s+bit\s+|slightly\s+|much\s+)?longer"
    # "we will tell you if we need more time"
    r"|(?:we|it)\s+(?:may\s+|might\s+|will\s+)?(?:need|needs|require|requires)\s+(?:more\s+time|longer|an\s+extension)"
    r"|(?:except\s+)?in\s+exceptional\s+circumstances"
    r"|unless\s+(?:the|your|a)\s+(?:matter|case|complaint|enquiry|inquiry|query|request|issue|problem)\s+"
    r"is\s+(?:complex|complicated|particularly\s+complex)"
    r"|(?:response\s+)?(?:times|timescales|timeframes)\s+(?:may|can|will|do)\s+vary"
    r"|subject\s+to\s+change(?:\s+without\s+(?:prior\s+)?notice)?"
    # "because of high demand we may not be as quick as we would like"
    r"|(?:may|might|could)\s+not\s+(?:always\s+)?be\s+(?:as|so)\s+(?:quick|fast|prompt)"
    # "we may miss our targets at times of unexpectedly high demand"
    r"|(?:may|might|could)\s+(?:not\s+(?:always\s+)?(?:meet|achieve|keep\s+to)|miss|exceed)\s+"
    r"(?:our|these|this|the|its|their)\s+(?:targets?|timescales?|standards?|deadlines?|response\s+times?)"
    # "if we cannot meet this target, we will tell you why", "if we are unable to meet this timescale"
    r"|(?:if|where|when)\s+(?:we|it)\s+(?:cannot|can't|can\s+not|(?:are|is)\s+(?:unable|not\s+able)\s+to)\s+"
    r"(?:meet|achieve|keep\s+to)\s+(?:our|these|this|the|that|its)\s+"
    r"(?:targets?|timescales?|standards?|deadlines?|times?|response\s+times?)"
    # "if we cannot reply within 10 working days, we tell you why", "if we cannot respond in full,
    # we tell you when we can": the clause names the limit it takes back
    r"|(?:if|where|when)\s+(?:we|it)\s+(?:cannot|can't|can\s+not|(?:are|is)\s+(?:unable|not\s+able)\s+to)\s+"
    r"(?:(?:give\s+(?:you\s+)?|send\s+(?:you\s+)?)?(?:a\s+)?(?:full\s+)?)?"
    r"(?:reply|respond|response|answer)(?:\s+(?:to\s+)?(?:you|it))?\s+"
    r"(?:within\s+(?:" + NUMBER + r"(?:\s+(?:working|business|calendar))?"
    r"(?:\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?))?"
    r"|(?:this|that|the|these|those)(?:\s+(?:time|timescales?|targets?|period|deadlines?))?)"
    r"|in\s+full|fully|in\s+time|by\s+then)"
    # "or tell you if it is going to take longer"
    r"|(?:is|are)\s+going\s+to\s+take\s+longer"
    # "some service areas may have different legal requirements", "different timescales may apply":
    # the limit does not hold for some unnamed part, and nothing says how long that part takes
    r"|(?:some|certain|other)\s+(?:[a-z]+\s+){0,2}(?:may|might|can|could|will)\s+have\s+"
    r"(?:different|other|longer|their\s+own)\s+(?:[a-z]+\s+)?"
    r"(?:requirements|timescales?|time\s*limits?|targets?|standards?|deadlines?|response\s+times?)"
    r"|(?:different|other|longer)\s+(?:timescales|time\s*limits|targets|standards|deadlines|response\s+times)\s+"
    r"(?:may|might|can|could|will)\s+apply"
    # "within 5 working days; if we cannot, we tell you how long it will take": a bare admission
    # that takes back the limit just stated (see _Evidence.takes_back)
    r"|(?P<bare>(?:if|where)\s+(?:we|it)\s+(?:cannot|can't|can\s+not|(?:are|is)\s+(?:unable|not\s+able)(?:\s+to)?)"
    r"(?=\s*[,;])|if\s+not(?=\s*,)|(?:if|where|when)\s+(?:(?:this|that|it)\s+is\s+not|(?:this|that|it)\s+isn't|(?:that|it)'s\s+not)\s+possible)"
    r")(?!\w)",
    re.IGNORECASE,
)
# A word that points back at a limit just stated: "this may be longer", "meet these timescales"
_REFERS_BACK = re.compile(r"(?<!\w)(?:this|these|that|it)(?!\w)", re.IGNORECASE)
_REFERENCE_REACH = 12  # "... this may be longer": the word just before the clause counts
_LIMIT = re.compile(r"(?<!\w)within\s+" + NUMBER + r"(?!\w)", re.IGNORECASE)
_NUMBER = re.compile(r"(?<!\w)" + NUMBER + r"(?!\w)", re.IGNORECASE)
# Speed promised in words, with no time: "addressed quickly", "as soon as possible" (CH301's)
_SPEED_IN_WORDS = re.compile(r"(?<!\w)(?:quickly|promptly|swiftly|as\s+soon\s+as|without\s+delay|in\s+a\s+timely)(?!\w)",
                             re.IGNORECASE)
# "only" before "in exceptional circumstances": an act kept for them ("we only use voicemail in ...")
_ONLY = re.compile(r"(?<!\w)only(?!\w)", re.IGNORECASE)
# A sentence that opens on a condition: "Where ...", "If ...", "When ..." (list markers allowed).
_CONDITION_OPENING = re.compile(SENTENCE_LEAD + r"(?:where|if|when|should)(?!\w)", re.IGNORECASE)
# Where a clause ends within its sentence, and where a condition's consequence begins.
_CLAUSE_BREAK = re.compile(r"[,;:]")
_COMMA = re.compile(",")
# "80% within 10 days; at busy times it may take longer": a share already allows for the rest
_SHARE = re.compile(r"\d+(?:\.\d+)?\s*%|\d+\s+per\s*cent", re.IGNORECASE)


class _Evidence:
    """What excuses a clause in one text, found once (each clause is then a bisection)."""

    def __init__(self, text: Text) -> None:
        value = text.value
        self._value = value
        self.sentences = Sentences(value)
        # a data text is one scope; the prose's scopes are its paragraphs
        self._paragraphs = Paragraphs(value, prose=text.pointer is None)
        self._markers = Marks(FALLBACK_LIMIT, value)
        self._limits = Marks(_LIMIT, value)
        self._shares = Marks(_SHARE, value)
        self._numbers = Marks(_NUMBER, value)
        self._found_durations = durations_in(value)
        self._durations = [found.start for found in self._found_durations]
        self._speed = Marks(_SPEED_IN_WORDS, value)
        self._moments = Marks(AT_THE_CONTACT, value)
        self._deadlines = CustomerDeadlines(value)
        self._restrictions = Marks(_ONLY, value)
        self._clause_breaks = Marks(_CLAUSE_BREAK, value)
        self._commas = Marks(_COMMA, value)

    def _found_between(self, start: int, end: int) -> list[FoundDuration]:
        """The durations the text states from `start` to `end` (a bisection of those found once)."""
        return self._found_durations[bisect_left(self._durations, start):bisect_left(self._durations, end)]

    def untimed(self, clause: re.Match[str]) -> bool:
        """Whether the clause's scope states no time."""
        start, end = self._scope(clause.start())
        return not any_within(self._durations, start, end)

    def only_vague(self, clause: re.Match[str]) -> bool:
        """Whether the clause's scope states no time and promises speed in words before the clause:
        the vague promise it qualifies is CH301's, with no limit to take back."""
        start = self._scope(clause.start())[0]
        return self.untimed(clause) and self._speed.between(start, clause.start())

    def _scope(self, offset: int) -> tuple[int, int]:
        return self._paragraphs.bounds(offset)

    def in_a_promise(self, clause: re.Match[str]) -> bool:
        """Whether the clause's sentence makes a promise, or the clause refers back ("this may be
        longer", "if we are unable to meet this timescale") to a promise in the sentence before it,
        in the same scope."""
        if self.sentences.is_promise(clause.start()):
            return True
        if not _REFERS_BACK.search(self._value, max(0, clause.start() - _REFERENCE_REACH), clause.end()):
            return False
        sentence_start = self.sentences.bounds(clause.start())[0]
        return sentence_start > self._scope(clause.start())[0] and self.sentences.is_promise(sentence_start - 1)

    def takes_back(self, clause: re.Match[str]) -> bool:
        """Whether a bare admission ("if we cannot,") takes back a limit: one is stated before it in
        its sentence, or in the sentence before when the admission opens its own, and no time
        follows it in its sentence ("if we cannot, we keep you informed every 20 working days" and
        "if we cannot, we acknowledge it within 5 working days" say what happens instead)."""
        start, end = self.sentences.bounds(clause.start())
        if self._numbers.between(clause.end(), end):
            return False
        if self._limits.between(start, clause.start()):
            return True
        opens = self._value[start:clause.start()].strip() == ""
        return (opens and start > self._scope(clause.start())[0]
                and self._limits.between(self.sentences.bounds(start - 1)[0], start))

    def limit_before(self, clause: re.Match[str]) -> Duration | None:
        """The limit the clause takes back: the last "within N" before it in its sentence, or in
        the sentence before (in the same scope) when its own states none."""
        start = self.sentences.bounds(clause.start())[0]
        if not self._limits.between(start, clause.start()) and start > self._scope(clause.start())[0]:
            start = self.sentences.bounds(start - 1)[0]
        found = [m.start() for m in _LIMIT.finditer(self._value, start, clause.start())]
        durations = durations_in(self._value[found[-1]:clause.start()]) if found else []
        return durations[0].duration if durations else None

    def states_firm(self, limit: Duration) -> bool:
        """Whether the text states the firm limit itself (a time no shorter than it)."""
        return any(not always_shorter(found.duration, limit) for found in self._found_durations)

    def taken_back(self, clause: re.Match[str]) -> Duration | None:
        """The time the clause takes back: the one it names ("if we cannot respond within four
        weeks"), else the limit before it."""
        named = durations_in(clause.group(0))
        return named[0].duration if named else self.limit_before(clause)

    def after_an_attempt_at_the_contact(self, clause: re.Match[str]) -> bool:
        """Whether the clause follows, in its sentence, an attempt to settle the matter at the contact
        itself with no time between ("we will work our hardest to resolve your complaint when you
        first contact us, but we may need more time to look into it"): the more time is more than
        the contact, not more than a limit."""
        start = self.sentences.bounds(clause.start())[0]
        moment = self._moments.last_before(start, clause.start())
        return moment is not None and not any_within(self._durations, moment, clause.start())

    def widens_a_customer_deadline(self, clause: re.Match[str]) -> bool:
        """Whether the clause's sentence limits only when the customer may bring a matter ("we
        investigate only complaints made within three months; in exceptional circumstances we may
        look at a later one"): the clause widens the customer's window."""
        return self._deadlines.only_limit(*self.sentences.bounds(clause.start()))

    def restricts(self, clause: re.Match[str]) -> bool:
        """Whether "in exceptional circumstances" restricts an act to them ("we only use voicemail in
        exceptional circumstances"): "only" earlier in its clause; no time is taken back."""
        if not clause.group(0).lower().lstrip().startswith(("in exceptional", "except in exceptional")):
            return False
        start = self.sentences.bounds(clause.start())[0]
        previous = self._clause_breaks.last_before(start, clause.start())
        return self._restrictions.between(previous + 1 if previous is not None else start, clause.start())

    def condition_with_its_limit(self, clause: re.Match[str]) -> bool:
        """Whether the clause is in a condition opening its sentence whose consequence states a limit:
        "where a full response will take longer than one working day, we give it within ten working
        days" says what happens then, with its own longest time."""
        start, end = self.sentences.bounds(clause.start())
        if _CONDITION_OPENING.match(self._value, start, end) is None:
            return False
        comma = self._commas.first_in(clause.end(), end)
        if comma is None:
            return False
        # the limit exceeded: named in the condition ("longer than one working day"), or the one before
        exceeded = self._found_between(clause.end(), comma) or self._found_between(start, clause.start())
        return bool(exceeded) and any(longer(after.duration, exceeded[0].duration)
                                      for after in self._found_between(comma, end))

    def excused(self, clause: re.Match[str]) -> bool:
        """A share in the clause's sentence: the promise already allows for the rest."""
        start, end = self.sentences.bounds(clause.start())
        return self._shares.between(start, end)

    def has_fallback(self, clause: re.Match[str]) -> bool:
        """A limit marker from the clause to the end of its scope, or a limit before the clause and
        another after it. A marker before the clause states the limit the clause takes back: "in any
        event within 20 working days. If we cannot meet this target, we tell you why"."""
        start, end = self._scope(clause.start())
        return self._markers.between(clause.start(), end) or (
            self._limits.between(start, clause.start()) and self._limits.between(clause.end(), end))


_ANY_TIME = "any time"


def _external_after(document: Document) -> list[Duration]:
    """The `after` times of the external bodies (an ombudsman open after 8 weeks); a body open at
    any time (`after: any time`) is open after no time at all."""
    escalation = document.data.get("escalation")
    bodies = escalation.get("external") if isinstance(escalation, dict) else None
    afters = [body.get("after") for body in (bodies if isinstance(bodies, list) else ()) if isinstance(body, dict)]
    found = [parse_duration("0 days") if after == _ANY_TIME else parse_duration(after) for after in afters]
    return [after for after in found if after is not None]


def _commitment_of(document: Document, text: Text) -> dict[str, object] | None:
    """The commitment whose text `text` is (None for other texts)."""
    if not text.is_commitment or text.pointer is None:
        return None
    commitment = resolve(document.data, text.pointer.rsplit("/", 1)[0])
    return commitment if isinstance(commitment, dict) else None


def _own_condition(commitment: dict[str, object], clause: str) -> bool:
    """Whether the clause is the variant's own condition (its `when`), beside its own limit."""
    when = commitment.get("when")
    return isinstance(when, str) and " ".join(clause.lower().split()).removeprefix("except ") in " ".join(
        when.lower().split())


def _open_at(limit: Duration | None, after: list[Duration]) -> bool:
    """Whether an external body is open to the customer once `limit` has passed (its `after` no
    longer than the limit, on the same clock): the regulated eight-week rule of UK finance and
    energy, where the final response or a letter explaining the delay comes at eight weeks and
    the ombudsman is open from then on; a body open at any time (after no time) is open whatever
    the clock."""
    return limit is not None and any(body.high == 0 or longer(body, limit) is False for body in after)


def _message(clause: str, also: Sequence[str] = ()) -> str:
    named = " ".join(clause.split())
    message = (f'"{named}" takes back the time limit: say the longest it can take '
               '(e.g. "and in any case within 20 working days")')
    if also:
        message += f"; the same sentence also says {named_others(also)}"
    return message


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _sooner_aims(document: Document) -> list[tuple[str, Duration]]:
    """(commitment text, firm limit) of each commitment whose text states its firm `within` beside a
    sooner aim: the Markdown prose that repeats such a text's clause takes back the same sooner aim."""
    found: list[tuple[str, Duration]] = []
    for text in charter_texts(document):
        commitment = _commitment_of(document, text)
        limit = parse_duration(commitment.get("within")) if commitment is not None else None
        if limit is not None and _Evidence(text).states_firm(limit):
            found.append((_normal(text.value), limit))
    return found


def escape_clauses(document: Document, context: Context) -> Iterator[Problem]:
    """CH311: one finding per sentence whose escape clauses, in a promise with no fallback limit, take
    the limit back, at the first clause."""
    aims: list[tuple[str, Duration]] | None = None
    timed_events: frozenset[str] | None = None
    after: list[Duration] | None = None
    for text in charter_texts(document):
        found = list(_ESCAPE.finditer(text.value))
        if not found:
            continue
        if timed_events is None or after is None:  # the charter's own, found once a clause is met
            timed_events, after = charter_index(document).timed_events(), _external_after(document)
        spans = text_spans(document, text, found, _ESCAPE)
        evidence = _Evidence(text)
        commitment = _commitment_of(document, text)
        limit = parse_duration(commitment.get("within")) if commitment is not None else None
        reported: dict[tuple[int, int], list[tuple[re.Match[str], Span | None]]] = {}
        for clause, span in zip(found, spans):
            if text.is_commitment and limit is None and (
                    evidence.only_vague(clause)  # the vague promise is CH301's
                    or (evidence.untimed(clause) and promise_member(text.pointer or "") not in timed_events)):
                continue  # no limit to take back
            if limit is not None and commitment is not None and _own_condition(commitment, clause.group(0)):
                continue  # the variant's condition, with its own longest time
            if text.pointer is None and aims is None:
                aims = _sooner_aims(document)
            # the time taken back, looked for only where something can excuse it (a search per clause)
            wanted = limit is not None or after or (text.pointer is None and aims)
            taken = evidence.taken_back(clause) if wanted else None
            if limit is not None and taken is not None and always_shorter(taken, limit) and evidence.states_firm(limit):
                continue  # a sooner aim taken back: the firm limit stands
            if text.pointer is None and taken is not None and aims:
                clause_text = _normal(clause.group(0))
                if any(clause_text in aim and always_shorter(taken, firm) for aim, firm in aims):
                    continue  # the prose repeating the data's sooner aim: the same verdict
            if not text.is_commitment and not evidence.in_a_promise(clause):
                continue
            if evidence.after_an_attempt_at_the_contact(clause):
                continue  # more time than the contact itself, not than a limit
            if (evidence.widens_a_customer_deadline(clause) or evidence.restricts(clause)
                    or evidence.condition_with_its_limit(clause)):
                continue
            if clause.group("bare") is not None and not evidence.takes_back(clause):
                continue
            if after and _open_at(taken, after):
                continue
            if not evidence.excused(clause) and not evidence.has_fallback(clause):
                reported.setdefault(evidence.sentences.bounds(clause.start()), []).append((clause, span))
        # one sentence taking a limit back is one problem ("in exceptional circumstances it may take
        # longer"), at its first clause, naming the others
        for (first, span), *others in reported.values():
            yield Problem(_message(first.group(0), [other.group(0) for other, _ in others]),
                          text.pointer or "", span=span)
