"""JUnit XML for CI test views (GitLab, Jenkins, Azure): a testsuite per file, a testcase per rule.

A rule's testcase fails when the rule found something in the file (suppressed findings do
not count); its failure lists every finding. In a file that did not parse, the rules
without findings were not checked, so their testcases are skipped. No timings: the same
input gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from charterlint.model import FileResult, Finding, Report, RuleInfo
from charterlint.reporters import RenderOptions
from charterlint.reporters.inert import inert

# Characters XML 1.0 cannot carry at all, even escaped (inert has escaped the controls among them).
_NOT_XML = re.compile("[\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """Text as a CI log may print it: inert (one finding one line, no terminal escapes), then XML-safe."""
    return _NOT_XML.sub(lambda match: f"\\u{ord(match.group()):04x}", inert(text))


def _finding_line(finding: Finding) -> str:
    start = finding.span.start
    return (f"{finding.path}:{start.line}:{start.column}: {finding.severity.label} "
            f"{finding.code} [{finding.name}] {finding.message}")


def _testcase(result: FileResult, rule: RuleInfo, findings: list[Finding]) -> ET.Element:
    case = ET.Element("testcase", {"classname": _xml_text(result.path), "name": f"{rule.code} {rule.name}"})
    if findings:
        message = findings[0].message if len(findings) == 1 else f"{len(findings)} findings"
        failure = ET.SubElement(case, "failure", {"message": _xml_text(message), "type": rule.code})
        failure.text = "\n".join(_xml_text(_finding_line(f)) for f in findings)
    elif not result.parsed:
        ET.SubElement(case, "skipped", {"message": "not checked: the file could not be read or parsed"})
    return case


def _rules(report: Report) -> list[RuleInfo]:
    by_code = {rule.code: rule for rule in report.rules}
    for finding in report.findings:
        by_code.setdefault(finding.code, RuleInfo(finding.code, finding.name, finding.severity, ""))
    return [by_code[code] for code in sorted(by_code)]


def _testsuite(result: FileResult, rules: list[RuleInfo]) -> ET.Element:
    active: dict[str, list[Finding]] = {}
    for finding in result.findings:
        if finding.suppression is None:
            active.setdefault(finding.code, []).append(finding)
    cases = [_testcase(result, rule, active.get(rule.code, [])) for rule in rules]
    suite = ET.Element("testsuite", {
        "name": _xml_text(result.path),
        "tests": str(len(cases)),
        "failures": str(sum(case.find("failure") is not None for case in cases)),
        "errors": "0",
        "skipped": str(sum(case.find("skipped") is not None for case in cases)),
    })
    suite.extend(cases)
    return suite


def render(report: Report, options: RenderOptions) -> str:
    rules = _rules(report)
    suites = [_testsuite(result, rules) for result in report.files]
    root = ET.Element("testsuites", {
        "name": "charterlint",
        "tests": str(sum(int(s.get("tests", "0")) for s in suites)),
        "failures": str(sum(int(s.get("failures", "0")) for s in suites)),
        "errors": "0",
        "skipped": str(sum(int(s.get("skipped", "0")) for s in suites)),
    })
    root.extend(suites)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
