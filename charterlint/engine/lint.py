"""Lint one file: bytes -> document -> schema -> gating checks -> content rules -> sorted findings.

The engine knows rules by the roles their files declare (`engine:` in rules/*.yaml, gathered in
LintSettings.roles), never by code: the loaders, the schema and the directive parser report
problems by kind, each reported under the rule that declares the kind; rules that `gate` stop
the content rules that read the part of the charter where they report (engine.sections), whatever
the configuration selects or suppresses (content rules trust the schema's shapes and the
references), and their checks run first. Where errors stopped rules, the file's result says
so once (FileResult.skipped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from charterlint.checks.context import Context
from charterlint.engine.aliases import merge_aliases
from charterlint.engine.locus import locus
from charterlint.engine.sections import WHOLE_FILE, Broken, not_parsed_notice, skipped_notice, within
from charterlint.engine.settings import ActiveRule, LintSettings
from charterlint.model import DOCUMENT_START, FileResult, Finding, Skipped, Span
from charterlint.resources import load_schema
from charterlint.ruleset.rule import Rule
from charterlint.schema.problems import schema_problems, section_place
from charterlint.schema.values import value_problems
from charterlint.source.document import Document, Problem, within_lines
from charterlint.source.loader import load_document, split_lines
from charterlint.source.pointer import keys
from charterlint.source.problem_kinds import CRASH, DIRECTIVE, SYNTAX_ERROR, UNKNOWN_FIELD

DIRECTIVE_MARK = "charterlint"  # in every directive: `# charterlint: ...` and `x-charterlint` keys


def _finding(path: str, rule: ActiveRule, problem: Problem, document: Document | None,
             shared: dict[str, str] | None = None) -> Finding:
    """The finding of `problem`; `shared` keeps one copy of each message and locus it has seen."""
    message = problem.message
    placed = None if problem.span is not None or document is None else _absent_section_place(problem.pointer, document)
    if problem.span is not None:
        span = problem.span
    elif placed is not None:
        span, message = placed[0], f"{message} ({placed[1]})"
    elif document is not None:
        span = document.locate(problem.pointer, problem.anchor)
    else:
        span = DOCUMENT_START
    if document is not None:
        span = within_lines(span, document.lines)
    where = locus(problem.pointer, document.data) if document is not None else ""
    if shared is not None:
        message, where = shared.setdefault(message, message), shared.setdefault(where, where)
    return Finding(path, rule.rule.code, rule.rule.name, rule.severity, message, span, problem.pointer, locus=where)


def _absent_section_place(pointer: str, document: Document) -> tuple[Span, str] | None:
    """For a finding about a top-level section the charter lacks: where the writer would add it,
    and that place in words (`"rights:" goes here, after "escalation"`); else None.

    Blank and comment lines there are skipped, as `disable-next-line` skips them: the finding is on
    the line a directive written where the section goes would cover."""
    section = keys(pointer)[0] if pointer else ""
    if not section or not isinstance(document.data, dict) or section in document.data:
        return None
    order = list(load_schema("charter.schema.json").get("properties", {}))
    if section not in order:
        return None
    span, where = section_place(section, order, document.data, document.locate)
    line = document.content_line(span.start.line)
    if span.start.line < line <= len(document.lines):
        span = Span.at(line, 1, 0)
    return span, f'"{section}:" goes here, {where}'


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


def _gating(problem: Problem, settings: LintSettings) -> bool:
    return problem.kind is not None and _rule_of(problem, settings).engine.gates


def _misspelt_field(problem: Problem, document: Document) -> bool:
    """An unknown top-level key that misspells a section the charter lacks (the problem names the
    section meant): the rules that read it wait for the fix rather than report it missing (one
    mistake, one finding: `feedbak:` is not also "no feedback channels"). Deeper down a misspelt
    field stops nothing: a channel's other problems (an unknown calendar) are still reported."""
    names = keys(problem.pointer)
    return (problem.kind == UNKNOWN_FIELD and len(names) == 1
            and isinstance(document.data, dict) and names[0] not in document.data)


def _mark(broken: Broken, document: Document, problems: Iterable[Problem]) -> None:
    """Add the parts where `problems` are to the broken parts, each with its first error."""
    for problem in problems:
        span = problem.span if problem.span is not None else document.locate(problem.pointer, problem.anchor)
        broken.add(problem.pointer, span)


def _run_first(document: Document, settings: LintSettings, broken: Broken) -> list[tuple[Rule, list[Problem]]]:
    """The gating checks (references) that their reads let run, with their problems outside the
    broken parts; found whether or not their rules are enabled, as they gate the rest. Without
    options or a date, so gating never depends on configuration. One that raises on a file
    with errors is taken as stopped by them (on a sound file, the crash is the run's)."""
    context = Context(dt.date.min)
    found = []
    for rule in settings.roles.first:
        if rule.check is None or broken.stops(rule.reads):
            continue
        try:
            problems = [p for p in rule.check(document, context) if not _in_broken(p, broken)]
        except Exception:
            if not broken:
                raise
            broken.add("", min(broken.units.values()))  # nothing it guards can be trusted
            continue
        found.append((rule, problems))
    return found


def _in_broken(problem: Problem, broken: Broken) -> bool:
    return broken.contains(problem.pointer)


def crash_finding(path: str, message: str, settings: LintSettings) -> Finding | None:
    """A crash while checking the file (a rule, or the linter, raised), as a finding of the rule
    that reports crashes (CH000), when it is enabled."""
    found = _kind_findings(path, settings, [Problem(message, kind=CRASH)], None)
    return found[0] if found else None


def _run_check(path: str, document: Document, active: ActiveRule, settings: LintSettings,
               skipped: frozenset[str] = frozenset()) -> tuple[list[Finding], bool]:
    """Run one rule: its findings outside the `skipped` parts, and whether it crashed (a rule
    that raises becomes a crash finding and the others still run)."""
    assert active.rule.check is not None
    context = Context(settings.today, {**active.rule.default_options, **active.options})
    try:
        problems = [problem for problem in active.rule.check(document, context)
                    if not (skipped and problem.pointer and within(problem.pointer, skipped))]
    except Exception as error:  # noqa: BLE001 - any fault in a rule is reported, not raised
        message = f"rule {active.rule.code} ({active.rule.name}) crashed: {type(error).__name__}: {error}"
        crash = crash_finding(path, message, settings)
        return ([crash] if crash is not None else []), True
    return _findings(path, settings, problems, document, active.rule.code), False


def lint_document(path: str, document: Document, settings: LintSettings) -> tuple[list[Finding], Skipped | None]:
    """Findings for a parsed document, suppressions applied and aliases merged (not yet sorted),
    and what errors in the document stopped."""
    findings, ran, skipped = _check_document(path, document, settings)
    return merge_aliases(_apply_suppressions(path, document, settings, findings, ran), document.data), skipped


def _check_document(path: str, document: Document,
                    settings: LintSettings) -> tuple[list[Finding], set[str], Skipped | None]:
    """Findings in application order, the codes of the rules that ran, and what errors stopped."""
    ran = {code for code, active in settings.rules.items() if active.rule.check is None}
    problems = [*document.problems, *schema_problems(settings.validator, document.data, document.source_text,
                                                     document.locate)]
    broken = Broken(document.data)
    _mark(broken, document, (p for p in problems if _gating(p, settings) or _misspelt_field(p, document)))
    if WHOLE_FILE not in broken.units:  # the values' forms are right where nothing broke: are they possible?
        values = [p for p in value_problems(document) if not _in_broken(p, broken)]
        _mark(broken, document, values)
        problems += values
    findings = _kind_findings(path, settings, problems, document)
    first = _run_first(document, settings, broken)
    for rule, found in first:
        findings += _findings(path, settings, found, document, rule.code)
        if rule.code in settings.rules:
            ran.add(rule.code)
        _mark(broken, document, found)
    checked, ran_fully, skipped = _run_content_rules(path, document, settings, broken)
    return findings + checked, ran | ran_fully, skipped


def _run_content_rules(path: str, document: Document, settings: LintSettings,
                       broken: Broken) -> tuple[list[Finding], set[str], Skipped | None]:
    """Each enabled content rule on the parts it reads that have no errors: its findings there,
    the codes of the rules that ran on the whole file, and the note of what the others skipped."""
    findings: list[Finding] = []
    ran: set[str] = set()
    skipped: dict[str, Span] = {}  # the broken parts that enabled rules did not check
    skipping: list[str] = []  # the enabled rules that skipped a part or did not run

    def skip(code: str, units: Iterable[str]) -> None:
        skipping.append(code)
        skipped.update((unit, broken.units[unit]) for unit in units)

    for code, active in settings.rules.items():
        rule = active.rule
        if rule.check is None:
            continue
        stopped = broken.stops(rule.reads)
        if stopped or rule.engine.gates:  # a gating check ran first, if its reads let it
            if stopped:
                skip(code, stopped)
            continue
        partial = broken.skipped_by(rule.reads)  # its findings there rest on data with errors
        checked, crashed = _run_check(path, document, active, settings, frozenset(partial))
        if crashed and broken:  # a rule that raises on a file with errors: its inputs were not sound
            skip(code, broken.units)
            continue
        if partial:
            skip(code, partial)
        else:  # a directive naming a rule that skipped a part may be for that part: not reported unused
            ran.add(code)
        findings += checked
    return findings, ran, skipped_notice(skipped, skipping) if skipping else None


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
    return lint_loaded(path, raw, settings, kind)[0]


def lint_loaded(path: str, raw: bytes, settings: LintSettings,
                kind: str | None = None) -> tuple[FileResult, Document | None]:
    """As `lint_bytes`, with the document it loaded (None when the file did not parse), for a
    command that goes on to use it (`render` publishes a Markdown charter's body)."""
    settings = settings.for_file(path)
    loaded = load_document(path, raw, settings.limits, kind)
    if isinstance(loaded, tuple):
        return FileResult(path, _syntax_error(path, loaded, settings), _lines_of(raw), parsed=False,
                          skipped=_not_parsed(loaded, settings)), None
    findings, skipped = lint_document(path, loaded, settings)
    return FileResult(path, tuple(sorted(set(findings), key=Finding.sort_key)), loaded.lines, data=loaded.data,
                      skipped=skipped), loaded


def _lines_of(raw: bytes) -> tuple[str, ...]:
    """Best-effort lines for showing an excerpt of a file that did not parse."""
    if len(raw) > 1024 * 1024 or b"\x00" in raw[:8192]:
        return ()
    return tuple(split_lines(raw.decode("utf-8", "replace")))


def _syntax_error(path: str, problems: tuple[Problem, ...], settings: LintSettings) -> tuple[Finding, ...]:
    """The findings for a file that cannot be read or parsed (CH001). Its rule file makes them
    always reported, even when not selected, so a file nothing could check never reads as clean."""
    return tuple(_kind_findings(path, settings, problems, None))


def failure(path: str, message: str, settings: LintSettings) -> FileResult:
    """A file that could not be read at all (permission denied, vanished): a syntax error (CH001)."""
    problem = Problem(message, span=Span.at(1, 1, 0), kind=SYNTAX_ERROR)
    return FileResult(path, _syntax_error(path, (problem,), settings.for_file(path)), (), parsed=False)


def _not_parsed(problems: tuple[Problem, ...], settings: LintSettings) -> Skipped | None:
    """The notice for a file no rule could check: the enabled content rules did not run."""
    codes = [code for code, active in settings.rules.items()
             if active.rule.check is not None and not active.rule.engine.gates]
    if not codes:
        return None
    return not_parsed_notice((problem.span or DOCUMENT_START for problem in problems), codes)
