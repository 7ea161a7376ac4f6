"""Every diff rule's documented examples (pairs of versions) behave as documented."""

from __future__ import annotations

import pytest

from charterlint.diff.examples import diff_examples_of, run_diff_example
from charterlint.diff.rules import diff_rules
from charterlint.engine.examples import Example
from tests.helpers import _validator, builtin_rules

EXAMPLES = [pytest.param(example, id=example.id) for example in diff_examples_of(builtin_rules())]


@pytest.mark.parametrize("example", EXAMPLES)
def test_documented_diff_example_behaves_as_documented(example: Example) -> None:
    result = run_diff_example(example, builtin_rules(), _validator())
    assert result.ok, result.explain()


def test_every_change_kind_has_one_rule_with_a_failing_example() -> None:
    rules = diff_rules(builtin_rules())
    assert all(rule.examples.get("fail") for rule in rules.values())
    assert len(EXAMPLES) >= 2 * len(rules)
