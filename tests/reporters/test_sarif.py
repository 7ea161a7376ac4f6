"""SARIF 2.1.0: schema-valid, one run, rules and results that GitHub code scanning accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from charterlint.cli.app import main
from charterlint.model import Severity, Suppression
from charterlint.reporters import RenderOptions
from charterlint.reporters.sarif import FINGERPRINT_KEY, artifact_uri, render
from tests.helpers import ROOT, finding, report, rule, sarif_errors


def log_of(*findings: Any, **kwargs: Any) -> Any:
    return json.loads(render(report(*findings, **kwargs), RenderOptions()))


def results_of(log: Any) -> list[Any]:
    return list(log["runs"][0]["results"])


@pytest.fixture(scope="module")
def examples_log(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """SARIF of examples/ with every rule (the strict preset)."""
    out = tmp_path_factory.mktemp("sarif") / "examples.sarif"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        main(["check", "examples", "--preset", "strict", "--today", "2026-01-01", "--format", f"sarif:{out}"])
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_sarif_of_the_examples_is_valid_against_the_official_schema(examples_log: Any) -> None:
    assert sarif_errors(examples_log) == []
    assert results_of(examples_log), "the examples are expected to have findings"


def test_every_rule_index_points_at_the_rule_its_rule_id_names(examples_log: Any) -> None:
    golden = json.loads((ROOT / "tests/reporters/golden/scenario.sarif").read_text(encoding="utf-8"))
    for log in (examples_log, golden):
        rules = log["runs"][0]["tool"]["driver"]["rules"]
        for result in results_of(log):
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_the_driver_lists_every_enabled_rule_with_its_documentation(examples_log: Any) -> None:
    from charterlint.ruleset.rule import load_builtin_rules

    driver = examples_log["runs"][0]["tool"]["driver"]
    # every rule `check` runs: the diff rules (CH6xx) need two versions, so only `charterlint diff` has them
    assert [r["id"] for r in driver["rules"]] == [r.code for r in load_builtin_rules() if not r.engine.compares]
    assert driver["name"] == "charterlint" and driver["version"] and driver["informationUri"]
    for descriptor in driver["rules"]:
        assert descriptor["shortDescription"]["text"] and descriptor["fullDescription"]["text"]
        assert descriptor["help"]["text"] and descriptor["help"]["markdown"]
        code, name = descriptor["id"], descriptor["name"]
        assert descriptor["helpUri"] == (
            f"https://github.com/charterlint/charterlint/blob/main/docs/rules.md#{code.lower()}-{name}")
        assert descriptor["defaultConfiguration"]["level"] in {"error", "warning", "note"}
        assert isinstance(descriptor["properties"]["tags"], list)


def test_one_run_with_code_point_columns_and_no_automation_id() -> None:
    log = log_of(finding())
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert "automationDetails" not in run
    assert "timestamp" not in json.dumps(log).lower()


def test_a_result_has_one_physical_location_with_a_full_region_and_a_logical_pointer() -> None:
    [result] = results_of(log_of(finding(line=7, column=9, length=6, pointer="/channels/2/hours")))
    [location] = result["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "a.charter.yaml"},
        "region": {"startLine": 7, "startColumn": 9, "endLine": 7, "endColumn": 15},
    }
    assert location["logicalLocations"] == [{"name": "hours", "fullyQualifiedName": "/channels/2/hours"}]
    assert result["message"] == {"text": 'x "y" is not z'}


def test_severities_map_to_sarif_levels() -> None:
    levels = {r["ruleId"]: r["level"] for r in results_of(log_of(
        finding(code="CH101", name="a", severity=Severity.ERROR),
        finding(code="CH102", name="b", severity=Severity.WARNING),
        finding(code="CH103", name="c", severity=Severity.INFO),
    ))}
    assert levels == {"CH101": "error", "CH102": "warning", "CH103": "note"}


@pytest.mark.parametrize(("path", "uri"), [
    ("charters/our charter.charter.yaml", "charters/our%20charter.charter.yaml"),
    ("région/bibliothèque.charter.md", "r%C3%A9gion/biblioth%C3%A8que.charter.md"),
    ("./a.charter.yaml", "a.charter.yaml"),
    ("docs\\b.charter.json", "docs/b.charter.json"),
    ("100%#?.charter.yaml", "100%25%23%3F.charter.yaml"),
    ("/srv/charters/a b.charter.yaml", "file:///srv/charters/a%20b.charter.yaml"),
    ("C:/charters/a.charter.yaml", "file:///C:/charters/a.charter.yaml"),
])
def test_paths_become_percent_encoded_uris(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


def test_encoded_paths_stay_valid_sarif() -> None:
    log = log_of(finding(path="tests/our charters/bibliothèque.charter.yaml"))
    assert sarif_errors(log) == []
    [result] = results_of(log)
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "tests/our%20charters/biblioth%C3%A8que.charter.yaml"


def test_suppressed_findings_are_reported_with_their_suppression() -> None:
    log = log_of(
        finding(line=3, suppression=Suppression("inSource", "the calendar is defined in a shared file")),
        finding(line=9, code="CH101", name="missing-channel-commitment", suppression=Suppression("external")),
        finding(line=12, code="CH102", name="other"),
    )
    assert sarif_errors(log) == []
    by_line = {r["locations"][0]["physicalLocation"]["region"]["startLine"]: r for r in results_of(log)}
    assert by_line[3]["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "the calendar is defined in a shared file"}]
    assert by_line[9]["suppressions"] == [{"kind": "external", "status": "accepted"}]
    assert "suppressions" not in by_line[12]


def test_fingerprints_do_not_change_when_lines_move_but_differ_between_problems() -> None:
    def prints(*findings: Any) -> list[str]:
        return [r["partialFingerprints"][FINGERPRINT_KEY] for r in results_of(log_of(*findings))]

    [before] = prints(finding(line=3, column=5))
    [after] = prints(finding(line=40, column=9))
    assert before == after
    first, second = prints(finding(line=3), finding(line=9, pointer="/channels/1/hours"))
    assert first != second
    twin_a, twin_b = prints(finding(line=3), finding(line=9))
    assert twin_a != twin_b, "identical findings in one file must not share a fingerprint"


def test_a_finding_whose_rule_is_not_listed_still_gets_a_descriptor() -> None:
    log = log_of(finding(code="CH000", name="internal-error"), rules=(rule("CH020", "unknown-reference"),))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    [result] = results_of(log)
    assert rules[result["ruleIndex"]]["id"] == "CH000"
    assert sarif_errors(log) == []


def test_output_is_sorted_json_ending_with_a_newline() -> None:
    text = render(report(finding()), RenderOptions())
    assert text.endswith("}\n")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_a_sarif_file_is_written_beside_text_on_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    out = tmp_path / "nested" / "charterlint.sarif"
    out.parent.mkdir()  # a report's folder is not made (tests/cli/test_report_paths.py)
    code = main(["check", "tests/fixtures/report_scenario/ferries.charter.yaml", "--select", "CH0",
                 "--format", "text", "--format", f"sarif:{out}"])
    assert code == 1
    assert "CH020 [unknown-reference]" in capsys.readouterr().out
    assert [r["ruleId"] for r in results_of(json.loads(out.read_text(encoding="utf-8")))] == [
        "CH020", "CH021", "CH020"]
