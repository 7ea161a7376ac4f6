"""The pre-commit hooks, run for real: `pre-commit try-repo` and `pre-commit run` in a scratch repository.

pre-commit clones the hook repository and installs it with pip (from PyPI and this source), so
the first test of the module takes a while; later ones reuse the environment.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from charterlint.cli.init import starter
from charterlint.source.discovery import is_charter_name
from tests.helpers import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"
# Markdown, to show the hook does not filter Markdown away; the title is missing (CH011).
BAD = """\
---
charter_format: 1
organization:
  name: Example Water
overview:
  mission: Safe water.
channels:
  - id: phone
    type: phone
    hours: always
    commitments:
      answer: {{within: 60 seconds, target: 80%}}
review:
  last_reviewed: {today}
---
# Our promise
"""
NOT_A_CHARTER = "# Notes\n\nNot a charter: the hook must not be given this file.\n"
_COPY_IGNORED = shutil.ignore_patterns(".git", ".venv", "venv", "node_modules", "__pycache__", "*.egg-info",
                                       ".pytest_cache", ".mypy_cache", ".hypothesis", "build", "dist")


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, env=clean_env(), check=True, capture_output=True, text=True)
    return result.stdout


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without git, pre-commit or CI settings that would change what runs."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT")) and k not in ("SKIP", "GITHUB_ACTIONS", "FORCE_COLOR")}
    return {**env, **extra}


def init_repo(path: Path) -> None:
    git(path, "init", "--quiet")
    git(path, "config", "user.name", "charterlint tests")
    git(path, "config", "user.email", "tests@charterlint.invalid")
    git(path, "config", "commit.gpgsign", "false")


def commit_all(path: Path) -> str:
    git(path, "add", "--all")
    git(path, "commit", "--quiet", "--no-verify", "-m", "snapshot")
    return git(path, "rev-parse", "HEAD").strip()


def source_files(root: Path) -> list[str]:
    """This project's files: tracked and untracked but not ignored (new files count before a commit)."""
    if not (root / ".git").exists():
        return []
    listed = git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    return [name for name in listed if name and (root / name).is_file()]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This working tree, committed in a repository of its own.

    pre-commit sees only what is committed (try-repo adds uncommitted changes to tracked files,
    not untracked ones), so the tree as it is, new files included, is committed in a copy.
    """
    repo = tmp_path_factory.mktemp("hook-repo") / "charterlint"
    names = source_files(ROOT)
    if names:
        for name in names:
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    else:  # an unpacked sdist: no git metadata
        shutil.copytree(ROOT, repo, ignore=_COPY_IGNORED)
    init_repo(repo)
    commit_all(repo)
    return repo


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module: the hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def project(tmp_path: Path, hook_repo: Path) -> Path:
    """A repository with a bad and a good charter, a non-charter Markdown file, an excluded bad charter
    and the configurations of pre-commit and charterlint."""
    project = tmp_path / "project"
    project.mkdir()
    init_repo(project)
    today = dt.date.today()
    (project / "bad.charter.md").write_text(BAD.format(today=today.isoformat()), encoding="utf-8")
    (project / "good.charter.yaml").write_text(starter("yaml", today), encoding="utf-8")
    (project / "notes.md").write_text(NOT_A_CHARTER, encoding="utf-8")
    (project / "legacy").mkdir()
    (project / "legacy" / "old.charter.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    (project / ".charterlint.yaml").write_text("exclude: [legacy]\n", encoding="utf-8")
    config = {"repos": [{"repo": str(hook_repo), "rev": git(hook_repo, "rev-parse", "HEAD").strip(),
                         "hooks": [{"id": "charterlint"}, {"id": "charterlint-all", "stages": ["manual"]}]}]}
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    commit_all(project)
    return project


def pre_commit(project: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args, "--color", "never"], cwd=project,
        env=clean_env(PRE_COMMIT_HOME=str(home)), capture_output=True, text=True, timeout=900,
    )


def finding_lines(output: str) -> list[str]:
    """`path:line:column: severity CODE [name] message` lines of charterlint's text output."""
    return [line for line in output.splitlines() if re.match(r"^\S+:\d+:\d+: (error|warning|info) ", line)]


def test_manifest_is_valid() -> None:
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", str(HOOKS)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hook_files_pattern_takes_exactly_the_names_directory_search_takes() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    pattern = re.compile(hooks["charterlint"]["files"])
    names = ["a.charter.yaml", "a.charter.yml", "a.charter.json", "a.charter.md", "docs/B.Charter.YAML",
             "charter.yaml", "a.yaml", "a.charter.yaml.bak", "a.charter.txt", "a.md", "a-charter.yaml"]
    for name in names:
        assert bool(pattern.search(name)) == is_charter_name(Path(name).name), name


def test_minimum_version_covers_the_features_the_hooks_use() -> None:
    for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8")):
        version = tuple(int(part) for part in hook["minimum_pre_commit_version"].split("."))
        if "types_or" in hook:
            assert version >= (2, 9, 0), hook["id"]


def test_try_repo_fails_on_the_bad_charter_with_its_findings(project: Path, hook_repo: Path,
                                                             pre_commit_home: Path) -> None:
    result = pre_commit(project, pre_commit_home, "try-repo", str(hook_repo), "charterlint",
                        "--files", "bad.charter.md", "good.charter.yaml", "notes.md")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert re.search(r"^charterlint\.+Failed$", output, re.MULTILINE), output
    assert "- exit code: 1" in output
    lines = finding_lines(output)
    assert lines and all(line.startswith("bad.charter.md:") for line in lines), output
    assert any(" error CH011 [missing-field] " in line and '"title"' in line for line in lines), output
    assert "notes.md" not in output


def test_try_repo_passes_the_good_charter(project: Path, hook_repo: Path, pre_commit_home: Path) -> None:
    result = pre_commit(project, pre_commit_home, "try-repo", str(hook_repo), "charterlint",
                        "--files", "good.charter.yaml", "notes.md")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert re.search(r"^charterlint\.+Passed$", output, re.MULTILINE), output


def test_run_all_files_reports_only_the_bad_charter(project: Path, pre_commit_home: Path) -> None:
    result = pre_commit(project, pre_commit_home, "run", "charterlint", "--all-files")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    lines = finding_lines(output)
    assert lines and all(line.startswith("bad.charter.md:") for line in lines), output
    assert "good.charter.yaml" not in output
    assert "legacy" not in output  # pre-commit names it, the configuration excludes it


def test_a_commit_of_the_good_charter_passes_and_of_the_bad_one_fails(project: Path,
                                                                      pre_commit_home: Path) -> None:
    good = project / "good.charter.yaml"
    good.write_text(good.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    git(project, "add", "good.charter.yaml")
    passed = pre_commit(project, pre_commit_home, "run")  # the staged files, as `git commit` runs it
    assert passed.returncode == 0, passed.stdout + passed.stderr
    bad = project / "bad.charter.md"
    bad.write_text(bad.read_text(encoding="utf-8") + "\nMore prose.\n", encoding="utf-8")
    git(project, "add", "bad.charter.md")
    failed = pre_commit(project, pre_commit_home, "run")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert any(line.startswith("bad.charter.md:") for line in finding_lines(failed.stdout))


def test_all_hook_lints_every_charter_whichever_file_changed(project: Path, pre_commit_home: Path) -> None:
    result = pre_commit(project, pre_commit_home, "run", "charterlint-all", "--hook-stage", "manual",
                        "--files", "notes.md")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert any(line.startswith("bad.charter.md:") for line in finding_lines(output)), output
    assert "of 2 files" in output and "legacy" not in output


def test_diff_hook_reports_a_weakened_promise_against_head(project: Path, hook_repo: Path,
                                                           pre_commit_home: Path) -> None:
    good = project / "good.charter.yaml"
    text = good.read_text(encoding="utf-8")
    assert "within: 2 working days\n" in text
    good.write_text(text.replace("within: 2 working days\n", "within: 4 working days\n", 1), encoding="utf-8")
    result = pre_commit(project, pre_commit_home, "try-repo", str(hook_repo), "charterlint-diff",
                        "--files", "good.charter.yaml", "notes.md")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert [line.split(": ", 2)[1] for line in finding_lines(output)] == ["warning CH605 [time-limit-lengthened] lengthened"]
    unchanged = pre_commit(project, pre_commit_home, "try-repo", str(hook_repo), "charterlint-diff",
                           "--files", "bad.charter.md")
    assert unchanged.returncode == 0, unchanged.stdout + unchanged.stderr
