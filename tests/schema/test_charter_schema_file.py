"""The charter schema is a valid draft 2020-12 schema that accepts the examples and rejects typos."""
from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from tests.helpers import ROOT

SCHEMA = json.loads((ROOT / "schemas" / "charter.schema.json").read_text(encoding="utf-8"))
EXAMPLES = sorted((ROOT / "examples").glob("*.charter.*"))
_DELETE = object()

MINIMAL: dict[str, Any] = {
    "charter_format": 1,
    "title": "Customer Service Charter",
    "organization": {"name": "Example Water"},
    "overview": {"mission": "Clean water for everyone."},
    "channels": [
        {"id": "email", "type": "email", "hours": "always",
         "commitments": {"respond": {"within": "2 working days", "target": "90%"}}},
    ],
    "review": {"last_reviewed": "2025-03-01"},
}


def _strings_for_dates(value: Any) -> Any:
    """Turn the date objects of an unquoted YAML date back into ISO strings, as the loader does."""
    if isinstance(value, dict):
        return {key: _strings_for_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_strings_for_dates(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _load(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text.split("---\n")[1]
    return _strings_for_dates(yaml.safe_load(text))


def _validator() -> Draft202012Validator:
    return Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _changed(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    document = copy.deepcopy(MINIMAL)
    node: Any = document
    for step in path[:-1]:
        node = node[step]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return document


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)


def test_the_documented_examples_exist() -> None:
    assert {"clean-omnichannel.charter.yaml", "council.charter.md", "legacy.charter.yaml"} <= {
        path.name for path in EXAMPLES}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_example_is_valid(path: Path) -> None:
    errors = [error.message for error in _validator().iter_errors(_load(path))]
    assert errors == []


@pytest.mark.parametrize(
    ("path", "value", "valid"),
    [
        ((), None, True),
        (("channels", 0, "commitments", "respond", "within"), "2 workdays", False),
        (("channels", 0, "commitments", "respond", "within"), "1-2 business days", True),
        (("channels", 0, "commitments", "respond", "within"), "end of next working day", True),
        (("channels", 0, "commitments", "respond", "target"), "120%", False),
        (("channels", 0, "commitments", "respond", "target"), "0.9", False),
        (("channels", 0, "commitments", "respond", "statistic"), "median", False),
        (("channels", 0, "type"), "carrier_pigeon", False),
        (("channels", 0, "hours"), _DELETE, False),
        (("channels", 0, "hours"), "24/7", False),
        (("channels", 0, "emial"), "help@example.com", False),
        (("channels", 0, "x-crm-queue"), "web", True),
        (("x-owner",), {"team": "cx"}, True),
        (("overview", "mission"), _DELETE, False),
        (("review", "last_reviewed"), "2025-02-30", False),
        (("review", "last_reviewed"), "1 March 2025", False),
        (("charter_format",), 2, False),
        (("channels",), [], False),
    ],
)
def test_document_validity(path: tuple[str | int, ...], value: Any, valid: bool) -> None:
    document = copy.deepcopy(MINIMAL) if path == () else _changed(path, value)
    assert _validator().is_valid(document) is valid
