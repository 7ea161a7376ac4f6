"""docs/ci.md's examples are valid workflows and configurations, and use only real inputs, outputs and hooks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import ROOT

DOC = ROOT / "docs" / "ci.md"
_OUTPUT_REFERENCE = re.compile(r"steps\.charterlint\.outputs\.([\w-]+)")


def sources() -> list[str]:
    """The text of every ```yaml block, as written (`on:` must stay `on`, not YAML 1.1's true)."""
    text = DOC.read_text(encoding="utf-8")
    return re.findall(r"^```yaml\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)


def yaml_blocks() -> list[dict[str, Any]]:
    return [yaml.safe_load(source) for source in sources()]


def blocks_with(key: str) -> list[dict[str, Any]]:
    return [block for block in yaml_blocks() if key in block]


def validate(tmp_path: Path, name: str, source: str, schema: str) -> None:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_yaml_example_is_recognised() -> None:
    kinds = [("jobs" in b) + ("repos" in b) + ("charterlint" in b and "script" in b["charterlint"])
             for b in yaml_blocks()]
    assert kinds == [1] * len(kinds) and len(kinds) == 6


@pytest.mark.parametrize("index", [0, 1, 2, 3])
def test_workflows_are_valid(tmp_path: Path, index: int) -> None:
    workflows = [source for source, block in zip(sources(), yaml_blocks()) if "jobs" in block]
    validate(tmp_path, "workflow.yml", workflows[index], "vendor.github-workflows")


def test_workflow_uses_the_actions_real_inputs_and_outputs() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    workflow = blocks_with("jobs")[0]
    steps = workflow["jobs"]["charterlint"]["steps"]
    [step] = [s for s in steps if s.get("uses", "").startswith("charterlint/charterlint@")]
    assert set(step["with"]) <= set(action["inputs"])
    referenced = set(_OUTPUT_REFERENCE.findall(yaml.safe_dump(workflow)))
    assert referenced and referenced <= set(action["outputs"])
    [upload] = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["with"]["category"] and "!cancelled()" in upload["if"]
    assert workflow["jobs"]["charterlint"]["permissions"]["security-events"] == "write"


def test_pre_commit_example_is_valid_and_names_real_hooks(tmp_path: Path) -> None:
    [config] = blocks_with("repos")
    path = tmp_path / ".pre-commit-config.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert {hook["id"] for hook in config["repos"][0]["hooks"]} == hooks


def test_gitlab_example_is_valid(tmp_path: Path) -> None:
    [(source, job)] = [(s, b) for s, b in zip(sources(), yaml_blocks()) if "charterlint" in b]
    validate(tmp_path, ".gitlab-ci.yml", source, "vendor.gitlab-ci")
    assert "junit:charterlint-junit.xml" in " ".join(job["charterlint"]["script"])
    assert job["charterlint"]["artifacts"]["reports"]["junit"] == "charterlint-junit.xml"


def test_the_diff_workflow_compares_with_the_base_commit_over_the_full_history() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    workflow = [block for block in blocks_with("jobs") if block["name"] == "charter-promises"][0]
    steps = workflow["jobs"]["charterlint"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[0]["with"]["fetch-depth"] == 0
    [step] = [s for s in steps if s.get("uses", "").startswith("charterlint/charterlint@")]
    assert set(step["with"]) <= set(action["inputs"])
    assert step["with"]["diff-base"] == "${{ github.event.pull_request.base.sha }}"
    referenced = set(_OUTPUT_REFERENCE.findall(yaml.safe_dump(workflow)))
    assert referenced == {"diff-sarif-file"} and referenced <= set(action["outputs"])


def test_the_untrusted_pull_request_example_uses_the_base_branchs_configuration() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    workflow = [block for block in blocks_with("jobs") if block["name"] == "charters-untrusted"][0]
    steps = workflow["jobs"]["charterlint"]["steps"]
    [step] = [s for s in steps if s.get("uses", "").startswith("charterlint/charterlint@")]
    assert set(step["with"]) <= set(action["inputs"]) and step["with"]["config"] == ".charterlint-base.yaml"
    assert any("FETCH_HEAD:.charterlint.yaml > .charterlint-base.yaml" in s.get("run", "") for s in steps)


def test_the_readmes_workflow_asks_for_the_same_permissions_as_this_pages() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## GitHub Actions"):]
    block = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert block is not None
    job = yaml.safe_load(block.group(1))["jobs"]["charterlint"]
    documented = blocks_with("jobs")[0]["jobs"]["charterlint"]["permissions"]
    assert job["permissions"] == documented == {"contents": "read", "security-events": "write", "actions": "read"}
    uses = [step.get("uses", "").split("@")[0] for step in job["steps"]]
    assert "github/codeql-action/upload-sarif" in uses and "charterlint/charterlint" in uses
