"""One multi-file scenario, every format in one run, compared byte for byte with golden files.

The scenario (tests/fixtures/report_scenario) has a YAML, a JSON and a Markdown charter with
findings, a file that does not parse, a clean file, and a path with a space and non-ASCII
letters. Only the CH0xx rules and CH201 run, on a fixed date, so new content rules leave the
goldens alone; the tool version is pinned so a release does not either. CH201 (which reads the
review section) is there for the notes saying where errors stopped it: the JSON charter has no
review, and the file that does not parse was checked by no rule.
`pytest --update-golden` rewrites the goldens after an intended change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from charterlint.cli.app import main
from tests.helpers import ROOT, assert_golden, sarif_errors

SCENARIO = "tests/fixtures/report_scenario"
FORMATS = {"text": "scenario.txt", "json": "scenario.json", "sarif": "scenario.sarif",
           "github": "scenario.github.txt", "junit": "scenario.junit.xml", "html": "scenario.html"}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every format of the scenario, written to files by a single run."""
    target = tmp_path_factory.mktemp("outputs")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.setattr("charterlint.batch.work.__version__", "0.0.0+golden")
        for variable in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR"):
            patch.delenv(variable, raising=False)
        args = ["check", SCENARIO, "--select", "CH0", "--select", "CH201", "--today", "2026-01-01", "--statistics"]
        for name in FORMATS:
            args += ["--format", f"{name}:{target / name}"]
        assert main(args) == 1
    return {name: (target / name).read_bytes().decode("utf-8") for name in FORMATS}


@pytest.mark.parametrize("name", list(FORMATS))
def test_each_format_matches_its_golden_file_byte_for_byte(
    outputs: dict[str, str], name: str, update_golden: bool
) -> None:
    assert_golden(FORMATS[name], outputs[name], update_golden)


def test_the_scenario_covers_every_file_status(outputs: dict[str, str]) -> None:
    statuses = {f["path"].rsplit("/", 1)[-1]: f["status"] for f in json.loads(outputs["json"])["files"]}
    assert statuses == {
        "bibliothèque.charter.md": "findings",
        "broadband.charter.json": "findings",
        "draft.charter.yaml": "error",
        "ferries.charter.yaml": "findings",
        "water.charter.yaml": "ok",
    }


def test_the_golden_sarif_is_valid_against_the_official_schema() -> None:
    log = json.loads((ROOT / "tests/reporters/golden/scenario.sarif").read_text(encoding="utf-8"))
    assert sarif_errors(log) == []


def test_the_same_input_gives_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             outputs: dict[str, str]) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr("charterlint.batch.work.__version__", "0.0.0+golden")
    again = tmp_path / "again.sarif"
    main(["check", SCENARIO, "--select", "CH0", "--select", "CH201", "--today", "2026-01-01", "--format", f"sarif:{again}"])
    assert again.read_bytes().decode("utf-8") == outputs["sarif"]
