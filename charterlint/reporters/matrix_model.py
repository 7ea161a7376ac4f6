"""The omnichannel coverage matrix: what each channel of a charter promises, cell by cell.

Rows are the channels; columns are the events a customer meets on a channel (answer,
acknowledge, respond, resolve), the after-hours follow-up, feedback and escalation on the
same channel, and accessibility. A cell is `met` (the charter promises it), `missing` (it
does not, though the event applies to the channel), `not-applicable` (answering an email,
following up after hours on a channel open always), or `flagged`: a finding is about it.
A finding is about a cell when its JSON pointer lies inside the cell's node; a rule that
reports a missing member at the channel itself names the cells that member would fill in its
rule file (`matrix-cells`, carried by RuleInfo.matrix_cells).

Pure: a function of one file's result (its parsed data and findings), the date and the review
period. The data need not be schema-valid: every value is read defensively and shown as text.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from charterlint.charter.dates import DEFAULT_REVIEW_PERIOD
from charterlint.charter.views import (
    COMMITMENT_EVENTS,
    Channel,
    channels,
    needs_follow_up,
    service_channel_ids,
    standards,
)
from charterlint.model import FileResult, Finding, RuleInfo, unpacked
from charterlint.reporters.review_status import Review, review_status
from charterlint.reporters.wording import commitment_text, follow_up_text, opening_text, text_of
from charterlint.source.pointer import join


class State(enum.Enum):
    """A cell's state; the value is the slug pages and tests use."""

    MET = "met"
    FLAGGED = "flagged"
    MISSING = "missing"
    NOT_APPLICABLE = "not-applicable"

    @property
    def words(self) -> str:
        return self.value.replace("-", " ")


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    heading: str  # for the page
    short: str  # for the terminal


COLUMNS = (
    Column("answer", "Answer", "answer"),
    Column("acknowledge", "Acknowledge", "acknowledge"),
    Column("respond", "Respond", "respond"),
    Column("resolve", "Resolve", "resolve"),
    Column("follow_up", "After-hours follow-up", "follow-up"),
    Column("feedback", "Feedback on this channel", "feedback"),
    Column("escalation", "Escalation on this channel", "escalation"),
    Column("accessibility", "Accessibility", "accessibility"),
)

# Where a person picks up or sees the customer: `answer` is the event, there is no message to
# acknowledge, and the answer is the response.
_SYNCHRONOUS = frozenset({"phone", "video", "in_person"})
_NOTHING_TO_ACKNOWLEDGE = _SYNCHRONOUS | {"live_chat", "chatbot"}
# Live chat is answered (picked up) or responded to: either promise is the first reply.
_ANSWER_OR_RESPOND = frozenset({"live_chat"})


@dataclass(frozen=True, slots=True)
class Cell:
    column: str  # a Column key
    value: str  # what the charter says ("2 working days, 95%"), "" when nothing
    state: State
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class Row:
    channel_id: str
    name: str  # the display name, else the id
    type: str
    hours: str  # `always` or a calendar id
    opening: str  # that calendar's opening times and zone, when it defines them
    cells: tuple[Cell, ...]
    findings: tuple[Finding, ...] = ()  # about the channel but in no cell (its id, hours, type ...)


@dataclass(frozen=True, slots=True)
class CharterCoverage:
    path: str
    title: str
    organization: str
    rows: tuple[Row, ...]
    review: Review
    # the engine's note of rules that did not run on parts with errors ("": every rule ran)
    skipped: str = ""


def charter_coverage(result: FileResult, today: dt.date | None, review_period: str = DEFAULT_REVIEW_PERIOD,
                     rules: Iterable[RuleInfo] = ()) -> CharterCoverage | None:
    """The coverage of one linted file; None when it did not parse.

    `review_period` is the review period without a calendar cadence (CH201's `max-age` in effect).
    `rules` are the run's rules (Report.rules): which cells their findings at a channel flag.
    """
    data = unpacked(result.data)  # read once
    if data is None:
        return None
    by_code = {rule.code: rule for rule in rules}
    active = result.active_findings
    organization = data.get("organization")
    service_ids = service_channel_ids(dict(data))
    index = _Index(data, active)
    return CharterCoverage(
        path=result.path,
        title=text_of(data.get("title")),
        organization=text_of(organization.get("name")) if isinstance(organization, dict) else "",
        rows=tuple(_row(channel, data, service_ids, index, by_code) for channel in channels(dict(data))),
        review=review_status(data, today, active, review_period),
        skipped=result.skipped.message if result.skipped is not None else "",
    )


class _Index:
    """What every row looks up, gathered once (a lookup per channel kept the matrix linear in the
    number of channels, issue 14): the findings at or below each pointer, in report order, and
    the entries of `feedback.channels` and of each escalation stage's `via` by the channel named."""

    def __init__(self, data: Mapping[str, Any], findings: tuple[Finding, ...]) -> None:
        self.findings = findings
        self.below: dict[str, list[int]] = {}  # a pointer: the numbers of the findings at or below it
        for number, finding in enumerate(findings):
            pointer = finding.pointer
            self.below.setdefault(pointer, []).append(number)
            while pointer.startswith("/"):  # the pointers it is below ("/a/b": "/a", then "")
                pointer = pointer[:pointer.rfind("/")]
                self.below.setdefault(pointer, []).append(number)
        self.feedback = _entries(data.get("feedback"), "channels", "/feedback/channels")
        escalation = data.get("escalation")
        stages = escalation.get("stages") if isinstance(escalation, dict) else None
        self.stages = [_entries(stage, "via", join("/escalation/stages", index))
                       for index, stage in enumerate(stages)] if isinstance(stages, list) else None
        # what standards promise on the channels they list: (channel id, event) -> the first one
        self.shared: dict[tuple[str, str], tuple[str, Any]] = {}
        for standard in standards(dict(data)):
            for commitment in standard.promises():
                for channel_id in commitment.channels:
                    self.shared.setdefault((channel_id, commitment.event), (
                        commitment.pointer.rsplit("/", 1)[0] if commitment.when is not None else commitment.pointer,
                        standard.commitments[commitment.event]))
        organisation_wide = data.get("accessibility")
        self.accessibility = [text_of(item) for item in organisation_wide] if isinstance(organisation_wide, list) else []

    def inside(self, nodes: Iterable[str]) -> list[Finding]:
        """The findings at or below any of `nodes`, in report order."""
        numbers = sorted({number for node in nodes for number in self.below.get(node, ())})
        return [self.findings[number] for number in numbers]

    def at_or_below(self, node: str) -> tuple[Finding, ...]:
        return tuple(self.findings[number] for number in self.below.get(node, ()))


def _entries(section: Any, key: str, pointer: str) -> dict[str, tuple[str, ...]]:
    """The pointers of the entries of section[key] by the channel id each names."""
    entries = section.get(key) if isinstance(section, dict) else None
    named: dict[str, tuple[str, ...]] = {}
    if isinstance(entries, list):
        for index, entry in enumerate(entries):
            text = text_of(entry)
            named[text] = named.get(text, ()) + (join(pointer, index),)
    return named


def _row(channel: Channel, data: Mapping[str, Any], service_ids: set[str],
         index: _Index, rules: Mapping[str, RuleInfo]) -> Row:
    here = index.at_or_below(channel.pointer)
    cells = []
    claimed: set[Finding] = set()
    for column in COLUMNS:
        value, nodes, applies = _cell_facts(column.key, channel, data, service_ids, index)
        state = State.MET if value else State.MISSING if applies else State.NOT_APPLICABLE
        about = index.inside(nodes)
        if state is State.MISSING:
            about += [f for f in here if _reports_missing(f, channel, column.key, rules)]
        claimed.update(about)
        cells.append(Cell(column.key, value, State.FLAGGED if about else state, tuple(about)))
    hours = text_of(channel.data.get("hours"))
    return Row(
        channel_id=channel.id,
        name=text_of(channel.data.get("name")) or channel.id,
        type=channel.type,
        hours=hours,
        opening=opening_text(data, hours),
        cells=tuple(cells),
        findings=tuple(f for f in here if f not in claimed),
    )


def _reports_missing(finding: Finding, channel: Channel, column: str, rules: Mapping[str, RuleInfo]) -> bool:
    """Whether the finding says the member that would fill the column is missing: it points at the
    channel (or its `commitments`) and its rule names the column among its `matrix-cells`."""
    at_channel = finding.pointer in (channel.pointer, join(channel.pointer, "commitments"))
    rule = rules.get(finding.code)
    return at_channel and rule is not None and column in rule.matrix_cells


def _cell_facts(column: str, channel: Channel, data: Mapping[str, Any],
                service_ids: set[str], index: _Index) -> tuple[str, tuple[str, ...], bool]:
    """(what the charter says, the nodes that say it, whether the column applies to the channel)."""
    kind = channel.type
    if column in COMMITMENT_EVENTS:
        node = join(channel.pointer, "commitments", column)
        value = commitment_text(channel.commitments.get(column))
        if not value and (channel.id, column) in index.shared:  # promised by a standard that lists it
            node, shared = index.shared[channel.id, column]
            value = f"{commitment_text(shared)} (standard)"
        applies = {
            "answer": kind in _SYNCHRONOUS,
            "acknowledge": kind not in _NOTHING_TO_ACKNOWLEDGE,
            "respond": kind not in _SYNCHRONOUS | {"chatbot"},
            "resolve": kind != "chatbot",
        }[column]
        if kind in _ANSWER_OR_RESPOND and column in ("answer", "respond"):
            applies = not any(channel.commitments.get(e) is not None or (channel.id, e) in index.shared
                              for e in ("answer", "respond"))
        return value, (node,), applies
    if column == "follow_up":
        follow_up = channel.data.get("human_follow_up")
        # as CH102: a chatbot, or a channel that closes without a written reply promise
        events = frozenset(e for e in COMMITMENT_EVENTS
                           if channel.commitments.get(e) is not None or (channel.id, e) in index.shared)
        applies = needs_follow_up(channel, events) or follow_up is not None
        return follow_up_text(follow_up), (join(channel.pointer, "human_follow_up"),), applies
    if column == "accessibility":
        provisions = channel.data.get("accessibility")
        listed = [text_of(item) for item in provisions] if isinstance(provisions, list) else \
            [text_of(provisions)] if provisions not in (None, "") else []
        value = ", ".join(dict.fromkeys(listed + index.accessibility)).replace("_", " ")
        return value, (join(channel.pointer, "accessibility"),), True
    applies = channel.id in service_ids
    if column == "feedback":
        nodes = index.feedback.get(channel.id, ()) if channel.id else ()
        return ("yes" if nodes else ""), nodes, applies
    return _escalation(index, channel.id) + (applies,)


def _escalation(index: _Index, channel_id: str) -> tuple[str, tuple[str, ...]]:
    """`stages 1, 2`: the escalation stages reachable through the channel, and their `via` entries."""
    if index.stages is None or not channel_id:
        return "", ()
    numbers: list[str] = []
    nodes: list[str] = []
    for number, stage in enumerate(index.stages, 1):
        found = stage.get(channel_id, ())
        if found:
            numbers.append(str(number))
            nodes.extend(found)
    if not numbers:
        return "", ()
    return f"stage{'s' if len(numbers) > 1 else ''} {', '.join(numbers)}", tuple(nodes)
