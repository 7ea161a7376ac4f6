"""`charterlint rules --test [PATH]`: a rule author's test runner for documented examples."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from charterlint.resources import data_dir
from tests.helpers import ACME_PACK, MINIMAL_CHARTER, rule_text, run, write_pack


def test_a_pack_whose_examples_behave_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["rules", "--test", str(ACME_PACK)], capsys) == (
        0, "6 examples of 3 rules: all behave as documented\n", "")


def test_one_built_in_rule_file_can_be_tested_alone(capsys: pytest.CaptureFixture[str]) -> None:
    path = data_dir("rules") / "CH020.yaml"
    assert run(["rules", "--test", str(path)], capsys) == (0, "2 examples of 1 rule: all behave as documented\n", "")


def test_without_a_path_the_built_in_rules_are_tested(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "--test"], capsys)
    last = out.splitlines()[-1]
    assert f"of {len(list(data_dir('rules').glob('CH*.yaml')))} rules: " in last
    assert code == (0 if last.endswith("all behave as documented") else 1)


def test_examples_that_do_not_behave_as_documented_are_reported_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "acme"
    shutil.copytree(ACME_PACK, pack)
    rule = pack / "ACME002.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("column: 24", "column: 7"), encoding="utf-8")
    first = pack / "ACME001.yaml"
    first.write_text(first.read_text(encoding="utf-8").replace("            hours: always\n", "", 2), encoding="utf-8")
    code, out, err = run(["rules", "--test", str(pack)], capsys)
    assert (code, err) == (1, "")
    lines = out.splitlines(keepends=True)
    # the schema finding's wording is the schema module's; here only where it is matters
    assert [line.startswith("    8:5: CH011 ") for line in lines].count(True) == 2
    assert "".join(line for line in lines if not line.startswith("    8:5: CH011 ")) == (
        "ACME001 fail example 1 (a phone line without provisions) does not behave as documented\n"
        "  expected:\n"
        '    8:5: channel "phone" lists no accessibility provisions (add accessibility, e.g. [relay_service])\n'
        "  got:\n"
        "    no finding\n"
        "  other findings (an example must be a valid charter apart from ACME001):\n"
        "ACME001 pass example 1 does not behave as documented\n"
        "  other findings (an example must be a valid charter apart from ACME001):\n"
        "ACME002 fail example 1 does not behave as documented\n"
        "  expected:\n"
        '    12:7: "commitments.answer.within" in channel "phone" is "10 minutes", longer than the maximum of "5 minutes"\n'
        "  got:\n"
        '    12:24: "commitments.answer.within" in channel "phone" is "10 minutes", longer than the maximum of "5 minutes"\n'
        "6 examples of 3 rules: 3 not as documented\n"
    )


def test_a_pass_example_with_a_finding_and_a_rule_without_fail_examples_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = ("\n    - description: a phone line without a name\n      charter: |\n"
               + textwrap.indent(MINIMAL_CHARTER, " " * 8))
    check = "  function: required\n  given: /channels/*\n  field: name"
    pack = write_pack(tmp_path / "p", "TST", {"TST001.yaml": rule_text("TST001", "name-missing", check, pass_=example)})
    code, out, _ = run(["rules", "--test", str(pack)], capsys)
    assert code == 1
    assert out == (
        "TST001 pass example 1 (a phone line without a name) does not behave as documented\n"
        "  expected:\n"
        "    no finding\n"
        "  got:\n"
        '    8:5: "name" in channel "phone" is missing\n'
        "note: no fail example documents TST001\n"
        "1 example of 1 rule: 1 not as documented\n"
    )


def test_a_pack_that_cannot_be_loaded_exits_2_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = rule_text("TST001", "bad-name", "  function: required\n  field: name").replace("name: bad", "name: Bad")
    pack = write_pack(tmp_path / "p", "TST", {"r.yaml": text})
    code, out, err = run(["rules", "--test", str(pack)], capsys)
    assert (code, out) == (2, "")
    assert err == f"charterlint: error: {pack / 'r.yaml'}:2:7: name: \"Bad-name\" does not match ^[a-z][a-z0-9]*(-[a-z0-9]+)*$\n"


def test_rules_lists_the_rules_of_a_pack(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", str(ACME_PACK)], capsys)
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == ["CODE", "ACME001", "ACME002", "ACME003"]
