"""Choosing outputs: every format by name, several per run, `--output-format` as an alias."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from charterlint.cli.app import main
from charterlint.reporters import reporters
from tests.helpers import ROOT

FERRIES = "tests/fixtures/report_scenario/ferries.charter.yaml"


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for variable in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(variable, raising=False)


def test_the_built_in_formats() -> None:
    assert sorted(reporters()) == ["github", "html", "json", "junit", "sarif", "text"]


def test_output_format_is_an_alias_of_format(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", FERRIES, "--select", "CH0", "--output-format", "json"])
    via_alias = capsys.readouterr().out
    main(["check", FERRIES, "--select", "CH0", "--format", "json"])
    assert via_alias == capsys.readouterr().out
    assert json.loads(via_alias)["summary"]["errors"] == 3


def test_every_format_can_go_to_a_file_in_one_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", FERRIES, "--select", "CH0", "--format", "text"]
    for name in reporters():
        args += ["--format", f"{name}:{tmp_path / name}"]
    assert main(args) == 1
    assert "3 errors in 1 of 1 file" in capsys.readouterr().out
    assert all((tmp_path / name).stat().st_size > 0 for name in reporters())


def test_every_format_is_documented() -> None:
    doc = (ROOT / "docs" / "output-formats.md").read_text(encoding="utf-8")
    assert [name for name in reporters() if f"\n## {name}\n" not in doc] == []


def test_a_run_whose_only_outputs_are_files_says_where_it_wrote_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sarif, junit = tmp_path / "out.sarif", tmp_path / "junit.xml"
    assert main(["check", FERRIES, "--select", "CH0", "--format", f"sarif:{sarif}", "--format", f"junit:{junit}"]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"wrote SARIF report to {sarif}\nwrote JUnit report to {junit}\n")  # stdout stays clean
    assert sarif.read_text(encoding="utf-8").startswith("{")


def test_a_run_that_prints_a_report_too_says_nothing_more(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", FERRIES, "--select", "CH0", "--format", "text", "--format", f"sarif:{tmp_path / 'out.sarif'}"])
    out, err = capsys.readouterr()
    assert "3 errors in 1 of 1 file" in out and err == ""


def test_quiet_leaves_out_where_the_files_went(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", FERRIES, "--select", "CH0", "--quiet", "--format", f"json:{tmp_path / 'out.json'}"])
    assert capsys.readouterr() == ("", "")
    assert (tmp_path / "out.json").is_file()


def test_a_report_to_a_special_file_is_not_announced(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", FERRIES, "--select", "CH0", "--format", "json:/dev/null"])
    assert capsys.readouterr().err == ""


def test_a_report_that_cannot_be_written_is_an_error_not_a_wrote_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", FERRIES, "--select", "CH0", "--format", f"json:{tmp_path / 'no' / 'out.json'}"]) == 2
    err = capsys.readouterr().err
    assert "wrote" not in err and f'cannot write "{tmp_path / "no" / "out.json"}"' in err
