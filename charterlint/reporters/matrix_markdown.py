"""The coverage matrix as Markdown: a section per charter with its review line and a table.

For pull request comments, wikis and documents. Every text a charter holds is made literal:
Markdown and HTML characters are backslash-escaped and line breaks flattened, so a charter's
value cannot become a link, an image, markup or a broken table.
"""

from __future__ import annotations

from charterlint.model import FileResult, Report
from charterlint.reporters import RenderOptions
from charterlint.reporters.markdown import literal
from charterlint.reporters.matrix import LEGEND, codes, not_parsed, review_parts, skipped_note
from charterlint.reporters.matrix_model import COLUMNS, Cell, CharterCoverage, State, charter_coverage


def _cell(cell: Cell) -> str:
    """As `cell_text`, with the charter's value made literal (the codes are charterlint's own)."""
    if cell.state is State.NOT_APPLICABLE:
        return "n/a"
    return (literal(cell.value) or "missing") + codes(cell.findings)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell or " " for cell in cells) + " |"


def _section(result: FileResult, coverage: CharterCoverage | None) -> list[str]:
    lines = [f"## {literal(result.path)}", ""]
    if coverage is None:
        return [*lines, literal(not_parsed(result)), ""]
    if coverage.title.strip():
        organization = f" ({literal(coverage.organization)})" if coverage.organization.strip() else ""
        lines += [f"**{literal(coverage.title)}**{organization}", ""]
    first, *rest = review_parts(coverage.review)  # the dates and basis come from the charter
    lines += [literal(first.text) + " " + "".join(part.text for part in rest), ""]  # literal() drops the space
    if coverage.skipped:
        lines += [literal(skipped_note(coverage)), ""]
    if not coverage.rows:
        return [*lines, "no channels", ""]
    header = ["Channel", "Type", "Hours", *(literal(column.heading) for column in COLUMNS)]
    lines += [_row(header), "|" + " --- |" * len(header)]
    for row in coverage.rows:
        lines.append(_row([literal(row.channel_id) + codes(row.findings), literal(row.type), literal(row.hours),
                           *(_cell(cell) for cell in row.cells)]))
    return [*lines, ""]


def render(report: Report, options: RenderOptions) -> str:
    """Every charter's section, in path order, then the legend."""
    if not report.files:
        return "no charter files\n"
    lines = [line for result in report.files
             for line in _section(result, charter_coverage(result, options.today, options.review_period,
                                                           report.rules))]
    return "\n".join([*lines, LEGEND]) + "\n"
