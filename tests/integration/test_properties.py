"""Property-based tests: for generated and mutated charters the linter never raises, exits 0/1/2,
and every finding has a position inside the file. Seeded and bounded for CI."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from charterlint.model import FileResult
from tests.helpers import ROOT, lint_text

EXAMPLES = sorted((ROOT / "examples").glob("*.charter.*"))
BOUNDED = settings(max_examples=150, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["2 working days", "1-2 days", "always", "80%", "2025-03-01", "phone", "email",
                     "as soon as possible", "same channel", "office"]),
)
keys = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["charter_format", "title", "organization", "name", "overview", "mission", "channels",
                     "id", "type", "hours", "commitments", "respond", "within", "target", "review",
                     "last_reviewed", "feedback", "escalation", "stages", "via", "calendars", "x-note"]),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=30,
)


def assert_positions_inside(result: FileResult, text: str) -> None:
    lines = text.splitlines() or [""]
    for finding in result.findings:
        start, end = finding.span.start, finding.span.end
        assert 1 <= start.line <= len(lines), finding
        assert 1 <= start.column <= len(lines[start.line - 1]) + 1, finding
        assert (end.line, end.column) >= (start.line, start.column), finding


@seed(20261125)
@BOUNDED
@given(documents, st.sampled_from(["yaml", "json", "md"]), st.sampled_from(["recommended", "strict"]))
def test_generated_documents_never_raise(document: object, kind: str, preset: str) -> None:
    if kind == "json":
        text = json.dumps(document, indent=2)
    else:
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        if kind == "md":
            text = f"---\n{text}---\n# Charter\n\nWe reply promptly.\n"
    result = lint_text(text, preset=preset, filename=f"gen.charter.{kind}")
    assert_positions_inside(result, text)


@seed(20261125)
@BOUNDED
@given(st.sampled_from(EXAMPLES), st.data())
def test_mutated_examples_never_raise(path: Path, data: st.DataObject) -> None:
    text = path.read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        fragment = data.draw(st.sampled_from(["", ":", "-", " ", "\t", "\n", "[", "{", "'", '"', "&a", "*a",
                                              "!!python/object", "---", "#", "\x00", "é", "2 days", "\ufeff"]))
        length = data.draw(st.integers(0, 20))
        if action == "insert":
            text = text[:position] + fragment + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + length:]
        else:
            text = text[:position] + fragment + text[position + len(fragment):]
    result = lint_text(text, preset="strict", filename=path.name)
    if result.findings and text:
        assert_positions_inside(result, text.lstrip("\ufeff"))
