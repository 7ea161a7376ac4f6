"""CH301 vague-commitment and CH312 hedged-statement: hedges instead of numbers, in the charter's
texts and Markdown body (one piece of hedge logic; which rule reports a sentence: _hedges_the_limit).

Two lists: `phrases` are hedges wherever a contact's time is at stake ("as soon as possible");
`promise-phrases` are ordinary words that hedge only a promise ("usually", "normally"), judged
in commitment texts and in promise sentences (checks.promises). Either counts only where it
leaves a contact's time open: a hedge of time in a commitment's own text, any other hedge in a
sentence that names a contact event or a time (see vague_commitments). A phrase also matches the inflections the
word table below gives ("do our best" matches "will do their best", "endeavour" matches
"endeavored"): each word becomes an alternation of literal words, so matching stays linear.

A finding points at the phrase itself. Inside a YAML or JSON string the phrase is looked up
again in the source of that string (words may be split over lines, quotes and indentation
around them); when the source does not give the same phrases in the same order (escape
sequences, comments on a block scalar's indicator line), the finding points at the string.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from charterlint.charter.duration import FoundDuration, always_shorter, durations_in, parse_duration
from charterlint.charter.views import RouteTimes, charter_index
from charterlint.checks.context import Context
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
    event_at,
    events_named,
)
from charterlint.checks.prose import TextPositions
from charterlint.model import Span
from charterlint.source.document import Document, Problem

_POSSESSIVES = ("our", "my", "their", "its", "his", "her", "your")
_ENDEAVOUR = ("endeavour", "endeavours", "endeavoured", "endeavouring",
              "endeavor", "endeavors", "endeavored", "endeavoring")
# The forms a listed word also matches (lower case). A word not in the table matches itself.
_WORD_FORMS: dict[str, tuple[str, ...]] = {
    **{word: _POSSESSIVES for word in _POSSESSIVES},
    "do": ("do", "does", "doing", "did"),
    "try": ("try", "tries", "trying", "tried"),
    "make": ("make", "makes", "making", "made"),
    "endeavour": _ENDEAVOUR,  # either spelling matches every form of both
    "endeavor": _ENDEAVOUR,
}


def _word(word: str) -> str:
    forms = _WORD_FORMS.get(word.lower())
    if forms is None:
        return re.escape(word)
    return "(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + ")"


def phrase_pattern(phrases: Sequence[str]) -> re.Pattern[str] | None:
    """One case-insensitive regex for all phrases and their inflections, longest first, on word
    boundaries. Built once per list: the lists come from a run's options, the same for every file."""
    return _phrase_pattern(tuple(phrases))


@lru_cache(maxsize=64)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    words = [phrase.split() for phrase in phrases if phrase.strip()]
    if not words:
        return None
    alternatives = sorted({r"\s+".join(map(_word, phrase)) for phrase in words}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def normalized(text: str) -> str:
    """`text` lower-cased with runs of space as one: how phrases and names are compared."""
    return " ".join(text.lower().split())


def _source(lines: Sequence[str], span: Span) -> tuple[str, int, int] | None:
    """The source text of a scalar's span, with the line and column it starts at."""
    start, end = span.start, span.end
    if not 1 <= start.line <= end.line <= len(lines):
        return None
    first = lines[start.line - 1][start.column - 1 :]
    line, column = start.line, start.column
    if first[:1] in ("|", ">"):  # a block scalar: its text starts on the next line
        first, line, column = "", start.line + 1, 1
        if line > end.line:
            return None
    middle = list(lines[line : end.line - 1]) if line < end.line else []
    if line == end.line:
        text = lines[line - 1][column - 1 : end.column - 1]
    else:
        last = lines[end.line - 1][: end.column - 1]
        head = first if line == start.line else lines[line - 1]
        text = "\n".join([head, *middle, last])
    return text, line, column


def _spans_in_source(document: Document, pointer: str, found: list[re.Match[str]],
                     pattern: re.Pattern[str]) -> list[Span] | None:
    """The source span of each phrase found in the value at `pointer`, or None if unsure."""
    node = document.nodes.get(pointer)
    if node is None:
        return None
    source = _source(document.lines, node.value)
    if source is None:
        return None
    text, line, column = source
    in_source = list(pattern.finditer(text))
    if [normalized(m.group(0)) for m in in_source] != [normalized(m.group(0)) for m in found]:
        return None
    positions = TextPositions(text, line, column)
    return [positions.span(m.start(), m.end()) for m in in_source]


def located(document: Document, pointer: str, found: list[re.Match[str]],
            pattern: re.Pattern[str]) -> list[Span | None]:
    """The source span of each match of `pattern` in the data value at `pointer` (None where unsure)."""
    spans = _spans_in_source(document, pointer, found, pattern)
    return list(spans) if spans is not None else [None] * len(found)


def text_spans(document: Document, text: Text, found: list[re.Match[str]],
               pattern: re.Pattern[str]) -> list[Span | None]:
    """The source span of each match of `pattern` in `text`: in Markdown prose by its positions, in
    a data value as `located` finds them."""
    if text.pointer is None:
        assert text.positions is not None
        return [text.positions.span(m.start(), m.end()) for m in found]
    return located(document, text.pointer, found, pattern)


_CLAUSE_BREAK = re.compile(r"[,;:()]")
# What makes a sentence speak of a service time: a limit or a unit of time (as _LIMIT_WORD, with
# years: "at least once a year") or a wait ("keep waiting times to a minimum"). Words of speed
# ("quickly") are not: they are in the hedges themselves ("as quickly as possible").
# A number that is a share, not a time: "we endeavour, one hundred per cent, to exceed your expectations"
_NOT_A_SHARE = r"(?!\w|(?:\s+(?:hundred|thousand))?\s*(?:per\s*cent|percent|%))"
_SERVICE_TIME = re.compile(
    r"(?<!\w)(?:within|" + NUMBER + _NOT_A_SHARE + r"|(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|rings?)|"
    r"wait(?:s|ing)?)(?!\w)", re.IGNORECASE)
# The same without hours of the day: in a sentence that names no contact event, "outside business
# hours" says when something is done, not how long a contact takes (_about_a_contact).
_SERVICE_DURATION = re.compile(
    r"(?<!\w)(?:within|" + NUMBER + _NOT_A_SHARE + r"|(?:seconds?|minutes?|(?<!business\s)(?<!office\s)(?<!opening\s)(?<!working\s)"
    r"hours?|days?|weeks?|months?|years?|rings?)|wait(?:s|ing)?)(?!\w)", re.IGNORECASE)
# What makes a clause state a limit: "within", a number or a unit of time ("a few days").
_LIMIT_WORD = re.compile(
    r"(?<!\w)(?:within|" + NUMBER + r"|(?:seconds?|minutes?|hours?|days?|weeks?|months?|rings?))(?!\w)",
    re.IGNORECASE)
# The same, but not the number of a stage ("at stage one" names where, not how long).
_LIMIT_WORD_NOT_STAGE = re.compile(r"(?<!stage\s)" + _LIMIT_WORD.pattern, re.IGNORECASE)
# A step taken when a first attempt fails: "if we cannot", "if not", "if your complaint cannot be
# resolved", "failing that", "otherwise".
_FAILED_ATTEMPT = re.compile(
    r"(?<!\w)(?:if\s+(?:not|[^.;:!?\n]{0,60}?(?<!\w)(?:cannot|can't|can\s+not|unable|not\s+able))|"
    r"failing\s+(?:that|this)|otherwise)(?!\w)", re.IGNORECASE)
_SPACE = re.compile(r"\s*")
# An aim stated as a noun: "our goal is", "our target is", "our aim is", "we have a target of". With
# a limit in its clause it is the honest aim "we aim to respond within one business day" (CH309 and
# CH301 leave that alone; a clause taking the number back is CH311's); with none ("our goal is to
# resolve your query as quickly as we can") it is a hedge.
_AIM_NOUN = re.compile(
    r"(?:(?:our|the)\s+(?:goal|target|aim|objective|ambition)s?\s+(?:is|are|will\s+be)|"
    r"we\s+(?:have|set(?:\s+ourselves)?)\s+(?:a|an|the)\s+(?:goal|target|aim|objective)(?:\s+of)?)",
    re.IGNORECASE)


class _FirstAttempts:
    """Whether a hedge stands in a first attempt whose failure has a limit: nothing before the step
    that falls back from it (later in its sentence, or opening the next) states a limit, and that
    step does. "We will try to answer your question straight away. If we cannot, we will contact you
    within five working days": the hedge says whether the matter is settled at once, not when. The
    steps and limits of one text are found once, so that each hedge is a bisection (issue 14)."""

    __slots__ = ("_text", "_sentences", "_steps", "_limits")

    def __init__(self, text: str, sentences: Sentences) -> None:
        self._text, self._sentences = text, sentences
        self._steps = [(m.start(), m.end()) for m in _FAILED_ATTEMPT.finditer(text)]
        self._limits = Marks(_LIMIT_WORD, text)

    def __call__(self, hedge: re.Match[str]) -> bool:
        text, sentences = self._text, self._sentences
        start, end = sentences.bounds(hedge.start())
        index = bisect_left(self._steps, (hedge.end(), 0))
        step = self._steps[index] if index < len(self._steps) and self._steps[index][0] < end else None
        if step is None and end < len(text):
            following = _SPACE.match(text, end)
            assert following is not None
            opening = _FAILED_ATTEMPT.match(text, following.end(), sentences.bounds(following.end())[1])
            step = opening.span() if opening is not None else None
        if step is None or self._limits.between(start, step[0]):
            return False
        return self._limits.between(step[1], sentences.bounds(step[0])[1])


# The moment of the contact itself, where an attempt to settle the matter is made: "try to resolve it
# on the spot", "at this stage", "when you visit", "while you wait", "at the first point of contact",
# "at stage one". No organisation can promise every matter is settled there; what a reviewer holds
# it to is what happens otherwise (_AttemptsAtFirstContact). The one list of these moments.
AT_THE_CONTACT = re.compile(
    r"(?<!\w)(?:on\s+the\s+spot|there\s+and\s+then|then\s+and\s+there|straight\s*away|right\s+away|"
    r"at\s+once|immediately|(?:at|on|during)\s+(?:the\s+|your\s+)?(?:first\s+)?(?:point\s+of\s+)?contact|"
    r"in\s+the\s+first\s+instance|on\s+the\s+(?:call|phone|telephone)|over\s+the\s+(?:phone|telephone|counter)|"
    r"at\s+(?:the\s+)?(?:reception|counter|front\s+desk|service\s+desk)|at\s+th(?:e|at)\s+time|"
    r"at\s+th(?:is|at|e\s+first)\s+(?:stage|point)|"
    r"when\s+you\s+(?:first\s+)?(?:visit|call|phone|ring|contact\s+us|come\s+in|get\s+in\s+touch|speak\s+to\s+us)|"
    r"during\s+(?:your|the|that)\s+(?:visit|call|conversation|appointment)|"
    r"while\s+you\s+(?:wait|are\s+(?:here|with\s+us|on\s+the\s+(?:phone|line)))|informally|"
    r"at\s+(?:stage\s+(?:one|1)|the\s+(?:first|informal)\s+stage|(?:the\s+)?front[\s-]?line(?:\s+stage)?))(?!\w)",
    re.IGNORECASE)
# Who acts or how many contacts it takes, not when: "try to deal with your query without passing you
# on", "resolved by the first person you contact", "by the member of staff you speak to", "first
# time", "one point of contact". An attempt about these makes no time uncertain.
_WHO_OR_HOW_MANY = re.compile(
    r"(?<!\w)(?:without\s+(?:(?:needing|having)\s+to\s+)?(?:pass(?:ing)?|transfer(?:ring)?|refer(?:ring)?|hand(?:ing)?|"
    r"put(?:ting)?)\s+you|without\s+(?:you\s+)?being\s+(?:passed|transferred|referred|handed|put\s+through)|"
    r"by\s+the\s+first\s+person|(?:the\s+)?first\s+time|(?:one|a\s+single|single)\s+point\s+of\s+contact|"
    r"by\s+the\s+(?:person|member\s+of\s+staff|staff\s+member|officer|advis[eo]r)\s+(?:who\s+)?(?:you\s+)?(?:first\s+)?"
    r"(?:contact|speak|talk|deal|answer|take)\w*)(?!\w)", re.IGNORECASE)
# What opens the step taken when the attempt fails, after the moment: an alternative ("immediately or
# write to you within 5 working days", "on the phone or as soon as we can") or a condition ("if
# that person is unavailable, ...", "where it needs investigation, ...", "otherwise").
_OTHERWISE = re.compile(r"(?<!\w)(?:or|otherwise|failing|if|where|when|unless)(?!\w)", re.IGNORECASE)


class _AttemptsAtFirstContact:
    """Whether a hedge qualifies an attempt to settle the matter at the contact itself (a moment of
    AT_THE_CONTACT after the hedge in its clause, or, for a hedge that trails its event, between
    the event and the hedge: "resolve it there and then where possible"), when what happens
    otherwise is timed: the text states a limit after that moment, outside the limit's own
    clause ("immediately or write to you within 5 working days"; "when you visit ... and, if that
    person is unavailable, get in touch within 24 hours"), or a commitment on the same route times
    the event attempted (`timed`: a channel's feedback timescale, a later stage). The hedge says
    whether the matter is settled there and then, not when: "where possible, we will try to resolve
    your complaint on the spot" beside a timed acknowledgement and response. With nothing timed
    otherwise the attempt stays a vague commitment (the corpus judged it so three times in four).
    An attempt about who acts or how many contacts it takes (_WHO_OR_HOW_MANY) is silent whatever
    follows. A hedge whose clause states a limit before the moment, or whose sentence states one after
    it with no other step between ("at stage one within one day"), hedges that limit; a hedge of time after an alternative ("on the phone or as soon as we reasonably can") is the untimed
    alternative itself."""

    __slots__ = ("_text", "_sentences", "_clauses", "_timed", "_moments", "_who", "_limits", "_alternatives")

    def __init__(self, text: str, sentences: Sentences, clauses: _Clauses, timed: frozenset[str]) -> None:
        self._text, self._sentences, self._clauses, self._timed = text, sentences, clauses, timed
        self._moments = Marks(AT_THE_CONTACT, text)
        self._who = Marks(_WHO_OR_HOW_MANY, text)
        self._limits = Marks(_LIMIT_WORD_NOT_STAGE, text)
        self._alternatives = Marks(_OTHERWISE, text)

    def _scope(self, hedge: re.Match[str]) -> tuple[int, int]:
        """The hedge's clause; a hedge that is a clause of its own opening the sentence ("Where
        possible, we will try to ...") qualifies the next."""
        start, end = self._clauses.bounds(hedge.start())
        if not self._text[hedge.end():end].strip() and self._text[end:end + 1] == ",":
            end = self._clauses.bounds(end + 1)[1]
        return start, end

    def __call__(self, hedge: re.Match[str]) -> bool:
        start, end = self._scope(hedge)
        events = self._sentences.promise_words()
        if _TIME_HEDGE.search(hedge.group(0)) is None:
            who = self._who.first_in(hedge.end(), end)
            if who is not None:
                named = _WHO_OR_HOW_MANY.match(self._text, who)
                assert named is not None
                # "one point of contact" names no limit
                if not (self._limits.between(start, who) or self._limits.between(named.end(), end)):
                    return True
            moment = self._moments.first_in(hedge.end(), end)
            event = events.first_in(hedge.end(), moment) if moment is not None else None
        else:
            moment = None
        if moment is None:  # a hedge that trails its event ("resolved ... there and then, where possible")
            event = events.last_before(self._sentences.bounds(hedge.start())[0], hedge.start())
            # the first person met is the contact itself: "resolved by the first person you contact, as soon as possible"
            moment = None if event is None else max(
                (found for found in (self._moments.last_before(event, hedge.start()),
                                     self._who.last_before(event, hedge.start())) if found is not None), default=None)
            if moment is None or self._alternatives.between(moment, hedge.start()):
                return False
        if self._limits.between(start, moment):
            return False
        # a limit later in the sentence is the attempt's own ("at stage one within one day";
        # "immediately, within 2 working days") unless the step taken otherwise comes first
        # ("immediately or write to you within 5 working days")
        limit = self._limits.first_in(moment, self._sentences.bounds(moment)[1])
        if limit is not None and not self._alternatives.between(moment, limit):
            return False
        return self._timed_otherwise(moment, event)

    def _timed_otherwise(self, moment: int, event: int | None) -> bool:
        """Whether what happens when the attempt fails is timed: a step after the moment, in its
        sentence or the next, that states a limit, or the attempted event timed on the same route."""
        end = self._sentences.bounds(moment)[1]
        if end < len(self._text):
            end = self._sentences.bounds(end)[1]
        step = self._alternatives.first_in(moment, end)
        if step is not None and self._limits.between(step, end):
            return True
        if event is None:
            return False
        # an answer time is when a contact is picked up, not what happens when the attempt fails: an
        # unanswered question is answered later by a reply or a resolution ("we try to answer your
        # question straight away" beside a 5-day reply), not by "calls answered within 20 seconds"
        attempted = event_at(self._text, event)
        if "answer" in attempted:
            attempted = (attempted - {"answer"}) | {"respond", "resolve"}
        return bool(attempted & self._timed)


# Who acts, as the sentence says before a hedge: the customer ("please reply to our letters as soon
# as possible", "you should tell us promptly", "we ask you to respond as quickly as possible") or
# the organisation ("please leave a message; we will call you back as soon as we can").
# The customer named in the passive is the actor as "you should" is: "taxpayers are encouraged to
# give us the information we need as soon as possible".
_CUSTOMERS = (r"(?:you|customers?|tenants?|residents?|patients?|complainants?|taxpayers?|members?|clients?|"
              r"applicants?|callers?|users?|visitors?|students?|passengers?|consumers?|citizens?)")
_CUSTOMER_ACTS = re.compile(
    r"(?<!\w)(?:please(?!\s+(?:note|be\s+(?:assured|aware)|rest\s+assured))|you\s+(?:should|must|ought\s+to)|"
    + _CUSTOMERS + r"\s+(?:are|is)\s+(?:(?:kindly|strongly|therefore|also)\s+)?"
    r"(?:asked|expected|required|encouraged|requested|advised|invited|urged)\s+to|"
    r"(?:ask|asks|expect|expects|require|requires|encourage|encourages)\s+(?:that\s+)?(?:you|customers|tenants|"
    r"residents|patients|complainants))(?!\w)", re.IGNORECASE)
# "we" in the object of the customer's step ("give us the information we need") names what is
# asked for, not a promise of the organisation's.
_ORGANISATION_ACTS = re.compile(
    r"(?<!\w)(?:we(?!\s+(?:need|require|requested|asked\s+for|ask\s+for)(?!\w))|we'll|we're|our\s+(?:staff|team|teams|officers?|advis[eo]rs?)|they\s+(?:will|can|would|may))(?!\w)",
    re.IGNORECASE)


# The customer's own past attempt, its verb coordinated with an earlier one of "you have": "after you
# have first complained to us and tried to resolve it with us". Only a hedge in the perfect's own
# form shares that subject; "we will make sure you have a reply as soon as possible" does not.
_CUSTOMER_PERFECT = re.compile(r"(?<!\w)you\s+(?:have|'ve|had)(?!\w)", re.IGNORECASE)
_PERFECT_HEDGE = re.compile(r"(?:tried|endeavou?red|made)(?!\w)", re.IGNORECASE)


# A sentence in the imperative, addressed to the reader: after an optional lead-in clause ("To help
# us resolve your complaint, ...", "Before you complain to us, ...", "If ..., ..."), a bare verb of
# contact with its object ("contact us", "lodge your complaint", "write to us", "let us know").
# The object, the reader's or ours ("us", "your"), tells the verb from a noun ("email enquiries are
# answered ...") and from a list of the organisation's promises ("[we will] send a reply ...").
_IMPERATIVE = re.compile(
    r"[\s\-*\u2022]*(?:(?:to|before|if|when|once|after|where)\s[^.;:!?\n]{0,150}?,\s*)?(?:please\s+)?"
    r"(?:contact|lodge|send|write|call|phone|ring|e-?mail|tell|give|include|provide|submit|make|complete|"
    r"fill\s+in|quote|raise|report|let)\s+(?:us|your|to\s+us|as\s+much)(?!\w)", re.IGNORECASE)
# What ends the imperative's reach within its sentence: a semicolon or colon opens another clause
# with its own subject ("call us; calls are answered as quickly as possible").
_CLAUSE_OF_ITS_OWN = re.compile(r"[;:]")


# A purpose clause leading into the customer's request: "To help us deal with your complaint promptly
# and thoroughly, please send us ...", "So that we can reply quickly, include your reference".
_PURPOSE = re.compile(SENTENCE_LEAD + r"(?:(?:to|in\s+order\s+to)\s+(?:help|enable|allow|assist)\s+us|"
                      r"so\s+(?:that\s+)?we\s+(?:can|are\s+able\s+to)|in\s+order\s+for\s+us\s+to)(?!\w)", re.IGNORECASE)
# The request itself, after the purpose clause: "please ...", or a bare verb with its object.
_REQUEST_AFTER = re.compile(
    r",\s*(?:please(?!\s+(?:note|be\s+(?:assured|aware)|rest\s+assured))|(?:contact|send|write\s+to|call|phone|"
    r"ring|e-?mail|tell|give|include|provide|submit|let)\s+us)(?!\w)", re.IGNORECASE)


class _CustomerActs:
    """Whether a hedge times what the customer does, not what the organisation promises: the last
    actor its clause names before it is the customer. "Please let us know as soon as possible if
    you cannot keep an appointment" asks something of the customer; no limit of the organisation's
    is left open. "Please be patient; calls are answered as quickly as possible" is two clauses.
    "After you have complained to us and tried to resolve it" is the customer's past attempt. A
    sentence in the imperative is the customer's up to its first semicolon or colon, unless the
    organisation is named between ("contact us as soon as possible with your name"; "before you
    complain to us, lodge your complaint with your provider, in writing where possible"; "call us
    and we will reply as soon as possible" is the organisation's)."""

    __slots__ = ("_text", "_sentences", "_clauses", "_customer", "_perfect", "_organisation", "_breaks", "_requests")

    def __init__(self, text: str, sentences: Sentences, clauses: _Clauses) -> None:
        self._text, self._sentences, self._clauses = text, sentences, clauses
        self._customer = Marks(_CUSTOMER_ACTS, text)
        self._perfect = Marks(_CUSTOMER_PERFECT, text)
        self._organisation = Marks(_ORGANISATION_ACTS, text)
        self._breaks = Marks(_CLAUSE_OF_ITS_OWN, text)
        self._requests = Marks(_REQUEST_AFTER, text)

    def _imperative(self, hedge: re.Match[str]) -> bool:
        start, end = self._sentences.bounds(hedge.start())
        request = _IMPERATIVE.match(self._text, start, end)
        return (request is not None and request.end() <= hedge.start()
                and not self._breaks.between(request.end(), hedge.start())
                and not self._organisation.between(request.end(), hedge.start()))

    def _purpose_of_a_request(self, hedge: re.Match[str]) -> bool:
        """Whether the hedge is in a purpose clause that leads into the customer's request ("to help
        us resolve your complaint as quickly as possible, please give us ..."): the speed is what the
        customer's step is for, not a promise."""
        start, end = self._sentences.bounds(hedge.start())
        lead = self._breaks.last_before(start, hedge.start())
        if _PURPOSE.match(self._text, lead + 1 if lead is not None else start, hedge.start()) is None:
            return False
        request = self._requests.first_in(hedge.end(), end)
        return request is not None and not self._organisation.between(hedge.end(), request)

    def __call__(self, hedge: re.Match[str]) -> bool:
        if self._imperative(hedge) or self._purpose_of_a_request(hedge):
            return True
        start = self._clauses.bounds(hedge.start())[0]
        customer = self._customer.last_before(start, hedge.start())
        if _PERFECT_HEDGE.match(hedge.group(0)) is not None:
            perfect = self._perfect.last_before(start, hedge.start())
            customer = max((c for c in (customer, perfect) if c is not None), default=None)
        if customer is None:
            return False
        organisation = self._organisation.last_before(start, hedge.start())
        return organisation is None or organisation < customer


# The alternative to an attempt, itself a promise: "we will try to see you the same day, or offer you
# an appointment in the next five working days"; "within the current business day (if possible) or
# within one business day". Timed, it is what the customer can hold the
# organisation to; the attempt is honest about the sooner outcome.
_ALTERNATIVE_STEP = re.compile(
    r",?\s+or\s+(?:else\s+)?(?:(?:we\s+(?:will|shall)\s+|we'll\s+)?(?:offer|write|call|contact|arrange|refer|tell|"
    r"give|send|reply|respond|book|make|get\s+back)|within)(?!\w)", re.IGNORECASE)


def _attempt_with_timed_alternative(hedge: re.Match[str], text: str, sentences: Sentences, limits: Marks,
                                    alternatives: Marks) -> bool:
    """Whether an attempt hedge ("try to", "where possible") is followed in its sentence by an
    alternative the organisation takes (`alternatives`: where the text offers one, found once), and
    that alternative states a limit."""
    if _TIME_HEDGE.search(hedge.group(0)) is not None:
        return False
    end = sentences.bounds(hedge.start())[1]
    at = alternatives.first_in(hedge.end(), end)
    alternative = _ALTERNATIVE_STEP.match(text, at) if at is not None else None
    return alternative is not None and limits.between(alternative.end(), end)


# A sentence that opens on a delay to a limit already stated: "If we need more time to answer you, we
# will let you know as soon as possible". Its hedge times the notice of the delay, which belongs to
# the escape clause (CH311's to judge), not to the service promise the limit states.
_DELAY_OPENING = re.compile(
    r"[\s\-*\u2022]*(?:if|where|should|when|in\s+the\s+event\s+that)\s+(?:we\s+(?:need|require|expect\s+to\s+need)\s+"
    r"(?:more|longer|further|additional|extra)\s+time|(?:there\s+(?:is|are|will\s+be)|we\s+(?:expect|anticipate))\s+"
    r"(?:a\s+|any\s+)?delays?|(?:it|this|your\s+\w+)\s+(?:will|is\s+going\s+to|may|might|could)\s+take\s+longer)(?!\w)",
    re.IGNORECASE)


def _notice_of_a_delay(hedge: re.Match[str], text: str, sentences: Sentences, scope_start: int,
                       duration_starts: Sequence[int]) -> bool:
    """Whether the hedge's sentence opens on a delay to a limit stated before it in its scope
    (`duration_starts`: where the text states times, in order)."""
    start = sentences.bounds(hedge.start())[0]
    return (_DELAY_OPENING.match(text, start, hedge.start()) is not None
            and any_within(duration_starts, scope_start, start))


# A clause about beating a limit: "within 5 working days, and sooner where possible".
_SOONER = re.compile(r"(?<!\w)(?:sooner|earlier|quicker|faster|more\s+quickly)(?!\w)", re.IGNORECASE)


def _aims_to_beat_a_stated_limit(hedge: re.Match[str], clauses: _Clauses, sentences: Sentences,
                                 limits: Marks, sooner: Marks) -> bool:
    """Whether a hedge of effort, possibility or frequency qualifies beating a limit its sentence
    has already stated: its clause speaks of doing it sooner and states no limit of its own ("we
    reply within 5 working days, and sooner where possible"; "within 10 working days, but usually
    sooner"). The limit stands; whether it is itself hedged is judged at its own words."""
    start, end = clauses.bounds(hedge.start())
    return (_TIME_HEDGE.search(hedge.group(0)) is None and sooner.between(start, end)
            and not limits.between(start, end) and limits.between(sentences.bounds(hedge.start())[0], start))


# A clause that sets a firm limit against what comes before it: "..., but the regulator requires us to
# resolve complaints within 30 calendar days".
_CONTRAST = re.compile(r"\s*(?:but|however|although|though|yet|while|whilst)(?!\w)", re.IGNORECASE)


def _firm_limits(text: str, firm: Sequence[FoundDuration], clauses: _Clauses, contrast: bool = True) -> list[int]:
    """The starts of the clauses of a text that state a firm limit (`_firm_durations`), with
    `contrast` only those that set it against what comes before (opening with "but", "however",
    ...); in any text but a commitment's, for its own sentence only (the Markdown prose that
    repeats a commitment)."""
    starts = (clauses.bounds(found.start)[0] for found in firm)
    return [start for start in starts if not contrast or _CONTRAST.match(text, start) is not None]


def _beats_firm_limit(hedge: re.Match[str], firm_limits: Sequence[int], sentences: Sentences,
                      clauses: _Clauses, limits: Marks, text_end: int | None) -> bool:
    """Whether a hedge is an aim to beat a firm limit the text sets against it later (in a
    commitment's text anywhere up to `text_end`; elsewhere later in its sentence): its own clause
    names a contact event and states no limit ("we make every effort to give you a prompt reply.
    Our aim is to resolve every complaint as soon as possible, but the regulator requires us to
    resolve complaints within 30 calendar days"). "In general, we reply within 5 days" hedges the
    limit itself: the hedge's clause names no event."""
    start, end = clauses.bounds(hedge.start())
    last = text_end if text_end is not None else sentences.bounds(hedge.start())[1]
    return (any(end <= firm < last for firm in firm_limits)
            and sentences.promise_words().between(start, end) and not limits.between(start, end))


def _hedges_a_sooner_time(hedge: re.Match[str], durations: Sequence[FoundDuration], firm: Sequence[FoundDuration],
                          clauses: _Clauses, sentences: Sentences) -> bool:
    """Whether a hedge qualifies a time shorter than a firm limit its sentence states in another
    clause: "we aim to respond within 3 working days, though we usually reply within 24 hours". The
    customer holds the organisation to the 3 days; the hedged 24 hours is better-than-promised
    information. Every duration of the hedge's clause must be shorter however the two are counted
    (duration.always_shorter); "usually within 5 days" beside "within 3 working days" is reported."""
    start, end = clauses.bounds(hedge.start())
    sentence_start, sentence_end = sentences.bounds(hedge.start())
    hedged = [found.duration for found in durations if start <= found.start < end]
    limits = [found.duration for found in firm
              if sentence_start <= found.start < sentence_end and not start <= found.start < end]
    return bool(hedged) and bool(limits) and all(
        any(always_shorter(duration, limit) for limit in limits) for duration in hedged)


def _firm_durations(text: Text, commitment: dict[str, Any] | None, durations: Sequence[FoundDuration],
                    clauses: _Clauses, hedges: Sequence[re.Match[str]]) -> list[FoundDuration]:
    """The durations of a text stated in a clause with no hedge: in a commitment's text only its
    own `within` (not `best_effort`), elsewhere any."""
    within = None
    if text.is_commitment:
        if commitment is None or commitment.get("strength") == "best_effort":
            return []
        within = parse_duration(commitment.get("within"))
        if within is None:
            return []
    firm = []
    for found in durations:
        start, end = clauses.bounds(found.start)
        if ((within is None or found.duration.same_limit(within))
                and not any(start <= hedge.start() < end for hedge in hedges)):
            firm.append(found)
    return firm


def _hedges_another_matter(hedge: re.Match[str], firm: Sequence[FoundDuration], clauses: _Clauses,
                           sentences: Sentences, limits: Marks, organisation: Marks) -> bool:
    """Whether a hedge of effort, possibility or frequency in a commitment's text speaks of
    something other than the time, once the commitment's own firm limit is stated before it: its
    clause states no limit, names no contact event and no promise of the organisation's. "Within 1
    week, depending on IT workload; requests are usually taken in the order they were entered":
    "usually" qualifies the order of work, not the week. "... within five working days; we will do
    our best to keep you informed" is a further promise, left untimed, and still reported."""
    start, end = clauses.bounds(hedge.start())
    return (_TIME_HEDGE.search(hedge.group(0)) is None and any(found.end <= start for found in firm)
            and not limits.between(start, end) and not sentences.promise_words().between(start, end)
            and not organisation.between(start, end))


# Hedges of speed: how fast, not whether or how often ("try to", "where possible", "usually" are not).
_SPEED_HEDGE = re.compile(r"soon|quick|prompt|timely|asap", re.IGNORECASE)


# A clause that makes what follows a condition or an alternative: "if it cannot be resolved in a
# timely manner, ...", "as quickly as possible, or within three working days".
_CONDITION = re.compile(r"[\s,;:]*(?:if|unless|when|where|should)(?!\w)", re.IGNORECASE)
_ALTERNATIVE = re.compile(r"[\s,;:]*(?:or|and\s*/\s*or)(?!\w)", re.IGNORECASE)


# What joins a hedged verb phrase to the promise after it: "we check email regularly and respond ..."
_AND_THEN = re.compile(r"\s*,?\s*and\s+(?:then\s+)?(?:we\s+(?:will\s+|shall\s+)?)?$", re.IGNORECASE)


def _hedges_another_verb(hedge: re.Match[str], text: str, sentences: Sentences,
                         own: Sequence[FoundDuration]) -> bool:
    """Whether a hedge of effort, possibility or frequency in a commitment's text qualifies another
    verb than the promise: nothing before it in its sentence names a contact event, and "and" joins
    it to the event that follows, timed by the commitment's own firm limit later in the sentence. "We
    check official email regularly and respond within one day" (a university registrar): the reply
    is firm. "We usually reply within 5 days" and "we try to reply within 5 days" hedge the reply."""
    if _TIME_HEDGE.search(hedge.group(0)) is not None:
        return False
    start, end = sentences.bounds(hedge.start())
    events = sentences.promise_words()
    if events.between(start, hedge.start()):
        return False
    event = events.first_in(hedge.end(), end)
    return (event is not None and _AND_THEN.search(text, hedge.end(), event) is not None
            and any(event < found.start < end for found in own))


# A limit that is not one: "20 working days or longer"
_OR_LONGER = re.compile(r"(?<!\w)or\s+(?:longer|more)(?!\w)", re.IGNORECASE)
# A sentence that speaks of the promise before it: "This will be after no more than 20 working days"
_REFERS_BACK = re.compile(r"\s*(?:this|that|it)\s+(?:will|should|would|is|can|may)?(?!\w)", re.IGNORECASE)


def _speeds_up_own_limit(hedge: re.Match[str], own_limits: Sequence[int], text: str, sentences: Sentences,
                         clauses: _Clauses, limits: Marks, hedges: Marks, or_longer: Marks) -> bool:
    """Whether a hedge of speed in a commitment's text is an aim to beat the commitment's own limit,
    stated unhedged in a later clause of its sentence: "You will be served as soon as practicable;
    we aim to serve you within 20 minutes" (a 20-minute `within`). The limit stands. Still judged a
    hedge: one of effort or possibility ("we try to serve you within 20 minutes"), one whose clause
    states a limit, a condition ("if it cannot be resolved in a timely manner, ... within 7 days"),
    a limit given as an alternative ("as quickly as possible, or within three working days") and a
    limit in another sentence, often for another event ("we aim to resolve it as soon as possible
    ... We aim to give you our final response within eight weeks"). The next sentence counts when
    it speaks of the promise before it ("this", "that", "it") and states that same limit with no
    hedge and no "or longer": "We will give you our decision as soon as possible. This will be after
    no more than 20 working days" (a care provider's and a national library's stage two). A
    sentence of its own ("... as soon as possible. We reply within 48 hours") may time another
    event, and is still apart."""
    start, end = clauses.bounds(hedge.start())
    last = sentences.bounds(hedge.start())[1]
    if last < len(text):
        following = sentences.bounds(last)
        if (_REFERS_BACK.match(text, following[0]) is not None and not hedges.between(*following)
                and not or_longer.between(*following)):
            last = following[1]
    return (_SPEED_HEDGE.search(hedge.group(0)) is not None and not limits.between(start, end)
            and _CONDITION.match(text, start) is None
            and any(end <= firm < last and _ALTERNATIVE.match(text, firm) is None for firm in own_limits))


def _own_fallback_after(hedge: re.Match[str], fallbacks: Marks, firm: Sequence[FoundDuration]) -> bool:
    """Whether a fallback marker after the hedge ("in any event", "no later than", ...) comes before
    a firm statement of the commitment's own limit: the longest time stands, whatever the hedge."""
    return any(fallbacks.between(hedge.end(), found.start) and found.start - _FALLBACK_REACH
               <= (fallbacks.last_before(hedge.end(), found.start) or -_FALLBACK_REACH) for found in firm)


_FALLBACK_REACH = 60  # FALLBACK_LIMIT's own reach from its marker to the number


def _same_sentence(sentences: Sentences, before: re.Match[str], after: re.Match[str]) -> bool:
    """Whether two hedges stand in one sentence: one sentence that hedges is one problem, reported
    once however many hedges it holds ("We will do our best to return all calls within 24 hours,
    where possible" hedges the same call-back twice; issue 15's one problem, one finding)."""
    return sentences.bounds(before.start()) == sentences.bounds(after.start())


_MOST_NAMED = 5  # other hedges of a sentence named in its finding


def named_others(others: Sequence[str]) -> str:
    """The other phrases of a sentence a finding names: quoted, at most five, then "and N more"."""
    also = ", ".join(f'"{" ".join(other.split())}"' for other in others[:_MOST_NAMED])
    if len(others) > _MOST_NAMED:  # a run-on sentence keeps a message one can read
        also += f" and {len(others) - _MOST_NAMED} more"
    return also


def _message(phrase: str, others: Sequence[str] = ()) -> str:
    named = " ".join(phrase.split())
    message = f'"{named}" is a hedge, not a commitment: give a time limit instead (e.g. "within 2 working days")'
    if others:
        message += f"; the same sentence also hedges with {named_others(others)}"
    return message


# The overview's vision, mission and values say what the organisation wants to be: aspiration,
# not a service promise ("we want to put things right as quickly as possible").
_ASPIRATION = re.compile(r"^/overview/(?:vision|mission|values(?:/\d+)?)$")
_MIN_REPEAT = 20  # characters: a prose sentence this long found in an aspiration text repeats it


def _aspirations(document: Document) -> list[str]:
    """The overview's aspiration texts, normalised, to recognise the prose that repeats them."""
    return [normalized(text.value) for text in charter_texts(document)
            if text.pointer is not None and _ASPIRATION.match(text.pointer)]


# A list item's marker, and the punctuation that closes it: "- responding to enquiries promptly;"
# repeats the value "Responding to enquiries promptly".
_LIST_MARKER = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)])\s+")


class _Repeats:
    """Which prose sentences restate an aspiration text (Markdown charters often open with their
    mission), each sentence judged once: a sentence longer than every aspiration cannot be one."""

    __slots__ = ("_aspirations", "_longest", "_text", "_sentences", "_judged")

    def __init__(self, aspirations: Sequence[str], text: str, sentences: Sentences) -> None:
        self._aspirations = aspirations
        self._longest = max((len(aspiration) for aspiration in aspirations), default=0)
        self._text, self._sentences = text, sentences
        self._judged: dict[int, bool] = {}

    def __call__(self, offset: int) -> bool:
        start, end = self._sentences.bounds(offset)
        if start not in self._judged:
            repeated = False
            if end - start <= 2 * self._longest + _MIN_REPEAT:  # whitespace shrinks when normalised
                normal = _LIST_MARKER.sub("", normalized(self._text[start:end])).strip(" .!?;")
                repeated = len(normal) >= _MIN_REPEAT and any(normal in a for a in self._aspirations)
            self._judged[start] = repeated
        return self._judged[start]


class _Clauses:
    """The clauses of one text (its sentences cut at commas, semicolons, colons and brackets),
    found once, so that each offset's clause is a bisection."""

    __slots__ = ("_breaks", "_sentences")

    def __init__(self, text: str, sentences: Sentences) -> None:
        self._breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
        self._sentences = sentences

    def bounds(self, offset: int) -> tuple[int, int]:
        start, end = self._sentences.bounds(offset)
        index = bisect_right(self._breaks, offset)
        before = self._breaks[index - 1] + 1 if index and self._breaks[index - 1] >= start else start
        after = self._breaks[index] if index < len(self._breaks) and self._breaks[index] < end else end
        return before, after


# Hedges that are about time whatever follows them: "as soon as possible, or explain why not"
# still leaves the time open. Hedges of effort or possibility ("try to", "where possible") are not.
_TIME_HEDGE = re.compile(r"soon|quick|prompt|short|asap|due\s+course|delay|earliest|reasonabl|minimum|timely",
                         re.IGNORECASE)


def _about_a_contact(offset: int, sentences: Sentences, service_times: Marks) -> bool:
    """Whether the sentence holding `offset` names a contact event (reply, answer, resolve, ...)
    or speaks of a service time (a limit, a unit of time, a wait)."""
    return sentences.is_promise(offset) or service_times.between(*sentences.bounds(offset))


# Speed and frequency words: beside a firm limit they say how the organisation wants to work, not
# when the customer may hold it to account ("promptly, and within 8 weeks"); CH312's under strict.
_SPEED_OR_FREQUENCY = re.compile(_TIME_HEDGE.pattern + r"|regular", re.IGNORECASE)


def _hedges_the_limit(match: re.Match[str], text: Text, firm: bool, sentences: Sentences, limits: Marks,
                      prose: _ProseScopes | None, repeats: _Repeats | None) -> bool:
    """Whether a kept hedge is CH301's strong evidence (issue 15's measured split): in a
    commitment's own wording, any hedge when the commitment has no firm limit, and an attempt or
    likelihood hedge ("try to", "usually", "where possible") in a sentence that states a limit. The
    rest (hedges in general statements, speed or frequency words beside a firm limit, an attempt in
    a sentence stating no limit) is CH312's. The Markdown prose is judged by the same evidence, so
    that a sentence published in both says the same: its paragraph is the commitment (its firm
    limit a time the paragraph states), and a quoted introduction (a blockquote) or a sentence
    repeating the overview's vision, mission or values a general statement."""
    if prose is not None:
        if prose.quoted(match.start()) or (repeats is not None and repeats(match.start())):
            return False
        firm = prose.timed(match.start(), sentences) or prose.qualified(match)
    elif not text.is_commitment:
        return False
    if not firm:
        return True
    return (_SPEED_OR_FREQUENCY.search(match.group(0)) is None
            and limits.between(*sentences.bounds(match.start())))


_QUOTED_LINE = re.compile(r"^[ \t]*>", re.MULTILINE)
_HEADING = re.compile(r"^[ \t]*#")
# A section heading that lists what the reader is asked to do: "Please help us serve you better",
# "Your responsibilities", "What we ask of you", "How you can help"
_READERS_PART = re.compile(
    r"^[ \t]*#{1,6}[ \t]+[^\n]*?(?<!\w)(?:help(?:ing)?\s+us|your\s+(?:responsibilities|obligations|part|role)"
    r"|what\s+we\s+(?:ask|expect)\s+(?:of|from)\s+you|how\s+you\s+can\s+help)(?!\w)",
    re.IGNORECASE | re.MULTILINE)
# A sentence that opens with a condition times another case: "When you call a direct extension, ..."
_ANOTHER_CASE = re.compile(r"[\s\-*\u2022]*(?:when|if|where|for|in)\s[^.;:!?]{0,80}?,", re.IGNORECASE)
_ANY_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]", re.MULTILINE)
# What joins a speed word to the firm limit stated right after it: "responding promptly, within 10
# business days", "as soon as possible, but definitely within 7 days", "and in any case within 8 weeks".
_THEN_THE_LIMIT = re.compile(
    r"[\s,;:(\-\u2013\u2014]*(?:(?:and|but)\s+)?(?:(?:in\s+any\s+(?:case|event)|at\s+the\s+(?:latest|most|outside)|"
    r"definitely|certainly|always)\s*,?\s*)?(?:(?:within|no\s+later\s+than|no\s+longer\s+than|no\s+more\s+than|"
    r"in\s+under|in|by)\s+)?", re.IGNORECASE)
# A channel a sentence is about: a speed word for letters is not beside a limit for emails.
_CHANNEL_WORD = re.compile(
    r"(?<!\w)(?:letters?|post|e-?mails?|(?:tele)?phone|calls?|visits?|counter|reception|chat|forms?|texts?|sms|"
    r"social\s+media|online|voicemail|messages?)(?!\w)", re.IGNORECASE)


def _channels_named(words: str) -> frozenset[str]:
    return frozenset(match.group(0).lower().rstrip("s") for match in _CHANNEL_WORD.finditer(words))


class _ProseScopes:
    """The Markdown prose's paragraphs and sections, found once: whether the paragraph holding an
    offset states a time (its firm limit), whether it is a blockquote (a quoted introduction), and
    whether its section lists what the reader is asked to do."""

    __slots__ = ("_paragraphs", "_text", "_durations", "_headings", "_readers", "_quoted", "_timed", "_sections")

    def __init__(self, text: str, durations: Sequence[int]) -> None:
        self._text = text
        self._paragraphs = Paragraphs(text)
        self._durations = list(durations)
        self._headings = [m.start() for m in _ANY_HEADING.finditer(text)]
        self._readers = {m.start() for m in _READERS_PART.finditer(text)}
        # each paragraph, sentence and section judged once: a long one full of hedges stays linear
        self._quoted: dict[int, bool] = {}
        self._timed: dict[int, bool] = {}
        self._sections: dict[int, list[tuple[frozenset[str], frozenset[str]]]] = {}

    def scope_start(self, offset: int) -> int:
        """Where the paragraph holding the offset starts."""
        return self._bounds(offset)[0]

    def qualified(self, hedge: re.Match[str]) -> bool:
        """Whether a limit is stated right after the hedge, joined to it ("promptly, within 10 business
        days"; "as soon as possible, but definitely within 7 days"): the hedge says how the limit is
        met, as a speed word beside a firm limit in the data does."""
        joined = _THEN_THE_LIMIT.match(self._text, hedge.end())
        return joined is not None and any_within(self._durations, joined.end(), joined.end() + 1)

    def _section(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self._headings, offset)
        start = self._headings[index - 1] if index else 0
        return start, self._headings[index] if index < len(self._headings) else len(self._text)

    def in_readers_part(self, offset: int) -> bool:
        """Whether the offset is in a section whose heading lists what the reader is asked to do."""
        index = bisect_right(self._headings, offset)
        return index > 0 and self._headings[index - 1] in self._readers

    def _bounds(self, offset: int) -> tuple[int, int]:
        return self._paragraphs.bounds(offset)

    def _states_time(self, start: int, end: int) -> bool:
        return any_within(self._durations, start, end)

    def timed(self, offset: int, sentences: Sentences) -> bool:
        """Whether the hedge's sentence, stating no time, sits beside a sentence of its paragraph
        that states one for the same event, or for none it names ("Regulations give us 56 days to
        resolve complaints. We try to resolve complaints as quickly as possible"; "... as soon as
        possible. Our complaints procedure allows us eight weeks to do this"): a speed word beside
        a firm limit, as in the data. A time in its own sentence ("we acknowledge within five days
        and work to resolve it as quickly as possible") or for another case ("When you call a
        direct extension, we aim to answer within 5 rings") is none."""
        start, end = sentences.bounds(offset)
        if start not in self._timed:
            self._timed[start] = self._beside_a_limit(start, end, sentences)
        return self._timed[start]

    def _timed_in_section(self, offset: int, sentences: Sentences) -> list[tuple[frozenset[str], frozenset[str]]]:
        """The events and channels of each sentence of the offset's section (under one heading) that
        states a time for a case of its own, found once per section."""
        start, end = self._section(offset)
        if start not in self._sections:
            found: list[tuple[frozenset[str], frozenset[str]]] = []
            at = start
            while at < end:
                first, last = sentences.bounds(at)
                sentence = self._text[first:last]
                if self._states_time(first, last) and _ANOTHER_CASE.match(sentence) is None:
                    found.append((events_named(sentence), _channels_named(sentence)))
                at = max(last, at + 1)
            self._sections[start] = found
        return self._sections[start]

    def _beside_a_limit(self, start: int, end: int, sentences: Sentences) -> bool:
        if self._states_time(start, end):
            return False
        first, last = self._bounds(start)
        # a sentence that ends on a colon goes on in the list after it ("We aim to keep waiting
        # times to a minimum and to respond to:" and the times listed)
        if self._text[start:end].rstrip().endswith(":") and last < len(self._text):
            following = self._bounds(last + 1)
            if self._states_time(*following):
                return True
        events = events_named(self._text[start:end])
        if not events:
            return False
        # the same event, on the same channels, timed under the same heading ("We aim to resolve
        # your complaint within four weeks. ... We aim to resolve all complaints as quickly as possible.")
        channels = _channels_named(self._text[start:end])
        if any(named & events and channels <= named_channels
               for named, named_channels in self._timed_in_section(start, sentences)):
            return True
        neighbours = ([sentences.bounds(start - 1)] if start - 1 > first else []) + (
            [sentences.bounds(end)] if end < last else [])
        for before, after in neighbours:
            neighbour = self._text[before:after]
            if (before >= first and after <= last and self._states_time(before, after)
                    and _ANOTHER_CASE.match(neighbour) is None):
                named = events_named(neighbour)
                if not named or named & events:
                    return True
        return False

    def quoted(self, offset: int) -> bool:
        start, end = self._bounds(offset)
        if start not in self._quoted:
            lines = [line for line in self._text[start:end].splitlines() if line.strip() and not _HEADING.match(line)]
            self._quoted[start] = bool(lines) and all(_QUOTED_LINE.match(line) for line in lines)
        return self._quoted[start]


def vague_commitments(document: Document, context: Context) -> Iterator[Problem]:
    """CH301: the hedged sentences whose hedges make a limit uncertain or stand for a missing one."""
    return (problem for problem, strong in _hedged_sentences_once(document, context) if strong)


def hedged_statements(document: Document, context: Context) -> Iterator[Problem]:
    """CH312: the other hedged sentences (general statements, speed words beside a firm limit)."""
    return (problem for problem, strong in _hedged_sentences_once(document, context) if not strong)


def _hedged_sentences_once(document: Document, context: Context) -> list[tuple[Problem, bool]]:
    """`_hedged_sentences`, worked out once per document and word lists: strict runs CH301 and
    CH312, which share CH301's options (`options-from`), and each reads one half of the same walk."""
    by_options: dict[str, list[tuple[Problem, bool]]] = document.derived.setdefault("hedged_sentences", {})
    key = repr(sorted(context.options.items()))
    found = by_options.get(key)
    if found is None:
        found = by_options[key] = list(_hedged_sentences(document, context))
    return found


def _hedged_sentences(document: Document, context: Context) -> Iterator[tuple[Problem, bool]]:
    """One finding per sentence that hedges, at its first hedge (naming the others), with whether
    it is CH301's strong evidence (any of its hedges is: _hedges_the_limit)."""
    anywhere = list(context.options.get("phrases", ()))
    in_promises = list(context.options.get("promise-phrases", ()))
    in_limits = list(context.options.get("share-phrases", ()))
    pattern = phrase_pattern([*anywhere, *in_promises, *in_limits])
    if pattern is None:
        return
    listed_anywhere = {normalized(p) for p in anywhere}
    promise_only = {normalized(p) for p in in_promises} - listed_anywhere
    promise_pattern = phrase_pattern([p for p in in_promises if normalized(p) in promise_only])
    limit_only = {normalized(p) for p in in_limits} - listed_anywhere - promise_only
    share_pattern = phrase_pattern([p for p in in_limits if normalized(p) in limit_only])
    aspirations = _aspirations(document) if document.body is not None else []
    index = charter_index(document)
    timed = index.timed_events()
    commitment_of = {f"{pointer}/text": (event, commitment) for pointer, event, commitment in index.commitments}
    routes = RouteTimes(document.data, index)
    for text in charter_texts(document):
        found = list(pattern.finditer(text.value))
        if not found:
            continue
        spans = text_spans(document, text, found, pattern)
        sentences = Sentences(text.value)
        fallbacks = Marks(FALLBACK_LIMIT, text.value)
        aspiration = text.pointer is not None and _ASPIRATION.match(text.pointer) is not None
        repeats = _Repeats(aspirations, text.value, sentences) if text.pointer is None and aspirations else None
        clause_of = _Clauses(text.value, sentences)
        own_event, commitment = commitment_of.get(text.pointer or "", (None, None))
        at_first_contact = _AttemptsAtFirstContact(text.value, sentences, clause_of, routes.events(text.pointer or ""))
        # A commitment's own firm limit, stated in its text where no hedge stands: a hedge before it
        # is an aim to beat it or a first attempt ("make every effort to give you a prompt reply ...
        # the regulator requires us to resolve complaints within 30 calendar days").
        durations = durations_in(text.value)
        firm_durations = _firm_durations(text, commitment, durations, clause_of, found)
        firm_limits = _firm_limits(text.value, firm_durations, clause_of)
        own_limits = _firm_limits(text.value, firm_durations, clause_of, contrast=False) if text.is_commitment else []
        duration_starts = [found.start for found in durations]
        prose = _ProseScopes(text.value, duration_starts) if text.pointer is None else None
        alternatives = Marks(_ALTERNATIVE_STEP, text.value)
        deadlines = CustomerDeadlines(text.value)
        # a firm limit: the commitment's own `within`, or a time its wording states
        firm = bool(durations) or (commitment is not None and parse_duration(commitment.get("within")) is not None)
        # the commitment's own limit wherever its text states it, hedged or not (_hedges_another_verb)
        own_durations = _firm_durations(text, commitment, durations, clause_of, ()) if text.is_commitment else []
        limits = Marks(_LIMIT_WORD, text.value)
        organisation = Marks(_ORGANISATION_ACTS, text.value)
        service_times = Marks(_SERVICE_TIME, text.value)
        service_durations = Marks(_SERVICE_DURATION, text.value)
        first_attempt = _FirstAttempts(text.value, sentences)
        customer_acts = _CustomerActs(text.value, sentences, clause_of)
        sooner = Marks(_SOONER, text.value)
        hedge_marks, or_longer = Marks.of(found), Marks(_OR_LONGER, text.value)
        # Hedges in one sentence are one problem, reported once at the first, naming the others:
        # "we will do our best to reply as quickly as we can", "... within 24 hours, where possible".
        clauses: list[list[tuple[re.Match[str], Span | None]]] = []
        time_hedged_until = -1  # the end of the sentence of the first hedge of time kept in a commitment's text
        for match, span in zip(found, spans):
            # A hedge on what the customer is asked to do leaves no promise of the organisation open;
            # so does one in a section listing the reader's part ("Please help us serve you better:
            # respond promptly when we ask you for more information") before the organisation acts.
            if customer_acts(match) or (prose is not None and prose.in_readers_part(match.start())
                                        and not organisation.between(sentences.bounds(match.start())[0],
                                                                     match.start())):
                continue
            # The scope: a hedge is a vague commitment only where it leaves the time of a contact
            # open. In a commitment's own wording a hedge of time always does ("we answer calls as
            # soon as possible"); any other hedge (of effort or possibility, or any hedge outside a
            # commitment's wording: a rights statement, the prose, the overview) only in a sentence
            # that names a contact event or speaks of a time. A remedy ("where we make mistakes we
            # put them right as soon as possible"), a courtesy ("treat us with respect, and we will
            # do our best for you") and who acts ("we try to solve your problem ourselves, or refer
            # you to someone who can") leave no contact's time open: silence.
            if ((not text.is_commitment or _TIME_HEDGE.search(match.group(0)) is None)
                    and not _about_a_contact(match.start(), sentences, service_durations)):
                continue
            # Outside a commitment's wording a hedge of effort or possibility with no time in its
            # sentence says whether something is done, not when: "we will try to answer the
            # questions you ask, or explain why we cannot".
            if (not text.is_commitment and _TIME_HEDGE.search(match.group(0)) is None
                    and not service_times.between(*sentences.bounds(match.start()))):
                continue
            # In an aspiration (or the prose that repeats one) a hedge counts only in a sentence
            # that names a contact event or a limit: "we deal with every enquiry as soon as possible".
            # A promise-only hedge there ("everything we can", "try to") is not counted either when
            # every event its sentence names is timed elsewhere in the charter: an introduction to
            # the limits that follow ("we will do everything we can to resolve it quickly").
            if ((aspiration or (repeats is not None and repeats(match.start())))
                    and (not sentences.is_promise(match.start())
                         or (promise_pattern is not None and promise_pattern.fullmatch(match.group(0)) is not None
                             and sentences.timed_elsewhere(match.start(), timed)))):
                continue
            if (not text.is_commitment and promise_pattern is not None
                    and promise_pattern.fullmatch(match.group(0))
                    and not sentences.hedges_a_promise(match.start())):
                continue
            # "In most cases we reply within 5 days" hedges a limit; "in most cases resolves it
            # directly" says how often something happens, with no limit to hedge.
            if (share_pattern is not None and share_pattern.fullmatch(match.group(0))
                    and not limits.between(*clause_of.bounds(match.start()))):
                continue
            if _AIM_NOUN.fullmatch(match.group(0)) and limits.between(match.end(), clause_of.bounds(match.start())[1]):
                continue
            # A first attempt whose failure has a limit ("we will try to answer your question straight
            # away. If we cannot, we will contact you within five working days") hedges whether, not
            # when; a hedge of time ("as soon as possible. If not, ...") still leaves the time open.
            if _TIME_HEDGE.search(match.group(0)) is None and first_attempt(match):
                continue
            if at_first_contact(match) or _aims_to_beat_a_stated_limit(match, clause_of, sentences, limits, sooner):
                continue
            if _attempt_with_timed_alternative(match, text.value, sentences, limits, alternatives):
                continue
            # "We normally investigate only complaints made within three months": the customer's window
            if deadlines.only_limit(*sentences.bounds(match.start())):
                continue
            if _notice_of_a_delay(match, text.value, sentences, prose.scope_start(match.start()) if prose else 0,
                                  duration_starts):
                continue
            # A hedge that states no limit of its own, before the commitment's firm limit, qualifies
            # a sooner outcome; "we usually reply within 5 days" hedges the only limit, reported.
            if firm_limits and _beats_firm_limit(match, firm_limits, sentences, clause_of, limits,
                                                 len(text.value) if text.is_commitment else None):
                continue
            if (text.is_commitment and firm_durations
                    and _hedges_another_matter(match, firm_durations, clause_of, sentences, limits, organisation)):
                continue
            if firm_durations and _hedges_a_sooner_time(match, durations, firm_durations, clause_of, sentences):
                continue
            if own_limits and _speeds_up_own_limit(match, own_limits, text.value, sentences, clause_of, limits,
                                                   hedge_marks, or_longer):
                continue
            # "As soon as possible, and in any event within 20 working days" states the limit; in a
            # commitment's text, anywhere after the hedge when it states the commitment's own firm
            # limit ("we aim to complete our investigation promptly ... We will write to you ... and
            # in any event within 8 weeks", an insurer's 8-week final response).
            if fallbacks.between(match.end(), sentences.bounds(match.start())[1]):
                continue
            if text.is_commitment and _own_fallback_after(match, fallbacks, firm_durations):
                continue
            if own_durations and _hedges_another_verb(match, text.value, sentences, own_durations):
                continue
            # A commitment times one event: once its text leaves the time open ("as quickly as
            # possible"), a hedge of effort in a later sentence ("staff will always try to") hedges
            # the same missing limit, one problem.
            if text.is_commitment and _TIME_HEDGE.search(match.group(0)) is None \
                    and 0 <= time_hedged_until <= match.start():
                continue
            if text.is_commitment and time_hedged_until < 0 and _TIME_HEDGE.search(match.group(0)):
                time_hedged_until = sentences.bounds(match.start())[1]
            if clauses and _same_sentence(sentences, clauses[-1][-1][0], match):
                clauses[-1].append((match, span))
            else:
                clauses.append([(match, span)])
        for hedges in clauses:
            (first, span), others = hedges[0], [match.group(0) for match, _ in hedges[1:]]
            strong = any(_hedges_the_limit(match, text, firm, sentences, limits, prose, repeats) for match, _ in hedges)
            yield Problem(_message(first.group(0), others), text.pointer or "", span=span), strong
