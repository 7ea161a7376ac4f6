"""Loading keeps a span for every node, in YAML, JSON and Markdown front matter."""

from __future__ import annotations

import pytest

from charterlint.model import Position, Span
from charterlint.source.document import Document, Limits
from charterlint.source.loader import load_document

YAML = """\
charter_format: 1
title: "Quoted title"
review:
  last_reviewed: 2025-03-01
  owner: yes
channels:
  - id: email
    hours: always
"""

JSON = """{
  "charter_format": 1,
  "title": "Quoted title",
  "review": {"last_reviewed": "2025-03-01", "owner": "yes"},
  "channels": [
    {"id": "email", "hours": "always"}
  ]
}
"""

MARKDOWN = """---
charter_format: 1
title: Quoted title
review:
  last_reviewed: 2025-03-01
---
# Our charter

We answer promptly.
"""


def load(text: str, name: str) -> Document:
    loaded = load_document(name, text.encode("utf-8"), Limits())
    assert isinstance(loaded, Document), loaded
    return loaded


def test_yaml_keeps_unquoted_dates_and_yes_as_strings() -> None:
    document = load(YAML, "a.charter.yaml")
    assert document.data["review"] == {"last_reviewed": "2025-03-01", "owner": "yes"}
    assert document.data["charter_format"] == 1


@pytest.mark.parametrize(
    ("pointer", "value_span", "key_span"),
    [
        ("/title", Span(Position(2, 8), Position(2, 22)), Span(Position(2, 1), Position(2, 6))),
        ("/review/last_reviewed", Span(Position(4, 18), Position(4, 28)), Span(Position(4, 3), Position(4, 16))),
        ("/channels/0/hours", Span(Position(8, 12), Position(8, 18)), Span(Position(8, 5), Position(8, 10))),
    ],
)
def test_yaml_spans_cover_values_and_keys(pointer: str, value_span: Span, key_span: Span) -> None:
    node = load(YAML, "a.charter.yaml").nodes[pointer]
    assert (node.value, node.key) == (value_span, key_span)


def test_yaml_list_item_span_starts_at_its_first_key() -> None:
    node = load(YAML, "a.charter.yaml").nodes["/channels/0"]
    assert node.value.start == Position(7, 5)
    assert node.key is None


@pytest.mark.parametrize(
    ("pointer", "start", "end"),
    [
        ("/title", Position(3, 12), Position(3, 26)),
        ("/review/last_reviewed", Position(4, 31), Position(4, 43)),
        ("/channels/0", Position(6, 5), Position(6, 39)),
        ("/channels/0/hours", Position(6, 30), Position(6, 38)),
    ],
)
def test_json_spans(pointer: str, start: Position, end: Position) -> None:
    node = load(JSON, "a.charter.json").nodes[pointer]
    assert (node.value.start, node.value.end) == (start, end)


def test_json_and_yaml_give_the_same_data() -> None:
    assert load(JSON, "a.charter.json").data == load(YAML, "a.charter.yaml").data | {
        "review": {"last_reviewed": "2025-03-01", "owner": "yes"}
    }


def test_markdown_front_matter_positions_are_lines_of_the_file() -> None:
    document = load(MARKDOWN, "a.charter.md")
    assert document.nodes["/review/last_reviewed"].value.start == Position(5, 18)
    assert document.body is not None
    assert document.body.first_line == 7
    assert document.body.lines[2] == "We answer promptly."


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("CHARTER", "---\ntitle: x\n---\nbody\n", "markdown"),
        ("charter.txt", '  {"title": "x"}', "json"),
        ("charter", "title: x\n", "yaml"),
        ("charter.YML", "title: x\n", "yaml"),
    ],
)
def test_explicit_files_are_sniffed_by_content(name: str, text: str, kind: str) -> None:
    assert load(text, name).kind == kind


def test_yaml_duplicate_key_is_reported_at_its_second_occurrence() -> None:
    document = load("a: 1\nb: 2\na: 3\n", "x.yaml")
    assert document.data == {"a": 3, "b": 2}
    [problem] = document.problems
    assert (problem.kind, problem.span) == ("duplicate-key", Span(Position(3, 1), Position(3, 2)))
    assert problem.message.startswith('duplicate key "a" (first on line 1)')


def test_json_duplicate_key_is_reported_at_its_second_occurrence() -> None:
    document = load('{"a": 1,\n "a": 2}', "x.json")
    [problem] = document.problems
    assert (problem.kind, problem.span.start) == ("duplicate-key", Position(2, 2))


def test_yaml_aliases_get_positions_under_every_path() -> None:
    document = load("base: &h {hours: always}\nother: *h\n", "x.yaml")
    assert document.data["other"] == {"hours": "always"}
    assert document.nodes["/other"].value.start == Position(2, 8)
    assert document.nodes["/other/hours"].value.start == Position(1, 18)
