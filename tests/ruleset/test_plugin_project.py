"""The test project: a declarative pack, an installed Python pack and a crashing local plugin."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from charterlint.cli.app import main
from charterlint.engine.examples import run_examples
from charterlint.ruleset.plugins import Plugin, find_entry_points, load_rule_packs, rules_of
from charterlint.ruleset.selection import select_rules
from tests.helpers import (
    ACME_CHARTER,
    ACME_PACK,
    LOCAL_PLUGINS,
    PROJECT,
    REGULATOR,
    REGULATOR_ENTRY_POINTS,
    fake_install,
    installed_regulator,  # noqa: F401 - a fixture
    lint_with,
    site,  # noqa: F401 - a fixture
)


def test_the_installed_pack_is_found_through_its_entry_point(installed_regulator: Path) -> None:
    assert find_entry_points() == (
        Plugin("charterlint-regulator", "regulator", "charterlint_regulator:rule_pack"),
    )


def test_the_faked_installation_declares_what_the_pack_declares() -> None:
    pyproject = (REGULATOR / "pyproject.toml").read_text(encoding="utf-8")
    declared = re.search(r'\[project\.entry-points\."charterlint\.rules"\]\n(.*)\n', pyproject)
    assert declared is not None
    assert REGULATOR_ENTRY_POINTS.splitlines()[1] == declared[1].replace('"', "")


def test_every_pack_adds_its_rules_under_its_own_prefix(installed_regulator: Path) -> None:
    rules = load_rule_packs([ACME_PACK], ["boom_rules"], search_path=[LOCAL_PLUGINS])
    assert [(rule.code, rule.name) for rule in rules] == [
        ("ACME001", "channel-without-accessibility"),
        ("ACME002", "phone-answer-too-slow"),
        ("ACME003", "written-reply-too-slow"),
        ("BOOM001", "always-crashes"),
        ("REG001", "ombudsman-missing"),
        ("REG002", "complaint-acknowledgement-too-slow"),
    ]


def test_both_packs_report_with_their_own_codes_and_a_crashing_rule_is_ch000(installed_regulator: Path) -> None:
    rules = load_rule_packs([ACME_PACK], ["boom_rules"], search_path=[LOCAL_PLUGINS])
    found = lint_with(rules, ACME_CHARTER.read_text(encoding="utf-8"), "acme-water.charter.yaml")
    assert found == [
        ("CH000", 1, 1, "rule BOOM001 (always-crashes) crashed: RuntimeError: cannot read acme-water.charter.yaml"),
        ("ACME002", 20, 24, '"commitments.answer.within" in channel "phone" is "10 minutes", longer than the maximum'
                            ' of "5 minutes"'),
        ("ACME001", 22, 5, 'channel "email" lists no accessibility provisions (add accessibility, e.g. [relay_service])'),
        ("ACME003", 26, 25, '"commitments.respond.within" in channel "email" is "3 working days", longer than the'
                            ' maximum of "2 working days"'),
        ("ACME001", 28, 5, 'channel "web-form" lists no accessibility provisions (add accessibility, e.g.'
                           " [relay_service])"),
        ("ACME003", 32, 25, '"commitments.respond.within" in channel "web-form" is "48 hours", which cannot be compared'
                            ' with the maximum of "2 working days" (give it in business or working days)'),
        ("REG002", 36, 25, '"feedback.acknowledge.within" is "10 working days", longer than the maximum of'
                           ' "5 working days"'),
        ("REG001", 38, 3, "a utility charter names no ombudsman (add one to escalation.external, with type: ombudsman)"),
    ]


def test_a_crashing_rule_does_not_stop_the_next_file(installed_regulator: Path) -> None:
    rules = load_rule_packs([], ["boom_rules"], search_path=[LOCAL_PLUGINS])
    text = ACME_CHARTER.read_text(encoding="utf-8")
    for path in ("a.charter.yaml", "b.charter.yaml"):
        found = lint_with(rules, text, path)
        assert [code for code, *_ in found] == ["CH000", "REG002", "REG001"]


def test_pack_rules_are_selected_by_prefix_code_and_name(installed_regulator: Path) -> None:
    rules = load_rule_packs([ACME_PACK], [])
    assert [r.code for r in select_rules(rules, select=["ACME", "REG001", "complaint-acknowledgement-too-slow"])] == [
        "ACME001", "ACME002", "ACME003", "REG001", "REG002",
    ]


def test_the_python_pack_documents_examples_that_behave_as_documented(installed_regulator: Path) -> None:
    from charterlint_regulator import rule_pack

    results = run_examples(rules_of(rule_pack))
    assert [(r.example.id, r.ok) for r in results] == [
        ("REG001-fail-0", True), ("REG001-pass-0", True), ("REG001-pass-1", True),
        ("REG002-fail-0", True), ("REG002-pass-0", True),
    ]


def test_entry_points_can_be_left_out(installed_regulator: Path) -> None:
    assert [r.code for r in load_rule_packs([], [], entry_points=False)] == []


def test_the_command_line_runs_the_projects_packs_from_its_configuration(
    installed_regulator: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(PROJECT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    code = main(["check", "--color", "never", "--today", "2026-01-01", "--select", "CH0,ACME,REG,BOOM", "charters"])
    out, err = capsys.readouterr()
    assert (code, err) == (1, "")
    assert [line for line in out.splitlines() if line.startswith("charters/")] == [
        "charters/acme-water.charter.yaml:1:1: error CH000 [internal-error] rule BOOM001 (always-crashes) crashed:"
        " RuntimeError: cannot read charters/acme-water.charter.yaml",
        'charters/acme-water.charter.yaml:20:24: error ACME002 [phone-answer-too-slow] "commitments.answer.within"'
        ' in channel "phone" is "10 minutes", longer than the maximum of "5 minutes"',
        'charters/acme-water.charter.yaml:22:5: warning ACME001 [channel-without-accessibility] channel "email"'
        " lists no accessibility provisions (add accessibility, e.g. [relay_service])",
        'charters/acme-water.charter.yaml:26:25: error ACME003 [written-reply-too-slow] "commitments.respond.within"'
        ' in channel "email" is "3 working days", longer than the maximum of "2 working days"',
        'charters/acme-water.charter.yaml:28:5: warning ACME001 [channel-without-accessibility] channel "web-form"'
        " lists no accessibility provisions (add accessibility, e.g. [relay_service])",
        'charters/acme-water.charter.yaml:32:25: error ACME003 [written-reply-too-slow] "commitments.respond.within"'
        ' in channel "web-form" is "48 hours", which cannot be compared with the maximum of "2 working days"'
        " (give it in business or working days)",
        'charters/acme-water.charter.yaml:36:25: warning REG002 [complaint-acknowledgement-too-slow]'
        ' "feedback.acknowledge.within" is "10 working days", longer than the maximum of "5 working days"',
        "charters/acme-water.charter.yaml:38:3: error REG001 [ombudsman-missing] a utility charter names no ombudsman"
        " (add one to escalation.external, with type: ombudsman)",
    ]


def test_an_installed_plugin_that_fails_to_import_stops_the_run_with_exit_2(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_install(site, "crashing-pack", "[charterlint.rules]\ncrash = crashing_import:rule_pack\n")
    (site / "crashing_import.py").write_text("raise ImportError('needs a newer charterlint')\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.charter.yaml").write_text(ACME_CHARTER.read_text(encoding="utf-8"), encoding="utf-8")
    code = main(["check", "--isolated", "a.charter.yaml"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert 'crashing-pack[crash]: cannot load "crashing_import:rule_pack": ImportError: needs a newer charterlint' in err
