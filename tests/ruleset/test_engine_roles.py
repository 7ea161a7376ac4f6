"""Engine roles are rule-file data: the schema, the problem kinds and the matrix cells agree with
the code that uses them, every kind has one rule, and packs cannot claim a role."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from charterlint.reporters.matrix_model import COLUMNS
from charterlint.resources import load_schema
from charterlint.ruleset.plugins import PluginError, load_rule_packs
from charterlint.ruleset.roles import builtin_engine_rules, engine_rules
from charterlint.ruleset.rule import EngineRole, RuleFileError
from charterlint.source.problem_kinds import KINDS
from tests.helpers import builtin_rules, rule_text, write_pack

ENGINE_SCHEMA = load_schema("rule.schema.json")["properties"]["engine"]["properties"]


def test_the_rule_schema_lists_the_problem_kinds_the_engine_reports() -> None:
    assert tuple(ENGINE_SCHEMA["reports"]["items"]["enum"]) == KINDS


def test_the_rule_schema_lists_the_coverage_matrix_columns() -> None:
    cells = load_schema("rule.schema.json")["properties"]["matrix-cells"]["items"]["enum"]
    assert cells == [column.key for column in COLUMNS]


def test_every_problem_kind_is_reported_by_exactly_one_builtin_rule() -> None:
    roles = builtin_engine_rules()
    assert sorted(roles.by_kind) == sorted(KINDS)
    reporting = [rule for rule in builtin_rules() if rule.engine.reports]
    assert sum(len(rule.engine.reports) for rule in reporting) == len(KINDS)


def test_one_rule_gives_the_review_period_and_a_second_is_an_error() -> None:
    rule = builtin_engine_rules().review_period
    assert rule is not None and rule.engine.review_period in rule.options
    second = replace(rule, code="CH299", source="CH299.yaml")
    with pytest.raises(RuleFileError, match=f"CH299.yaml: the review period is already {rule.code}'s option"):
        engine_rules([*builtin_rules(), second])


def test_gating_checks_run_first_and_only_engine_rules_have_no_check() -> None:
    roles = builtin_engine_rules()
    assert all(rule.engine.gates and rule.check is not None for rule in roles.first)
    assert [rule.code for rule in roles.first] == sorted(rule.code for rule in roles.first)


def test_a_kind_claimed_twice_or_by_no_rule_is_an_error() -> None:
    rules = builtin_rules()
    crash = next(rule for rule in rules if "crash" in rule.engine.reports)
    twice = [*rules, replace(crash, code="CH099", source="CH099.yaml")]
    with pytest.raises(RuleFileError, match='CH099.yaml: problem kind "crash" is already reported by'):
        engine_rules(twice)
    without = [rule if rule is not crash else replace(rule, engine=EngineRole()) for rule in rules]
    with pytest.raises(RuleFileError, match="no rule reports the problem kinds crash"):
        engine_rules(without)


@pytest.mark.parametrize(("field", "message"), [
    ("engine:\n  gates: true\n", "engine: only charterlint's own rules can have engine roles"),
    ("options-from: CH301\n", "options-from: only charterlint's own rules can share options"),
])
def test_a_pack_rule_may_not_claim_what_only_built_in_rules_have(tmp_path: Path, field: str, message: str) -> None:
    text = rule_text("ACME001", "name-missing", "  function: required\n  field: title")
    pack = write_pack(tmp_path / "acme", "ACME", {"ACME001.yaml": text + field})
    with pytest.raises(PluginError) as raised:
        load_rule_packs([pack], [], entry_points=False)
    assert str(raised.value) == f"{pack / 'ACME001.yaml'}:13:1: {message}"


def test_a_built_in_rule_with_options_from_has_the_other_rules_options() -> None:
    rules = {rule.code: rule for rule in builtin_rules()}
    assert rules["CH312"].options == rules["CH301"].options
    assert rules["CH312"].default_options["phrases"][0] == "as soon as possible"


def test_a_pack_rule_may_flag_matrix_cells(tmp_path: Path) -> None:
    text = rule_text("ACME001", "channel-accessibility-missing", "  function: required\n  given: /channels/*\n"
                     "  field: accessibility")
    pack = write_pack(tmp_path / "acme", "ACME", {"ACME001.yaml": text + "matrix-cells: [accessibility]\n"})
    [rule] = load_rule_packs([pack], [], entry_points=False)
    assert rule.matrix_cells == ("accessibility",) and rule.engine == EngineRole()
