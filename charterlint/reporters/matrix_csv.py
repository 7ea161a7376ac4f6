"""The coverage matrix as CSV: a row per channel of every charter, for spreadsheets and scripts.

A cell holds what the terminal matrix shows (`2 days, 90% [CH304]`, `missing`, `n/a`). A file
without a matrix gets one row saying why in `note`. Text from a charter is made inert, and a
cell that a spreadsheet would take for a formula (starting with `=`, `+`, `-` or `@`) is
prefixed with `'`, as OWASP advises for CSV injection.
"""

from __future__ import annotations

import csv
import io

from charterlint.model import FileResult, Report
from charterlint.reporters import RenderOptions
from charterlint.reporters.inert import inert
from charterlint.reporters.matrix import cell_text, codes, not_parsed
from charterlint.reporters.matrix_model import COLUMNS, CharterCoverage, charter_coverage

HEADER = ("file", "channel", "name", "type", "hours", *(column.key for column in COLUMNS), "channel_findings",
          "review_status", "next_review_due", "note")
_FORMULA_STARTS = ("=", "+", "-", "@")


def _cell(text: str) -> str:
    shown = inert(text)
    return "'" + shown if shown.startswith(_FORMULA_STARTS) else shown


def _rows(result: FileResult, coverage: CharterCoverage | None) -> list[list[str]]:
    blank = [""] * (len(HEADER) - 2)
    if coverage is None:
        return [[result.path, *blank, not_parsed(result)]]
    review = coverage.review
    due = review.next_due.isoformat() if review.next_due else ""
    note = coverage.skipped
    if not coverage.rows:
        return [[result.path, *blank[:-2], review.status, due, "; ".join(filter(None, ["no channels", note]))]]
    return [[result.path, row.channel_id, row.name, row.type, row.hours, *(cell_text(cell) for cell in row.cells),
             codes(row.findings).strip(" []"), review.status, due, note]
            for row in coverage.rows]


def render(report: Report, options: RenderOptions) -> str:
    """The header, then every charter's rows in path order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for result in report.files:
        coverage = charter_coverage(result, options.today, options.review_period, report.rules)
        writer.writerows([_cell(value) for value in row] for row in _rows(result, coverage))
    return buffer.getvalue()
