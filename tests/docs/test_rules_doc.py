"""docs/rules.md is generated from the rule files; `rules` and `explain` read the same data."""

from __future__ import annotations

import pytest

from charterlint.cli.app import main
from charterlint.resources import data_dir
from charterlint.ruleset.docs import rules_markdown
from tests.helpers import PROJECT, ROOT, builtin_rules

DOC = ROOT / "docs" / "rules.md"
RULE_FILES = sorted(data_dir("rules").glob("CH*.yaml"))


def test_docs_rules_md_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == rules_markdown(builtin_rules()), (
        "docs/rules.md is stale: run `python -m charterlint.ruleset` (it regenerates rules/index.json too)"
    )


def test_rules_lists_every_rule_file_with_its_name_severity_and_preset(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--isolated"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["CODE", "NAME", "SEVERITY", "PRESET", "SUMMARY"]
    shipped = [[r.code, r.name, r.severity.label, "diff" if r.engine.compares else "recommended" if r.recommended else "strict"]
               for r in builtin_rules()]
    assert [line.split()[:4] for line in out[1:]] == shipped
    assert [line.split()[0] for line in out[1:]] == sorted(path.stem for path in RULE_FILES)


def test_explain_by_code_and_by_name_print_the_same_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "CH104"]) == 0
    by_code = capsys.readouterr().out
    assert main(["explain", "feedback-only-via-separate-channel"]) == 0
    assert capsys.readouterr().out == by_code
    assert by_code.startswith("CH104 feedback-only-via-separate-channel\nSeverity: error    Presets: recommended, strict\n")
    assert "\nFails" in by_code and "\nPasses" in by_code


def test_explain_refuses_a_prefix_that_names_several_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--isolated", "CH1"]) == 2
    count = sum(1 for rule in builtin_rules() if rule.code.startswith("CH1"))  # the CH1xx family grows
    assert count > 1
    assert f'explain: "CH1" names {count} rules: give one code or name' in capsys.readouterr().err


def test_rules_and_explain_know_the_packs_the_configuration_loads(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(PROJECT)
    assert main(["rules"]) == 0  # a configuration found loads no pack for rules (docs/security.md)
    assert "ACME001" not in capsys.readouterr().out
    assert main(["rules", "--config", ".charterlint.yaml"]) == 0  # one named with --config does
    assert "\nACME001  " in capsys.readouterr().out
    assert main(["explain", "--config", ".charterlint.yaml", "ACME001"]) == 0
    assert capsys.readouterr().out.startswith("ACME001 channel-without-accessibility\n")
    assert main(["rules", "--isolated"]) == 0
    assert "ACME001" not in capsys.readouterr().out
