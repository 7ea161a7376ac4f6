"""Documented examples are tests: run each rule's pass and fail examples and compare.

The one example runner, shared by `charterlint rules --test` and tests/ruleset/test_rule_examples.py.
An example is linted with its rule and the rules that check the file itself (the CH0xx rules:
those whose files give them engine roles that report problems or gate the content rules), so
it must be a valid charter apart from that rule. A fail example must give exactly its listed
findings of the rule, in order; a pass example none. Examples are linted as of 2026-01-01 unless they set
`today`, and as `example.charter.yaml` unless they set `filename`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from charterlint.engine.lint import lint_bytes
from charterlint.engine.settings import ActiveRule, LintSettings
from charterlint.model import Finding
from charterlint.ruleset.rule import Rule, load_builtin_rules
from charterlint.schema.validator import SchemaValidator, charter_validator
from charterlint.source.problem_kinds import CRASH

EXAMPLE_TODAY = dt.date(2026, 1, 1)
DEFAULT_FILENAME = "example.charter.yaml"
KINDS = ("fail", "pass")

Expected = tuple[int, int, str]  # line, column, message


@dataclass(frozen=True, slots=True)
class Example:
    """One documented example: the `index`-th (from 0) `fail` or `pass` example of a rule."""

    rule: Rule
    kind: str
    index: int

    @property
    def data(self) -> Mapping[str, Any]:
        example: Mapping[str, Any] = self.rule.examples[self.kind][self.index]
        return example

    @property
    def id(self) -> str:
        return f"{self.rule.code}-{self.kind}-{self.index}"

    @property
    def label(self) -> str:
        described = f" ({self.data['description']})" if self.data.get("description") else ""
        return f"{self.rule.code} {self.kind} example {self.index + 1}{described}"


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """What an example gave: the rule's findings against the documented ones, and any other."""

    example: Example
    expected: tuple[Expected, ...]
    actual: tuple[Expected, ...]
    others: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not self.others and self.actual == self.expected

    def explain(self) -> str:
        """Why the example does not behave as documented (empty when it does)."""
        if self.ok:
            return ""
        lines = [f"{self.example.label} does not behave as documented"]
        if self.actual != self.expected:
            lines += ["  expected:", *_listed(self.expected), "  got:", *_listed(self.actual)]
        if self.others:
            lines.append(f"  other findings (an example must be a valid charter apart from {self.example.rule.code}):")
            lines += [f"    {f.span.start.line}:{f.span.start.column}: {f.code} {f.message}" for f in self.others]
        return "\n".join(lines) + "\n"


def _listed(findings: Sequence[Expected]) -> list[str]:
    return [f"    {line}:{column}: {message}" for line, column, message in findings] or ["    no finding"]


def examples_of(rules: Sequence[Rule]) -> list[Example]:
    """Every documented example of the rules, fail examples first for each rule; not those of the
    diff rules (engine.compares): their examples are pairs of versions, which diff.examples runs."""
    return [
        Example(rule, kind, index)
        for rule in rules
        if not rule.engine.compares
        for kind in KINDS
        for index in range(len(rule.examples.get(kind, ())))
    ]


def _settings(example: Example, engine_rules: Sequence[Rule], validator: SchemaValidator) -> LintSettings:
    rule = example.rule
    active = {r.code: ActiveRule(r, r.severity) for r in engine_rules if r.engine.checks_the_file}
    active[rule.code] = ActiveRule(rule, rule.severity, example.data.get("options", {}))
    today = dt.date.fromisoformat(example.data["today"]) if "today" in example.data else EXAMPLE_TODAY
    return LintSettings(rules=dict(sorted(active.items())), today=today, validator=validator)


def run_example(example: Example, engine_rules: Sequence[Rule],
                validator: SchemaValidator | None = None) -> ExampleResult:
    """Lint one example with its rule and the rules among `engine_rules` that check the file itself."""
    settings = _settings(example, engine_rules, validator or charter_validator())
    filename = example.data.get("filename", DEFAULT_FILENAME)
    result = lint_bytes(filename, example.data["charter"].encode("utf-8"), settings)
    code = example.rule.code
    actual = tuple((f.span.start.line, f.span.start.column, f.message) for f in result.findings if f.code == code)
    expected = tuple((f["line"], f["column"], f["message"]) for f in example.data.get("findings", ()))
    others = tuple(f for f in result.findings if f.code != code)
    return ExampleResult(example, expected if example.kind == "fail" else (), actual, others)


def run_examples(rules: Sequence[Rule], engine_rules: Sequence[Rule] | None = None) -> list[ExampleResult]:
    """Every example of `rules`, in order; the rules that check the file itself come from
    `engine_rules` (default: built-in)."""
    engine = load_builtin_rules() if engine_rules is None else engine_rules
    validator = charter_validator()
    return [run_example(example, engine, validator) for example in examples_of(rules)]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def render_results(results: Sequence[ExampleResult], rules: Sequence[Rule]) -> str:
    """What `charterlint rules --test` prints: each failing example, then a summary."""
    lines = [result.explain() for result in results if not result.ok]
    # no example can make charterlint crash: the rule reporting crashes (CH000) has none to give
    untested = [rule.code for rule in rules if CRASH not in rule.engine.reports and not rule.examples.get("fail")]
    if untested:
        lines.append(f"note: no fail example documents {', '.join(untested)}\n")
    failed = sum(not result.ok for result in results)
    verdict = "all behave as documented" if not failed else f"{failed} not as documented"
    lines.append(f"{_count(len(results), 'example')} of {_count(len(rules), 'rule')}: {verdict}\n")
    return "".join(lines)
