"""The documented examples of the diff rules, run as tests: each is a pair of versions.

An example of a diff rule (engine.compares) gives the base version in `base` and the new one in
`charter`; both must be valid charters (an empty `charter`: the file was deleted). A fail example must give exactly its listed findings
of the rule, in order, and no finding of another diff rule; a pass example none of the rule.
The runner behind `charterlint rules --test` and tests/diff/test_rule_examples.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from charterlint.diff.change import BASE_UNUSABLE
from charterlint.diff.versions import DiffSettings, compare_versions
from charterlint.engine.examples import DEFAULT_FILENAME, EXAMPLE_TODAY, Example, ExampleResult
from charterlint.engine.settings import ActiveRule
from charterlint.model import Finding, Severity, Span
from charterlint.ruleset.rule import Rule
from charterlint.schema.validator import SchemaValidator, charter_validator


def diff_examples_of(rules: Sequence[Rule]) -> list[Example]:
    """Every documented example of the diff rules among `rules`, fail examples first."""
    return [Example(rule, kind, index) for rule in rules if rule.engine.compares
            for kind in ("fail", "pass") for index in range(len(rule.examples.get(kind, ())))]


def run_diff_example(example: Example, rules: Sequence[Rule], validator: SchemaValidator | None = None) -> ExampleResult:
    """Compare an example's two versions with every diff rule among `rules` enabled."""
    diff_rules = tuple(rule for rule in rules if rule.engine.compares)
    settings = DiffSettings({r.engine.compares: ActiveRule(r, r.severity) for r in diff_rules}, diff_rules,
                            validator or charter_validator(), EXAMPLE_TODAY)
    data = example.data
    filename = data.get("filename", DEFAULT_FILENAME)
    new = data["charter"].encode("utf-8") if data["charter"] else None  # "": the file was deleted
    compared = compare_versions(filename, data.get("base", "").encode("utf-8"), new, settings)
    code = example.rule.code
    findings = compared.result.findings
    actual = tuple((f.span.start.line, f.span.start.column, f.message) for f in findings if f.code == code)
    expected = tuple((f["line"], f["column"], f["message"]) for f in data.get("findings", ()))
    # a pass example whose base is not a valid charter proves nothing
    unusable = {rule.code for rule in diff_rules if rule.engine.compares == BASE_UNUSABLE}
    others = tuple(f for f in findings if f.code != code and (example.kind == "fail" or f.code in unusable))
    if compared.note:  # the new version is not a valid charter
        others += (Finding(filename, "note", "note", Severity.ERROR, compared.note, Span.at(1, 1)),)
    return ExampleResult(example, expected if example.kind == "fail" else (), actual, others)


def run_diff_examples(rules: Sequence[Rule]) -> list[ExampleResult]:
    validator = charter_validator()
    return [run_diff_example(example, rules, validator) for example in diff_examples_of(rules)]
