"""Baselines: accept today's findings on adoption, report only new ones afterwards.

A finding is recorded by the fingerprint SARIF uses (charterlint.engine.fingerprint: rule, file, JSON
pointer, message without positions), with the file's path relative to the baseline file, so
inserting lines above a finding or running from another directory keeps it matched. Matching
counts: a baseline entry with count 1 suppresses one of two identical findings.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from charterlint.charter.subjects import kind_of
from charterlint.engine.fingerprint import fingerprint, normalize_message
from charterlint.model import Finding, Report, Suppression
from charterlint.schema.datafile import DataFileError, parse_data_file, validate

VERSION = 1
SUPPRESSION = Suppression("external", "baseline")


class BaselineError(Exception):
    """A baseline file that cannot be used: names the file and what is wrong."""


def _key(finding: Finding, base: Path, cwd: Path) -> tuple[str, str, str]:
    """(path relative to the baseline's directory, code, fingerprint)."""
    absolute = os.path.join(cwd, finding.path)  # an absolute finding path stays as it is
    relative = Path(os.path.relpath(absolute, base)).as_posix()
    # A file name that is not UTF-8 (lone surrogates on Linux) is recorded with backslash escapes,
    # as the reports show it, so the baseline can be written as UTF-8 and matches on reading.
    relative = relative.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return relative, finding.code, fingerprint(replace(finding, path=relative))


def _active(report: Report) -> Iterator[Finding]:
    return (finding for finding in report.findings if finding.suppression is None)


def render_baseline(report: Report, base: Path, cwd: Path) -> str:
    """The baseline of the report's unsuppressed findings: sorted, versioned JSON."""
    counts: Counter[tuple[str, str, str]] = Counter()
    messages: dict[tuple[str, str, str], str] = {}
    for finding in _active(report):
        key = _key(finding, base, cwd)
        counts[key] += 1
        messages.setdefault(key, normalize_message(finding.message))
    entries = [
        {"path": path, "code": code, "fingerprint": digest, "count": counts[(path, code, digest)],
         "message": messages[(path, code, digest)]}
        for path, code, digest in sorted(counts)
    ]
    return json.dumps({"version": VERSION, "findings": entries}, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def read_baseline(text: str, source: str) -> Counter[tuple[str, str, str]]:
    """The entries of a baseline file; BaselineError when it is not one."""
    try:
        file = parse_data_file(text, source, "json")
    except DataFileError as error:
        raise BaselineError(str(error)) from None
    if not isinstance(file.data, dict):  # named by kind, never quoted: the file may be anything
        raise BaselineError(f"{source}:1:1: expected a JSON object of findings, not {kind_of(file.data)}"
                            " (not a charterlint baseline: write one with --write-baseline)")
    try:
        validate(file, "baseline.schema.json")
    except DataFileError as error:
        raise BaselineError(f"{error} (not a charterlint baseline: write one with --write-baseline)") from None
    return Counter({(e["path"], e["code"], e["fingerprint"]): e["count"] for e in file.data["findings"]})


def apply_baseline(report: Report, baseline: Counter[tuple[str, str, str]], base: Path, cwd: Path) -> Report:
    """The report with the findings the baseline records marked suppressed (as many as it counts)."""
    remaining = Counter(baseline)
    files = []
    for result in report.files:
        findings = []
        for finding in result.findings:
            if finding.suppression is None:
                key = _key(finding, base, cwd)
                if remaining[key] > 0:
                    remaining[key] -= 1
                    finding = replace(finding, suppression=SUPPRESSION)
            findings.append(finding)
        files.append(replace(result, findings=tuple(findings)))
    return replace(report, files=tuple(files))


def count_entries(report: Report) -> int:
    return sum(1 for _ in _active(report))
