"""Helpers for reporter tests: build reports by hand, compare goldens, find the SARIF schema."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from charterlint.model import FileResult, Finding, Report, RuleInfo, Severity, Span, Suppression

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
SCHEMA_VARIABLE = "CHARTERLINT_SARIF_SCHEMA"
DEFAULT_SARIF_SCHEMA = ROOT.parent / "shared" / "sarif" / "sarif-schema-2.1.0.json"


def sarif_schema_path() -> Path:
    """The official SARIF 2.1.0 schema: $CHARTERLINT_SARIF_SCHEMA, else ../shared beside the repo."""
    configured = os.environ.get(SCHEMA_VARIABLE)
    if configured:
        path = Path(configured)
        assert path.is_file(), f"{SCHEMA_VARIABLE}={configured} names no file"
        return path
    if not DEFAULT_SARIF_SCHEMA.is_file():
        pytest.skip(f"{SCHEMA_VARIABLE} is not set and {DEFAULT_SARIF_SCHEMA} does not exist: "
                    "cannot validate SARIF against the official schema")
    return DEFAULT_SARIF_SCHEMA


@cache
def _sarif_validator(path: Path) -> Draft4Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def sarif_errors(log: Any) -> list[str]:
    """Every way `log` breaks the official schema, as `path: message` lines."""
    validator = _sarif_validator(sarif_schema_path())
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


def assert_golden(name: str, actual: str, update: bool) -> None:
    """Compare `actual` with golden/NAME byte for byte (or rewrite it with --update-golden)."""
    path = GOLDEN / name
    if update:
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.is_file(), f"no golden file {path}: run pytest --update-golden"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{name} differs from its golden file (pytest --update-golden rewrites it)"


def rule(code: str, name: str, severity: Severity = Severity.ERROR, tags: tuple[str, ...] = ()) -> RuleInfo:
    return RuleInfo(code, name, severity, f"summary of {name}", f"rationale of {name}", tags,
                    help_markdown=f"**{name}**", help_text=f"help for {name}",
                    help_uri=f"https://example.invalid/rules#{code.lower()}-{name}")


def finding(path: str = "a.charter.yaml", code: str = "CH020", *, name: str = "unknown-reference",
            severity: Severity = Severity.ERROR, message: str = 'x "y" is not z', line: int = 3,
            column: int = 5, length: int = 4, pointer: str = "/channels/0/hours",
            suppression: Suppression | None = None) -> Finding:
    return Finding(path, code, name, severity, message, Span.at(line, column, length), pointer, suppression)


def report(*findings: Finding, rules: tuple[RuleInfo, ...] | None = None, parsed: bool = True) -> Report:
    """A report with one FileResult per path the findings name, in path order."""
    paths = sorted({f.path for f in findings}) or ["a.charter.yaml"]
    files = tuple(FileResult(p, tuple(sorted((f for f in findings if f.path == p), key=Finding.sort_key)),
                             parsed=parsed) for p in paths)
    if rules is None:
        by_code = {f.code: rule(f.code, f.name, f.severity) for f in findings}
        rules = tuple(by_code[code] for code in sorted(by_code))
    return Report(files, rules, "9.9.9")
