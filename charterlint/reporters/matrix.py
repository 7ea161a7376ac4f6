"""The coverage matrix in a terminal: one aligned table per charter, for a quick look.

A cell shows what the charter promises (`2 working days, 95%`), `missing`, or `n/a`; a cell
a finding is about gets the finding codes in brackets (`2 days [CH304]`), so the state reads
without colour. Colour (met green, missing yellow, flagged red, n/a dim) only adds to that.
"""

from __future__ import annotations

from typing import Any

from charterlint.model import FileResult, Finding, Report
from charterlint.reporters import RenderOptions
from charterlint.reporters.ansi import style
from charterlint.reporters.inert import inert
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
_GAP = "  "


def _codes(findings: tuple[Finding, ...]) -> str:
    if not findings:
        return ""
    return " [" + ",".join(dict.fromkeys(f.code for f in findings)) + "]"


def cell_text(cell: Cell) -> str:
    """What a cell shows: the value, `missing` or `n/a`, plus the codes of its findings."""
    if cell.state is State.NOT_APPLICABLE:
        return "n/a"
    return (cell.value or "missing") + _codes(cell.findings)


def _table(coverage: CharterCoverage) -> list[list[tuple[str, State | None]]]:
    header: list[tuple[str, State | None]] = [(name, None) for name in ("channel", "type", "hours")]
    table = [header + [(column.short, None) for column in COLUMNS]]
    for row in coverage.rows:
        channel = (inert(row.channel_id) + _codes(row.findings), State.FLAGGED if row.findings else None)
        table.append([channel, (inert(row.type), None), (inert(row.hours), None),
                      *((inert(cell_text(cell)), cell.state) for cell in row.cells)])
    return table


def _aligned(table: list[list[tuple[str, State | None]]], color: bool) -> list[str]:
    widths = [max(len(row[i][0]) for row in table) for i in range(len(table[0]))]
    lines = []
    for number, row in enumerate(table):
        cells = []
        for (text, state), width in zip(row, widths):
            shown = text
            if color and number == 0:
                shown = style(text, bold=True)
            elif color and state is not None:
                shown = style(text, **_STYLES[state])
            cells.append(shown + " " * (width - len(text)))
        lines.append(_GAP.join(cells).rstrip())
    return lines


def _review(review: Review, color: bool) -> str:
    last = inert(review.last_reviewed_text)
    due = review.next_due.isoformat() if review.next_due else "not known"
    basis = f" ({inert(review.basis)})" if review.basis else ""
    status = style(review.status, **_STATUS_STYLES[review.status]) if color else review.status
    return f"review: last reviewed {last}, next due {due}{basis}: {status}{_codes(review.findings)}"


def _block(result: FileResult, coverage: CharterCoverage | None, color: bool) -> list[str]:
    heading = style(inert(result.path), bold=True) if color else inert(result.path)
    if coverage is None:
        why = result.findings if not result.parsed else ()  # a file that did not parse: what stopped it
        faults = [f"{inert(f.message)} (line {f.span.start.line}, column {f.span.start.column})"
                  for f in why] or ["see charterlint check"]
        return [f"{heading}: not parsed: {faults[0]}"]
    about = inert(coverage.title + (f" ({coverage.organization})" if coverage.organization else ""))
    lines = [f"{heading}: {about.strip()}" if about.strip() else heading, _review(coverage.review, color)]
    if not coverage.content_rules_ran:
        lines.append("format errors stopped the content rules: only format problems are flagged (charterlint check)")
    lines.append("")
    lines += _aligned(_table(coverage), color) if coverage.rows else ["no channels"]
    return lines


def render(report: Report, options: RenderOptions) -> str:
    """Every charter's matrix, in path order, then a legend."""
    if not report.files:
        return "no charter files\n"
    blocks = [_block(result, charter_coverage(result, options.today, options.review_period, report.rules),
                     options.color)
              for result in report.files]
    lines = [line for block in blocks for line in (*block, "")]
    lines.append(LEGEND)
    return "\n".join(lines) + "\n"
