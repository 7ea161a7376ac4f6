"""The JSON report: versioned, valid against schemas/report.schema.json, suppressions flagged."""

from __future__ import annotations

import json
from typing import Any

from jsonschema import Draft202012Validator

from charterlint.model import FileResult, Report, Severity, Suppression
from charterlint.reporters import RenderOptions
from charterlint.reporters.json_report import render
from charterlint.resources import load_schema
from tests.helpers import GOLDEN, finding, report


def schema_errors(data: Any) -> list[str]:
    validator = Draft202012Validator(load_schema("report.schema.json"))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_the_report_schema_is_a_valid_schema() -> None:
    Draft202012Validator.check_schema(load_schema("report.schema.json"))


def test_the_golden_report_is_valid_against_its_schema() -> None:
    data = json.loads((GOLDEN / "scenario.json").read_text(encoding="utf-8"))
    assert schema_errors(data) == []
    assert data["version"] == 1


def test_a_finding_has_code_name_severity_message_file_pointer_start_and_end() -> None:
    data = json.loads(render(report(finding(line=7, column=9, length=6, severity=Severity.WARNING)),
                             RenderOptions()))
    [entry] = data["findings"]
    assert {k: v for k, v in entry.items() if k != "fingerprint"} == {
        "code": "CH020", "name": "unknown-reference", "severity": "warning", "message": 'x "y" is not z',
        "file": "a.charter.yaml", "pointer": "/channels/0/hours",
        "start": {"line": 7, "column": 9}, "end": {"line": 7, "column": 15},
        "suppressed": False, "suppression": None,
    }
    assert schema_errors(data) == []


def test_suppressed_findings_are_included_flagged_and_not_counted() -> None:
    data = json.loads(render(report(
        finding(line=3, suppression=Suppression("inSource", "defined in the shared calendar file")),
        finding(line=5, severity=Severity.WARNING, suppression=Suppression("external")),
    ), RenderOptions()))
    assert schema_errors(data) == []
    assert [(f["suppressed"], f["suppression"]) for f in data["findings"]] == [
        (True, {"kind": "inSource", "justification": "defined in the shared calendar file"}),
        (True, {"kind": "external", "justification": ""}),
    ]
    assert data["summary"]["errors"] == 0 and data["summary"]["suppressed"] == 2
    assert data["files"] == [{"path": "a.charter.yaml", "status": "ok", "errors": 0, "warnings": 0,
                              "infos": 0, "suppressed": 2, "skipped": None}]


def test_file_status_is_ok_findings_or_error() -> None:
    unparsed = report(finding(path="c.charter.yaml", code="CH001", name="syntax-error"), parsed=False).files
    data = json.loads(render(Report(
        (FileResult("a.charter.yaml", ()), *report(finding(path="b.charter.yaml")).files, *unparsed),
    ), RenderOptions()))
    assert [(f["path"], f["status"]) for f in data["files"]] == [
        ("a.charter.yaml", "ok"), ("b.charter.yaml", "findings"), ("c.charter.yaml", "error")]
    assert data["summary"]["files_not_parsed"] == 1
    assert schema_errors(data) == []
