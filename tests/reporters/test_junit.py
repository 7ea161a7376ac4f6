"""JUnit XML: a testsuite per file, a testcase per rule, failures carrying the findings."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from charterlint.model import Severity, Suppression
from charterlint.reporters import RenderOptions
from charterlint.reporters.junit import render
from tests.helpers import finding, report, rule

RULES = (rule("CH001", "syntax-error"), rule("CH020", "unknown-reference"), rule("CH101", "missing-commitment"))


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def test_one_suite_per_file_and_one_case_per_rule() -> None:
    root = parse(render(report(finding(path="a.charter.yaml"), finding(path="b.charter.yaml", line=9),
                               rules=RULES), RenderOptions()))
    assert [s.get("name") for s in root.iter("testsuite")] == ["a.charter.yaml", "b.charter.yaml"]
    for suite in root.iter("testsuite"):
        assert [c.get("name") for c in suite.iter("testcase")] == [
            "CH001 syntax-error", "CH020 unknown-reference", "CH101 missing-commitment"]
    assert (root.get("tests"), root.get("failures")) == ("6", "2")


def test_a_failure_lists_every_finding_of_its_rule() -> None:
    root = parse(render(report(finding(line=3, message="first"), finding(line=9, message="second"),
                               rules=RULES), RenderOptions()))
    [failure] = root.iter("failure")
    assert failure.get("message") == "2 findings" and failure.get("type") == "CH020"
    assert failure.text == ("a.charter.yaml:3:5: error CH020 [unknown-reference] first\n"
                            "a.charter.yaml:9:5: error CH020 [unknown-reference] second")


def test_suppressed_findings_do_not_fail() -> None:
    root = parse(render(report(finding(suppression=Suppression("inSource", "known")), rules=RULES),
                        RenderOptions()))
    assert list(root.iter("failure")) == []


def test_rules_that_could_not_run_on_an_unparsed_file_are_skipped() -> None:
    root = parse(render(report(finding(code="CH001", name="syntax-error", severity=Severity.ERROR),
                               rules=RULES, parsed=False), RenderOptions()))
    cases = {c.get("name"): [child.tag for child in c] for c in root.iter("testcase")}
    assert cases == {"CH001 syntax-error": ["failure"], "CH020 unknown-reference": ["skipped"],
                     "CH101 missing-commitment": ["skipped"]}


def test_control_characters_and_markup_in_messages_stay_well_formed() -> None:
    root = parse(render(report(finding(message='bad \x01 byte & <tag> "q"'), rules=RULES), RenderOptions()))
    [failure] = root.iter("failure")
    assert failure.get("message") == 'bad \\x01 byte & <tag> "q"'
