"""Every rule's documented examples are tests: fail examples give exactly their findings."""

from __future__ import annotations

import datetime as dt

import pytest

from charterlint.rule import Rule
from tests.helpers import TODAY, builtin_rules, lint_text

EXAMPLES = [
    pytest.param(rule, kind, index, example, id=f"{rule.code}-{kind}-{index}")
    for rule in builtin_rules()
    for kind in ("fail", "pass")
    for index, example in enumerate(rule.examples.get(kind, ()))
]


@pytest.mark.parametrize(("rule", "kind", "index", "example"), EXAMPLES)
def test_documented_example_behaves_as_documented(rule: Rule, kind: str, index: int, example: dict) -> None:
    today = dt.date.fromisoformat(example["today"]) if "today" in example else TODAY
    result = lint_text(
        example["charter"],
        [rule.code, "CH0"],
        filename=example.get("filename", "example.charter.yaml"),
        today=today,
        options={rule.code: example.get("options", {})},
    )
    own = [(f.span.start.line, f.span.start.column, f.message) for f in result.findings if f.code == rule.code]
    others = [f for f in result.findings if f.code != rule.code]
    assert others == [], "the example must be a valid charter apart from this rule"
    expected = [(f["line"], f["column"], f["message"]) for f in example.get("findings", [])]
    if kind == "pass":
        assert own == []
    else:
        assert own == expected


def test_every_rule_but_internal_error_documents_a_failing_example() -> None:
    missing = [r.code for r in builtin_rules() if r.code != "CH000" and not r.examples.get("fail")]
    assert missing == []
