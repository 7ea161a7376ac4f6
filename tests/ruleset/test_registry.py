"""The registry of built-in checks and the rule files agree: every rule file names a check that
exists, every registered check serves exactly one rule file, and a name the registry lacks is
an error naming the rule file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from charterlint.checks.registry import builtin_checks
from charterlint.resources import data_dir
from charterlint.ruleset.index import parse, rule_paths
from charterlint.ruleset.rule import ENGINE, RuleFileError, load_builtin_rules, load_rule_file

RULE_FILES = rule_paths(data_dir("rules"))


def named_checks() -> Counter[str]:
    """How many rule files name each check (by name: not `engine`, not a generic check)."""
    checks = (parse(path.read_bytes())["check"] for path in RULE_FILES)
    return Counter(check for check in checks if isinstance(check, str) and check != ENGINE)


def test_every_rule_file_names_a_registered_check_or_a_generic_or_engine_one() -> None:
    registered = builtin_checks()
    unknown = sorted(name for name in named_checks() if name not in registered)
    assert not unknown, f"rule files name checks charterlint/checks/registry.py lacks: {unknown}"
    for rule in load_builtin_rules():
        assert (rule.check is None) == (rule.engine.reports != () or bool(rule.engine.compares)), rule.code


def test_every_registered_check_serves_exactly_one_rule_file() -> None:
    named = named_checks()
    assert {name: named[name] for name in builtin_checks() if named[name] != 1} == {}


def test_a_rule_runs_the_function_registered_under_the_name_its_file_gives() -> None:
    registered = builtin_checks()
    names = {parse(path.read_bytes())["code"]: parse(path.read_bytes())["check"] for path in RULE_FILES}
    for rule in load_builtin_rules():
        if isinstance(names[rule.code], str) and names[rule.code] != ENGINE:
            assert rule.check is registered[names[rule.code]], rule.code


def test_a_check_the_registry_lacks_is_an_error_naming_the_rule_file(tmp_path: Path) -> None:
    path = tmp_path / "CH301.yaml"
    source = (data_dir("rules") / "CH301.yaml").read_text(encoding="utf-8")
    path.write_text(source.replace("check: vague_commitments\n", "check: vague_commitment\n"), encoding="utf-8")
    with pytest.raises(RuleFileError) as raised:
        load_rule_file(path)
    assert str(raised.value) == (f'{path}: check "vague_commitment" is not a built-in check'
                                 ' (charterlint/checks/registry.py) (did you mean "vague_commitments"?)')


@pytest.mark.parametrize(("old", "new"), [
    ("  reports: [unknown-field]\n", "  suppressible: true\n"),
    ("check: engine\n", "check: vague_commitments\n"),
])
def test_check_engine_goes_with_reported_problem_kinds_and_only_with_them(tmp_path: Path, old: str,
                                                                          new: str) -> None:
    path = tmp_path / "CH012.yaml"
    source = (data_dir("rules") / "CH012.yaml").read_text(encoding="utf-8")
    assert old in source
    path.write_text(source.replace(old, new), encoding="utf-8")
    with pytest.raises(RuleFileError, match="check: engine exactly when the engine reports problem kinds"):
        load_rule_file(path)


def test_a_generic_check_of_a_builtin_rule_is_validated_as_a_packs_is(tmp_path: Path) -> None:
    # a built-in rule file bound to a generic check (CH404 was one) whose message names no placeholder it has
    path = tmp_path / "CH404.yaml"
    source = (data_dir("rules") / "CH404.yaml").read_text(encoding="utf-8")
    generic = ("check:\n  function: required\n  given: /escalation/stages/*\n  field: respond\n"
               "  message: '{stage} has no timescale'\n")
    assert "check: escalation_stage_without_timescale\n" in source
    path.write_text(source.replace("check: escalation_stage_without_timescale\n", generic), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r'/check/message: unknown placeholder "\{stage\}"'):
        load_rule_file(path)
