"""Every rule's documented examples are tests: fail examples give exactly their findings.

The examples run through charterlint.engine.examples, the runner behind `charterlint rules --test`.
"""

from __future__ import annotations

import pytest

from charterlint.engine.examples import Example, examples_of, run_example
from tests.helpers import _validator, builtin_rules

EXAMPLES = [pytest.param(example, id=example.id) for example in examples_of(builtin_rules())]


@pytest.mark.parametrize("example", EXAMPLES)
def test_documented_example_behaves_as_documented(example: Example) -> None:
    result = run_example(example, builtin_rules(), _validator())
    assert result.ok, result.explain()


def test_every_rule_but_internal_error_documents_a_failing_example() -> None:
    missing = [r.code for r in builtin_rules() if r.code != "CH000" and not r.examples.get("fail")]
    assert missing == []
