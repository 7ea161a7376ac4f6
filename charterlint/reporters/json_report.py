"""JSON for scripts: a versioned structure described by schemas/report.schema.json.

Version 1. A change that removes or renames a field, or changes its meaning, raises the
version; new fields may appear within a version.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from charterlint.engine.fingerprint import fingerprints
from charterlint.model import FileResult, Finding, Position, Report, Severity, count
from charterlint.reporters import RenderOptions
from charterlint.reporters.inert import printable, printable_findings
from charterlint.reporters.json_stream import Lazy, document

FORMAT_VERSION = 1


def file_status(result: FileResult) -> str:
    """`error` when the file did not parse, `findings` when a finding counts, else `ok`."""
    if not result.parsed:
        return "error"
    if result.active_findings:
        return "findings"
    return "ok"


def _position(position: Position) -> dict[str, int]:
    return {"line": position.line, "column": position.column}


def _finding(finding: Finding, fingerprint: str) -> dict[str, Any]:
    suppression = finding.suppression
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.label,
        "message": finding.message,
        "file": finding.path,
        "pointer": finding.pointer,
        "start": _position(finding.span.start),
        "end": _position(finding.span.end),
        "fingerprint": fingerprint,
        "suppressed": suppression is not None,
        "suppression": None if suppression is None
        else {"kind": suppression.kind, "justification": suppression.justification},
    }


def _file(result: FileResult) -> dict[str, Any]:
    active = result.active_findings
    return {
        "path": printable(result.path),
        "status": file_status(result),
        "errors": sum(f.severity is Severity.ERROR for f in active),
        "warnings": sum(f.severity is Severity.WARNING for f in active),
        "infos": sum(f.severity is Severity.INFO for f in active),
        "suppressed": len(result.findings) - len(active),
        "skipped": _skipped(result),
    }


def _skipped(result: FileResult) -> dict[str, Any] | None:
    """Which rules did not run on the file, where, and what to fix first (None: all ran)."""
    skipped = result.skipped
    if skipped is None:
        return None
    return {"message": printable(skipped.message), "start": _position(skipped.span.start),
            "sections": list(skipped.sections), "lines": list(skipped.lines), "rules": list(skipped.codes)}


def _findings(report: Report) -> Iterator[dict[str, Any]]:
    for result in report.files:
        shown = list(printable_findings(result.findings))  # a non-UTF-8 file name as backslash escapes
        yield from (_finding(f, p) for f, p in zip(shown, fingerprints(shown)))


def report_data(report: Report) -> dict[str, Any]:
    """The JSON report as data (see schemas/report.schema.json); its findings are made as written."""
    counts = count(report)
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "charterlint", "version": report.tool_version},
        "summary": {
            "errors": counts.errors,
            "warnings": counts.warnings,
            "infos": counts.infos,
            "suppressed": len(report.findings) - len(report.active_findings),
            "files": counts.files,
            "files_with_findings": counts.files_with_findings,
            "files_not_parsed": sum(not result.parsed for result in report.files),
            "files_with_skipped_rules": counts.files_with_skipped_rules,
        },
        "rules": [
            {"code": rule.code, "name": rule.name, "severity": rule.severity.label}
            for rule in sorted(report.rules, key=lambda rule: rule.code)
        ],
        "files": [_file(result) for result in report.files],
        "findings": Lazy(lambda: _findings(report)),
    }


def stream(report: Report, options: RenderOptions) -> Iterator[str]:
    """The report in pieces, written as they come (a large report is never whole in memory)."""
    return document(report_data(report))


def render(report: Report, options: RenderOptions) -> str:
    return "".join(stream(report, options))
