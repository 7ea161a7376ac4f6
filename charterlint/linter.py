"""Lint one file: bytes -> document -> schema -> references -> rules -> sorted findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from charterlint.directives import find_directives
from charterlint.document import Document, Limits, Problem
from charterlint.loader import load_document, split_lines
from charterlint.model import DOCUMENT_START, FileResult, Finding, Severity, Span
from charterlint.rule import Context, Rule
from charterlint.schema import schema_problems
from charterlint.suppress import suppress
from charterlint.validator import CharterValidator

# Rules the linter applies itself, in the order it applies them.
REFERENCE_CHECKS = ("CH020", "CH021")
SUPPRESSION_RULE = "CH030"  # unused-suppression: reports directives that misbehave


@dataclass(frozen=True, slots=True)
class ActiveRule:
    """A rule as this run uses it: its effective severity and options."""

    rule: Rule
    severity: Severity
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LintSettings:
    """Everything linting a file depends on, besides the file."""

    rules: Mapping[str, ActiveRule]  # by code: the enabled rules
    today: dt.date
    validator: CharterValidator
    limits: Limits = Limits()
    # Every rule a suppression may name, enabled or not; empty: not known, so a suppression
    # naming no enabled rule is not reported as naming no rule.
    catalogue: tuple[Rule, ...] = ()
    per_file_ignores: Mapping[str, frozenset[str]] = field(default_factory=dict)  # by report path

    def for_file(self, path: str) -> LintSettings:
        """These settings less the rules `per-file-ignores` turns off for `path`."""
        ignored = self.per_file_ignores.get(path)
        if not ignored:
            return self
        rules = {code: active for code, active in self.rules.items() if code not in ignored}
        return replace(self, rules=rules, per_file_ignores={})


def _finding(path: str, rule: ActiveRule, problem: Problem, document: Document | None) -> Finding:
    if problem.span is not None:
        span = problem.span
    elif document is not None:
        span = document.locate(problem.pointer, problem.anchor)
    else:
        span = DOCUMENT_START
    return Finding(path, rule.rule.code, rule.rule.name, rule.severity, problem.message, span, problem.pointer)


def _findings(path: str, settings: LintSettings, problems: Iterable[Problem],
              document: Document | None, default_code: str = "") -> list[Finding]:
    findings = []
    for problem in problems:
        active = settings.rules.get(problem.code or default_code)
        if active is not None:
            findings.append(_finding(path, active, problem, document))
    return findings


def _has_error(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def _run_check(path: str, document: Document, active: ActiveRule, settings: LintSettings) -> list[Finding]:
    """Run one rule; a rule that raises becomes CH000 and the others still run."""
    assert active.rule.check is not None
    context = Context(settings.today, {**active.rule.default_options, **active.options})
    try:
        problems = list(active.rule.check(document, context))
    except Exception as error:  # noqa: BLE001 - any fault in a rule is reported, not raised
        crash = settings.rules.get("CH000")
        if crash is None:
            return []
        message = f"rule {active.rule.code} ({active.rule.name}) crashed: {type(error).__name__}: {error}"
        return [Finding(path, "CH000", crash.rule.name, crash.severity, message, DOCUMENT_START)]
    return _findings(path, settings, problems, document, active.rule.code)


def lint_document(path: str, document: Document, settings: LintSettings) -> list[Finding]:
    """Findings for a parsed document, suppressions applied (not yet sorted)."""
    findings, ran = _check_document(path, document, settings)
    return _apply_suppressions(path, document, settings, findings, ran)


def _check_document(path: str, document: Document, settings: LintSettings) -> tuple[list[Finding], set[str]]:
    """Findings in application order, and the codes of the rules that ran."""
    ran = {code for code, active in settings.rules.items() if active.rule.check is None}
    findings = _findings(path, settings, document.problems, document)
    findings += _findings(path, settings, schema_problems(settings.validator, document.data), document)
    if _has_error(findings):
        return findings, ran
    for code in REFERENCE_CHECKS:
        active = settings.rules.get(code)
        if active is not None and active.rule.check is not None:
            findings += _run_check(path, document, active, settings)
            ran.add(code)
    if _has_error(findings):
        return findings, ran
    for code, active in settings.rules.items():
        if code not in REFERENCE_CHECKS and active.rule.check is not None:
            findings += _run_check(path, document, active, settings)
            ran.add(code)
    return findings, ran


def _apply_suppressions(path: str, document: Document, settings: LintSettings,
                        findings: list[Finding], ran: set[str]) -> list[Finding]:
    """Mark the findings inline directives suppress; directives that misbehave are CH030."""
    directives = find_directives(document)
    if not (directives.entries or directives.problems):
        return findings
    unused = settings.rules.get(SUPPRESSION_RULE)
    options = {**unused.rule.default_options, **unused.options} if unused is not None else {}
    catalogue = settings.catalogue or tuple(active.rule for active in settings.rules.values())
    marked, problems = suppress(findings, directives, catalogue, ran, settings.today,
                                require_reason=bool(options.get("require-reason", False)),
                                report_unknown=bool(settings.catalogue))
    return marked + _findings(path, settings, problems, document)


def lint_bytes(path: str, raw: bytes, settings: LintSettings, kind: str | None = None) -> FileResult:
    """Lint one file's content; never raises for any input."""
    settings = settings.for_file(path)
    loaded = load_document(path, raw, settings.limits, kind)
    if isinstance(loaded, Problem):
        findings = _findings(path, settings, [loaded], None)
        lines = _lines_of(raw)
        return FileResult(path, tuple(sorted(findings, key=Finding.sort_key)), lines, parsed=False)
    findings = lint_document(path, loaded, settings)
    return FileResult(path, tuple(sorted(set(findings), key=Finding.sort_key)), loaded.lines, data=loaded.data)


def _lines_of(raw: bytes) -> tuple[str, ...]:
    """Best-effort lines for showing an excerpt of a file that did not parse."""
    if len(raw) > 1024 * 1024 or b"\x00" in raw[:8192]:
        return ()
    return tuple(split_lines(raw.decode("utf-8", "replace")))


def failure(path: str, message: str, settings: LintSettings) -> FileResult:
    """A file that could not be read at all (permission denied, vanished): CH001."""
    problem = Problem(message, span=Span.at(1, 1, 0), code="CH001")
    return FileResult(path, tuple(_findings(path, settings.for_file(path), [problem], None)), (), parsed=False)
