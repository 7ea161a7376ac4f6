"""The repository's own GitHub workflows: valid by GitHub's schema, least privilege, and the
release workflow's checks behave (its shell steps run here with the runner's inputs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from charterlint import __version__
from tests.helpers import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict[str, Any]:
    # BaseLoader: `on` stays a string key (YAML 1.1 would read it as true), values stay text
    loaded: dict[str, Any] = yaml.load((WORKFLOWS / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return loaded


def step(job: dict[str, Any], name: str) -> dict[str, Any]:
    [found] = [s for s in job["steps"] if s.get("name", "").startswith(name)]
    return found


@pytest.mark.parametrize("name", ["ci.yml", "release.yml"])
def test_the_workflow_is_valid_by_githubs_schema(name: str) -> None:
    pytest.importorskip("check_jsonschema", reason="check-jsonschema is not installed (pip install -e '.[test]')")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(WORKFLOWS / name)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_runs_the_projects_check_on_push_and_pull_request_with_read_only_permissions() -> None:
    ci = workflow("ci.yml")
    assert set(ci["on"]) == {"push", "pull_request"}
    assert ci["permissions"] == {"contents": "read"}
    job = ci["jobs"]["ci"]
    assert "permissions" not in job
    assert job["steps"][-1]["run"] == "bash .ci/run"
    assert job["steps"][-1]["env"]["CHARTERLINT_SARIF_SCHEMA"].endswith("/sarif-schema-2.1.0.json")


def test_ci_packages_the_vs_code_extension_with_vsce() -> None:
    job = workflow("ci.yml")["jobs"]["vscode"]
    assert "permissions" not in job
    package = step(job, "Package the VS Code extension")
    assert package["working-directory"] == "editors/vscode"
    assert "npx --no-install vsce package --out charterlint.vsix" in package["run"]
    assert job["steps"][-1]["uses"].startswith("actions/upload-artifact@")
    assert job["steps"][-1]["with"]["path"] == "editors/vscode/charterlint.vsix"


def test_release_runs_on_version_tags_and_only_the_publish_job_gets_an_id_token() -> None:
    release = workflow("release.yml")
    assert release["on"] == {"push": {"tags": ["v*"]}}
    assert release["permissions"] == {}
    jobs = release["jobs"]
    assert {name: job["permissions"] for name, job in jobs.items()} == {
        "build": {"contents": "read"}, "publish": {"id-token": "write"}, "github-release": {"contents": "write"}}
    assert (jobs["publish"]["needs"], jobs["github-release"]["needs"]) == ("build", "publish")
    assert jobs["publish"]["environment"]["name"] == "pypi"
    assert jobs["publish"]["steps"][-1]["uses"] == "pypa/gh-action-pypi-publish@release/v1"


def test_release_builds_checks_and_installs_the_distributions_before_publishing() -> None:
    build = workflow("release.yml")["jobs"]["build"]
    runs = [s.get("run", "") for s in build["steps"]]
    assert any("python -m build" in run for run in runs)
    assert any("twine check --strict dist/*" in run for run in runs)
    assert any(run == "bash .ci/check-wheel dist/charterlint-*.whl" for run in runs)
    assert build["steps"][-1]["uses"].startswith("actions/upload-artifact@")


def run_step(script: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=ROOT,
                          env={**os.environ, "RUNNER_TEMP": str(tmp_path), **env}, capture_output=True, text=True)


def test_release_refuses_a_tag_that_is_not_the_version(tmp_path: Path) -> None:
    check = step(workflow("release.yml")["jobs"]["build"], "The tag is the package's version")["run"]
    assert run_step(check, tmp_path, TAG=f"v{__version__}").returncode == 0
    refused = run_step(check, tmp_path, TAG="v9.9.9")
    assert refused.returncode == 1
    assert refused.stdout == (f"::error title=release::tag v9.9.9 is not v{__version__}, the version in"
                              " charterlint/__init__.py\n")


def test_the_github_release_has_the_changelog_entry_as_notes(tmp_path: Path) -> None:
    create = step(workflow("release.yml")["jobs"]["github-release"], "Create the GitHub release")["run"]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"  # records what the workflow asks of GitHub's CLI
    gh.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{tmp_path}/gh-args"\n', encoding="utf-8")
    gh.chmod(0o755)
    done = run_step(create, tmp_path, TAG=f"v{__version__}", GITHUB_REPOSITORY="charterlint/charterlint",
                    PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    assert done.returncode == 0, done.stderr
    arguments = (tmp_path / "gh-args").read_text(encoding="utf-8").splitlines()
    assert arguments[:3] == ["release", "create", f"v{__version__}"]
    assert arguments[arguments.index("--title") + 1] == f"charterlint {__version__}"
    notes = (tmp_path / "notes.md").read_text(encoding="utf-8")
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = changelog.split(f"## [{__version__}]", 1)[1].split("\n", 1)[1].split("\n## [", 1)[0]
    assert notes == entry and "### Added" in notes
