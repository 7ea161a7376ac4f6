"""Human-readable text: `path:line:col: severity CODE [name] message`, an excerpt, a note where rules
did not run, a summary."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from charterlint.model import Counts, FileResult, Finding, Report, Severity, count
from charterlint.reporters import RenderOptions
from charterlint.reporters.ansi import style
from charterlint.reporters.excerpt import ELLIPSIS, window
from charterlint.reporters.inert import inert

_SEVERITY_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_MAX_EXCERPT = 200


def _plural(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def summary(counts: Counts) -> str:
    """`3 errors, 2 warnings in 2 of 5 files`, or `no findings in 5 files`."""
    files = _plural(counts.files, "file")
    parts = [
        _plural(n, word)
        for n, word in ((counts.errors, "error"), (counts.warnings, "warning"), (counts.infos, "info"))
        if n
    ]
    skipped = counts.files_with_skipped_rules
    not_run = f"; some rules did not run on {_plural(skipped, 'file')} (see the note)" if skipped else ""
    if not parts:
        return f"no findings in {files}{not_run}"
    return f"{', '.join(parts)} in {counts.files_with_findings} of {files}{not_run}"


def _width(text: str) -> int:
    """Terminal columns `text` takes: wide (CJK, emoji) characters two, combining marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def _excerpt(finding: Finding, lines: tuple[str, ...], color: bool) -> list[str]:
    line_number = finding.span.start.line
    if not 1 <= line_number <= len(lines):
        return []
    # Controls, bidi overrides and the like are shown escaped (inert); columns count the line's own characters.
    line = lines[line_number - 1]
    shown = window(line, finding.span, line_number, _MAX_EXCERPT)
    source, prefix = shown.text, ELLIPSIS if shown.cut else ""
    start = min(finding.span.start.column - shown.offset, len(source) + 1)  # 1-based in `source`
    if finding.span.end.line == line_number:
        end = max(finding.span.end.column - shown.offset, start + 1)
    else:
        end = max(len(source) + 1, start + 1)
    end = min(end, len(source) + 2)
    beyond = max(0, (end - 1) - max(len(source), start - 1))  # a span reaching past the line's end
    carets = "^" * max(1, _width(inert(source[start - 1 : end - 1])) + beyond)
    gutter = " " * len(str(line_number))
    marker = style(carets, fg=_SEVERITY_COLORS[finding.severity], bold=True) if color else carets
    indent = " " * _width(prefix + inert(source[: start - 1]))
    return [f" {line_number} | {prefix}{inert(source)}".rstrip(), f" {gutter} | {indent}{marker}"]


def _headline(finding: Finding, color: bool) -> str:
    start = finding.span.start
    location = f"{inert(finding.path)}:{start.line}:{start.column}:"
    severity = finding.severity.label
    code = inert(f"{finding.code} [{finding.name}]")
    if color:
        location = style(location, bold=True)
        severity = style(severity, fg=_SEVERITY_COLORS[finding.severity], bold=True)
        code = style(code, dim=True)
    return f"{location} {severity} {code} {inert(finding.message)}"


def note(result: FileResult, color: bool = False) -> str | None:
    """`path:line:col: note: ...`: which rules did not run on the file and what to fix first."""
    skipped = result.skipped
    if skipped is None:
        return None
    start = skipped.span.start
    location = f"{inert(result.path)}:{start.line}:{start.column}:"
    label = "note:"
    if color:
        location = style(location, bold=True)
        label = style(label, fg="cyan", bold=True)
    return f"{location} {label} {inert(skipped.message)}"


def _file_block(result: FileResult, color: bool, excerpts: bool = True) -> Iterator[str]:
    """Each active finding's lines (headline, then excerpt) as one piece, with the final line
    break; then the file's note, where errors stopped some rules."""
    for finding in result.findings:
        if finding.suppression is None:
            lines = [_headline(finding, color)]
            if excerpts:
                lines += _excerpt(finding, result.source_lines, color)
            yield "\n".join(lines) + "\n"
    said = note(result, color)
    if said is not None:
        yield said + "\n"


def _statistics(counts: Counts, report: Report) -> list[str]:
    names = {f.code: (f.name, f.severity) for f in report.active_findings}
    width = max((len(str(n)) for n in counts.by_code.values()), default=1)
    return [
        f"{n:>{width}}  {inert(f'{code} [{names[code][0]}]')} {names[code][1].label}"
        for code, n in counts.by_code.items()
    ]


def stream(report: Report, options: RenderOptions) -> Iterator[str]:
    """Each finding with its source excerpt, the statistics if asked, and the summary line, in
    pieces written as they come (100,000 findings are never one string in memory).

    Quiet: one line per finding, then the summary line (only the summary on a clean run).
    """
    counts = count(report)
    clean = counts.errors + counts.warnings + counts.infos == 0
    any_lines = False
    for result in report.files:
        for piece in _file_block(result, options.color, excerpts=not options.quiet):
            any_lines = True
            yield piece
    if options.statistics and not options.quiet and not clean:
        yield "\n" + "".join(line + "\n" for line in _statistics(counts, report))
        any_lines = True
    yield ("\n" if any_lines else "") + summary(counts) + "\n"


def render(report: Report, options: RenderOptions) -> str:
    return "".join(stream(report, options))
