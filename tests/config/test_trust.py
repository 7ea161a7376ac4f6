"""What a repository's configuration may make charterlint do (issue 14, item 12; docs/security.md).

Each run is a subprocess with a timeout: plugins run code, and python -m reads sys.path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import MINIMAL_CHARTER, PROJECT, ROOT

# A plugin module that leaves a mark when imported, beside a configuration that names it.
MARKING_PLUGIN = """\
from pathlib import Path
Path(__file__).with_name("IMPORTED").write_text("plugin code ran", encoding="utf-8")
from tests.plugin_project.boom_rules import rule_pack  # a valid pack, so a lint run succeeds
"""


def charterlint(cwd: Path, *args: str, module: bool = False) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "charterlint"] if module else [
        sys.executable, "-c", "from charterlint.cli.app import console; console()"]
    # PYTHONPATH comes after the current directory, which python -m puts first
    env = {**os.environ, "NO_COLOR": "1", "GITHUB_ACTIONS": "", "PYTHONPATH": str(ROOT)}
    return subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, timeout=60, env=env,
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose configuration loads a marking plugin and a declarative pack."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "good.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    (root / "marking.py").write_text(MARKING_PLUGIN, encoding="utf-8")
    shutil.copytree(PROJECT / "acme-rules", root / "acme-rules")
    (root / ".charterlint.yaml").write_text(
        "rulesets: [acme-rules]\nplugins: [marking]\nselect: [CH0, ACME, BOOM]\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("args", [("explain", "CH001"), ("rules",), ("check", "--show-config"),
                                  ("check", "--show-files"), ("matrix", "good.charter.yaml")],
                         ids=["explain", "rules", "show-config", "show-files", "matrix"])
def test_plugins_do_not_run_for_commands_that_do_not_lint(repo: Path, args: tuple[str, ...]) -> None:
    completed = charterlint(repo, *args)
    assert completed.returncode == 0, completed.stderr
    assert not (repo / "IMPORTED").exists()


def test_plugins_run_for_a_lint_and_for_a_configuration_named_with_config(repo: Path) -> None:
    completed = charterlint(repo, "rules", "--config", ".charterlint.yaml")
    assert completed.returncode == 0, completed.stderr
    assert "BOOM001" in completed.stdout and "ACME" in completed.stdout
    assert (repo / "IMPORTED").exists()
    (repo / "IMPORTED").unlink()
    completed = charterlint(repo, "check", "good.charter.yaml")
    assert "BOOM001" in completed.stdout, completed.stderr
    assert (repo / "IMPORTED").exists()


def test_extends_outside_the_repository_is_refused_without_reading_it(repo: Path, tmp_path: Path) -> None:
    (tmp_path / "secret.env").write_text("GITHUB_TOKEN=ghp_secretsecretsecret\n", encoding="utf-8")
    for extends in ("../secret.env", str(tmp_path / "secret.env"), "/etc/passwd"):
        (repo / ".charterlint.yaml").write_text(f"extends: {extends}\n", encoding="utf-8")
        completed = charterlint(repo, "check", "--show-config")
        assert completed.returncode == 2
        assert completed.stderr == (f'charterlint: error: .charterlint.yaml:1:10: extends: "{extends}" is outside the'
                                    " repository: a configuration extends only presets and files inside its own"
                                    " repository\n")


def test_extends_through_a_link_out_of_the_repository_is_refused(repo: Path, tmp_path: Path) -> None:
    (tmp_path / "secret.env").write_text("GITHUB_TOKEN=ghp_secretsecretsecret\n", encoding="utf-8")
    os.symlink(tmp_path / "secret.env", repo / "base.yaml")
    (repo / ".charterlint.yaml").write_text("extends: base.yaml\n", encoding="utf-8")
    completed = charterlint(repo, "check", "--show-config")
    assert completed.returncode == 2 and "ghp_secret" not in completed.stderr
    assert "is outside the repository" in completed.stderr


def test_extends_of_a_file_that_is_not_a_configuration_never_quotes_it(repo: Path) -> None:
    (repo / "secret.env").write_text("GITHUB_TOKEN=ghp_secretsecretsecret\n", encoding="utf-8")
    (repo / ".charterlint.yaml").write_text("extends: secret.env\n", encoding="utf-8")
    completed = charterlint(repo, "check", "--show-config")
    assert completed.returncode == 2
    assert completed.stderr == ("charterlint: error: secret.env:1:1: configuration: expected a mapping of settings,"
                                " not a string\n")


def test_format_paths_in_a_configuration_stay_inside_the_repository(repo: Path) -> None:
    (repo / ".charterlint.yaml").write_text('format: [text, "json:../../report.json"]\n', encoding="utf-8")
    completed = charterlint(repo, "check", "good.charter.yaml")
    assert completed.returncode == 2
    assert completed.stderr == ('charterlint: error: .charterlint.yaml:1:16: format: "json:../../report.json"'
                                " writes outside the repository: a configuration writes reports only inside its"
                                " own repository (give such a path with --format)\n")
    assert not (repo.parent.parent / "report.json").exists()
    (repo / ".charterlint.yaml").write_text('format: ["json:reports/r.json", "sarif:/dev/null"]\n', encoding="utf-8")
    (repo / "reports").mkdir()
    assert charterlint(repo, "check", "--select", "CH0", "good.charter.yaml").returncode == 0
    assert (repo / "reports" / "r.json").exists()
    # the command line is the user's: it may write anywhere
    completed = charterlint(repo, "check", "--select", "CH0", "good.charter.yaml",
                            "--format", f"json:{repo.parent / 'r.json'}")
    assert completed.returncode == 0 and (repo.parent / "r.json").exists()


def test_python_m_ignores_entry_points_in_the_current_directory(tmp_path: Path) -> None:
    (tmp_path / "evil-1.0.dist-info").mkdir()
    (tmp_path / "evil-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n",
                                                              encoding="utf-8")
    (tmp_path / "evil-1.0.dist-info" / "entry_points.txt").write_text("[charterlint.rules]\nevil = evil:pack\n",
                                                                      encoding="utf-8")
    (tmp_path / "evil.py").write_text(
        'from pathlib import Path\nPath(__file__).with_name("PWNED").write_text("x")\npack = None\n', encoding="utf-8")
    (tmp_path / "good.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    for args in (("rules",), ("check", "--select", "CH0", "good.charter.yaml")):
        completed = charterlint(tmp_path, *args, module=True)
        assert completed.returncode == 0, completed.stderr
        assert not (tmp_path / "PWNED").exists()
