"""Report and baseline paths (issue 14, item 3): a link is replaced, never followed out of the tree;
missing folders are an error; special files the user names (/dev/stdout, a pipe) still work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from charterlint.cli.app import main
from tests.helpers import MINIMAL_CHARTER, ROOT


@pytest.fixture
def repo(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    (project / "a.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    return project


def test_a_committed_link_to_a_file_outside_is_replaced_not_followed(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "precious.txt"
    outside.write_text("precious", encoding="utf-8")
    os.symlink(outside, repo / "charterlint.sarif")
    assert main(["check", "--select", "CH0", "--format", "sarif:charterlint.sarif"]) == 0
    assert outside.read_text(encoding="utf-8") == "precious"
    assert not (repo / "charterlint.sarif").is_symlink()
    assert (repo / "charterlint.sarif").read_text(encoding="utf-8").startswith("{")


def test_a_dangling_link_makes_no_directory_outside(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    os.symlink(outside / "made" / "by" / "charterlint.json", repo / "report.json")
    assert main(["check", "--select", "CH0", "--format", "json:report.json"]) == 0
    assert list(outside.iterdir()) == []
    assert not (repo / "report.json").is_symlink()
    assert (repo / "report.json").read_text(encoding="utf-8").startswith("{")


def test_a_baseline_written_to_a_link_replaces_the_link(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "precious.json"
    outside.write_text("precious", encoding="utf-8")
    os.symlink(outside, repo / "baseline.json")
    assert main(["check", "--select", "CH0", "--write-baseline", "baseline.json"]) == 0
    assert outside.read_text(encoding="utf-8") == "precious"
    assert not (repo / "baseline.json").is_symlink()


def test_missing_folders_are_an_error_not_made(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["check", "--select", "CH0", "--format", "json:out/report.json"]) == 2
    assert capsys.readouterr().err == (
        'charterlint: error: cannot write "out/report.json": folder "out" does not exist (create it first)\n')
    assert not (repo / "out").exists()
    assert main(["check", "--select", "CH0", "--write-baseline", "nowhere/b.json"]) == 2
    assert capsys.readouterr().err == (
        'charterlint: error: cannot write "nowhere/b.json": folder "nowhere" does not exist (create it first)\n')


def test_dev_stdout_and_dash_still_work(repo: Path) -> None:
    for destination in ("/dev/stdout", "-"):
        completed = subprocess.run(
            [sys.executable, "-c", "from charterlint.cli.app import console; console()",
             "check", "--select", "CH0", "--format", f"json:{destination}"],
            cwd=repo, capture_output=True, text=True, timeout=60,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert completed.returncode == 0, completed.stderr
        assert completed.stdout.startswith("{"), destination
        assert not (repo / "-").exists()


def test_a_committed_folder_link_is_not_written_through(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    os.symlink(outside, repo / "reports")
    capsys.readouterr()
    assert main(["check", "--select", "CH0", "--format", "sarif:reports/charterlint.sarif"]) == 2
    assert capsys.readouterr().err == (
        'charterlint: error: cannot write "reports/charterlint.sarif": folder "reports" is a symbolic link,'
        " which charterlint does not write through (name the real folder)\n")
    assert list(outside.iterdir()) == []
    (repo / "real").mkdir()
    os.symlink(outside, repo / "real" / "deeper")
    assert main(["check", "--select", "CH0", "--write-baseline", "real/deeper/b.json"]) == 2
    assert 'folder "real/deeper" is a symbolic link' in capsys.readouterr().err
    assert list(outside.iterdir()) == []


def test_a_folder_named_outside_the_working_directory_is_the_users_own(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path_factory.mktemp("reports")
    link = tmp_path_factory.mktemp("links") / "to-reports"
    os.symlink(real, link)  # e.g. a runner's temporary folder reached through a link
    assert main(["check", "--select", "CH0", "--format", f"json:{link}/r.json"]) == 0
    assert (real / "r.json").read_text(encoding="utf-8").startswith("{")
