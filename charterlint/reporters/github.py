"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per finding,
and a `::notice` per file where errors stopped some rules.

GitHub shows at most 10 annotations of each kind per step and drops the rest silently, so
only the first 10 of each are written; `step_summary` lists the others as a Markdown table
for `$GITHUB_STEP_SUMMARY` (the CLI appends it there: reporters do not touch files). The line
counting the others says whether they are in the job summary (`RenderOptions.step_summary`).
"""

from __future__ import annotations

from collections.abc import Sequence

from charterlint.model import FileResult, Finding, Report, Severity
from charterlint.reporters import RenderOptions
from charterlint.reporters.inert import printable
from charterlint.reporters.markdown import literal

ANNOTATION_CAP = 10  # per kind and step: GitHub's limit
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_NO_SUMMARY = "no job summary lists them: GITHUB_STEP_SUMMARY is not set"


def escape_data(text: str) -> str:
    """Escape a command's message as `@actions/core` does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value as `@actions/core` does (also `:` and `,`)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """`::error file=…,line=…,endLine=…,col=…,endColumn=…,title=CODE name::message`."""
    start, end = finding.span.start, finding.span.end
    properties = [
        ("file", printable(finding.path)),  # a non-UTF-8 file name's bytes as backslash escapes
        ("line", str(start.line)),
        ("endLine", str(end.line)),
        ("col", str(start.column)),
        ("endColumn", str(end.column)),
        ("title", f"{finding.code} {finding.name}"),
    ]
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(printable(finding.message))}"


def partition(report: Report) -> tuple[list[Finding], list[Finding]]:
    """(annotated, left over): the first ANNOTATION_CAP active findings of each kind, and the rest."""
    shown: dict[Severity, int] = {severity: 0 for severity in Severity}
    annotated: list[Finding] = []
    left_over: list[Finding] = []
    for finding in report.active_findings:
        if shown[finding.severity] < ANNOTATION_CAP:
            shown[finding.severity] += 1
            annotated.append(finding)
        else:
            left_over.append(finding)
    return annotated, left_over


def _not_annotated(number: int) -> str:
    findings = "finding was" if number == 1 else "findings were"
    return (f"{number} {findings} not annotated: GitHub shows at most {ANNOTATION_CAP} errors, "
            f"{ANNOTATION_CAP} warnings and {ANNOTATION_CAP} notices per step")


def skipped_annotation(result: FileResult) -> str | None:
    """`::notice file=…,line=…,title=rules did not run::…` for a file where errors stopped rules."""
    skipped = result.skipped
    if skipped is None:
        return None
    properties = [("file", printable(result.path)), ("line", str(skipped.span.start.line)),
                  ("col", str(skipped.span.start.column)), ("title", "charterlint: rules did not run")]
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::notice {joined}::{escape_data(printable(skipped.message))}"


def render(report: Report, options: RenderOptions) -> str:
    annotated, left_over = partition(report)
    lines = [annotation(finding) for finding in annotated]
    # not capped with the findings' notices: once per file, and what a writer must read first
    lines += [said for said in map(skipped_annotation, report.files) if said is not None]
    if left_over:
        where = "listed in the job summary" if options.step_summary else _NO_SUMMARY
        lines.append(f"charterlint: {_not_annotated(len(left_over))} ({where})")
    return "".join(line + "\n" for line in lines)


def _row(finding: Finding) -> str:
    cells: Sequence[str] = (
        finding.path,
        str(finding.span.start.line),
        str(finding.span.start.column),
        finding.severity.label,
        f"{finding.code} {finding.name}",
        finding.message,
    )
    return "| " + " | ".join(literal(cell) for cell in cells) + " |"


def step_summary(report: Report) -> str:
    """Markdown for `$GITHUB_STEP_SUMMARY` listing the findings past the cap ("" when none)."""
    _, left_over = partition(report)
    if not left_over:
        return ""
    lines = [
        "### charterlint: findings not annotated",
        "",
        _not_annotated(len(left_over)) + "; here they are.",
        "",
        "| file | line | column | severity | rule | message |",
        "| --- | --- | --- | --- | --- | --- |",
        *(_row(finding) for finding in left_over),
    ]
    return "\n".join(lines) + "\n\n"
