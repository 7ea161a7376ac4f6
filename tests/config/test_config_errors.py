"""A configuration that cannot be used exits 2 with one line naming the file, line, column and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from charterlint.cli.app import main
from tests.helpers import cli, project, write

__all__ = ["project"]  # the fixture


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("selct: [CH1]\n", '.charterlint.yaml:1:1: selct: unknown key "selct" (did you mean "select"?)'),
        ("select: [CH1, CH999]\n", '.charterlint.yaml:1:15: select: "CH999" names no rule (did you mean "CH690"?)'),
        ("ignore:\n  - vague-comitment\n",
         '.charterlint.yaml:2:5: ignore: "vague-comitment" names no rule (did you mean "vague-commitment"?)'),
        ("extend-select: [CH1\n", ".charterlint.yaml:1:16: invalid YAML: the [ opened here is never closed"
                                  " (end the list with ])"),
        ("select: CH1\n", '.charterlint.yaml:1:9: select: expected a list, not "CH1"'),
        ("select: [CH1]\nselect: [CH2]\n", '.charterlint.yaml:2:1: select: duplicate key "select" (first on line 1):'
                                           " parsers keep only the last value; remove or merge one"),
        ("- CH1\n", ".charterlint.yaml:1:1: configuration: expected a mapping of settings, not a list"),
        ("rules:\n  CH201:\n    severity: fatal\n",
         '.charterlint.yaml:3:15: rules.CH201.severity: "fatal" is not one of error, warning, info'),
        ("rules:\n  CH201:\n    severty: error\n",
         '.charterlint.yaml:3:5: rules.CH201.severty: unknown key "severty" (did you mean "severity"?)'),
        ("rules:\n  stale-reveiw: {severity: info}\n",
         '.charterlint.yaml:2:3: rules.stale-reveiw: "stale-reveiw" names no rule (did you mean "stale-review"?)'),
        ("rules:\n  CH3: {severity: info}\n",
         ".charterlint.yaml:2:3: rules.CH3: \"CH3\" names several rules: rules takes one rule's code or name"),
        ("rules:\n  CH201:\n    options: {max-age: 6 moons}\n",
         '.charterlint.yaml:3:24: rules.CH201.options.max-age: "6 moons" is not a valid max-age'
         " (see charterlint explain CH201)"),
        ("rules:\n  CH201:\n    options: {maxage: 6 months}\n",
         '.charterlint.yaml:3:15: rules.CH201.options.maxage: unknown option "maxage" (did you mean "max-age"?)'),
        ("rules:\n  CH030:\n    options: {require-reason: yes}\n",
         '.charterlint.yaml:3:31: rules.CH030.options.require-reason: expected true or false, not "yes"'),
        ("rules:\n  CH105:\n    options: {x: 1}\n",
         ".charterlint.yaml:3:15: rules.CH105.options.x: rule CH105 (feedback-not-on-channel) has no options"),
        ("per-file-ignores:\n  '*.md': [CH9]\n",
         '.charterlint.yaml:2:12: per-file-ignores.*.md: "CH9" names no rule (did you mean "CH690"?)'),
        ("exclude: legacy\n", '.charterlint.yaml:1:10: exclude: expected a list, not "legacy"'),
        ("fail-on: fatal\n", '.charterlint.yaml:1:10: fail-on: "fatal" is not one of error, warning, info'),
        ("today: 2026-13-01\n", '.charterlint.yaml:1:8: today: "2026-13-01" is not a date: expected e.g. "2026-01-01"'),
        ("format: pdf\n", '.charterlint.yaml:1:9: format: "pdf" is not one of text, json, sarif, github, junit, html, auto'),
        ("format: [text, jsn]\n",
         '.charterlint.yaml:1:16: format: "jsn" is not one of text, json, sarif, github, junit, html, auto'
         ' (did you mean "json"?)'),
        ("limits: {max-bytes: 0}\n", ".charterlint.yaml:1:21: limits.max-bytes: must be at least 1, not 0"),
        ("limits: {max-byte: 10}\n", '.charterlint.yaml:1:10: limits.max-byte: unknown key "max-byte"'
                                     ' (did you mean "max-bytes"?)'),
        ("extends: strikt\n", '.charterlint.yaml:1:10: extends: "strikt" is neither a preset (recommended, strict)'
                              ' nor a configuration file (did you mean "strict"?)'),
        ("extends: ../base.yaml\n",
         '.charterlint.yaml:1:10: extends: "../base.yaml" does not exist (paths are relative to .charterlint.yaml)'),
        ("rulesets: [house-rules/]\n",
         '.charterlint.yaml:1:12: rulesets: "house-rules/" does not exist (paths are relative to .charterlint.yaml)'),
        ("plugins: [house rules]\n",
         '.charterlint.yaml:1:11: plugins: "house rules" is not a module name: expected e.g. "house_rules"'),
    ],
)
def test_a_bad_setting_is_reported_at_its_line_and_key(
    project: Path, capsys: pytest.CaptureFixture[str], text: str, error: str
) -> None:
    write(project / ".charterlint.yaml", text)
    assert cli(capsys, "check", "--show-files") == (2, "", f"charterlint: error: {error}\n")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ('[tool.charterlint]\nselect = ["CH1",\n  "CH999"]\n',
         'pyproject.toml:2:1: select: "CH999" names no rule (did you mean "CH690"?)'),
        ('[tool.charterlint]\nselect = ["CH1"]\n\n[tool.charterlint.rules.CH201]\nseverity = "fatal"\n',
         'pyproject.toml:5:1: rules.CH201.severity: "fatal" is not one of error, warning, info'),
        ('[tool.charterlint]\nrules = { CH201 = { severty = "error" } }\n',
         'pyproject.toml:2:1: rules.CH201.severty: unknown key "severty" (did you mean "severity"?)'),
        ('[tool.charterlint]\nfail_on = "error"\n',
         'pyproject.toml:2:1: fail_on: unknown key "fail_on" (did you mean "fail-on"?)'),
        ('[tool.charterlint]\nselect = ]\n', "pyproject.toml:2:10: invalid TOML: Invalid value"),
        ('[tool.charterlint]\nselect = [\n', "pyproject.toml: invalid TOML: Invalid value (at end of document)"),
    ],
)
def test_pyproject_errors_name_the_line_of_the_key(
    project: Path, capsys: pytest.CaptureFixture[str], text: str, error: str
) -> None:
    write(project / "pyproject.toml", text)
    assert cli(capsys, "check", "--show-files") == (2, "", f"charterlint: error: {error}\n")


def test_an_extends_cycle_is_an_error_naming_the_chain(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / ".charterlint.yaml", "extends: config/base.yaml\n")
    write(project / "config" / "base.yaml", "extends: ../.charterlint.yaml\n")
    assert cli(capsys, "check") == (2, "", 'charterlint: error: config/base.yaml:1:10: extends: "../.charterlint.yaml"'
                                           " makes a cycle: .charterlint.yaml -> config/base.yaml -> .charterlint.yaml\n")


def test_an_error_in_an_extended_file_names_that_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / ".charterlint.yaml", "extends: shared.yaml\n")
    write(project / "shared.yaml", "\nignore: [CH4O9]\n")
    assert cli(capsys, "check") == (
        2, "", 'charterlint: error: shared.yaml:2:10: ignore: "CH4O9" names no rule (did you mean "CH409"?)\n')


def test_command_line_selectors_are_checked_the_same_way(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "check", "--select", "CH1,stale-reveiw") == (
        2, "", 'charterlint: error: --select: "stale-reveiw" names no rule (did you mean "stale-review"?)\n')
    assert cli(capsys, "check", "--ignore", "CH999") == (
        2, "", 'charterlint: error: --ignore: "CH999" names no rule (did you mean "CH690"?)\n')


def test_a_missing_config_file_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "check", "--config", "nope.yaml") == (2, "", 'charterlint: error: --config: "nope.yaml" does not exist\n')


def test_a_config_file_given_without_the_tool_section_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "other" / "pyproject.toml", '[project]\nname = "x"\n')
    assert cli(capsys, "check", "--config", "other/pyproject.toml") == (
        2, "", "charterlint: error: other/pyproject.toml: has no [tool.charterlint] section\n")


def test_a_plugin_that_fails_to_import_is_an_error_naming_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / ".charterlint.yaml", "plugins: [no_such_house_rules]\n")
    code, out, err = cli(capsys, "check")
    assert (code, out) == (2, "")
    assert err == ('charterlint: error: local[no_such_house_rules]: cannot load "no_such_house_rules":'
                   " ModuleNotFoundError: No module named 'no_such_house_rules'\n")


def test_a_plugin_module_is_imported_from_the_configuration_files_directory(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project / ".charterlint.yaml", "plugins: [broken_house_rules]\n")
    write(project / "broken_house_rules.py", "raise RuntimeError('half-written plugin')\n")
    write(project / "sub" / "w.charter.yaml", "title: x\n")
    monkeypatch.chdir(project / "sub")
    assert cli(capsys, "check") == (2, "", 'charterlint: error: local[broken_house_rules]: cannot load'
                                           ' "broken_house_rules": RuntimeError: half-written plugin\n')


def test_a_pyproject_with_a_broken_charterlint_header_is_an_error_not_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.charterlint\nselect = ["CH1"]\n', encoding="utf-8")
    (tmp_path / "a.charter.yaml").write_text("title: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "."]) == 2
    err = capsys.readouterr().err
    assert err.startswith("charterlint: error: ") and "pyproject.toml:" in err and "invalid TOML" in err
