"""Apply inline suppressions to a file's findings, and report the directives that misbehave.

A suppressed finding is kept, marked `Suppression("inSource", reason)`: reporters decide how to
show it (text skips it; SARIF lists it as suppressed). Every fault of a directive is a problem
of kind `directive`, which the engine reports under CH030 (unused-suppression):
- it names a rule that ran on the file but covers none of its findings (a directive naming a
  rule that did not run, because it is not selected or an earlier error stopped it, is not
  reported: it may be needed by another configuration);
- it names no rule, or cannot be understood;
- its expiry (`until YYYY-MM-DD`) has passed: it no longer suppresses, and says so;
- it gives no reason while CH030's option `require-reason` is on (it still suppresses).
The findings of rules whose files say `suppressible: false` (CH030's own) cannot be suppressed
inline: turn the rule off with `ignore` or `per-file-ignores` instead.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Sequence, Set
from dataclasses import replace

from charterlint.engine.directives import Directive, Directives, Entry
from charterlint.model import Finding, Suppression
from charterlint.ruleset.rule import Rule
from charterlint.ruleset.selection import matches, no_rule
from charterlint.source.document import Problem
from charterlint.source.problem_kinds import DIRECTIVE


def expired(directive: Directive, today: dt.date) -> bool:
    """After its `until` date a directive no longer suppresses (on the date itself it still does)."""
    return directive.until is not None and today > directive.until


def suppress(findings: Sequence[Finding], directives: Directives, rules: Sequence[Rule], ran: Set[str],
             today: dt.date, *, require_reason: bool = False, report_unknown: bool = True,
             unsuppressible: Set[str] = frozenset()) -> tuple[list[Finding], list[Problem]]:
    """The findings with those the directives cover marked suppressed, and the directive problems.

    `rules` are the rules a directive may name; `ran` the codes that ran on the file.
    `report_unknown`: a name that matches none of `rules` is a problem (off when `rules` are
    only the enabled ones, so a disabled rule is not taken for a typo). Findings of the
    `unsuppressible` codes are never suppressed.
    """
    problems = list(directives.problems)
    live: list[tuple[Entry, frozenset[str]]] = []
    for entry in directives.entries:
        codes = frozenset(rule.code for rule in rules if matches(entry.selector, rule))
        if not codes and report_unknown:
            problems.append(_problem(entry, f"{_action(entry.directive)}: {no_rule(entry.selector, rules)}"))
        elif codes and not expired(entry.directive, today):
            live.append((entry, codes))
    used: set[int] = set()
    result = []
    covering = _Covering(live)
    for finding in findings:
        hit = covering.first(finding) if finding.code not in unsuppressible else None
        if hit is not None:
            used.add(hit)
            reason = live[hit][0].directive.reason
            finding = replace(finding, suppression=Suppression("inSource", reason))
        result.append(finding)
    for index, (entry, codes) in enumerate(live):
        if index not in used and codes & ran:
            problems.append(_problem(entry, f'{_action(entry.directive)} "{entry.selector}" suppresses nothing '
                                            f"{entry.where} (remove it)"))
    problems += _directive_problems(directives.directives, today, require_reason)
    return result, problems


# An entry whose scope spans at most this many lines is found through each line it touches; a
# wider one (disable ... enable, disable-file) is tried for every finding.
_NARROW_LINES = 64


class _Covering:
    """Which live entry suppresses a finding: the first (in file order) that names its rule and
    whose scope holds its start. Entries are looked up by line, so that thousands of
    `disable-next-line` comments cost time linear in their number, not its square (issue 14)."""

    def __init__(self, live: Sequence[tuple[Entry, frozenset[str]]]) -> None:
        self.live = live
        self.by_line: dict[int, list[int]] = {}
        self.wide: list[int] = []
        for index, (entry, _) in enumerate(live):
            first, last = entry.scope.start.line, entry.scope.end.line
            if last - first > _NARROW_LINES:
                self.wide.append(index)
            else:
                for line in range(first, last + 1):
                    self.by_line.setdefault(line, []).append(index)

    def first(self, finding: Finding) -> int | None:
        if finding.suppression is not None:
            return None
        start = finding.span.start
        candidates = self.by_line.get(start.line, [])
        for index in heapq.merge(candidates, self.wide):  # both in file order
            entry, codes = self.live[index]
            if finding.code in codes and entry.covers(start):
                return index
        return None


def _directive_problems(directives: Sequence[Directive], today: dt.date, require_reason: bool) -> list[Problem]:
    problems = []
    for directive in directives:
        if expired(directive, today):
            problems.append(Problem(f"{_action(directive)} expired on {directive.until}: it no longer suppresses"
                                    " (fix the findings, or renew the date)",
                                    directive.pointer, anchor="key", span=directive.span, kind=DIRECTIVE))
        if require_reason and not directive.reason:
            how = 'add "reason: ..."' if directive.pointer else 'add "-- reason" after the rules'
            problems.append(Problem(f"{_action(directive)} gives no reason ({how})",
                                    directive.pointer, anchor="key", span=directive.span, kind=DIRECTIVE))
    return problems


def _action(directive: Directive) -> str:
    return "x-charterlint ignore" if directive.pointer else directive.action


def _problem(entry: Entry, message: str) -> Problem:
    return Problem(message, entry.pointer, span=entry.span, kind=DIRECTIVE)
