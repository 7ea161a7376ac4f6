"""The rules the engine needs by role, looked up from their rule files' `engine` mappings.

The engine knows no rule code: it asks which rule reports a problem kind (a missing field,
a crash, a misbehaving directive), which rules gate the content rules, which cannot be
suppressed. Every problem kind is declared by exactly one built-in rule; the check is made
when the roles are gathered, so a rule file that drops or duplicates one fails at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import NamedTuple

from charterlint.ruleset.rule import Rule, RuleFileError, load_builtin_rules
from charterlint.source.problem_kinds import KINDS


class EngineRules(NamedTuple):
    """The rules with engine roles, by role (a value of LintSettings: the engine's lookup).

    A NamedTuple, not a frozen dataclass: made on every start-up, where a dataclass costs ten
    times more."""

    by_kind: Mapping[str, Rule]  # the rule each problem kind is reported under
    first: tuple[Rule, ...]  # gating rules with a check: run before the others, selected or not
    unsuppressible: frozenset[str]  # codes inline directives cannot suppress
    review_period: Rule | None = None  # the rule whose option is the reviewer reports' review period

    def rule_for(self, kind: str) -> Rule:
        return self.by_kind[kind]


def engine_rules(rules: Iterable[Rule]) -> EngineRules:
    """The roles `rules` declare; RuleFileError unless each problem kind has exactly one rule
    and at most one rule gives the review period."""
    rules = tuple(rules)
    by_kind: dict[str, Rule] = {}
    for rule in rules:
        for kind in rule.engine.reports:
            if kind in by_kind:
                raise RuleFileError(f'{rule.source}: problem kind "{kind}" is already reported by {by_kind[kind].code}'
                                    f" ({by_kind[kind].source})")
            by_kind[kind] = rule
    missing = [kind for kind in KINDS if kind not in by_kind]
    if missing:
        raise RuleFileError(f"no rule reports the problem kinds {', '.join(missing)} (engine.reports in rules/)")
    periods = [rule for rule in rules if rule.engine.review_period]
    if len(periods) > 1:
        raise RuleFileError(f"{periods[1].source}: the review period is already {periods[0].code}'s option"
                            f" (engine.review-period)")
    return EngineRules(
        by_kind=by_kind,
        first=tuple(rule for rule in rules if rule.engine.gates and rule.check is not None),
        unsuppressible=frozenset(rule.code for rule in rules if not rule.engine.suppressible),
        review_period=periods[0] if periods else None,
    )


@cache
def builtin_engine_rules() -> EngineRules:
    """The built-in rules' roles (read once per process, as the rules are)."""
    return engine_rules(load_builtin_rules())
