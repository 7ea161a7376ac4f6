"""What linting a file depends on besides the file: the enabled rules, the date, the limits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from charterlint.charter.dates import DEFAULT_REVIEW_PERIOD
from charterlint.model import RuleInfo, Severity
from charterlint.ruleset.roles import EngineRules, builtin_engine_rules
from charterlint.ruleset.rule import Rule
from charterlint.schema.validator import SchemaValidator
from charterlint.source.document import Limits


@dataclass(frozen=True, slots=True)
class ActiveRule:
    """A rule as this run uses it: its effective severity and options."""

    rule: Rule
    severity: Severity
    options: Mapping[str, Any] = field(default_factory=dict)

    def info(self) -> RuleInfo:
        """What reporters know of the rule; its help pages are written only if a reporter asks."""
        rule = self.rule
        return RuleInfo(code=rule.code, name=rule.name, severity=self.severity, summary=rule.summary,
                        rationale=rule.rationale, tags=rule.tags, help_uri=rule.help_uri,
                        describe=partial(_help_pages, rule), matrix_cells=rule.matrix_cells,
                        gates=rule.engine.gates)


@dataclass(frozen=True, slots=True)
class LintSettings:
    """Everything linting a file depends on, besides the file."""

    rules: Mapping[str, ActiveRule]  # by code: the enabled rules
    today: dt.date
    validator: SchemaValidator
    limits: Limits = Limits()
    # Every rule a suppression may name, enabled or not; empty: not known, so a suppression
    # naming no enabled rule is not reported as naming no rule.
    catalogue: tuple[Rule, ...] = ()
    per_file_ignores: Mapping[str, frozenset[str]] = field(default_factory=dict)  # by report path
    # The rules the engine needs by role (which reports a missing field, which gate the content
    # rules ...), enabled or not: the built-in rules' (packs have no engine roles).
    roles: EngineRules = field(default_factory=builtin_engine_rules)

    def for_file(self, path: str) -> LintSettings:
        """These settings less the rules `per-file-ignores` turns off for `path`."""
        ignored = self.per_file_ignores.get(path)
        if not ignored:
            return self
        rules = {code: active for code, active in self.rules.items() if code not in ignored}
        return replace(self, rules=rules, per_file_ignores={})


def _help_pages(rule: Rule) -> tuple[str, str]:
    # lazy: only SARIF shows help pages, and most runs write no SARIF
    from charterlint.ruleset.docs import explain_rule, help_markdown

    return explain_rule(rule), help_markdown(rule)


def review_period(rules: Mapping[str, ActiveRule], roles: EngineRules | None = None) -> str:
    """The review period without a calendar cadence: the option that the rule declaring
    `engine.review-period` names (CH201's `max-age`), as in effect when the rule is among the
    enabled `rules`, else its default; so the reviewer reports' review status agrees with it."""
    rule = (roles or builtin_engine_rules()).review_period
    if rule is None:
        return DEFAULT_REVIEW_PERIOD
    active = rules.get(rule.code)
    period = {**rule.default_options, **(active.options if active is not None else {})}.get(rule.engine.review_period)
    return period if isinstance(period, str) else DEFAULT_REVIEW_PERIOD


