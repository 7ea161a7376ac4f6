"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every enabled rule.

Paths become repository-relative, percent-encoded URIs; fingerprints do not depend on lines;
there is no `automationDetails.id` (the upload's `category` sets it) and no timestamp, so
the same input gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from charterlint.engine.fingerprint import VERSION as FINGERPRINT_VERSION
from charterlint.engine.fingerprint import fingerprints
from charterlint.model import FileResult, Finding, Report, RuleInfo, Severity
from charterlint.reporters import RenderOptions
from charterlint.reporters.inert import printable, printable_findings
from charterlint.reporters.json_stream import Lazy, document

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/charterlint/charterlint"
FINGERPRINT_KEY = f"charterlint/{FINGERPRINT_VERSION}"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


def artifact_uri(path: str) -> str:
    """A file's URI: relative paths percent-encoded as they are, absolute ones as `file:` URIs.

    A file name that is not UTF-8 (its bytes as lone surrogates) has those bytes percent-encoded.
    """
    posix = path.replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    if _WINDOWS_DRIVE.match(posix):
        return "file:///" + quote(posix, safe="/:", errors="surrogateescape")
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/", errors="surrogateescape")
    return quote(posix, safe="/", errors="surrogateescape")


def _unescape_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _text(value: str) -> dict[str, str]:
    return {"text": value}


def _descriptor(rule: RuleInfo) -> dict[str, Any]:
    help_text, help_markdown = rule.help()
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": _text(rule.summary),
        "fullDescription": _text(rule.rationale or rule.summary),
        "help": {"text": help_text or rule.rationale or rule.summary,
                 "markdown": help_markdown or rule.rationale or rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": sorted(rule.tags)},
    }
    if rule.help_uri:
        descriptor["helpUri"] = rule.help_uri
    return descriptor


def _rules(report: Report) -> list[RuleInfo]:
    """The enabled rules by code, plus any rule a finding names that the report does not list."""
    by_code = {rule.code: rule for rule in report.rules}
    for finding in report.findings:
        if finding.code not in by_code:
            by_code[finding.code] = RuleInfo(finding.code, finding.name, finding.severity, finding.name)
    return [by_code[code] for code in sorted(by_code)]


def _location(finding: Finding, uri: str) -> dict[str, Any]:
    start, end = finding.span.start, finding.span.end
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": {
                "startLine": start.line,
                "startColumn": start.column,
                "endLine": end.line,
                "endColumn": end.column,
            },
        },
    }
    if finding.pointer:
        name = _unescape_token(finding.pointer.rsplit("/", 1)[-1])
        location["logicalLocations"] = [{"name": name, "fullyQualifiedName": finding.pointer}]
    return location


def _result(finding: Finding, index: int, fingerprint: str, uri: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": _text(finding.message),
        "locations": [_location(finding, uri)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.suppression is not None:
        suppression: dict[str, str] = {"kind": finding.suppression.kind, "status": "accepted"}
        if finding.suppression.justification:
            suppression["justification"] = finding.suppression.justification
        result["suppressions"] = [suppression]
    return result


def _skipped_note(result: FileResult) -> dict[str, Any]:
    """A `note` notification: which rules did not run on the file, at its first error."""
    skipped = result.skipped
    assert skipped is not None
    start = skipped.span.start
    location = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(result.path)},
                                     "region": {"startLine": start.line, "startColumn": start.column}}}
    return {"level": "note", "message": _text(printable(skipped.message)), "locations": [location],
            "descriptor": {"id": "rules-not-run"},
            "properties": {"sections": list(skipped.sections), "rules": list(skipped.codes)}}


def _results(report: Report, index: dict[str, int]) -> Iterator[dict[str, Any]]:
    for file_result in report.files:
        shown = list(printable_findings(file_result.findings))  # messages and fingerprints take no surrogate
        yield from (_result(f, index[f.code], p, artifact_uri(original.path))
                    for original, f, p in zip(file_result.findings, shown, fingerprints(shown)))


def sarif_log(report: Report) -> dict[str, Any]:
    """The SARIF log as JSON-ready data; its results are made as written."""
    rules = _rules(report)
    index = {rule.code: position for position, rule in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": "charterlint",
        "informationUri": INFORMATION_URI,
        "rules": [_descriptor(rule) for rule in rules],
    }
    if report.tool_version:
        driver["version"] = report.tool_version
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints",
           "results": Lazy(lambda: _results(report, index))}
    notes = [_skipped_note(result) for result in report.files if result.skipped is not None]
    if notes:
        # where errors stopped some rules: a run whose results are incomplete says so, per file
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notes}]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": Lazy(lambda: [run])}


def stream(report: Report, options: RenderOptions) -> Iterator[str]:
    """The log in pieces, written as they come (a large log is never whole in memory)."""
    return document(sarif_log(report))


def render(report: Report, options: RenderOptions) -> str:
    return "".join(stream(report, options))
