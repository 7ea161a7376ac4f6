"""Lint one file: bytes -> document -> schema -> references -> rules -> sorted findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from charterlint.checks.context import Context
from charterlint.engine.locus import locus
from charterlint.engine.settings import ActiveRule, LintSettings
from charterlint.model import DOCUMENT_START, FileResult, Finding, Severity, Span
from charterlint.schema.problems import schema_problems
from charterlint.schema.values import value_problems
from charterlint.source.document import Document, Problem
from charterlint.source.loader import load_document, split_lines

# Rules the linter applies itself, in the order it applies them.
REFERENCE_CHECKS = ("CH020", "CH021")
SUPPRESSION_RULE = "CH030"  # unused-suppression: reports directives that misbehave
DIRECTIVE_MARK = "charterlint"  # in every directive: `# charterlint: ...` and `x-charterlint` keys
SYNTAX_ERROR = "CH001"
# Problems that make the data unfit for content rules, whatever the configuration selects or
# suppresses: rules trust the schema's shapes and the references. An unknown field (CH012)
# changes no shape a rule reads, so it does not stop them.
_BLOCKING = frozenset({"CH001", "CH002", "CH010", "CH011", "CH013", "CH020", "CH021"})


def _finding(path: str, rule: ActiveRule, problem: Problem, document: Document | None) -> Finding:
    if problem.span is not None:
        span = problem.span
    elif document is not None:
        span = document.locate(problem.pointer, problem.anchor)
    else:
        span = DOCUMENT_START
    where = locus(problem.pointer, document.data) if document is not None else ""
    return Finding(path, rule.rule.code, rule.rule.name, rule.severity, problem.message, span, problem.pointer,
                   locus=where)


def _findings(path: str, settings: LintSettings, problems: Iterable[Problem],
              document: Document | None, default_code: str = "") -> list[Finding]:
    findings = []
    for problem in problems:
        active = settings.rules.get(problem.code or default_code)
        if active is not None:
            findings.append(_finding(path, active, problem, document))
    return findings


def _blocks(problems: Iterable[Problem]) -> bool:
    return any(problem.code in _BLOCKING for problem in problems)


def _reference_problems(document: Document) -> list[Problem]:
    """CH020/CH021 problems, found whether or not those rules are enabled (they gate the rest)."""
    from charterlint.checks.references import duplicate_ids, unknown_references

    context = Context(dt.date.min)
    problems = [replace(p, code="CH020") for p in unknown_references(document, context)]
    return problems + [replace(p, code="CH021") for p in duplicate_ids(document, context)]


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
    problems = [*document.problems, *schema_problems(settings.validator, document.data, document.source_text)]
    if not problems:  # the values' forms are right: are they possible?
        problems = list(value_problems(document))
    findings = _findings(path, settings, problems, document)
    if _blocks(problems):
        return findings, ran
    references = _reference_problems(document)
    findings += _findings(path, settings, references, document)
    ran.update(code for code in REFERENCE_CHECKS if code in settings.rules)
    if references:
        return findings, ran
    for code, active in settings.rules.items():
        if code not in REFERENCE_CHECKS and active.rule.check is not None:
            findings += _run_check(path, document, active, settings)
            ran.add(code)
    return findings, ran


def _apply_suppressions(path: str, document: Document, settings: LintSettings,
                        findings: list[Finding], ran: set[str]) -> list[Finding]:
    """Mark the findings inline directives suppress; directives that misbehave are CH030."""
    if not any(DIRECTIVE_MARK in line for line in document.lines):
        return findings  # most files: no comment scan, and no import of the code for one
    from charterlint.engine.directives import find_directives
    from charterlint.engine.suppress import suppress

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
        return FileResult(path, (_syntax_error(path, loaded, settings),), _lines_of(raw), parsed=False)
    findings = lint_document(path, loaded, settings)
    return FileResult(path, tuple(sorted(set(findings), key=Finding.sort_key)), loaded.lines, data=loaded.data)


def _lines_of(raw: bytes) -> tuple[str, ...]:
    """Best-effort lines for showing an excerpt of a file that did not parse."""
    if len(raw) > 1024 * 1024 or b"\x00" in raw[:8192]:
        return ()
    return tuple(split_lines(raw.decode("utf-8", "replace")))


def _syntax_error(path: str, problem: Problem, settings: LintSettings) -> Finding:
    """CH001 for a file that cannot be read or parsed: always reported, even when not selected,
    so a file nothing could check never reads as clean."""
    active = settings.rules.get(SYNTAX_ERROR)
    if active is not None:
        return _finding(path, active, problem, None)
    span = problem.span or DOCUMENT_START
    return Finding(path, SYNTAX_ERROR, "syntax-error", Severity.ERROR, problem.message, span)


def failure(path: str, message: str, settings: LintSettings) -> FileResult:
    """A file that could not be read at all (permission denied, vanished): CH001."""
    problem = Problem(message, span=Span.at(1, 1, 0), code=SYNTAX_ERROR)
    return FileResult(path, (_syntax_error(path, problem, settings.for_file(path)),), (), parsed=False)
