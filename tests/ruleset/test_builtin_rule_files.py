"""The built-in rule files: each passes the rule schema, and the fast read gives what the full one does.

Runs read the built-in rule files without validating them (ruleset/index.py); these tests are why
they may.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from charterlint.engine.settings import ActiveRule
from charterlint.resources import data_dir
from charterlint.ruleset.__main__ import regenerate
from charterlint.ruleset.index import INDEX, builtin_rule_data, render_index
from charterlint.ruleset.rule import Rule, RuleFileError, load_builtin_rules, load_rule_file
from tests.helpers import ROOT

RULE_FILES = sorted(data_dir("rules").glob("CH*.yaml"))


@pytest.mark.parametrize("path", RULE_FILES, ids=[path.stem for path in RULE_FILES])
def test_each_rule_file_is_valid_and_read_the_same_fast(path: Path) -> None:
    validated = load_rule_file(path)  # parsed with positions and checked against rule.schema.json
    fast = {rule.code: rule for rule in load_builtin_rules()}[validated.code]
    assert fast == validated


def test_the_index_is_current() -> None:
    assert (data_dir("rules") / INDEX).read_text(encoding="utf-8") == render_index(data_dir("rules")), (
        "rules/index.json is stale: run `python -m charterlint.ruleset` (it regenerates docs/rules.md too)"
    )


def test_one_command_regenerates_the_index_and_the_rules_doc(tmp_path: Path) -> None:
    rules, doc = tmp_path / "rules", tmp_path / "rules.md"
    shutil.copytree(data_dir("rules"), rules)
    (rules / INDEX).unlink()
    assert regenerate(rules, doc) == [rules / INDEX, doc]
    assert (rules / INDEX).read_text(encoding="utf-8") == (data_dir("rules") / INDEX).read_text(encoding="utf-8")
    assert doc.read_text(encoding="utf-8") == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def test_regenerating_refuses_a_broken_rule_file_before_writing_anything(tmp_path: Path) -> None:
    rules, doc = tmp_path / "rules", tmp_path / "rules.md"
    shutil.copytree(data_dir("rules"), rules)
    broken = rules / "CH301.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("check: vague_commitments", "check: vague"),
                      encoding="utf-8")
    with pytest.raises(RuleFileError, match='check "vague" is not a built-in check'):
        regenerate(rules, doc)
    assert not doc.exists()


def test_a_stale_index_is_not_used(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(data_dir("rules"), rules)
    edited = rules / "CH301.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("severity: warning", "severity: error", 1),
                      encoding="utf-8")
    data = dict((path.name, found) for path, found in builtin_rule_data(rules))
    assert data["CH301.yaml"]["severity"] == "error"
    (rules / INDEX).write_text("not json", encoding="utf-8")
    assert len(builtin_rule_data(rules)) == len(RULE_FILES)


def test_help_pages_are_written_only_when_asked_for() -> None:
    from charterlint.ruleset import docs as rulesdoc

    rule: Rule = load_builtin_rules()[0]
    info = ActiveRule(rule, rule.severity).info()
    assert (info.help_text, info.help_markdown) == ("", "")
    assert info.help() == (rulesdoc.explain_rule(rule), rulesdoc.help_markdown(rule))
