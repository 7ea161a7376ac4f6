"""The coverage matrix in a terminal: one aligned table per charter, for a quick look.

A cell shows what the charter promises (`2 working days, 95%`), `missing`, or `n/a`; a cell
a finding is about gets the finding codes in brackets (`2 days [CH304]`), so the state reads
without colour. Colour (met green, missing yellow, flagged red, n/a dim) only adds to that.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from charterlint.model import FileResult, Finding, Report
from charterlint.reporters import RenderOptions
from charterlint.reporters.inert import inert
from charterlint.reporters.matrix_layout import MIN_WIDTH, Styled, prose_lines, table_lines
from charterlint.reporters.matrix_model import COLUMNS, Cell, CharterCoverage, State, charter_coverage
from charterlint.reporters.review_status import Review

_STYLES: dict[State, dict[str, Any]] = {
    State.MET: {"fg": "green"},
    State.FLAGGED: {"fg": "red", "bold": True},
    State.MISSING: {"fg": "yellow"},
    State.NOT_APPLICABLE: {"dim": True},
}
_STATUS_STYLES: dict[str, dict[str, Any]] = {"current": {"fg": "green"}, "overdue": {"fg": "red", "bold": True},
                                             "unknown": {"dim": True}}
LEGEND = ("a value: what is promised; missing: nothing promised, though it applies; n/a: does not apply; "
          "[CODE]: a finding about it (charterlint check shows them)")


def codes(findings: tuple[Finding, ...]) -> str:
    """` [CH304,CH301]`: the codes of the findings, each once, in brackets ("" for none)."""
    if not findings:
        return ""
    return " [" + ",".join(dict.fromkeys(f.code for f in findings)) + "]"


def cell_text(cell: Cell) -> str:
    """What a cell shows: the value, `missing` or `n/a`, plus the codes of its findings."""
    if cell.state is State.NOT_APPLICABLE:
        return "n/a"
    return (cell.value or "missing") + codes(cell.findings)


def channel_labels(ids: Sequence[str], width: int) -> dict[str, str]:
    """Each channel id as the matrix shows it: as it is, or shortened to a third of `width`
    (`online-enqui~`, a digit added when two would read the same); a line names the shortened."""
    cap = max(width, MIN_WIDTH) // 3  # the key column's width (a flagged channel's codes wrap below)
    labels: dict[str, str] = {}
    for channel_id in dict.fromkeys(ids):
        label = channel_id if len(channel_id) <= cap else channel_id[:cap - 1] + "~"
        number = 1
        while label in labels.values():
            number += 1
            label = channel_id[:cap - 1 - len(str(number))] + "~" + str(number)
        labels[channel_id] = label
    return labels


def _table(coverage: CharterCoverage, labels: Mapping[str, str]) -> list[list[Styled]]:
    header = [Styled(name) for name in ("channel", "type", "hours", *(column.short for column in COLUMNS))]
    table = [header]
    for row in coverage.rows:
        label = labels.get(row.channel_id, row.channel_id)
        channel = Styled(inert(label) + codes(row.findings), _STYLES[State.FLAGGED] if row.findings else None)
        table.append([channel, Styled(inert(row.type)), Styled(inert(row.hours)),
                      *(Styled(inert(cell_text(cell)), _STYLES[cell.state]) for cell in row.cells)])
    return table


def _shortened(labels: Mapping[str, str]) -> str:
    pairs = [f'"{inert(label)}" is "{inert(channel_id)}"' for channel_id, label in labels.items() if label != channel_id]
    return "shortened channel ids: " + ", ".join(pairs) if pairs else ""


def review_parts(review: Review) -> list[Styled]:
    """The review line: last review, next due date and its basis, the status (coloured), its codes."""
    last = inert(review.last_reviewed_text)
    due = review.next_due.isoformat() if review.next_due else "not known"
    basis = f" ({inert(review.basis)})" if review.basis else ""
    return [Styled(f"review: last reviewed {last}, next due {due}{basis}: "),
            Styled(review.status, _STATUS_STYLES[review.status]), Styled(codes(review.findings))]


def not_parsed(result: FileResult) -> str:
    """Why a file has no matrix: `not parsed: ` and the first problem that stopped it, with its line."""
    why = result.findings if not result.parsed else ()
    faults = [f"{f.message} (line {f.span.start.line}, column {f.span.start.column})" for f in why]
    return "not parsed: " + (faults[0] if faults else "see charterlint check")


def _block(result: FileResult, coverage: CharterCoverage | None, width: int, color: bool) -> list[str]:
    heading = Styled(inert(result.path), {"bold": True})
    if coverage is None:
        return prose_lines([heading, Styled(": " + inert(not_parsed(result)))], width, color)
    about = inert(coverage.title + (f" ({coverage.organization})" if coverage.organization else "")).strip()
    lines = prose_lines([heading, Styled(f": {about}" if about else "")], width, color)
    lines += prose_lines(review_parts(coverage.review), width, color)
    if coverage.skipped:
        lines += prose_lines([Styled(inert(skipped_note(coverage)))], width, color)
    lines.append("")
    if not coverage.rows:
        return [*lines, "no channels"]
    labels = channel_labels([row.channel_id for row in coverage.rows], width)
    lines += table_lines(_table(coverage, labels), width, color)
    shortened = _shortened(labels)
    return lines + (["", *prose_lines([Styled(shortened)], width, color)] if shortened else [])


def render(report: Report, options: RenderOptions, width: int = 80) -> str:
    """Every charter's matrix, in path order, then a legend; no line longer than `width` (at least 20)."""
    if not report.files:
        return "no charter files\n"
    blocks = [_block(result, charter_coverage(result, options.today, options.review_period, report.rules),
                     width, options.color)
              for result in report.files]
    lines = [line for block in blocks for line in (*block, "")]
    lines += prose_lines([Styled(LEGEND)], width, False)
    return "\n".join(lines) + "\n"


def skipped_note(coverage: CharterCoverage) -> str:
    """The engine's note of rules that did not run, as every matrix format words it (unescaped)."""
    return f"note: {coverage.skipped} (charterlint check shows them)"
