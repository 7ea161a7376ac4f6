"""A self-contained HTML page for the people who own charters: summary, coverage matrix, findings.

One file, inline CSS, no script, font or image: it works offline and as a CI artefact. Every
value from a charter, a path or a message goes through `markup.escape`. The page is a pure
function of the report and the options (`today` and `review_period` set the review status): no
timestamp, so the same input gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from charterlint.model import FileResult, Finding, Report, count
from charterlint.reporters import RenderOptions
from charterlint.reporters.excerpt import ELLIPSIS, window
from charterlint.reporters.html_style import stylesheet
from charterlint.reporters.inert import printable
from charterlint.reporters.markup import Markup, closing, element, join, opening
from charterlint.reporters.matrix_model import COLUMNS, CharterCoverage, Row, State, charter_coverage
from charterlint.reporters.review_status import Review
from charterlint.reporters.text import summary

_MAX_EXCERPT = 300
_STATE_MEANINGS = (
    (State.MET, "the charter promises it and no finding is about it"),
    (State.FLAGGED, "a finding is about it: follow the link to the finding"),
    (State.MISSING, "the charter promises nothing here, though it applies to this channel"),
    (State.NOT_APPLICABLE, "it does not apply to this kind of channel"),
)
Ids = dict[Finding, str]


def _badge(word: str, style: str, css: str = "badge") -> Markup:
    return element("span", {"class": f"{css} s-{style}"}, word)


def _active(result: FileResult) -> tuple[Finding, ...]:
    return tuple(f for f in result.findings if f.suppression is None)


def _finding_ids(anchor: str, result: FileResult) -> Ids:
    return {finding: f"{anchor}-f{number}" for number, finding in enumerate(_active(result), 1)}


def _links(findings: Sequence[Finding], ids: Ids, label: str = "") -> Markup | None:
    if not findings:
        return None
    links = [element("a", {"href": f"#{ids[f]}", "title": f"{f.severity.label}: {f.name}"}, f.code)
             for f in findings if f in ids]
    return element("span", {"class": "refs"}, label, join(links, " "))


def _table_pieces(css: str, caption: Markup, headings: Sequence[Markup | str], rows: Iterable[Markup]) -> Iterator[Markup]:
    """A table with its caption, one header row of column headings, and the body rows, a row a piece."""
    head = element("tr", None, *(element("th", {"scope": "col"}, name) for name in headings))
    yield Markup(opening("table", {"class": css}) + caption + element("thead", None, head) + opening("tbody") + "\n")
    separator = ""
    for row in rows:
        yield Markup(separator + row)
        separator = "\n"
    yield Markup("\n" + closing("tbody") + closing("table"))


def _table(css: str, caption: Markup, headings: Sequence[Markup | str], rows: Iterable[Markup]) -> Markup:
    """A table with its caption, one header row of column headings, and the body rows."""
    return Markup("".join(_table_pieces(css, caption, headings, rows)))


def _plural(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _counts(result: FileResult) -> str:
    counts = count(Report((result,)))
    suppressed = len(result.findings) - len(_active(result))
    hidden = f" ({suppressed} suppressed, not shown)" if suppressed else ""
    return f"{_plural(counts.errors, 'error')}, {_plural(counts.warnings, 'warning')}, " \
           f"{_plural(counts.infos, 'info')}{hidden}"


def _title(result: FileResult, coverage: CharterCoverage | None) -> str:
    return coverage.title if coverage is not None and coverage.title else result.path


def _review_cells(coverage: CharterCoverage | None) -> list[Markup]:
    if coverage is None:
        return [element("td", None, "not parsed"), element("td", None, "not known"),
                element("td", None, _badge("unknown", "unknown"))]
    review = coverage.review
    return [
        element("td", None, review.last_reviewed_text),
        element("td", None, review.next_due.isoformat() if review.next_due else "not known"),
        element("td", None, _badge(review.status, review.status)),
    ]


def _summary(report: Report, coverages: Sequence[CharterCoverage | None]) -> Markup:
    rows = []
    for index, (result, coverage) in enumerate(zip(report.files, coverages), 1):
        counts = count(Report((result,)))
        link = element("a", {"href": f"#c{index}"}, _title(result, coverage))
        charter = element("th", {"scope": "row"}, link, element("span", {"class": "meta path"}, result.path))
        numbers = [element("td", {"class": "num"}, str(n)) for n in (counts.errors, counts.warnings, counts.infos)]
        rows.append(element("tr", None, charter, *numbers, *_review_cells(coverage)))
    caption = element("caption", None, "Findings and review status of each charter")
    headings = ("Charter", "Errors", "Warnings", "Infos", "Last reviewed", "Next review due", "Review")
    return join([element("h2", {"id": "summary"}, "Summary"), _table("summary", caption, headings, rows)])


def _legend() -> Markup:
    entries = [element("div", None, element("dt", None, _badge(state.words, state.value, "state")),
                       element("dd", None, meaning)) for state, meaning in _STATE_MEANINGS]
    return element("dl", {"class": "legend"}, *entries)


def _review(anchor: str, review: Review, ids: Ids) -> Markup:
    due = review.next_due.isoformat() if review.next_due else "not known"
    basis = element("span", {"class": "basis"}, f" ({review.basis})") if review.basis else None
    return element(
        "dl", {"class": "review", "id": f"{anchor}-review"},
        element("dt", None, "Last reviewed"),
        element("dd", None, review.last_reviewed_text),
        element("dt", None, "Next review due"), element("dd", None, due, basis),
        element("dt", None, "Review status"),
        element("dd", None, _badge(review.status, review.status), " " if review.findings else None,
                _links(review.findings, ids)),
    )


def _channel_header(row: Row, ids: Ids) -> Markup:
    hours = f"hours: {row.hours}" + (f" ({row.opening})" if row.opening else "")
    detail = f"{row.type} · id {row.channel_id}" if row.name != row.channel_id else row.type
    return element("th", {"scope": "row"}, row.name, element("span", {"class": "meta"}, detail),
                   element("span", {"class": "meta"}, hours), _links(row.findings, ids, "channel: "))


def _matrix(anchor: str, coverage: CharterCoverage, ids: Ids) -> Iterator[Markup]:
    """The coverage matrix, a channel's row a piece (a charter may list thousands of channels)."""
    if not coverage.rows:
        yield element("p", None, "The charter lists no channels, so there is no coverage matrix.")
        return
    rows = (element("tr", {"data-channel": row.channel_id}, _channel_header(row, ids),
                    *(element("td", {"class": f"s-{cell.state.value}", "data-column": cell.column,
                                     "data-state": cell.state.value},
                              element("span", {"class": "value"}, cell.value) if cell.value else None,
                              element("span", {"class": "state"}, cell.state.words), _links(cell.findings, ids))
                      for cell in row.cells))
            for row in coverage.rows)
    caption = element("caption", {"id": f"{anchor}-matrix"},
                      f"Coverage matrix: what each channel of {_title_of(coverage)} promises")
    yield opening("div", {"class": "scroll", "role": "region", "aria-labelledby": f"{anchor}-matrix", "tabindex": "0"})
    yield from _table_pieces("matrix", caption, ["Channel", *(column.heading for column in COLUMNS)], rows)
    yield closing("div")


def _title_of(coverage: CharterCoverage) -> str:
    return f"“{coverage.title}”" if coverage.title else coverage.path


def _excerpt(finding: Finding, lines: tuple[str, ...]) -> Markup | None:
    number = finding.span.start.line
    if not 1 <= number <= len(lines):
        return None
    shown = window(lines[number - 1], finding.span, number, _MAX_EXCERPT)
    source = shown.text
    marked = element("mark", None, source[shown.start:shown.end]) if shown.end > shown.start else None
    return element("pre", {"class": "excerpt"}, element("span", {"class": "ln"}, f"{number} | "),
                   ELLIPSIS if shown.cut else None, source[:shown.start], marked, source[shown.end:])


def _findings(anchor: str, result: FileResult, ids: Ids) -> Iterator[Markup]:
    """The findings heading and table, a row a piece (a file may have 100,000 findings)."""
    active = _active(result)
    heading = element("h3", {"id": f"{anchor}-findings"}, "Findings")
    if not active:
        yield join([heading, element("p", None, "No findings.")])
        return
    rows = (element("tr", {"id": ids[f]}, element("td", {"class": "num"}, str(f.span.start.line)),
                    element("td", None, _badge(f.severity.label, f.severity.label)),
                    element("td", None, element("code", None, f.code), " ", f.name),
                    element("td", None, f.message, _excerpt(f, result.source_lines)))
            for f in active)
    caption = element("caption", None, f"Findings in {result.path}, in line order")
    yield Markup(heading + "\n")
    yield from _table_pieces("findings", caption, ("Line", "Severity", "Rule", "Message"), rows)


def _charter(index: int, result: FileResult, coverage: CharterCoverage | None) -> Iterator[Markup]:
    """One charter's section, in pieces."""
    anchor = f"c{index}"
    ids = _finding_ids(anchor, result)
    organization = element("span", {"class": "org"}, f" — {coverage.organization}") \
        if coverage is not None and coverage.organization else None
    title = _title(result, coverage)
    path = element("p", {"class": "path"}, result.path) if title != result.path else None
    parts = [element("h2", {"id": f"{anchor}-title"}, title, organization), path, element("p", None, _counts(result))]
    if coverage is None:
        parts.append(element("p", {"class": "note"}, "This file could not be read or parsed, so it has no coverage "
                                                     "matrix and no rule ran on its content: see the finding below.",
                             " " + _sentence(result.skipped.message) if result.skipped is not None else None))
    else:
        if result.skipped is not None:
            parts.append(element("p", {"class": "note"}, _sentence(result.skipped.message),
                                 " The matrix shows what the file says; cells in those sections are not flagged."))
        parts += [element("h3", None, "Review"), _review(anchor, coverage.review, ids), element("h3", None, "Coverage")]
    attributes = {"class": "charter", "id": anchor, "aria-labelledby": f"{anchor}-title"}
    yield Markup(opening("section", attributes) + "\n" + join(parts) + "\n")
    if coverage is not None:
        yield from _matrix(anchor, coverage, ids)
        yield Markup("\n")
    yield from _findings(anchor, result, ids)
    yield Markup("\n" + closing("section"))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def stream(report: Report, options: RenderOptions) -> Iterator[str]:
    """The page in pieces, written as they come: a charter's findings a row at a time."""
    coverages = [charter_coverage(result, options.today, options.review_period, report.rules)
                 for result in report.files]
    version = f"charterlint {report.tool_version}".strip()
    as_of = f"; review status as of {options.today.isoformat()}" if options.today else ""
    header = element("header", None, element("h1", None, "Charter review report"),
                     element("p", None, f"{_plural(len(report.files), 'file')} checked by {version}{as_of}."),
                     element("p", None, _sentence(summary(count(report)))))
    states = join([element("h2", {"id": "states"}, "Reading the coverage matrix"), _legend()])
    head = join([
        Markup('<meta charset="utf-8">'),
        Markup('<meta name="viewport" content="width=device-width, initial-scale=1">'),
        element("meta", {"name": "generator", "content": version}),
        element("title", None, "Charter review report"),
        element("style", None, Markup(stylesheet())),
    ])
    # a file name that is not UTF-8: its bytes as backslash escapes (printable, piece by piece)
    yield printable(join([Markup("<!DOCTYPE html>"), Markup('<html lang="en">'),
                          element("head", None, "\n", head, "\n"), opening("body")]))
    yield printable(Markup("\n" + header + "\n" + opening("main") + "\n" + _summary(report, coverages) + "\n" + states))
    for index, (result, coverage) in enumerate(zip(report.files, coverages), 1):
        yield "\n"
        yield from (printable(piece) for piece in _charter(index, result, coverage))
    yield "\n" + closing("main") + "\n" + closing("body") + "\n</html>\n"


def render(report: Report, options: RenderOptions) -> str:
    return "".join(stream(report, options))
