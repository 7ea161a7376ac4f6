"""The GitHub Action: its metadata is valid, and its steps behave in a simulated Actions runner.

The simulation does what the runner does for a composite action's `run:` steps: it replaces
`${{ ... }}` expressions (inputs, github, runner and earlier steps' outputs), gives each step
its own GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, runs the script with
`bash --noprofile --norc -eo pipefail`, stops at the first failing step and evaluates the
action's outputs.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from charterlint.cli.init import starter
from tests.helpers import MINIMAL_CHARTER, ROOT

ACTION = ROOT / "action.yml"
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass(frozen=True)
class ActionRun:
    exit_code: int
    outputs: dict[str, str]
    summary: str
    log: str


def parse_output_file(text: str) -> dict[str, str]:
    """`name=value` lines and `name<<DELIMITER` blocks, as the runner reads GITHUB_OUTPUT."""
    values: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            for item in lines:
                if item == delimiter:
                    break
                block.append(item)
            values[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
    return values


def substitute(text: str, context: dict[str, Any]) -> str:
    """Replace the expressions the action uses; any other expression fails the test."""
    def value(match: re.Match[str]) -> str:
        expression = match.group(1)
        parts = expression.split(".")
        if parts[0] == "inputs" and len(parts) == 2:
            return str(context["inputs"][parts[1]])
        if parts[0] in ("github", "runner") and len(parts) == 2:
            return str(context[parts[0]][parts[1]])
        if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
            return str(context["steps"].get(parts[1], {}).get(parts[3], ""))
        raise AssertionError(f"the simulation does not support the expression {expression!r}")
    return _EXPRESSION.sub(value, text)


def run_action(inputs: dict[str, str], workspace: Path, runner_temp: Path) -> ActionRun:
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    declared = action["inputs"]
    assert set(inputs) <= set(declared), f"unknown inputs {set(inputs) - set(declared)}"
    context: dict[str, Any] = {
        "inputs": {name: inputs.get(name, spec.get("default", "")) for name, spec in declared.items()},
        "github": {"action_path": str(ROOT), "workspace": str(workspace)},
        "runner": {"temp": str(runner_temp)},
        "steps": {},
    }
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "RUNNER_", "INPUT_"))}
    base.pop("FORCE_COLOR", None)
    base.update(
        GITHUB_ACTIONS="true", CI="true", GITHUB_WORKSPACE=str(workspace), GITHUB_ACTION_PATH=str(ROOT),
        RUNNER_TEMP=str(runner_temp), PATH=os.pathsep.join([str(Path(sys.executable).parent), base.get("PATH", "")]),
    )
    log, summary, exit_code = [], [], 0
    for number, step in enumerate(action["runs"]["steps"]):
        assert set(step) <= {"id", "name", "shell", "env", "run"}, f"step {number}: the simulation runs only run steps"
        assert step["shell"] == "bash"
        files = {name: runner_temp / f"step{number}-{name}" for name in ("output", "summary", "env", "path")}
        for path in files.values():
            path.write_text("", encoding="utf-8")
        script = runner_temp / f"step{number}.sh"
        script.write_text(substitute(step["run"], context), encoding="utf-8")
        env = {**base, **{k: substitute(str(v), context) for k, v in step.get("env", {}).items()},
               "GITHUB_OUTPUT": str(files["output"]), "GITHUB_STEP_SUMMARY": str(files["summary"]),
               "GITHUB_ENV": str(files["env"]), "GITHUB_PATH": str(files["path"])}
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=workspace,
                                env=env, capture_output=True, text=True, timeout=600)
        log.append(result.stdout + result.stderr)
        summary.append(files["summary"].read_text(encoding="utf-8"))
        if "id" in step:
            context["steps"][step["id"]] = parse_output_file(files["output"].read_text(encoding="utf-8"))
        if result.returncode != 0:
            exit_code = result.returncode
            break
    outputs = {name: substitute(spec["value"], context) for name, spec in action["outputs"].items()}
    return ActionRun(exit_code, outputs, "".join(summary), "".join(log))


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "workspace"
    path.mkdir()
    return path


@pytest.fixture
def runner_temp(tmp_path: Path) -> Path:
    path = tmp_path / "runner-temp"
    path.mkdir()
    return path


def write_bad_and_good(workspace: Path) -> None:
    (workspace / "charters").mkdir()
    bad = MINIMAL_CHARTER.replace("title: Example Water customer charter\n", "")
    (workspace / "charters" / "bad.charter.yaml").write_text(bad + "colour: blue\n", encoding="utf-8")
    (workspace / "charters" / "good.charter.yaml").write_text(starter("yaml", dt.date.today()), encoding="utf-8")


def test_action_metadata_is_valid() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-actions", str(ACTION)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_findings_fail_the_step_with_annotations_sarif_and_counts(workspace: Path, runner_temp: Path) -> None:
    write_bad_and_good(workspace)
    run = run_action({"version": "none", "paths": "charters", "args": "--select CH0"}, workspace, runner_temp)
    assert run.exit_code == 1, run.log
    assert run.outputs | {"sarif-file": ""} == {
        "sarif-file": "", "errors": "2", "warnings": "0", "infos": "0", "findings": "2", "exit-code": "1",
        "diff-exit-code": "", "diff-sarif-file": "",
    }
    annotations = [line for line in run.log.splitlines() if line.startswith("::error file=")]
    assert [line.split(",")[0] for line in annotations] == ["::error file=charters/bad.charter.yaml"] * 2
    sarif = json.loads(Path(run.outputs["sarif-file"]).read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"charters/bad.charter.yaml"}
    assert Path(run.outputs["sarif-file"]).parent == runner_temp
    assert "| 2 | 0 | 0 |" in run.summary


def test_a_clean_charter_passes_with_zero_counts(workspace: Path, runner_temp: Path) -> None:
    write_bad_and_good(workspace)
    run = run_action({"version": "none", "paths": "charters/good.charter.yaml", "sarif-file": "out/lint.sarif"},
                     workspace, runner_temp)
    assert run.exit_code == 0, run.log
    assert (run.outputs["errors"], run.outputs["warnings"], run.outputs["infos"]) == ("0", "0", "0")
    assert run.outputs["sarif-file"] == "out/lint.sarif"
    assert json.loads((workspace / "out" / "lint.sarif").read_text(encoding="utf-8"))["runs"][0]["results"] == []
    assert "::error" not in run.log


@pytest.mark.parametrize(("fail_on", "exit_code"), [("", 1), ("warning", 1), ("error", 0), ("never", 0)])
def test_fail_on_decides_whether_a_warning_fails_the_step(workspace: Path, runner_temp: Path, fail_on: str,
                                                          exit_code: int) -> None:
    charter = MINIMAL_CHARTER.replace("Safe water.", "We reply to every enquiry as soon as possible.")
    (workspace / "hedge.charter.yaml").write_text(charter, encoding="utf-8")
    inputs = {"version": "none", "args": "--select CH0,CH312", "fail-on": fail_on}
    run = run_action(inputs, workspace, runner_temp)
    assert run.exit_code == exit_code, run.log
    assert (run.outputs["errors"], run.outputs["warnings"], run.outputs["exit-code"]) == ("0", "1", str(exit_code))
    assert "::warning file=hedge.charter.yaml,line=6," in run.log


def test_paths_are_split_on_spaces_and_new_lines_and_patterns_expanded(workspace: Path, runner_temp: Path) -> None:
    write_bad_and_good(workspace)
    (workspace / "charters" / "other.charter.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    paths = "charters/good*.yaml\ncharters/bad.charter.yaml  charters/good.charter.yaml"
    run = run_action({"version": "none", "paths": paths, "args": "--select CH0"}, workspace, runner_temp)
    assert run.outputs["errors"] == "2", run.log
    assert "other.charter.yaml" not in run.log
    assert "2 errors in 1 of 2 files" in run.log


def test_errors_do_not_fail_the_step_with_fail_on_never(workspace: Path, runner_temp: Path) -> None:
    write_bad_and_good(workspace)
    run = run_action({"version": "none", "fail-on": "never", "args": "--select CH0"}, workspace, runner_temp)
    assert run.exit_code == 0, run.log
    assert run.outputs["errors"] == "2"


def test_the_config_input_names_the_configuration_file(workspace: Path, runner_temp: Path) -> None:
    write_bad_and_good(workspace)
    (workspace / "ci").mkdir()
    (workspace / "ci" / "charterlint.yaml").write_text("select: [CH0]\nignore: [CH012]\n", encoding="utf-8")
    run = run_action({"version": "none", "config": "ci/charterlint.yaml"}, workspace, runner_temp)
    assert run.exit_code == 1, run.log
    assert run.outputs["errors"] == "1"
    assert "title=CH011 missing-field" in run.log and "CH012" not in run.log


@pytest.mark.parametrize("inputs", [{"paths": "missing.charter.yaml"}, {"fail-on": "sometimes"},
                                    {"args": "--no-such-option"}])
def test_a_run_that_cannot_lint_fails_the_step(workspace: Path, runner_temp: Path, inputs: dict[str, str]) -> None:
    write_bad_and_good(workspace)
    run = run_action({"version": "none", **inputs}, workspace, runner_temp)
    assert run.exit_code == 2, run.log


def test_default_install_is_the_actions_own_source_in_a_virtual_environment(workspace: Path,
                                                                            runner_temp: Path) -> None:
    write_bad_and_good(workspace)
    run = run_action({"paths": "charters/good.charter.yaml"}, workspace, runner_temp)
    assert run.exit_code == 0, run.log
    assert (runner_temp / "charterlint-venv").is_dir()
    from charterlint import __version__
    assert f"charterlint {__version__}" in run.log


def test_diff_base_annotates_the_weakened_promises_and_fails_the_step(workspace: Path, runner_temp: Path) -> None:
    from tests.diff.repo import BASE, git, make_repo

    make_repo(workspace, {"charters/water.charter.yaml": BASE})
    base = git(workspace, "rev-parse", "HEAD").strip()
    charter = workspace / "charters" / "water.charter.yaml"
    charter.write_text(BASE.replace("target: 95%", "target: 90%").replace("60 seconds", "30 seconds"),
                       encoding="utf-8")
    run = run_action({"version": "none", "paths": "charters", "args": "--select CH0", "diff-base": base},
                     workspace, runner_temp)
    assert run.exit_code == 1, run.log
    assert (run.outputs["exit-code"], run.outputs["diff-exit-code"]) == ("0", "1")
    warning = next(line for line in run.log.splitlines() if line.startswith("::warning "))
    assert warning.startswith("::warning file=charters/water.charter.yaml,line=24,")
    assert warning.endswith('::lowered: channel "email" respond target "95%25" -> "90%25"')
    sarif = json.loads(Path(run.outputs["diff-sarif-file"]).read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results] == [
        ("CH680", 18), ("CH606", 24)]
    assert "### charterlint diff: 1 promise weakened, 1 strengthened" in run.summary


def test_without_diff_base_no_diff_runs(workspace: Path, runner_temp: Path) -> None:
    write_bad_and_good(workspace)
    run = run_action({"version": "none", "paths": "charters/good.charter.yaml"}, workspace, runner_temp)
    assert run.exit_code == 0, run.log
    assert (run.outputs["diff-exit-code"], run.outputs["diff-sarif-file"]) == ("", "")


def test_a_diff_base_that_names_no_commit_fails_the_step(workspace: Path, runner_temp: Path) -> None:
    from tests.diff.repo import BASE, make_repo

    make_repo(workspace, {"charters/water.charter.yaml": BASE})
    run = run_action({"version": "none", "paths": "charters", "args": "--select CH0",
                      "diff-base": "--output=/tmp/owned"}, workspace, runner_temp)
    assert run.exit_code == 2, run.log
    assert run.outputs["diff-exit-code"] == "2"
    assert not Path("/tmp/owned").exists()
