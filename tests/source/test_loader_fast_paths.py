"""The loaders' fast paths keep their meaning: YAML 1.2 scalars, spans made on demand, JSON errors."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, seed, settings
from hypothesis import strategies as st

from charterlint.model import Position, Span
from charterlint.source.document import Limits, NodeSpans
from charterlint.source.json_loader import load_json
from charterlint.source.parsed import ParseError
from charterlint.source.yaml_loader import load_yaml
from charterlint.source.yaml_scalars import resolve_plain

# The YAML 1.2 core schema as written in the specification, one pattern per type.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


def reference(text: str) -> Any:
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _INT_OCT.match(text):
        return int(text[2:], 8)
    if _INT_HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    return _SPECIAL.get(text.lower(), text)


def same(first: Any, second: Any) -> bool:
    if isinstance(first, float) and first != first:
        return isinstance(second, float) and second != second
    return type(first) is type(second) and first == second


SCALARS = ["", "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "yes", "no", "on", "0", "-0",
           "+12", "012", "0o17", "0o8", "0x1F", "0xg", "1.5", ".5", "5.", "1e3", "1.5E-3", "+.inf", "-.Inf", ".NaN",
           ".inf.", "2025-01-01", "80%", "2 working days", "09:00-17:00", "1_000", "null\n", "~\n", "\n", "12\n",
           "true\n", "1.5\n", "x\n", "phone"]


@pytest.mark.parametrize("text", SCALARS)
def test_plain_scalars_resolve_as_the_core_schema_says(text: str) -> None:
    assert same(resolve_plain(text), reference(text))


@seed(20261125)
@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.text(alphabet="0123456789+-.eExobafnulNUL~TtrFs \n", max_size=8))
def test_any_short_scalar_resolves_as_the_core_schema_says(text: str) -> None:
    assert same(resolve_plain(text), reference(text))


def test_node_spans_are_made_on_demand_and_behave_as_a_mapping() -> None:
    nodes = load_yaml("a: 1\nb:\n  - x\n", Limits()).nodes
    assert list(nodes) == ["", "/a", "/b", "/b/0"]
    assert len(nodes) == 4 and "/b/0" in nodes and "/c" not in nodes
    assert nodes["/a"] == NodeSpans(Span(Position(1, 4), Position(1, 5)), Span(Position(1, 1), Position(1, 2)))
    assert nodes.get("/b/0") == NodeSpans(Span(Position(3, 5), Position(3, 6)))
    assert nodes.get("/c") is None and nodes.get("/c", nodes["/a"]) == nodes["/a"]
    assert dict(nodes.items())["/b"].value == Span(Position(3, 3), Position(3, 6))


def test_json_node_spans_are_made_on_demand() -> None:
    nodes = load_json('{"a": [1, {"b": null}]}', Limits()).nodes
    assert list(nodes) == ["", "/a", "/a/0", "/a/1", "/a/1/b"]
    assert nodes["/a/1/b"] == NodeSpans(Span(Position(1, 17), Position(1, 21)), Span(Position(1, 12), Position(1, 15)))


@pytest.mark.parametrize("text", ['{"a": }', '{"a": {"b": }}'])
def test_a_json_member_without_a_value_is_an_error(text: str) -> None:
    with pytest.raises(ParseError, match="expecting a value, found '}'"):
        load_json(text, Limits())


def test_mapping_keys_share_one_string_per_name() -> None:
    data = load_yaml("- {id: a}\n- {id: b}\n", Limits()).data
    first, second = (next(iter(entry)) for entry in data)
    assert first == second == "id" and first is second
