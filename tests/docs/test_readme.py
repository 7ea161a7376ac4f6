"""The README's samples are real: the output block is what the command prints, the config is valid."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from charterlint.cli.app import main
from tests.helpers import ROOT, builtin_rules

README = (ROOT / "README.md").read_text(encoding="utf-8")


def console_block_after(marker: str) -> str:
    start = README.index(marker)
    match = re.compile(r"```console\n\$ (.*?)\n(.*?)```", re.S).search(README, start)
    assert match is not None
    return match.group(2)


def test_the_readme_output_sample_is_what_charterlint_prints(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    code = main(["check", "--isolated", "--color", "never", "--today", "2026-01-01", "examples/"])
    assert code == 1
    assert capsys.readouterr().out == console_block_after("<!-- output of: charterlint check")


def test_the_readme_counts_the_rules() -> None:
    assert f"Runs [{len(builtin_rules())} rules]" in README


def test_the_readme_configuration_example_is_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    block = README[README.index("## Configuration and suppressions"):]
    config = re.search(r"```yaml\n(.*?)```", block, re.S)
    assert config is not None
    (tmp_path / ".charterlint.yaml").write_text(config.group(1), encoding="utf-8")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--show-config"]) == 0
    assert "max-age: 6 months" in capsys.readouterr().out


def test_the_readme_format_sample_passes_the_recommended_preset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = re.search(r"## The charter format in brief\n\n```yaml\n(.*?)```", README, re.S)
    assert sample is not None
    (tmp_path / "sample.charter.yaml").write_text(sample.group(1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--isolated", "--today", "2026-01-01", "sample.charter.yaml"]) == 0
    assert capsys.readouterr().out == "no findings in 1 file\n"
