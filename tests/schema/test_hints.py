"""Hints that work: every hint a format message gives, applied as written, makes that place valid.

The hints are collected from what the schema and value checks say about every charter the test
suite has (the fixtures, every rule's documented examples) and a set of typical writer mistakes:
`(write "80%")` and `expected e.g. "2025-03-01"` replace the value, `did you mean "hours"?`
replaces the value or renames the key it is about.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from charterlint.engine.examples import examples_of
from charterlint.model import Finding
from tests.helpers import FIXTURES, MINIMAL_CHARTER, builtin_rules, lint_text

FORMAT_RULES = ["CH010", "CH011", "CH012", "CH013", "CH020"]
_HINTS = (re.compile(r'\(write "(?P<text>[^"]*)"\)'), re.compile(r'did you mean "(?P<text>[^"]*)"\?'),
          re.compile(r'expected e\.g\. "(?P<text>[^"]*)"'))

# Mistakes writers make (the trial of issue 16, and the forms the schema messages explain).
MISTAKES = [
    ("      answer: {within: 60 seconds}\n", "      answer: {within: 60, target: 80}\n"),
    ("      answer: {within: 60 seconds}\n", "      answer: {within: 3 minutes, target: 0.8}\n"),
    ("      answer: {within: 60 seconds}\n", "      answer: {within: 2 workdays}\n"),
    ("      answer: {within: 60 seconds}\n", "      answer: {within: 1 min, target: 80 %}\n"),
    ("    type: phone\n", "    type: telephone\n"),
    ("    type: phone\n", "    type: phone\n    adress: 08001234567\n"),
    ("    type: phone\n", "    type: phone\n    address: 08001234567\n"),
    ("    hours: always\n", "    hour: always\n"),
    ("  last_reviewed: 2025-06-01\n", "  last_reviewed: 2025-6-1\n"),
    ("  last_reviewed: 2025-06-01\n", "  last_reviewed: 2025-02-30\n"),
    ("organization:\n", "organisation:\n"),
    ("  name: Example Water\n", "  name: Example Water\n  sector: utilty\n"),
    ("overview:\n  mission: Safe water.\n", "overveiw:\n  mission: Safe water.\n"),
]
BASE = MINIMAL_CHARTER.replace("    hours: always\n", "    hours: always\n    commitments:\n"
                               "      answer: {within: 60 seconds}\n")


def _charters() -> Iterator[tuple[str, str, str]]:
    """(id, file name, text) of every charter the hints are collected from."""
    for path in sorted(FIXTURES.rglob("*.charter.*")):
        yield str(path.relative_to(FIXTURES)), path.name, path.read_text(encoding="utf-8")
    for example in examples_of(builtin_rules()):
        yield example.id, str(example.data.get("filename", "example.charter.yaml")), example.data["charter"]
    for number, (old, new) in enumerate(MISTAKES):
        assert old in BASE
        yield f"mistake-{number}", "t.charter.yaml", BASE.replace(old, new)


def _offset(text: str, line: int, column: int) -> int:
    lines = text.splitlines(keepends=True)
    return sum(len(lines[number]) for number in range(line - 1)) + column - 1


def _applied(text: str, finding: Finding, hint: str) -> str:
    """`text` with the hint written in place of the finding's span (a key renamed, a value replaced)."""
    start = _offset(text, finding.span.start.line, finding.span.start.column)
    end = _offset(text, finding.span.end.line, finding.span.end.column)
    is_key = finding.code in ("CH011", "CH012")
    return text[:start] + (hint if is_key else json.dumps(hint, ensure_ascii=False)) + text[end:]


def _hinted() -> Iterator[tuple[str, str, str, Finding, str]]:
    for name, filename, text in _charters():
        for finding in lint_text(text, FORMAT_RULES, filename=filename).findings:
            for pattern in _HINTS:
                found = pattern.search(finding.message)
                if found is not None:
                    yield name, filename, text, finding, found.group("text")
                    break


HINTED = [pytest.param(filename, text, finding, hint, id=f"{name}:{finding.span.start.line}:{finding.code}")
          for name, filename, text, finding, hint in _hinted()]


def test_the_hints_cover_the_mistakes_of_issue_16() -> None:
    hints = {(finding.code, hint) for _, _, finding, hint in (p.values for p in HINTED)}
    assert {("CH013", "80%"), ("CH013", "60 working days"), ("CH013", "2 working days"), ("CH013", "1 minute"),
            ("CH013", "phone"), ("CH011", "organization"), ("CH011", "hours"), ("CH011", "overview"),
            ("CH012", "address"), ("CH013", "utility")} <= hints


@pytest.mark.parametrize(("filename", "text", "finding", "hint"), HINTED)
def test_a_hint_applied_as_written_makes_its_place_valid(filename: str, text: str, finding: Finding,
                                                         hint: str) -> None:
    after = lint_text(_applied(text, finding, hint), FORMAT_RULES, filename=filename).findings
    if finding.code in ("CH011", "CH012"):  # a key renamed: neither name is unknown or missing any more
        renamed = finding.pointer.rsplit("/", 1)[0] + "/" + hint
        still = [f for f in after if f.code in ("CH011", "CH012") and f.pointer in (finding.pointer, renamed)]
    else:  # a value replaced: nothing is wrong with it
        still = [f for f in after if f.pointer == finding.pointer]
    assert still == [], f"applying {hint!r} for {finding.message!r} left {[f.message for f in still]}"
