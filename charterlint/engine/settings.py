"""What linting a file depends on besides the file: the enabled rules, the date, the limits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from charterlint.charter.dates import DEFAULT_REVIEW_PERIOD
from charterlint.model import RuleInfo, Severity
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
                        describe=partial(_help_pages, rule))


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


def review_period(rules: Mapping[str, ActiveRule]) -> str:
    """The period CH201 applies without a calendar cadence: its `max-age` option in effect
    (the reviewer reports' review status uses it, to agree with CH201)."""
    active = rules.get("CH201")
    if active is None:
        return DEFAULT_REVIEW_PERIOD
    max_age = {**active.rule.default_options, **active.options}.get("max-age")
    return max_age if isinstance(max_age, str) else DEFAULT_REVIEW_PERIOD


