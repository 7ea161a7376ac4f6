"""Lint one file: bytes -> document -> schema -> gating checks -> content rules -> sorted findings.

The engine knows rules by the roles their files declare (`engine:` in rules/*.yaml, gathered in
LintSettings.roles), never by code: the loaders, the schema and the directive parser report
problems by kind, each reported under the rule that declares the kind; rules that `gate` stop
the content rules when they report, whatever the configuration selects or suppresses (content
rules trust the schema's shapes and the references), and their checks run first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from charterlint.checks.context import Context
from charterlint.engine.locus import locus
from charterlint.engine.settings import ActiveRule, LintSettings
from charterlint.model import DOCUMENT_START, FileResult, Finding, Span
from charterlint.ruleset.rule import Rule
from charterlint.schema.problems import schema_problems
from charterlint.schema.values import value_problems
from charterlint.source.document import Document, Problem
from charterlint.source.loader import load_document, split_lines
from charterlint.source.problem_kinds import CRASH, DIRECTIVE, SYNTAX_ERROR

DIRECTIVE_MARK = "charterlint"  # in every directive: `# charterlint: ...` and `x-charterlint` keys


def _finding(path: str, rule: ActiveRule, problem: Problem, document: Document | None,
             shared: dict[str, str] | None = None) -> Finding:
    """The finding of `problem`; `shared` keeps one copy of each message and locus it has seen."""
    if problem.span is not None:
        span = problem.span
    elif document is not None:
        span = document.locate(problem.pointer, problem.anchor)
    else:
        span = DOCUMENT_START
    where = locus(problem.pointer, document.data) if document is not None else ""
    message = problem.message
    if shared is not None:
        message, where = shared.setdefault(message, message), shared.setdefault(where, where)
    return Finding(path, rule.rule.code, rule.rule.name, rule.severity, message, span, problem.pointer, locus=where)


def _findings(path: str, settings: LintSettings, problems: Iterable[Problem],
              document: Document | None, code: str) -> list[Finding]:
    """A check's problems as findings of its rule `code` (or of the code a problem names)."""
    findings = []
    shared: dict[str, str] = {}  # one copy of a message or locus that recurs (a hedge repeated 100,000 times)
    for problem in problems:
        active = settings.rules.get(problem.code or code)
        if active is not None:
            findings.append(_finding(path, active, problem, document, shared))
    return findings


def _rule_of(problem: Problem, settings: LintSettings) -> Rule:
    """The rule a problem the engine found itself is reported under: the one declaring its kind."""
    assert problem.kind is not None, f"a problem of the engine's own has a kind: {problem}"
    return settings.roles.rule_for(problem.kind)


def _kind_findings(path: str, settings: LintSettings, problems: Iterable[Problem],
                   document: Document | None) -> list[Finding]:
    """The engine's own problems as findings, each of the rule its kind names: when that rule
    is enabled, or is always reported (at its default severity)."""
    findings = []
    for problem in problems:
        rule = _rule_of(problem, settings)
        active = settings.rules.get(rule.code)
        if active is None and rule.engine.always_reported:
            active = ActiveRule(rule, rule.severity)
        if active is not None:
            findings.append(_finding(path, active, problem, document))
    return findings


def _gates(problems: Iterable[Problem], settings: LintSettings) -> bool:
    return any(_rule_of(problem, settings).engine.gates for problem in problems)


def _first_problems(document: Document, settings: LintSettings) -> list[tuple[Rule, list[Problem]]]:
    """The gating checks' problems (references), found whether or not their rules are enabled:
    they gate the rest. Without options or a date, so gating never depends on configuration."""
    context = Context(dt.date.min)
    return [(rule, list(rule.check(document, context))) for rule in settings.roles.first if rule.check is not None]


def crash_finding(path: str, message: str, settings: LintSettings) -> Finding | None:
    """A crash while checking the file (a rule, or the linter, raised), as a finding of the rule
    that reports crashes (CH000), when it is enabled."""
    found = _kind_findings(path, settings, [Problem(message, kind=CRASH)], None)
    return found[0] if found else None


def _run_check(path: str, document: Document, active: ActiveRule, settings: LintSettings) -> list[Finding]:
    """Run one rule; a rule that raises becomes a crash finding and the others still run."""
    assert active.rule.check is not None
    context = Context(settings.today, {**active.rule.default_options, **active.options})
    try:
        problems = list(active.rule.check(document, context))
    except Exception as error:  # noqa: BLE001 - any fault in a rule is reported, not raised
        message = f"rule {active.rule.code} ({active.rule.name}) crashed: {type(error).__name__}: {error}"
        crash = crash_finding(path, message, settings)
        return [crash] if crash is not None else []
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
    findings = _kind_findings(path, settings, problems, document)
    if _gates(problems, settings):
        return findings, ran
    first = _first_problems(document, settings)
    for rule, found in first:
        findings += _findings(path, settings, found, document, rule.code)
        if rule.code in settings.rules:
            ran.add(rule.code)
    if any(found for _, found in first):
        return findings, ran
    for code, active in settings.rules.items():
        if active.rule.check is not None and not active.rule.engine.gates:
            findings += _run_check(path, document, active, settings)
            ran.add(code)
    return findings, ran


def _apply_suppressions(path: str, document: Document, settings: LintSettings,
                        findings: list[Finding], ran: set[str]) -> list[Finding]:
    """Mark the findings inline directives suppress; directives that misbehave are reported
    under the rule of the `directive` problem kind (CH030), whose options say how strict to be."""
    if not any(DIRECTIVE_MARK in line for line in document.lines):
        return findings  # most files: no comment scan
    # lazy: only files that mention "charterlint" (every directive does) pay for the directive parser
    from charterlint.engine.directives import find_directives
    from charterlint.engine.suppress import suppress

    directives = find_directives(document)
    if not (directives.entries or directives.problems):
        return findings
    unused = settings.rules.get(settings.roles.rule_for(DIRECTIVE).code)
    options = {**unused.rule.default_options, **unused.options} if unused is not None else {}
    catalogue = settings.catalogue or tuple(active.rule for active in settings.rules.values())
    marked, problems = suppress(findings, directives, catalogue, ran, settings.today,
                                require_reason=bool(options.get("require-reason", False)),
                                report_unknown=bool(settings.catalogue),
                                unsuppressible=settings.roles.unsuppressible)
    return marked + _kind_findings(path, settings, problems, document)


def lint_bytes(path: str, raw: bytes, settings: LintSettings, kind: str | None = None) -> FileResult:
    """Lint one file's content; never raises for any input."""
    settings = settings.for_file(path)
    loaded = load_document(path, raw, settings.limits, kind)
    if isinstance(loaded, Problem):
        return FileResult(path, _syntax_error(path, loaded, settings), _lines_of(raw), parsed=False)
    findings = lint_document(path, loaded, settings)
    return FileResult(path, tuple(sorted(set(findings), key=Finding.sort_key)), loaded.lines, data=loaded.data)


def _lines_of(raw: bytes) -> tuple[str, ...]:
    """Best-effort lines for showing an excerpt of a file that did not parse."""
    if len(raw) > 1024 * 1024 or b"\x00" in raw[:8192]:
        return ()
    return tuple(split_lines(raw.decode("utf-8", "replace")))


def _syntax_error(path: str, problem: Problem, settings: LintSettings) -> tuple[Finding, ...]:
    """The finding for a file that cannot be read or parsed (CH001). Its rule file makes it
    always reported, even when not selected, so a file nothing could check never reads as clean."""
    return tuple(_kind_findings(path, settings, [problem], None))


def failure(path: str, message: str, settings: LintSettings) -> FileResult:
    """A file that could not be read at all (permission denied, vanished): a syntax error (CH001)."""
    problem = Problem(message, span=Span.at(1, 1, 0), kind=SYNTAX_ERROR)
    return FileResult(path, _syntax_error(path, problem, settings.for_file(path)), (), parsed=False)
