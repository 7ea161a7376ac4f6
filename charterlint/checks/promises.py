"""Where a charter makes promises in words: commitment texts, and promise sentences in other texts.

Words such as "usually", "normally" or "times may vary" are hedges only where a promise is
made: "we usually reply within 5 days" hedges a promise, "the office is normally open on
Saturdays" does not. A commitment's own `text` is a promise by definition; in any other text
(and in the prose of a Markdown charter) a sentence is a promise when it names a contact event
or a limit (reply, respond, answer, acknowledge, resolve, call back, get back, deal with,
within). Rules that judge such words (CH301's promise-only hedges, CH311) ask this module.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from charterlint.charter.views import COMMITMENT_EVENTS, charter_index
from charterlint.checks.prose import TextPositions, body_prose
from charterlint.source.document import Document

# A sentence ends at ".", "!" or "?" before whitespace, at a blank line (a Markdown paragraph), or
# before a Markdown list item or heading.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+]|\d+[.)]|#{1,6})[ \t])")
_PROMISE_WORD = re.compile(
    r"(?<!\w)(?:repl(?:y|ies|ied|ying)|respon(?:d|ds|ded|ding|se|ses)|answer(?:s|ed|ing)?|"
    r"acknowledg(?:e|es|ed|ing|ement|ements)|resol(?:ve|ves|ved|ving|ution)|"
    r"call(?:s|ed|ing)?\s+(?:you\s+)?back|get(?:s|ting)?\s+back|deal(?:s|t|ing)?\s+with|within)(?!\w)",
    re.IGNORECASE,
)

_WITHIN = re.compile(r"(?<!\w)within(?!\w)", re.IGNORECASE)
# The contact events a promise word names, each as the commitments that would time it: a complaint
# "resolved" is timed by a resolve or by the final response (respond).
_EVENT_WORDS = (
    (re.compile(r"(?<!\w)answer", re.IGNORECASE), frozenset({"answer"})),
    (re.compile(r"(?<!\w)(?:repl(?:y|ies|ied|ying)|respon|call(?:s|ed|ing)?\s+(?:you\s+)?back|get(?:s|ting)?\s+back)",
                re.IGNORECASE), frozenset({"respond"})),
    (re.compile(r"(?<!\w)acknowledg", re.IGNORECASE), frozenset({"acknowledge"})),
    (re.compile(r"(?<!\w)(?:resol|deal(?:s|t|ing)?\s+with)", re.IGNORECASE), frozenset({"resolve", "respond"})),
)
NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty)"
# What may stand before a sentence's first word: the heading lines a sentence runs on from (a
# sentence ends at a heading, not after it), a list marker, white space.
SENTENCE_LEAD = r"(?:[ \t]*#[^\n]*\n)*[\s\-*\u2022]*"
# A limit on when the customer may bring a matter, not on what the organisation does: "we normally
# investigate only complaints made within three months of the campaign", "you must contact us within
# six months", "appeals lodged within 28 days". A hedge or an escape clause on it ("in exceptional
# circumstances we may look at a later one") widens the customer's window; it takes no promise back.
CUSTOMER_DEADLINE = re.compile(
    r"(?<!\w)(?:(?:complaints?|concerns?|appeals?|claims?)\s+(?:that\s+(?:are|were)\s+|which\s+(?:are|were)\s+)?"
    r"(?:made|raised|received|brought|submitted|lodged|filed)(?:\s+to\s+us)?\s+|"
    r"you\s+(?:must|should|need\s+to|have\s+to)\s+(?:[a-z]+\s+){1,4}?)within(?!\w)", re.IGNORECASE)


# A longest time stated after a hedge or an escape clause: "as soon as possible, and in any event
# within 20 working days", "in exceptional circumstances, and at the latest within 8 weeks".
FALLBACK_LIMIT = re.compile(
    r"(?<!\w)(?:in\s+any\s+(?:case|event)|in\s+all\s+cases|at\s+the\s+latest|at\s+(?:the\s+)?most|"
    r"no\s+(?:later|longer|more)\s+than|a\s+maximum\s+of|up\s+to|"
    r"extend(?:s|ed|ing)?(?:\s+(?:this|it|that|the\s+\w+))?\s+to)(?!\w)[^.;\n]{0,60}?(?<!\w)" + NUMBER + r"(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Text:
    """A text the rules judge: its pointer (None for the Markdown body), its value, whether it is a
    commitment's own wording, and how to place an offset in it (None for data values: the
    caller locates them in the source)."""

    pointer: str | None
    value: str
    is_commitment: bool
    positions: TextPositions | None


# The members whose `text` is a promise's own wording: the commitment events, progress updates
# and after-purchase support. A `text` elsewhere (a note on a calendar, say) is not a promise.
_PROMISE_MEMBERS = frozenset({*COMMITMENT_EVENTS, "update", "after_purchase"})


def promise_member(pointer: str) -> str | None:
    """The member whose wording the `text` at `pointer` is (`respond` for `.../respond/text` and, in
    a list of variants, `.../respond/0/text`); None for a pointer that is no `text`."""
    parts = pointer.split("/")
    if len(parts) < 3 or parts[-1] != "text":
        return None
    return parts[-3] if parts[-2].isdigit() and len(parts) > 3 else parts[-2]


def is_commitment_text(pointer: str) -> bool:
    """Whether the text at `pointer` is a promise's own wording (`.../respond/text`, also in a
    list of variants: `.../respond/0/text`)."""
    return promise_member(pointer) in _PROMISE_MEMBERS


def events_named(words: str) -> frozenset[str]:
    """The commitment events that would time the contact events `words` name ("resolved" is timed
    by a resolve or by the final response)."""
    return frozenset().union(*(events for word, events in _EVENT_WORDS if word.search(words)))


def event_at(text: str, offset: int) -> frozenset[str]:
    """The commitment events that would time the contact event named at `text[offset]` (empty if
    none is named there)."""
    match = _PROMISE_WORD.match(text, offset)
    return events_named(match.group(0)) if match is not None else frozenset()


def charter_texts(document: Document) -> Iterator[Text]:
    """Every free text of the data, then the Markdown body (fenced code and comments blanked)."""
    for pointer, value in charter_index(document).texts:
        yield Text(pointer, value, is_commitment_text(pointer), None)
    prose = body_prose(document)
    if prose is not None:
        yield Text(None, prose[0], False, prose[1])


def any_within(offsets: Sequence[int], start: int, end: int) -> bool:
    """Whether the sorted `offsets` hold one in [start, end)."""
    index = bisect_left(offsets, start)
    return index < len(offsets) and offsets[index] < end


class Marks:
    """Where a pattern matches in one text, found once: whether it matches in a stretch is a
    bisection, so that judging every match of another pattern stays linear (issue 14)."""

    __slots__ = ("_starts",)

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self._starts = [match.start() for match in pattern.finditer(text)]

    @classmethod
    def of(cls, matches: Iterable[re.Match[str]]) -> Marks:
        """The marks of matches already found (no second search of the text)."""
        marks = cls.__new__(cls)
        marks._starts = [match.start() for match in matches]
        return marks

    def between(self, start: int, end: int) -> bool:
        """Whether a match starts in `start` .. `end` (end exclusive)."""
        return any_within(self._starts, start, end)

    def last_before(self, start: int, end: int) -> int | None:
        """The start of the last match in `start` .. `end` (end exclusive), if any."""
        index = bisect_left(self._starts, end) - 1
        return self._starts[index] if index >= 0 and self._starts[index] >= start else None

    def first_in(self, start: int, end: int) -> int | None:
        """The start of the first match in `start` .. `end` (end exclusive), if any."""
        index = bisect_left(self._starts, start)
        return self._starts[index] if index < len(self._starts) and self._starts[index] < end else None


_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


class Paragraphs:
    """The blank-line-separated paragraphs of a Markdown prose text, found once, so that each
    offset's paragraph is a bisection (a data text is one paragraph)."""

    __slots__ = ("_ends",)

    def __init__(self, text: str, prose: bool = True) -> None:
        ends = [match.start() for match in _PARAGRAPH_END.finditer(text)] if prose else []
        self._ends = [*ends, len(text)]

    def bounds(self, offset: int) -> tuple[int, int]:
        """The start and end of the paragraph holding `text[offset]`."""
        index = bisect_right(self._ends, offset)
        return (self._ends[index - 1] if index else 0), self._ends[min(index, len(self._ends) - 1)]


class Sentences:
    """The sentences of one text, found once, so that each offset's sentence is a bisection."""

    __slots__ = ("_text", "_ends", "_promises")

    def __init__(self, text: str) -> None:
        self._text = text
        self._ends = [match.end() for match in _SENTENCE_END.finditer(text)]
        self._promises: Marks | None = None

    def bounds(self, offset: int) -> tuple[int, int]:
        """The start and end of the sentence holding `text[offset]`."""
        index = bisect_right(self._ends, offset)
        start = self._ends[index - 1] if index else 0
        end = self._ends[index] if index < len(self._ends) else len(self._text)
        return start, end

    def hedges_a_promise(self, offset: int) -> bool:
        """Whether a hedge at `text[offset]` qualifies a promise: its sentence names a contact event
        after it ("we usually reply"), or states a limit ("within 10 days, but usually sooner").
        "When the company has not resolved your complaint, we try to help" hedges no promise."""
        start, end = self.bounds(offset)
        return self.promise_words().between(offset, end) or _WITHIN.search(self._text, start, end) is not None

    def timed_elsewhere(self, offset: int, timed: frozenset[str]) -> bool:
        """Whether the sentence holding `text[offset]` names contact events only, each of which the
        charter times (`timed`: the events some commitment gives a `within`), and states no limit
        of its own: an introduction whose limits follow ("if you need to complain, we will do
        everything we can to resolve it quickly", before an eight-week final response)."""
        start, end = self.bounds(offset)
        if _WITHIN.search(self._text, start, end) is not None:
            return False
        sentence = self._text[start:end]
        named = [events for word, events in _EVENT_WORDS if word.search(sentence)]
        return bool(named) and all(events & timed for events in named)

    def promise_words(self) -> Marks:
        """Where the text names a contact event (reply, answer, resolve, ...), found once."""
        if self._promises is None:
            self._promises = Marks(_PROMISE_WORD, self._text)
        return self._promises

    def is_promise(self, offset: int) -> bool:
        """Whether the sentence holding `text[offset]` names a contact event or a limit."""
        return self.promise_words().between(*self.bounds(offset))


class CustomerDeadlines:
    """Where a text states a customer's deadline, and where it says "within", found once."""

    __slots__ = ("_text", "_deadlines", "_withins")

    def __init__(self, text: str) -> None:
        self._text = text
        self._deadlines = Marks(CUSTOMER_DEADLINE, text)
        self._withins = Marks(_WITHIN, text)

    def only_limit(self, start: int, end: int) -> bool:
        """Whether text[start:end] states a customer's deadline and no limit of the organisation's
        (no other "within")."""
        at = self._deadlines.first_in(start, end)
        deadline = CUSTOMER_DEADLINE.match(self._text, at) if at is not None else None
        if deadline is None:
            return False
        within = deadline.end() - len("within")
        return not (self._withins.between(start, within) or self._withins.between(deadline.end(), end))
